#!/bin/sh
# tests/test_registro.sh - TAP checks of the audit log's protection, with
# the real approdo-admin and the sqlite3 tool (any connection, not only
# the application's):
#   - REPLACE cannot rewrite a row of audit or audit_modifiche;
#   - "approdo-admin registro verifica" passes on an intact log and names
#     the first row where the chain breaks after an edit, a removal or an
#     insertion made with the sqlite3 tool.

name=test-registro
. "${srcdir:-.}/tests/tap.sh"
admin=cgi-bin/approdo-admin
[ -x "$admin" ] || { echo "Bail out! $admin not built"; exit 1; }
command -v sqlite3 >/dev/null || { echo "Bail out! no sqlite3 tool"; exit 1; }


# A fresh database with some chained rows: migrate, demo users and cases.
fresh() {
	rm -f "$tmp/$1.db"*
	APPRODO_DB=$tmp/$1.db APPRODO_SQL=$srcdir/sql "$admin" migrate >/dev/null &&
	APPRODO_DB=$tmp/$1.db "$admin" demo --minori 5 >/dev/null
}

verify() {  # verify NAME: prints the command's output, returns its status
	APPRODO_DB=$tmp/$1.db "$admin" registro verifica
}

fresh base
rows=$(sqlite3 "$tmp/base.db" "SELECT count(*) FROM audit WHERE hash IS NOT NULL")
[ "$rows" -ge 10 ]
ok $? "setup: demo data wrote $rows chained audit rows"
out=$(verify base)
[ $? -eq 0 ] && echo "$out" | grep -q "registro integro: $rows righe verificate"
ok $? "verifica: an intact log passes ($out)"

sqlite3 "$tmp/base.db" "INSERT OR REPLACE INTO audit (id, username, indirizzo,
	azione) VALUES (3, 'x', 'y', 'view')" 2>/dev/null
[ $? -ne 0 ] && [ "$(sqlite3 "$tmp/base.db" "SELECT azione FROM audit WHERE id = 3")" != view ]
ok $? "replace: INSERT OR REPLACE INTO audit is refused, the row unchanged"
sqlite3 "$tmp/base.db" "REPLACE INTO audit (id, username, indirizzo, azione)
	VALUES (4, 'x', 'y', 'view')" 2>/dev/null
[ $? -ne 0 ]
ok $? "replace: REPLACE INTO audit is refused"
sqlite3 "$tmp/base.db" "INSERT INTO audit_modifiche (audit_id, campo, prima,
	dopo) VALUES (3, 'a', 'b', 'c')"
first=$(sqlite3 "$tmp/base.db" "SELECT campo FROM audit_modifiche WHERE rowid = 1")
sqlite3 "$tmp/base.db" "PRAGMA recursive_triggers = OFF; REPLACE INTO
	audit_modifiche (rowid, audit_id, campo, prima, dopo)
	VALUES (1, 3, 'z', 'z', 'z')" 2>/dev/null
[ $? -ne 0 ] && [ -n "$first" ] &&
	[ "$(sqlite3 "$tmp/base.db" "SELECT campo FROM audit_modifiche WHERE rowid = 1")" = "$first" ]
ok $? "replace: REPLACE INTO audit_modifiche cannot rewrite a row"

# Tampering with the sqlite3 tool, after dropping the triggers.
fresh edit
target=$(sqlite3 "$tmp/edit.db" "SELECT id FROM audit WHERE hash IS NOT NULL ORDER BY id LIMIT 1 OFFSET 4")
sqlite3 "$tmp/edit.db" "DROP TRIGGER audit_no_update; UPDATE audit SET
	dettaglio = 'ritoccato' WHERE id = $target"
out=$(verify edit)
[ $? -eq 1 ] && echo "$out" | grep -q "catena interrotta alla riga $target:"
ok $? "verifica: an edited row is found ($out)"

fresh del
target=$(sqlite3 "$tmp/del.db" "SELECT id FROM audit WHERE hash IS NOT NULL ORDER BY id LIMIT 1 OFFSET 4")
sqlite3 "$tmp/del.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = $target"
out=$(verify del)
[ $? -eq 1 ] && echo "$out" | grep -q "catena interrotta alla riga $((target + 1)):"
ok $? "verifica: a removed row is found at the next one ($out)"

fresh chg
target=$(sqlite3 "$tmp/chg.db" "SELECT audit_id FROM audit_modifiche ORDER BY rowid LIMIT 1")
if [ -n "$target" ]; then
	sqlite3 "$tmp/chg.db" "DROP TRIGGER audit_modifiche_no_update; UPDATE
		audit_modifiche SET dopo = 'altro' WHERE rowid = (SELECT min(rowid)
		FROM audit_modifiche)"
	out=$(verify chg)
	[ $? -eq 1 ] && echo "$out" | grep -q "catena interrotta alla riga $target:"
	ok $? "verifica: an edited field change is found at its row ($out)"
else
	ok 1 "verifica: the demo wrote no field changes to tamper with"
fi

fresh ins
last=$(sqlite3 "$tmp/ins.db" "SELECT max(id) FROM audit")
sqlite3 "$tmp/ins.db" "INSERT INTO audit (id, username, indirizzo, azione,
	hash) VALUES ($last + 1, 'x', 'y', 'view', zeroblob(32))"
out=$(verify ins)
[ $? -eq 1 ] && echo "$out" | grep -q "catena interrotta alla riga $((last + 1)):"
ok $? "verifica: a row added by hand is found ($out)"

tap_done
