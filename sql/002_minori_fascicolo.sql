-- Case registry of minors: the case file (fascicolo), its placements,
-- guardianship, documents and status history; the gapless case number;
-- the name-key index for tolerant search.

CREATE TABLE numerazione (
	anno INTEGER PRIMARY KEY,
	ultimo INTEGER NOT NULL
) STRICT;

CREATE TABLE minori (
	id INTEGER PRIMARY KEY,
	numero TEXT NOT NULL UNIQUE,               -- MSNA-YYYY-NNNNN
	cognome TEXT NOT NULL,
	nome TEXT NOT NULL,
	alias TEXT NOT NULL DEFAULT '',            -- other spellings, one per line
	sesso TEXT NOT NULL CHECK (sesso IN ('M', 'F')),
	data_nascita TEXT NOT NULL,                -- declared, ISO date
	data_nascita_accertata TEXT,               -- after an age assessment
	luogo_nascita TEXT NOT NULL DEFAULT '',
	paese_nascita TEXT NOT NULL DEFAULT '',
	cittadinanza TEXT NOT NULL,
	lingue TEXT NOT NULL DEFAULT '',
	mediatore INTEGER NOT NULL DEFAULT 0 CHECK (mediatore IN (0, 1)),
	cui TEXT,                                  -- codice unico identificativo
	codice_fiscale TEXT,
	eta_motivo TEXT,                           -- why an age outside 6-17 was confirmed
	-- rintraccio / segnalazione
	data_rintraccio TEXT NOT NULL,
	luogo_rintraccio TEXT NOT NULL DEFAULT '',
	modalita_rintraccio TEXT NOT NULL CHECK (modalita_rintraccio IN
		('sbarco', 'frontiera_terrestre', 'rintraccio_territorio',
		 'segnalazione', 'altro')),
	ente_segnalante TEXT NOT NULL DEFAULT '',
	-- provvedimento art. 403 c.c.
	data_403 TEXT,                             -- the placement order
	data_403_comunicazione TEXT,               -- notice to the juvenile prosecutor
	data_403_richiesta_convalida TEXT,
	data_403_decreto TEXT,                     -- validation decree
	data_403_udienza TEXT,
	-- the case
	data_presa_in_carico TEXT NOT NULL,
	operatore_id INTEGER REFERENCES utenti(id),
	struttura_id INTEGER REFERENCES strutture(id),  -- current placement (kept by placements)
	stato TEXT NOT NULL DEFAULT 'in_carico' CHECK (stato IN ('in_carico',
		'in_prosieguo', 'trasferito', 'maggiorenne_chiuso', 'allontanato',
		'rimpatriato', 'ricongiunto', 'in_affido', 'chiuso')),
	data_stato TEXT NOT NULL,
	creato TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	creato_da INTEGER REFERENCES utenti(id)
) STRICT;
CREATE UNIQUE INDEX minori_cui ON minori(cui) WHERE cui IS NOT NULL;
CREATE UNIQUE INDEX minori_cf ON minori(codice_fiscale) WHERE codice_fiscale IS NOT NULL;
CREATE INDEX minori_stato ON minori(stato, id);
CREATE INDEX minori_struttura ON minori(struttura_id, id);
CREATE INDEX minori_operatore ON minori(operatore_id, id);
CREATE INDEX minori_cittadinanza ON minori(cittadinanza, id);
CREATE INDEX minori_nascita ON minori(data_nascita);
CREATE INDEX minori_cognome ON minori(cognome COLLATE NOCASE, nome COLLATE NOCASE);

-- Keys of surname, name and aliases (lib/nome.c), for tolerant search.
CREATE VIRTUAL TABLE minori_nomi USING fts5(chiavi, tokenize = 'ascii',
	detail = 'column', prefix = '2 3 4 5 6');

CREATE TABLE collocamenti (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	struttura_id INTEGER NOT NULL REFERENCES strutture(id),
	dal TEXT NOT NULL,
	al TEXT,                                   -- NULL: current
	motivo_uscita TEXT CHECK (motivo_uscita IN ('trasferimento',
		'maggiore_eta', 'allontanamento', 'rimpatrio_assistito',
		'ricongiungimento', 'trasferimento_dublino', 'affido',
		'chiusura', 'altro')),
	note TEXT NOT NULL DEFAULT '',
	CHECK (al IS NULL OR al >= dal)
) STRICT;
CREATE INDEX collocamenti_minore ON collocamenti(minore_id, dal);
-- at most one current placement per minor
CREATE UNIQUE INDEX collocamenti_corrente ON collocamenti(minore_id) WHERE al IS NULL;

CREATE TABLE tutele (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL UNIQUE REFERENCES minori(id),
	tipo TEXT NOT NULL CHECK (tipo IN ('provvisorio', 'volontario')),
	nome TEXT NOT NULL DEFAULT '',
	recapito TEXT NOT NULL DEFAULT '',
	tribunale TEXT NOT NULL DEFAULT '',
	data_ricorso TEXT,
	data_nomina TEXT
) STRICT;

CREATE TABLE documenti (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	tipo TEXT NOT NULL CHECK (tipo IN ('passaporto', 'carta_identita',
		'certificato_nascita', 'dichiarazione_consolare',
		'permesso_minore_eta', 'ricevuta_asilo', 'permesso_art32',
		'permesso_altro', 'altro')),
	numero TEXT NOT NULL DEFAULT '',
	data_rilascio TEXT,
	data_scadenza TEXT,
	verificato_da INTEGER REFERENCES utenti(id),
	verificato_il TEXT,
	file_tipo TEXT CHECK (file_tipo IN ('application/pdf', 'image/jpeg',
		'image/png')),
	file_nome TEXT,                            -- as uploaded (downloads are documento-N.ext)
	file_dimensione INTEGER,
	file_hash TEXT,                            -- sha256 of the stored file
	creato TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
) STRICT;
CREATE INDEX documenti_minore ON documenti(minore_id);
CREATE INDEX documenti_scadenza ON documenti(data_scadenza);

CREATE TABLE stati (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	stato TEXT NOT NULL,
	data TEXT NOT NULL,
	motivo TEXT NOT NULL DEFAULT '',
	utente_id INTEGER REFERENCES utenti(id),
	registrato TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
) STRICT;
CREATE INDEX stati_minore ON stati(minore_id, id);
