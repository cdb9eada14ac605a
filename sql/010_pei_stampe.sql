-- What was signed: the PDF the server made of each approved PEI version,
-- kept with its SHA-256 so that the paper can be proved against it later,
-- and the scanned signed copies uploaded for it. The files are stored by
-- id outside what the web server serves (lib/core/file.c); these rows
-- never change and are never removed. lib/pei/stampa.c is the only writer.
CREATE TABLE pei_stampe (
	pei_id INTEGER PRIMARY KEY REFERENCES pei(id),
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	dimensione INTEGER NOT NULL CHECK (dimensione > 0),
	creata TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
) STRICT;

CREATE TABLE pei_firmate (
	id INTEGER PRIMARY KEY,
	pei_id INTEGER NOT NULL REFERENCES pei_stampe(pei_id),
	tipo TEXT NOT NULL
		CHECK (tipo IN ('application/pdf', 'image/jpeg', 'image/png')),
	dimensione INTEGER NOT NULL CHECK (dimensione > 0),
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	caricata_da INTEGER NOT NULL REFERENCES utenti(id),
	caricata_il TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
) STRICT;
CREATE INDEX pei_firmate_pei ON pei_firmate(pei_id, id);

-- Only an approved version is printed for signatures.
CREATE TRIGGER pei_stampe_approvata BEFORE INSERT ON pei_stampe
WHEN (SELECT stato FROM pei WHERE id = NEW.pei_id) IS NOT 'approvata'
BEGIN SELECT RAISE(ABORT, 'only an approved PEI version is printed'); END;
CREATE TRIGGER pei_stampe_ferme BEFORE UPDATE ON pei_stampe
BEGIN SELECT RAISE(ABORT, 'what was signed never changes'); END;
CREATE TRIGGER pei_stampe_mai_cancellate BEFORE DELETE ON pei_stampe
BEGIN SELECT RAISE(ABORT, 'what was signed is never removed'); END;
CREATE TRIGGER pei_firmate_ferme BEFORE UPDATE ON pei_firmate
BEGIN SELECT RAISE(ABORT, 'a signed copy never changes'); END;
CREATE TRIGGER pei_firmate_mai_cancellate BEFORE DELETE ON pei_firmate
BEGIN SELECT RAISE(ABORT, 'a signed copy is never removed'); END;
