-- The audit log's actions are a vocabulary that grows with the modules
-- (approve, send, match ...): the table no longer fixes them with a CHECK,
-- which would force rebuilding this append-only table for each new one.
-- The rebuild keeps every row and id; audit_modifiche keeps pointing at them.
DROP TRIGGER audit_no_update;
DROP TRIGGER audit_no_delete;
CREATE TABLE audit_nuovo (
	id INTEGER PRIMARY KEY,
	quando TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	utente_id INTEGER,                     -- no FK: the log outlives users
	username TEXT NOT NULL,
	indirizzo TEXT NOT NULL,
	azione TEXT NOT NULL CHECK (azione <> ''),
	entita TEXT NOT NULL DEFAULT '',
	entita_id INTEGER,
	dettaglio TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO audit_nuovo (id, quando, utente_id, username, indirizzo, azione,
	entita, entita_id, dettaglio)
	SELECT id, quando, utente_id, username, indirizzo, azione, entita,
	entita_id, dettaglio FROM audit ORDER BY id;
DROP TABLE audit;
ALTER TABLE audit_nuovo RENAME TO audit;
CREATE INDEX audit_entita ON audit(entita, entita_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
