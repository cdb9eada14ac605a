-- Places and transfers (activity 6): the facility registry, the places
-- the facilities declare free, the requests for a place and the
-- proposals that hold one until the transfer.
--
-- 1. The registry grows out of the platform's table strutture: new
-- types (pronta accoglienza, comunità educativa, prosieguo 18-21) need a
-- wider CHECK, which SQLite changes only by rebuilding the table. The
-- migration runner (lib/core/db.c) turns foreign keys off around the
-- migration and checks them before it commits, as SQLite's 12-step
-- procedure asks: make the new table, copy the rows with their ids,
-- drop the old one (its triggers go with it), rename the new one, make
-- the triggers again. The tables that point at strutture (utenti,
-- minori, collocamenti, relazioni ...) name it, not its rowid, so their
-- references hold. Every type the table had stays valid: no row changes.
-- lib/strutture/strutture.c is the only writer.
CREATE TABLE strutture_nuova (
	id INTEGER PRIMARY KEY,
	nome TEXT NOT NULL UNIQUE,
	tipo TEXT NOT NULL CHECK (tipo IN ('pronta_accoglienza',
		'prima_accoglienza', 'comunita_educativa',
		'seconda_accoglienza', 'sai', 'gruppo_appartamento',
		'semiautonomia', 'prosieguo', 'famiglia_affidataria')),
	indirizzo TEXT NOT NULL DEFAULT '',
	attiva INTEGER NOT NULL DEFAULT 1 CHECK (attiva IN (0, 1)),
	municipio INTEGER CHECK (municipio BETWEEN 1 AND 15),
	-- authorised places by sex and age band (6-13, 14-17, 18-21)
	posti_m_6_13 INTEGER NOT NULL DEFAULT 0 CHECK (posti_m_6_13 >= 0),
	posti_m_14_17 INTEGER NOT NULL DEFAULT 0 CHECK (posti_m_14_17 >= 0),
	posti_m_18_21 INTEGER NOT NULL DEFAULT 0 CHECK (posti_m_18_21 >= 0),
	posti_f_6_13 INTEGER NOT NULL DEFAULT 0 CHECK (posti_f_6_13 >= 0),
	posti_f_14_17 INTEGER NOT NULL DEFAULT 0 CHECK (posti_f_14_17 >= 0),
	posti_f_18_21 INTEGER NOT NULL DEFAULT 0 CHECK (posti_f_18_21 >= 0),
	-- what the facility is equipped for (matching against the PEI's needs)
	spec_psicologico INTEGER NOT NULL DEFAULT 0
		CHECK (spec_psicologico IN (0, 1)),
	spec_sanitario INTEGER NOT NULL DEFAULT 0
		CHECK (spec_sanitario IN (0, 1)),
	spec_disabilita INTEGER NOT NULL DEFAULT 0
		CHECK (spec_disabilita IN (0, 1)),
	spec_madri_bambini INTEGER NOT NULL DEFAULT 0
		CHECK (spec_madri_bambini IN (0, 1)),
	spec_tratta INTEGER NOT NULL DEFAULT 0 CHECK (spec_tratta IN (0, 1)),
	spec_dipendenze INTEGER NOT NULL DEFAULT 0
		CHECK (spec_dipendenze IN (0, 1)),
	spec_protezione INTEGER NOT NULL DEFAULT 0
		CHECK (spec_protezione IN (0, 1)),
	referente TEXT NOT NULL DEFAULT '',
	telefono TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	altri_referenti TEXT NOT NULL DEFAULT '',
	convenzione_dal TEXT,
	convenzione_al TEXT,
	note TEXT NOT NULL DEFAULT '',
	CHECK (convenzione_al IS NULL OR convenzione_dal IS NULL
		OR convenzione_al >= convenzione_dal)
) STRICT;
INSERT INTO strutture_nuova (id, nome, tipo, indirizzo, attiva)
	SELECT id, nome, tipo, indirizzo, attiva FROM strutture;
DROP TABLE strutture;
ALTER TABLE strutture_nuova RENAME TO strutture;
CREATE TRIGGER strutture_versione_i AFTER INSERT ON strutture
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'; END;
CREATE TRIGGER strutture_versione_u AFTER UPDATE OF nome, attiva ON strutture
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'; END;
CREATE TRIGGER strutture_versione_d AFTER DELETE ON strutture
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi'; END;
UPDATE versioni SET n = n + 1 WHERE nome = 'elenchi';

-- 2. What a facility declares free, when and by whom: a new row each
-- time, never changed (the board shows the latest and its age).
-- lib/posti/dichiarazione.c is the only writer.
CREATE TABLE posti_dichiarazioni (
	id INTEGER PRIMARY KEY,
	struttura_id INTEGER NOT NULL REFERENCES strutture(id),
	quando TEXT NOT NULL,                  -- UTC date-time
	utente_id INTEGER REFERENCES utenti(id),
	liberi_m_6_13 INTEGER NOT NULL DEFAULT 0 CHECK (liberi_m_6_13 >= 0),
	liberi_m_14_17 INTEGER NOT NULL DEFAULT 0 CHECK (liberi_m_14_17 >= 0),
	liberi_m_18_21 INTEGER NOT NULL DEFAULT 0 CHECK (liberi_m_18_21 >= 0),
	liberi_f_6_13 INTEGER NOT NULL DEFAULT 0 CHECK (liberi_f_6_13 >= 0),
	liberi_f_14_17 INTEGER NOT NULL DEFAULT 0 CHECK (liberi_f_14_17 >= 0),
	liberi_f_18_21 INTEGER NOT NULL DEFAULT 0 CHECK (liberi_f_18_21 >= 0),
	note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX posti_dichiarazioni_struttura
	ON posti_dichiarazioni(struttura_id, id);
CREATE TRIGGER posti_dichiarazioni_ferme BEFORE UPDATE ON posti_dichiarazioni
BEGIN SELECT RAISE(ABORT, 'a declaration is never changed'); END;
CREATE TRIGGER posti_dichiarazioni_restano
BEFORE DELETE ON posti_dichiarazioni
BEGIN SELECT RAISE(ABORT, 'a declaration is never removed'); END;

-- 3. A case worker's request for a place for a minor: open until a
-- proposal holds a place (in_corso), done when the transfer is made,
-- or cancelled. One request at a time per minor.
-- lib/posti/richiesta.c is the only writer.
CREATE TABLE posti_richieste (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	motivo TEXT NOT NULL CHECK (motivo IN ('seconda_accoglienza', 'cambio',
		'prosieguo')),
	tipo TEXT,                             -- the type sought, NULL: any
	data_prevista TEXT NOT NULL,           -- expected transfer date
	note TEXT NOT NULL DEFAULT '',
	da_struttura_id INTEGER REFERENCES strutture(id),  -- where, when asked
	stato TEXT NOT NULL DEFAULT 'aperta' CHECK (stato IN ('aperta',
		'in_corso', 'eseguita', 'annullata')),
	richiesta_da INTEGER REFERENCES utenti(id),
	richiesta_il TEXT NOT NULL,            -- UTC date-time
	chiusa_il TEXT,                        -- UTC date-time: done, cancelled
	motivo_annullamento TEXT
) STRICT;
CREATE UNIQUE INDEX posti_richieste_una ON posti_richieste(minore_id)
	WHERE stato IN ('aperta', 'in_corso');
CREATE INDEX posti_richieste_stato ON posti_richieste(stato, id);
CREATE INDEX posti_richieste_minore ON posti_richieste(minore_id, id);

-- 4. The office proposes the minor to a facility: the proposal holds a
-- place (in the minor's sex and age band on the expected date) while it
-- waits for the facility's answer (in_attesa), once accepted until the
-- transfer date is set (accettata), then until that date (programmata).
-- Waiting or accepted, it expires after scade_il (a date, the last day
-- it holds). At most one proposal of a request holds a place.
-- lib/posti/proposta.c is the only writer.
CREATE TABLE posti_proposte (
	id INTEGER PRIMARY KEY,
	richiesta_id INTEGER NOT NULL REFERENCES posti_richieste(id),
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	struttura_id INTEGER NOT NULL REFERENCES strutture(id),
	sesso TEXT NOT NULL CHECK (sesso IN ('M', 'F')),
	fascia TEXT NOT NULL CHECK (fascia IN ('6_13', '14_17', '18_21')),
	stato TEXT NOT NULL DEFAULT 'in_attesa' CHECK (stato IN ('in_attesa',
		'accettata', 'programmata', 'eseguita', 'rifiutata', 'scaduta',
		'annullata')),
	proposta_da INTEGER REFERENCES utenti(id),
	proposta_il TEXT NOT NULL,             -- UTC date-time
	scade_il TEXT,                         -- ISO date; NULL once set
	risposta_da INTEGER REFERENCES utenti(id),
	risposta_il TEXT,                      -- UTC date-time
	motivo_rifiuto TEXT,
	data_trasferimento TEXT,               -- ISO date
	eseguita_il TEXT,                      -- UTC date-time
	chiusa_il TEXT,                        -- UTC: expired, withdrawn
	note TEXT NOT NULL DEFAULT '',
	CHECK (stato <> 'rifiutata' OR coalesce(motivo_rifiuto, '') <> ''),
	CHECK (stato NOT IN ('programmata', 'eseguita')
		OR data_trasferimento IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX posti_proposte_viva ON posti_proposte(richiesta_id)
	WHERE stato IN ('in_attesa', 'accettata', 'programmata');
CREATE INDEX posti_proposte_struttura ON posti_proposte(struttura_id, stato);
CREATE INDEX posti_proposte_stato ON posti_proposte(stato, scade_il);
CREATE INDEX posti_proposte_minore ON posti_proposte(minore_id, id);

-- 5. What the board counts moves only when one of these changes: a
-- facility's row, a minor placed elsewhere (or their sex or birth date,
-- which give the age band), a declaration, a proposal. Each worker
-- keeps the board's figures and counts them again only when this
-- counter moves, or the day changes (lib/posti/quadro.c).
INSERT INTO versioni (nome, n) VALUES ('posti', 0);
CREATE TRIGGER posti_strutture_i AFTER INSERT ON strutture
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'posti'; END;
CREATE TRIGGER posti_strutture_u AFTER UPDATE ON strutture
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'posti'; END;
CREATE TRIGGER posti_strutture_d AFTER DELETE ON strutture
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'posti'; END;
CREATE TRIGGER posti_minori_i AFTER INSERT ON minori
WHEN NEW.struttura_id IS NOT NULL
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'posti'; END;
CREATE TRIGGER posti_minori_u AFTER UPDATE OF struttura_id, sesso,
	data_nascita, data_nascita_accertata ON minori
WHEN NEW.struttura_id IS NOT OLD.struttura_id OR NEW.sesso IS NOT OLD.sesso
	OR NEW.data_nascita IS NOT OLD.data_nascita
	OR NEW.data_nascita_accertata IS NOT OLD.data_nascita_accertata
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'posti'; END;
CREATE TRIGGER posti_dichiarazioni_i AFTER INSERT ON posti_dichiarazioni
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'posti'; END;
CREATE TRIGGER posti_proposte_i AFTER INSERT ON posti_proposte
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'posti'; END;
CREATE TRIGGER posti_proposte_u AFTER UPDATE ON posti_proposte
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'posti'; END;
