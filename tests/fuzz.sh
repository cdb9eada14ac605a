#!/bin/sh
# Builds the libFuzzer targets and runs each for a bounded time on a copy of
# its seed corpus, under ASan, UBSan and LeakSanitizer:
#   fuzz_request  request_parse and the parsers of lib/core/parse.c
#                 (tests/fuzz_request.c, seeds in tests/fuzz-corpus/);
#   fuzz_nome     the name keys of lib/minori/nome.c on any bytes, valid
#                 UTF-8 in any script or not (tests/fuzz_nome.c, seeds in
#                 tests/fuzz-corpus-nome/);
#   fuzz_email    the text of a mail, lib/core/email.c, from any subject,
#                 addresses, name and body (tests/fuzz_email.c, seeds in
#                 tests/fuzz-corpus-email/).
#
#   tests/fuzz.sh [BUILD_DIR [SECONDS]]     defaults: ./build-fuzz 60
#
# SECONDS is for each target. Prints TAP, a build and a run point per
# target; exits 0 only if every target builds and no run finds
# anything. Works from any directory and on a read-only source tree:
# everything it writes (binaries, corpus copies, dictionaries, logs, crash
# files) goes to BUILD_DIR, or to a fresh directory under $TMPDIR if
# BUILD_DIR cannot be written. Set CC to use another clang.

set -u

build=${1:-./build-fuzz}
secs=${2:-60}
case $secs in
''|*[!0-9]*|0) echo "usage: $0 [BUILD_DIR [SECONDS>0]]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd) || exit 2
top=$(dirname "$here")

echo "1..6"

cc=${CC:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "not ok 1 - clang not installed"
	echo "not ok 2 - fuzz_request not run"
	echo "not ok 3 - clang not installed"
	echo "not ok 4 - fuzz_nome not run"
	echo "not ok 5 - clang not installed"
	echo "not ok 6 - fuzz_email not run"
	exit 1
fi

if ! mkdir -p "$build" 2>/dev/null || ! test -w "$build"; then
	fallback=$(mktemp -d "${TMPDIR:-/tmp}/approdo-fuzz.XXXXXX") || exit 2
	echo "# $build is not writable, building in $fallback"
	build=$fallback
fi
build=$(cd "$build" && pwd)

export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1"

failed=0

# fuzz N NAME SUFFIX SEEDS: builds $build/NAME from the sources after
# "--" (flags first), runs it on a copy of SEEDS with NAME.dict; TAP
# points N (build) and N+1 (run). Its files: build$SUFFIX.log,
# corpus$SUFFIX/, artifacts$SUFFIX/, fuzz$SUFFIX.log.
fuzz() {
	n=$1 name=$2 sfx=$3 seeds=$4
	shift 4
	bin=$build/$name
	if "$cc" -g -O1 -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=undefined -D_GNU_SOURCE \
	    -DAPPRODO_STATEDIR='"/tmp"' -DAPPRODO_DATADIR='"/tmp"' \
	    "$@" -o "$bin" >"$build/build$sfx.log" 2>&1; then
		echo "ok $n - $name builds"
	else
		echo "not ok $n - $name builds"
		sed -n '1,20s/^/#   /p' "$build/build$sfx.log"
		if grep -q 'libclang_rt\.fuzzer\|clang_rt.fuzzer' \
		    "$build/build$sfx.log"; then
			echo "# the libFuzzer runtime is missing: apt-get install" \
			    "libclang-rt-\$(clang major version)-dev"
		fi
		echo "not ok $((n + 1)) - $name not run (build failed)"
		failed=1
		return
	fi

	# Run on a fresh copy of the seeds; libFuzzer adds to the copy only.
	corpus=$build/corpus$sfx
	art=$build/artifacts$sfx
	log=$build/fuzz$sfx.log
	rm -rf "$corpus" "$art"
	mkdir -p "$corpus" "$art" || exit 2
	if test -d "$seeds"; then
		cp "$seeds"/* "$corpus"/ 2>/dev/null
	fi

	guard=
	if command -v timeout >/dev/null 2>&1; then
		guard="timeout -k 10 $((secs + 120))"
	fi
	start=$(date +%s)
	(cd "$build" && exec $guard "$bin" -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -max_total_time="$secs" -print_final_stats=1 \
	    -dict="$build/$name.dict" -artifact_prefix="$art/" \
	    "$corpus") >"$log" 2>&1
	rc=$?
	elapsed=$(( $(date +%s) - start ))

	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
	    tail -n 1)
	if test -z "$execs"; then
		execs=$(sed -n 's/^#\([0-9][0-9]*\)[[:space:]].*/\1/p' "$log" |
		    tail -n 1)
	fi
	execs=${execs:-0}
	status=$(grep -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|DONE|INITED)' \
	    "$log" | tail -n 1)
	crash=$(ls "$art" 2>/dev/null | head -n 1)

	if test "$rc" -eq 0 && test -z "$crash"; then
		echo "ok $((n + 1)) - $name ran $elapsed s, $execs executions," \
		    "no crash"
		test -n "$status" && echo "# last status: $status"
		echo "# corpus and logs in $build"
		return
	fi
	failed=1
	if test -n "$crash"; then
		echo "not ok $((n + 1)) - $name crashed after $elapsed s:" \
		    "$art/$crash"
	else
		echo "not ok $((n + 1)) - $name failed (exit $rc) after" \
		    "$elapsed s"
	fi
	# The first lines of the report, from the first error line on.
	first=$(grep -n -m 1 -E 'INVARIANT:|ERROR: |runtime error|==[0-9]+==|deadly signal|Timeout|out-of-memory' "$log" |
	    cut -d: -f1)
	# (libFuzzer's and libc's own frames and the build ids left out).
	sed -n "${first:-1},\$p" "$log" |
	    grep -v -E ' in (fuzzer::|__sanitizer_|__pthread_kill|raise|abort|__libc_start|_start)|^[[:space:]]*#[0-9]+ 0x[0-9a-f]+  \(|rudimentary signal|Combine libFuzzer' |
	    sed -e 's/ (BuildId: [0-9a-f]*)//' -e 's/^/#   /' | head -n 20
	echo "# full log: $log"
	if test -n "$crash"; then
		echo "# reproduce: $bin $art/$crash"
	fi
}

