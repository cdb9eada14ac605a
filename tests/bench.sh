#!/usr/bin/env bash
# The speed and memory benchmark (run by hand, not by CI):
#   tests/bench.sh [N_MINORS] [SECONDS]
# Loads N synthetic minors (default 100000), serves Approdo through nginx,
# and measures with wrk at 32 connections, in one run: the case list
# (first page and a name search), a case page, a FastCGI hello-world and
# a static file through the same nginx. Prints requests/s, p50 and p99,
# each page's ratio to the hello-world, and the peak RSS of a worker.
# Targets (2 cores): each page >= 25% of hello-world's requests/s, p99 under
# 20 ms, a worker under 16 MB.
set -eu
cd "$(dirname "$0")/.."
SRC=$(pwd -P)
N=${1:-100000}
SECS=${2:-10}
PORT=${PORT:-18099}
STATE=$SRC/var/bench
CONNS=32

command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
tests/setup.sh demo >/dev/null
[ -f Makefile ] || { autoreconf -fi && ./configure -q; }
make -j2 >/dev/null
tests/servers.sh stop "$STATE" >/dev/null 2>&1 || true
mkdir -p "$STATE/bench"

export APPRODO_DB=$STATE/approdo.db APPRODO_SQL=$SRC/sql
cgi-bin/approdo-admin migrate >/dev/null
cgi-bin/approdo-admin demo >/dev/null
have=$(sqlite3 "$APPRODO_DB" 'SELECT count(*) FROM minori')
if [ "$have" -lt "$N" ]; then
	echo "loading $((N - have)) synthetic minors..."
	start=$(date +%s)
	cgi-bin/approdo-admin demo --minori "$N" >/dev/null
	echo "loaded in $(( $(date +%s) - start )) s"
fi
sqlite3 "$APPRODO_DB" 'PRAGMA optimize; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null

# The baseline program, under spawn-fcgi like the others.
cc -O2 -o "$STATE/bench/hello" tests/bench_hello.c $(pkg-config --cflags --libs fcgi)
mkdir -p "$STATE/run"
cat > "$STATE/bench/hello.conf" <<EOT
location = /hello { fastcgi_pass unix:$STATE/bench/hello.sock; }
EOT
trap 'tests/servers.sh stop "$STATE" >/dev/null 2>&1; pkill -f "$STATE/bench/hello" || true' EXIT
APPRODO_NGINX_EXTRA=$STATE/bench/hello.conf APPRODO_NGINX_WORKERS=2 \
	tests/servers.sh start nginx "$SRC" "$SRC" "$STATE" "$PORT"
runas=()
[ "$(id -u)" = 0 ] && runas=(-u www-data -g www-data)
spawn-fcgi -s "$STATE/bench/hello.sock" -M 0666 "${runas[@]}" -F 2 -- "$STATE/bench/hello" >/dev/null

# A signed-in responsabile for the case pages.
base=http://127.0.0.1:$PORT
jar=$STATE/bench/cookies
rm -f "$jar"
token=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null -H "Origin: $base" \
	--data "csrf=$token&username=responsabile&password=responsabile-demo-2026" "$base/login"
cookie=$(awk '$6 == "approdo" { print "approdo=" $7 }' "$jar")
[ -n "$cookie" ] || { echo "login failed"; exit 1; }
case_id=$(sqlite3 "$APPRODO_DB" "SELECT id FROM minori WHERE stato = 'in_carico' ORDER BY id LIMIT 1 OFFSET $((N / 2))")

declare -A rps p50 p99
measure() {
	local name=$1 path=$2 out
	curl -s -o /dev/null -w '' -H "Cookie: $cookie" "$base$path"
	out=$(wrk -t2 -c$CONNS -d"${SECS}s" --latency -H "Cookie: $cookie" "$base$path")
	if echo "$out" | grep -q "Non-2xx"; then
		echo "$name: non-2xx answers:"; echo "$out"; exit 1
	fi
	rps[$name]=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
	p50[$name]=$(echo "$out" | awk '$1 == "50%" { print $2 }')
	p99[$name]=$(echo "$out" | awk '$1 == "99%" { print $2 }')
}
measure hello /hello
measure static /static/css/approdo.css
measure elenco /minori
measure ricerca "/minori?q=mohamed"
measure fascicolo "/minori/$case_id"

# Peak resident memory of this server's minori workers (not another run's).
peak=0
for pid in $(pgrep -f "$SRC/cgi-bin/minori"); do
	tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null |
		grep -qx "APPRODO_SERVERS_STATEDIR=$STATE" || continue
	hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
	[ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
done

echo
echo "Approdo benchmark: $(sqlite3 "$APPRODO_DB" 'SELECT count(*) FROM minori') minors, wrk $CONNS connections, ${SECS}s each, $(nproc) cores"
printf '%-28s %10s %9s %9s %9s\n' "page" "req/s" "p50" "p99" "vs hello"
for name in hello static elenco ricerca fascicolo; do
	case $name in
	hello) label="FastCGI hello-world";;
	static) label="static file";;
	elenco) label="case list, first page";;
	ricerca) label="case list, name search";;
	fascicolo) label="case page";;
	esac
	ratio=$(awk -v a="${rps[$name]}" -v b="${rps[hello]}" 'BEGIN { printf "%.0f%%", 100 * a / b }')
	printf '%-28s %10s %9s %9s %9s\n' "$label" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}" "$ratio"
done
echo "peak RSS of a minori worker: $((peak / 1024)) MB ($peak kB)"
