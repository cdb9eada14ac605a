-- The PEI (Progetto Educativo Individualizzato) of each minor, one row per
-- version: draft (bozza) -> submitted (inviata) -> approved (approvata),
-- or returned (restituita) with the responsabile's comments and then
-- submitted again. An approved version never changes; editing starts a
-- new draft from it (da_versione). lib/pei/versione.c is the only writer.
CREATE TABLE pei (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	versione INTEGER NOT NULL CHECK (versione >= 1),
	stato TEXT NOT NULL DEFAULT 'bozza'
		CHECK (stato IN ('bozza', 'inviata', 'approvata', 'restituita')),
	da_versione INTEGER REFERENCES pei(id),
	autore_id INTEGER NOT NULL REFERENCES utenti(id),
	creata TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	inviata_da INTEGER REFERENCES utenti(id),
	inviata_il TEXT,
	decisa_da INTEGER REFERENCES utenti(id),
	decisa_il TEXT,
	commento TEXT,
	UNIQUE (minore_id, versione)
) STRICT;
-- At most one version of a minor's PEI is being worked on at a time.
CREATE UNIQUE INDEX pei_in_lavorazione ON pei(minore_id)
	WHERE stato <> 'approvata';

-- The history of each version: opened, submitted, approved, returned.
CREATE TABLE pei_eventi (
	id INTEGER PRIMARY KEY,
	pei_id INTEGER NOT NULL REFERENCES pei(id),
	evento TEXT NOT NULL
		CHECK (evento IN ('aperta', 'inviata', 'approvata', 'restituita')),
	utente_id INTEGER NOT NULL REFERENCES utenti(id),
	quando TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	commento TEXT
) STRICT;
CREATE INDEX pei_eventi_pei ON pei_eventi(pei_id, id);

-- What was approved stays as it was approved, and nothing is removed.
CREATE TRIGGER pei_approvata_ferma BEFORE UPDATE ON pei
WHEN OLD.stato = 'approvata'
BEGIN SELECT RAISE(ABORT, 'an approved PEI version never changes'); END;
CREATE TRIGGER pei_mai_cancellata BEFORE DELETE ON pei
BEGIN SELECT RAISE(ABORT, 'PEI versions are never deleted'); END;
CREATE TRIGGER pei_eventi_fermi BEFORE UPDATE ON pei_eventi
BEGIN SELECT RAISE(ABORT, 'the PEI history is append-only'); END;
CREATE TRIGGER pei_eventi_mai_cancellati BEFORE DELETE ON pei_eventi
BEGIN SELECT RAISE(ABORT, 'the PEI history is append-only'); END;