# A dictionary of the tokens the parsers look for.
cat >"$build/fuzz_request.dict" <<'EOF'
"\x0a"
"\x0d\x0a"
"\x0d\x0a\x0d\x0a"
"--"
"%"
"%00"
"%C3%A0"
"%ED%A0%80"
"+"
"&"
"="
";"
"?"
"#"
"\""
"\\"
"/utenti/"
"boundary="
"boundary=\""
"multipart/form-data"
"application/x-www-form-urlencoded"
"Content-Disposition: form-data; name=\""
"Content-Disposition"
"Content-Type: "
"form-data"
"name="
"filename=\""
"approdo="
"__Host-approdo="
"\xc3\xa0"
"\xf0\x9f\x98\x80"
"\xed\xa0\x80"
"\xc0\xaf"
"\xff"
EOF
fuzz 1 fuzz_request "" "$here/fuzz-corpus" \
    -I"$top/lib/core" -I/usr/include/ClearSilver \
    "$here/fuzz_request.c" "$top/lib/core/parse.c" "$top/lib/core/request.c" \
    "$top/lib/core/util.c"

# The particles, letters and scripts the name rules look for.
cat >"$build/fuzz_nome.dict" <<'EOF'
" "
"-"
"'"
"\x00"
"\x0a"
"abd"
"abdel"
"abdul"
"abdi"
"abdou"
"abdur"
"al-"
"el "
"ar-"
"ben"
"bin"
"ibn"
"ould"
"wolde"
"abou"
"ullah"
"allah"
"eddine"
"uddin"
"md"
"mohd"
"mst"
"kh"
"ch"
"th"
"dh"
"gh"
"ph"
"sh"
"bh"
"dj"
"dia"
"ou"
"oua"
"ow"
"aa"
"mohamed"
"mahmoud"
"hassan"
"hussein"
"\xd8\xb9"
"\xd8\xa9"
"\xd8\xa7\xd9\x84"
"\xd9\x85\xd8\xad\xd9\x85\xd8\xaf"
"\xe0\xa6\x9a"
"\xe0\xa6\xb9\xe0\xa7\x8b"
"\xe1\x8c\x88\xe1\x89\xa5"
"\xe1\x8d\xa1"
"\xc3\xa9"
"\xc3\x9f"
"\xe2\x80\x99"
"\xed\xa0\x80"
"\xc0\xaf"
"\xff"
EOF
fuzz 3 fuzz_nome -nome "$here/fuzz-corpus-nome" \
    -I"$top/lib/core" -I"$top/lib/minori" -I/usr/include/ClearSilver \
    $(pkg-config --cflags icu-uc icu-i18n sqlite3) \
    "$here/fuzz_nome.c" "$top/lib/minori/nome.c" "$top/lib/core/util.c" \
    "$top/lib/core/db.c" $(pkg-config --libs icu-uc icu-i18n sqlite3)

# What a mail's headers and body are made of.
cat >"$build/fuzz_email.dict" <<'EOF'
"\x00"
"\x0d\x0a"
"\x0a"
"\x0d"
"\x0d\x0a."
"\x0d\x0a.\x0d\x0a"
"@"
"<"
">"
"\""
","
"."
"="
"=?"
"=?UTF-8?B?"
"?="
"Bcc: "
"Subject: "
"approdo@comune.example"
"Approdo <approdo@comune.example>"
"\xc2\x85"
"\xe2\x80\xa8"
"\xc3\xa8"
"\xf0\x9d\x84\x9e"
"\xed\xa0\x80"
"\xff"
EOF
fuzz 5 fuzz_email -email "$here/fuzz-corpus-email" \
    -I"$top/lib/core" -I/usr/include/ClearSilver \
    "$here/fuzz_email.c" "$top/lib/core/email.c" "$top/lib/core/util.c"

exit $failed
