-- A facility's periodic report says how each action the PEI in force
-- gives the facility is going: one row per action, with what the action
-- was when written (the PEI may change later; its approved versions never
-- do). Like the report, fixed once sent. lib/monitoraggio/relazione.c.
CREATE TABLE relazioni_azioni (
	relazione_id INTEGER NOT NULL REFERENCES relazioni(id),
	azione_id INTEGER NOT NULL REFERENCES pei_azioni(id),
	cosa TEXT NOT NULL,
	entro TEXT NOT NULL DEFAULT '',        -- gg/mm/aaaa as the PEI said
	avanzamento TEXT,
	UNIQUE (relazione_id, azione_id)       -- in the order written
) STRICT;
CREATE TRIGGER relazioni_azioni_i BEFORE INSERT ON relazioni_azioni
WHEN (SELECT stato FROM relazioni WHERE id = NEW.relazione_id) <> 'bozza'
BEGIN SELECT RAISE(ABORT, 'a report sent is not changed'); END;
CREATE TRIGGER relazioni_azioni_u BEFORE UPDATE ON relazioni_azioni
WHEN (SELECT stato FROM relazioni WHERE id = OLD.relazione_id) <> 'bozza'
	OR NEW.relazione_id <> OLD.relazione_id
BEGIN SELECT RAISE(ABORT, 'a report sent is not changed'); END;
CREATE TRIGGER relazioni_azioni_d BEFORE DELETE ON relazioni_azioni
WHEN (SELECT stato FROM relazioni WHERE id = OLD.relazione_id) <> 'bozza'
BEGIN SELECT RAISE(ABORT, 'a report sent is not changed'); END;
