#!/bin/sh
# tests/test_scadenze_cli.sh - TAP: the dated vectors of the deadline
# rules (tests/scadenze/vettori.txt, one point each) through the command
# anyone can run by hand, "approdo-admin scadenze calcola RULE START
# [END]"; "approdo-admin scadenze regole" lists every rule with its legal
# source; an unknown rule and a start that is not a date are refused.

name=test-scadenze-cli
. "${srcdir:-.}/tests/tap.sh"
admin=cgi-bin/approdo-admin
[ -x "$admin" ] || { echo "Bail out! $admin not built"; exit 1; }
vectors=$srcdir/tests/scadenze/vettori.txt
[ -r "$vectors" ] || { echo "Bail out! no $vectors"; exit 1; }
# The command opens a database (it needs none of its tables to compute).
APPRODO_DB=$tmp/approdo.db
export APPRODO_DB

tab=$(printf '\t')
count=0
while IFS="$tab" read -r rule start end want why; do
	case $rule in '#'* | '') continue ;; esac
	if [ "$end" = - ]; then
		got=$("$admin" scadenze calcola "$rule" "$start" 2>&1)
	else
		got=$("$admin" scadenze calcola "$rule" "$start" "$end" 2>&1)
	fi
	[ "$got" = "$want" ]
	ok $? "calcola $rule $start${end#-}: $want ($why)"
	[ "$got" = "$want" ] || echo "# got: $got"
	count=$((count + 1))
done < "$vectors"
[ "$count" -ge 60 ]
ok $? "at least 60 vectors through the command ($count)"

list=$("$admin" scadenze regole)
status=$?
sources=$(echo "$list" | grep -c '^  fonte: .')
[ $status -eq 0 ] && [ "$sources" -ge 19 ] &&
	echo "$list" | grep -q '^art403_atti$' &&
	echo "$list" | grep -q 'fonte: art. 403 c. 2 c.c.' &&
	echo "$list" | grep -q 'fonte: art. 32 c. 1-bis D.Lgs. 286/1998'
ok $? "regole: every rule with its legal source ($sources rules)"
for rule in $(echo "$list" | grep -E '^[a-z0-9_]+$'); do
	grep -q "^$rule$tab" "$vectors"
	ok $? "rule $rule listed and proved by a vector"
done

out=$("$admin" scadenze calcola nessuna 2026-01-01 2>&1)
[ $? -eq 2 ] && echo "$out" | grep -q 'regola sconosciuta'
ok $? "an unknown rule: refused, exit 2 ($out)"
out=$("$admin" scadenze calcola art32 2026-02-30 2>&1)
[ $? -eq 1 ] && echo "$out" | grep -q 'inizio non valido'
ok $? "a start that is not a date: refused, exit 1 ($out)"
out=$("$admin" scadenze calcola art403_atti 2026-03-29T02:75 2>&1)
[ $? -eq 1 ]
ok $? "a time that is not one: refused"

tap_done
