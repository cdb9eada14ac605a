#!/bin/sh
# Builds the libFuzzer target tests/fuzz_request.c (request_parse and the
# parsers of lib/core/parse.c under ASan, UBSan and LeakSanitizer) and runs it
# for a bounded time on a copy of the seed corpus tests/fuzz-corpus/.
#
#   tests/fuzz.sh [BUILD_DIR [SECONDS]]     defaults: ./build-fuzz 60
#
# Prints TAP; exits 0 only if the target builds and the run finds nothing.
# Works from any directory and on a read-only source tree: everything it
# writes (binary, corpus copy, dictionary, logs, crash files) goes to
# BUILD_DIR, or to a fresh directory under $TMPDIR if BUILD_DIR cannot be
# written. Set CC to use another clang.

set -u

build=${1:-./build-fuzz}
secs=${2:-60}
case $secs in
''|*[!0-9]*|0) echo "usage: $0 [BUILD_DIR [SECONDS>0]]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd) || exit 2
top=$(dirname "$here")
seeds=$here/fuzz-corpus

echo "1..2"

cc=${CC:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "not ok 1 - clang not installed"
	echo "not ok 2 - fuzz_request not run"
	exit 1
fi

if ! mkdir -p "$build" 2>/dev/null || ! test -w "$build"; then
	fallback=$(mktemp -d "${TMPDIR:-/tmp}/approdo-fuzz.XXXXXX") || exit 2
	echo "# $build is not writable, building in $fallback"
	build=$fallback
fi
build=$(cd "$build" && pwd)
bin=$build/fuzz_request

# Build.
if "$cc" -g -O1 -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined \
    -I"$top/lib/core" -I/usr/include/ClearSilver -D_GNU_SOURCE \
    -DAPPRODO_STATEDIR='"/tmp"' -DAPPRODO_DATADIR='"/tmp"' \
    "$here/fuzz_request.c" "$top/lib/core/parse.c" "$top/lib/core/request.c" \
    "$top/lib/core/util.c" -o "$bin" >"$build/build.log" 2>&1; then
	echo "ok 1 - fuzz_request builds"
else
	echo "not ok 1 - fuzz_request builds"
	sed -n '1,20s/^/#   /p' "$build/build.log"
	if grep -q 'libclang_rt\.fuzzer\|clang_rt.fuzzer' "$build/build.log"
	then
		echo "# the libFuzzer runtime is missing: apt-get install" \
		    "libclang-rt-\$(clang major version)-dev"
	fi
	echo "not ok 2 - fuzz_request not run (build failed)"
	exit 1
fi

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

# Run on a fresh copy of the seeds; libFuzzer adds to the copy only.
corpus=$build/corpus
art=$build/artifacts
rm -rf "$corpus" "$art"
mkdir -p "$corpus" "$art" || exit 2
if test -d "$seeds"; then
	cp "$seeds"/* "$corpus"/ 2>/dev/null
fi
log=$build/fuzz.log

export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1"

guard=
if command -v timeout >/dev/null 2>&1; then
	guard="timeout -k 10 $((secs + 120))"
fi
start=$(date +%s)
(cd "$build" && exec $guard "$bin" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -max_total_time="$secs" -print_final_stats=1 \
    -dict="$build/fuzz_request.dict" -artifact_prefix="$art/" \
    "$corpus") >"$log" 2>&1
rc=$?
elapsed=$(( $(date +%s) - start ))

execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
if test -z "$execs"; then
	execs=$(sed -n 's/^#\([0-9][0-9]*\)[[:space:]].*/\1/p' "$log" | tail -n 1)
fi
execs=${execs:-0}
status=$(grep -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|DONE|INITED)' "$log" |
    tail -n 1)
crash=$(ls "$art" 2>/dev/null | head -n 1)

if test "$rc" -eq 0 && test -z "$crash"; then
	echo "ok 2 - fuzz_request ran $elapsed s, $execs executions, no crash"
	test -n "$status" && echo "# last status: $status"
	echo "# corpus and logs in $build"
	exit 0
fi

if test -n "$crash"; then
	echo "not ok 2 - fuzz_request crashed after $elapsed s: $art/$crash"
else
	echo "not ok 2 - fuzz_request failed (exit $rc) after $elapsed s"
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
exit 1
