-- The legal path of a case (DOMAIN.md; the PEI's section 4): what is
-- happening now, not a plan, so it belongs to the case and not to a PEI
-- version; the PEI page and its PDF show it as it stands. One row per
-- procedure per minor, created on the first save. Dates are ISO.
-- lib/pei/percorso.c is the only writer.

-- Permesso di soggiorno per minore età (art. 10 L. 47/2017).
CREATE TABLE percorso_permesso (
	minore_id INTEGER PRIMARY KEY REFERENCES minori(id),
	richiesta TEXT,
	rilascio TEXT,
	numero TEXT,
	scadenza TEXT,
	note TEXT
) STRICT;

-- Protezione internazionale: the application (C3), the hearing at the
-- Commissione territoriale, the outcome, the appeal.
CREATE TABLE percorso_asilo (
	minore_id INTEGER PRIMARY KEY REFERENCES minori(id),
	domanda TEXT,
	audizione TEXT,
	esito TEXT,		-- rifugiato, sussidiaria, speciale, diniego
	esito_data TEXT,
	ricorso TEXT,
	ricorso_esito TEXT,
	note TEXT
) STRICT;

-- Accertamento dell'età (art. 19-bis D.Lgs. 142/2015): ordered by the
-- Procura, its method, result with the margin of error, the decision and
-- its notification, the appeal (10 days). Presumed a minor until then.
CREATE TABLE percorso_eta (
	minore_id INTEGER PRIMARY KEY REFERENCES minori(id),
	disposto TEXT,
	metodo TEXT,
	eta_stimata INTEGER CHECK (eta_stimata BETWEEN 5 AND 30),
	margine INTEGER CHECK (margine BETWEEN 0 AND 10),
	decisione TEXT,		-- minore, maggiorenne
	decisione_data TEXT,
	notifica TEXT,
	reclamo TEXT,
	note TEXT
) STRICT;

-- Parere per la conversione del permesso al compimento dei 18 anni
-- (art. 32 c. 1-bis D.Lgs. 286/1998).
CREATE TABLE percorso_art32 (
	minore_id INTEGER PRIMARY KEY REFERENCES minori(id),
	richiesta TEXT,
	parere_data TEXT,
	esito TEXT,		-- favorevole, non_favorevole
	note TEXT
) STRICT;

-- Prosieguo amministrativo fino a 21 anni (art. 13 c. 2 L. 47/2017).
CREATE TABLE percorso_prosieguo (
	minore_id INTEGER PRIMARY KEY REFERENCES minori(id),
	richiesta TEXT,
	decreto TEXT,
	fine TEXT,
	note TEXT
) STRICT;
