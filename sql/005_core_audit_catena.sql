-- The audit log made tamper-evident and closed to REPLACE.
--
-- Each row carries a hash chained to the previous row's (BLAKE2b of the
-- previous hash, the row's values and its changed fields: lib/core/audit.c);
-- "approdo-admin registro verifica" walks the chain. Rows written before
-- this migration have no hash and stay before the chain.
ALTER TABLE audit ADD COLUMN hash BLOB;

-- INSERT OR REPLACE and REPLACE rewrite a row through an implicit delete
-- that fires no DELETE trigger unless recursive_triggers is on: refuse
-- an insert whose id exists, whatever the connection's settings.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_modifiche_no_replace BEFORE INSERT ON audit_modifiche
WHEN EXISTS (SELECT 1 FROM audit_modifiche WHERE rowid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

-- Failures of people who have not signed in (a login without its token,
-- an unknown, locked or disabled account), counted per minute, address
-- and reason instead of one audit row each, so that nobody without an
-- account can bury the log. utente_id: the account named, if it exists
-- (0 otherwise; what was typed is not kept).
CREATE TABLE audit_tentativi (
	minuto TEXT NOT NULL,                  -- UTC, YYYY-MM-DD HH:MM
	indirizzo TEXT NOT NULL,
	motivo TEXT NOT NULL,
	utente_id INTEGER NOT NULL DEFAULT 0,
	n INTEGER NOT NULL,
	PRIMARY KEY (minuto, indirizzo, motivo, utente_id)
) STRICT, WITHOUT ROWID;
