-- The deadlines of each case (lib/scadenze/): one row per case, rule and
-- the row whose fact starts it (a document, a PEI version, an interview,
-- an action; 0 for the case's own columns), computed from the facts by
-- the rules of lib/scadenze/regole_*.c. Open until the fact that
-- completes it is recorded, then done (and kept). Dates are ISO, on
-- Rome's calendar; `scade` is the unix time it is overdue from (the
-- midnight after the due day, or the due instant of a term in hours).
-- lib/scadenze/scadenza.c is the only writer of the three tables.
CREATE TABLE scadenze (
	regola TEXT NOT NULL,
	-- No foreign key: a facility's deadline (the places module) has
	-- minus the facility's id here (sql/020); cases are never removed.
	minore_id INTEGER NOT NULL,
	oggetto_id INTEGER NOT NULL,
	inizio TEXT NOT NULL,          -- the start: a date, or date and time
	dal TEXT NOT NULL,             -- on the agendas from (the first alert)
	avviso TEXT,                   -- the second alert, if the rule has one
	entro TEXT NOT NULL,           -- due (Rome's date)
	ora TEXT,                      -- due at (Rome's time), terms in hours
	scade INTEGER NOT NULL,        -- overdue from (unix time)
	stato TEXT NOT NULL CHECK (stato IN ('aperta', 'fatta')),
	fatta_il TEXT,                 -- the closing fact's date, if it has one
	utente_id INTEGER REFERENCES utenti(id),   -- who is responsible
	firma INTEGER NOT NULL,        -- hash of the computed values
	notificata INTEGER NOT NULL DEFAULT 0,     -- the level last notified
	prossima INTEGER,              -- when the level changes next (unix)
	PRIMARY KEY (regola, minore_id, oggetto_id),
	CHECK (stato = 'aperta' OR prossima IS NULL)
) STRICT, WITHOUT ROWID;
-- A case's deadlines as its page and the case page's panel list them
-- (open by due, then done), with all they read: no sort, no lookup of
-- the row. Only the timer's pass writes deadlines, never a save.
CREATE INDEX scadenze_minore ON scadenze(minore_id, stato, scade, regola,
	oggetto_id, entro, ora, fatta_il, utente_id);
-- Each worker's open deadlines by when they are overdue, with all the
-- agenda reads of them (no lookup of the row, also for those it skips:
-- later ones not yet past their first alert; stato too, or the planner
-- reads the row for it); the office's.
CREATE INDEX scadenze_utente ON scadenze(utente_id, scade, dal, entro, ora,
	stato) WHERE stato = 'aperta';
CREATE INDEX scadenze_scade ON scadenze(scade) WHERE stato = 'aperta';
-- The notices' pass reads only the deadlines whose level has changed.
CREATE INDEX scadenze_prossima ON scadenze(prossima) WHERE stato = 'aperta';

-- For the rules about a case's own data, read by one query per module
-- (lib/scadenze/regole_<modulo>.c's struct gruppo): a hash of all that
-- query gives the case, so that an unchanged case is not compared rule
-- by rule.
CREATE TABLE scadenze_gruppi (
	gruppo TEXT NOT NULL,
	minore_id INTEGER NOT NULL,
	firma INTEGER NOT NULL,
	PRIMARY KEY (gruppo, minore_id)
) STRICT, WITHOUT ROWID;

-- Bumped when deadlines change: workers keep counts (the navigation's)
-- and reread them only when this moves or the day changes.
INSERT INTO versioni (nome, n) VALUES ('scadenze', 0);
-- What the stored deadlines were computed with (regole_impronta()).
INSERT INTO versioni (nome, n) VALUES ('scadenze_regole', 0);

-- The cases whose facts changed since their deadlines were computed:
-- marked by the triggers below whatever module writes the fact, cleared
-- by the recompute (approdo-admin scadenze aggiorna every minute, the
-- queued cases; ricalcola, every case). Until then the case's page shows
-- its deadlines as its facts make them.
CREATE TABLE scadenze_da_ricalcolare (
	minore_id INTEGER PRIMARY KEY
) STRICT;
-- Each trigger adds the case unless it is there. Not INSERT OR IGNORE:
-- an upsert's DO UPDATE (the guardianship's, a facility's) overrides the
-- trigger's conflict clause, and the duplicate would fail the save.

CREATE TRIGGER scadenze_minori_i AFTER INSERT ON minori
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.id); END;
CREATE TRIGGER scadenze_minori_u AFTER UPDATE OF data_nascita,
	data_nascita_accertata, data_403, data_403_comunicazione,
	data_403_richiesta_convalida, data_403_decreto, data_403_udienza,
	data_presa_in_carico, operatore_id, stato, cui ON minori
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.id); END;
CREATE TRIGGER scadenze_collocamenti_i AFTER INSERT ON collocamenti
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_collocamenti_u AFTER UPDATE ON collocamenti
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_tutele_i AFTER INSERT ON tutele
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_tutele_u AFTER UPDATE ON tutele
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_documenti_i AFTER INSERT ON documenti
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_documenti_u AFTER UPDATE OF tipo, data_rilascio,
	data_scadenza ON documenti
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_documenti_d AFTER DELETE ON documenti
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT OLD.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = OLD.minore_id); END;
CREATE TRIGGER scadenze_stati_i AFTER INSERT ON stati
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_pei_i AFTER INSERT ON pei
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_pei_u AFTER UPDATE OF stato ON pei
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_pei_colloquio_i AFTER INSERT ON pei_colloquio
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT p.minore_id FROM pei p
	WHERE p.id = NEW.pei_id AND NOT EXISTS (SELECT 1
	FROM scadenze_da_ricalcolare q WHERE q.minore_id = p.minore_id); END;
CREATE TRIGGER scadenze_pei_colloquio_u AFTER UPDATE OF data ON pei_colloquio
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT p.minore_id FROM pei p
	WHERE p.id = NEW.pei_id AND NOT EXISTS (SELECT 1
	FROM scadenze_da_ricalcolare q WHERE q.minore_id = p.minore_id); END;
CREATE TRIGGER scadenze_art32_i AFTER INSERT ON percorso_art32
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_art32_u AFTER UPDATE ON percorso_art32
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_prosieguo_i AFTER INSERT ON percorso_prosieguo
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_prosieguo_u AFTER UPDATE ON percorso_prosieguo
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_colloqui_i AFTER INSERT ON colloqui
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_colloqui_u AFTER UPDATE OF data ON colloqui
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_colloqui_d AFTER DELETE ON colloqui
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT OLD.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = OLD.minore_id); END;
CREATE TRIGGER scadenze_azioni_i AFTER INSERT ON azioni_seguito
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
CREATE TRIGGER scadenze_azioni_u AFTER UPDATE OF entro, stato, utente_id
	ON azioni_seguito
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT NEW.minore_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = NEW.minore_id); END;
