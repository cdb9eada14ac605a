-- Platform: facilities (a plain table until the places module), users,
-- sessions and the append-only audit log.

CREATE TABLE strutture (
	id INTEGER PRIMARY KEY,
	nome TEXT NOT NULL UNIQUE,
	tipo TEXT NOT NULL CHECK (tipo IN ('prima_accoglienza',
		'seconda_accoglienza', 'sai', 'gruppo_appartamento',
		'semiautonomia', 'famiglia_affidataria')),
	indirizzo TEXT NOT NULL DEFAULT '',
	attiva INTEGER NOT NULL DEFAULT 1 CHECK (attiva IN (0, 1))
) STRICT;

CREATE TABLE utenti (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE COLLATE NOCASE,
	nome TEXT NOT NULL,
	email TEXT NOT NULL DEFAULT '',
	ruolo TEXT NOT NULL CHECK (ruolo IN ('amministratore', 'responsabile',
		'operatore', 'struttura', 'formazione', 'comunicazione')),
	struttura_id INTEGER REFERENCES strutture(id),
	password_hash TEXT NOT NULL,
	cambio_password INTEGER NOT NULL DEFAULT 0 CHECK (cambio_password IN (0, 1)),
	disattivato INTEGER NOT NULL DEFAULT 0 CHECK (disattivato IN (0, 1)),
	tentativi_falliti INTEGER NOT NULL DEFAULT 0,
	bloccato_fino INTEGER NOT NULL DEFAULT 0,      -- unix time
	ultimo_accesso TEXT,
	accesso_precedente TEXT,               -- shown at login: was it you?
	falliti_prima INTEGER NOT NULL DEFAULT 0,  -- failures before this login
	creato TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	-- a facility user belongs to exactly one facility, nobody else to any
	CHECK ((ruolo = 'struttura') = (struttura_id IS NOT NULL))
) STRICT;

-- Bumped by the triggers below whenever the lists the forms offer
-- (facilities, case workers) change: programs keep those lists in memory
-- and reread them only when this number moves.
CREATE TABLE versioni (
	nome TEXT PRIMARY KEY,
	n INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO versioni (nome, n) VALUES ('elenchi', 0);
CREATE TRIGGER strutture_versione_i AFTER INSERT ON strutture
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'; END;
CREATE TRIGGER strutture_versione_u AFTER UPDATE OF nome, attiva ON strutture
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'; END;
CREATE TRIGGER strutture_versione_d AFTER DELETE ON strutture
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'; END;
CREATE TRIGGER utenti_versione_i AFTER INSERT ON utenti
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'; END;
CREATE TRIGGER utenti_versione_u AFTER UPDATE OF nome, ruolo, disattivato ON utenti
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'; END;
CREATE TRIGGER utenti_versione_d AFTER DELETE ON utenti
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'; END;

CREATE TABLE sessioni (
	id INTEGER PRIMARY KEY,
	token_hash BLOB NOT NULL UNIQUE,       -- BLAKE2b of the cookie token
	utente_id INTEGER NOT NULL REFERENCES utenti(id) ON DELETE CASCADE,
	csrf TEXT NOT NULL,
	creata INTEGER NOT NULL,               -- unix time
	ultimo_uso INTEGER NOT NULL,           -- unix time
	avviso TEXT                            -- one-shot message for the next page
) STRICT;
CREATE INDEX sessioni_utente ON sessioni(utente_id);

CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	quando TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	utente_id INTEGER,                     -- no FK: the log outlives users
	username TEXT NOT NULL,
	indirizzo TEXT NOT NULL,
	azione TEXT NOT NULL CHECK (azione IN ('login', 'login_failed', 'logout',
		'view', 'create', 'update', 'delete', 'export',
		'permission_denied')),
	entita TEXT NOT NULL DEFAULT '',
	entita_id INTEGER,
	dettaglio TEXT NOT NULL DEFAULT ''
) STRICT;
-- One index only: every case view appends a row, and each index costs a
-- page write per view. Dates map to ids (both grow together), users are
-- shown from utenti; the registro finds a record's history by entity.
CREATE INDEX audit_entita ON audit(entita, entita_id);

CREATE TABLE audit_modifiche (
	audit_id INTEGER NOT NULL REFERENCES audit(id),
	campo TEXT NOT NULL,
	prima TEXT,
	dopo TEXT
) STRICT;
CREATE INDEX audit_modifiche_audit ON audit_modifiche(audit_id);

-- The log is append-only: nothing in the application can change it.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_modifiche_no_update BEFORE UPDATE ON audit_modifiche
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_modifiche_no_delete BEFORE DELETE ON audit_modifiche
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
