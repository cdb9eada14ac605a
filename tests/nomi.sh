#!/usr/bin/env bash
# The name-matching benchmark (run by hand, not by CI):
#   tests/nomi.sh [CALLS]
# Prints one Markdown table: the recall and the false alarms of the
# duplicate check on the lists in tests/nomi/ (as the unit test
# tests/test_nome measures them, through the intake's own writer and
# query), and the time of the duplicate check, median and p99 of CALLS
# calls (default 2000), at 1,000 and at 100,000 synthetic minors
# (approdo-admin demo --minori N), each without the planner's statistics
# and after ANALYZE. The databases stay in var/nomi/ for the next run;
# tests/nomi_bench.c rewrites their name keys first, so they always
# follow this build's rules.
set -eu
cd "$(dirname "$0")/.."
SRC=$(pwd -P)
CALLS=${1:-2000}
STATE=$SRC/var/nomi

[ -f Makefile ] || { autoreconf -fi && ./configure -q; }
make -j2 >/dev/null
make tests/test_nome >/dev/null
mkdir -p "$STATE"
cc -O2 -I lib/core -I lib/minori -I/usr/include/ClearSilver -D_GNU_SOURCE \
	-o "$STATE/nomi_bench" tests/nomi_bench.c lib/libapprodo.a \
	-lneo_cgi -lneo_cs -lneo_utl -lz \
	$(pkg-config --libs fcgi sqlite3 libcurl libsodium icu-uc icu-i18n)

tap=$(srcdir=$SRC APPRODO_SQL=$SRC/sql tests/test_nome)
if echo "$tap" | grep -q '^not ok'; then
	echo "$tap" | grep -A1 '^not ok'
	exit 1
fi
# "128 of 129 variant pairs offered both ways (99.2%)" -> "128 of 129 (99.2%)"
figure() {
	echo "$tap" | sed -n "s/^# $1: \([0-9]* of [0-9]*\) .*\((.*)\)\$/\1 \2/p"
}

echo "| measure | result |"
echo "|---|---|"
echo "| recall: variant pairs offered, both ways round | $(figure recall) |"
echo "| false alarms: pairs of different people offered | $(figure 'false alarms') |"
for n in 1000 100000; do
	db=$STATE/minori-$n.db
	have=0
	[ -f "$db" ] && have=$(sqlite3 "$db" 'SELECT count(*) FROM minori')
	if [ "$have" -lt "$n" ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		APPRODO_DB=$db APPRODO_SQL=$SRC/sql cgi-bin/approdo-admin migrate >/dev/null
		APPRODO_DB=$db cgi-bin/approdo-admin demo >/dev/null
		APPRODO_DB=$db cgi-bin/approdo-admin demo --minori "$n" >/dev/null
	fi
	for stats in none analyze; do
		out=$("$STATE/nomi_bench" "$db" "$stats" "$CALLS")
		echo "$out" | grep '^plan:' >"$STATE/plan-$n-$stats.txt" || true
		set -- $(echo "$out" | tail -n 1)
		label="without statistics"
		[ "$stats" = analyze ] && label="after ANALYZE"
		echo "| check at $(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') minors, $label |" \
		    "median $1 ms, p99 $2 ms ($3 candidates) |"
	done
done
echo
echo "Plans (var/nomi/plan-*.txt):"
sort -u "$STATE"/plan-*.txt | sed 's/^plan: /    /'
