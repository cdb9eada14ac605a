# tests/tap.sh - what the shell tests share, sourced after setting $name:
# a temporary directory $tmp removed at exit, and ok STATUS DESCRIPTION
# (STATUS 0 is a pass) printing TAP; a script ends with tap_done.

srcdir=${srcdir:-.}
n=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/approdo-$name.XXXXXX") || {
	echo "Bail out! mktemp failed"
	exit 1
}
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=1
	fi
}

tap_done() {
	echo "1..$n"
	exit $failed
}
