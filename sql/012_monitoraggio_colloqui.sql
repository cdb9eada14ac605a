-- Following each case (DOMAIN.md, activity 3): the interviews with the
-- minor and the follow-up actions that come out of them (and, as they come,
-- out of the contacts with the facility and the team's meetings). Dates
-- are ISO. lib/monitoraggio/colloquio.c writes colloqui, azioni.c
-- azioni_seguito.
CREATE TABLE colloqui (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	data TEXT NOT NULL,
	luogo TEXT,
	partecipanti TEXT,
	tutore TEXT,
	mediatore TEXT,
	lingua TEXT,
	aree TEXT,		-- the PEI's areas discussed, codes with commas
	parole TEXT,		-- what the minor said and wants, in their words
	valutazione TEXT,
	preoccupazioni TEXT,
	autore_id INTEGER NOT NULL REFERENCES utenti(id),
	creato TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
) STRICT;
CREATE INDEX colloqui_minore ON colloqui(minore_id, data DESC, id DESC);

-- A follow-up action: what, who acts (an office user, the facility, the
-- guardian, a service), by when, its state; done records who and when.
CREATE TABLE azioni_seguito (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	origine TEXT NOT NULL CHECK (origine IN ('colloquio', 'contatto',
		'riunione')),
	origine_id INTEGER NOT NULL,
	cosa TEXT NOT NULL,
	chi TEXT NOT NULL CHECK (chi IN ('utente', 'struttura', 'tutore',
		'servizio')),
	utente_id INTEGER REFERENCES utenti(id),
	servizio TEXT,
	entro TEXT,
	stato TEXT NOT NULL DEFAULT 'aperta'
		CHECK (stato IN ('aperta', 'fatta', 'annullata')),
	fatta_da INTEGER REFERENCES utenti(id),
	fatta_il TEXT,
	creata_da INTEGER NOT NULL REFERENCES utenti(id),
	creata TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	CHECK ((chi = 'utente') = (utente_id IS NOT NULL)),
	CHECK ((stato = 'fatta') = (fatta_da IS NOT NULL AND fatta_il IS NOT NULL))
) STRICT;
CREATE INDEX azioni_seguito_utente ON azioni_seguito(utente_id, stato, entro);
CREATE INDEX azioni_seguito_minore ON azioni_seguito(minore_id, stato, entro);
CREATE INDEX azioni_seguito_scadenza ON azioni_seguito(stato, entro);
CREATE INDEX azioni_seguito_origine ON azioni_seguito(origine, origine_id);

-- Contacts with the reception facility about the case: a visit, a call,
-- an email or a meeting with its contact person; the topic, the feedback
-- given and received. The facility is the one the minor was placed with
-- then. lib/monitoraggio/contatto.c writes it.
CREATE TABLE contatti (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	struttura_id INTEGER REFERENCES strutture(id),
	data TEXT NOT NULL,
	tipo TEXT NOT NULL CHECK (tipo IN ('visita', 'telefonata', 'email',
		'incontro')),
	referente TEXT,
	argomento TEXT NOT NULL,
	riscontro_dato TEXT,
	riscontro_ricevuto TEXT,
	autore_id INTEGER NOT NULL REFERENCES utenti(id),
	creato TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
) STRICT;
CREATE INDEX contatti_minore ON contatti(minore_id, data DESC, id DESC);

-- Critical events a facility (or the office) reports: running away, the
-- return after it, hospitalisation, police, serious conflict, self-harm.
-- Running away notifies the case worker and the responsabili and proposes
-- the status change, in the same transaction (lib/monitoraggio/evento.c,
-- the only writer).
CREATE TABLE eventi_critici (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	struttura_id INTEGER REFERENCES strutture(id),
	tipo TEXT NOT NULL CHECK (tipo IN ('allontanamento', 'rientro',
		'ricovero', 'polizia', 'conflitto', 'autolesionismo', 'altro')),
	data TEXT NOT NULL,
	ora TEXT CHECK (ora IS NULL OR ora GLOB '[0-2][0-9]:[0-5][0-9]'),
	ultimo_avvistamento TEXT,
	denuncia INTEGER NOT NULL DEFAULT 0,
	denuncia_data TEXT,
	descrizione TEXT NOT NULL,
	autore_id INTEGER NOT NULL REFERENCES utenti(id),
	creato TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
) STRICT;
CREATE INDEX eventi_critici_minore ON eventi_critici(minore_id, data DESC);
CREATE INDEX eventi_critici_struttura ON eventi_critici(struttura_id, data DESC);

-- The facility's periodic report on each minor placed with it (monthly
-- by default): school or course attendance, Italian L2, health, behaviour
-- and relationships, progress on the PEI's actions given to the facility,
-- notes. A draft until sent; once sent the facility cannot change it; the
-- office marks it read with its feedback. lib/monitoraggio/relazione.c.
CREATE TABLE relazioni (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	struttura_id INTEGER NOT NULL REFERENCES strutture(id),
	periodo TEXT NOT NULL CHECK (periodo GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
	stato TEXT NOT NULL DEFAULT 'bozza'
		CHECK (stato IN ('bozza', 'inviata', 'letta')),
	scuola TEXT,
	italiano TEXT,
	salute TEXT,
	comportamento TEXT,
	azioni TEXT,
	note TEXT,
	autore_id INTEGER NOT NULL REFERENCES utenti(id),
	creata TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	inviata_da INTEGER REFERENCES utenti(id),
	inviata_il TEXT,
	letta_da INTEGER REFERENCES utenti(id),
	letta_il TEXT,
	riscontro TEXT,
	UNIQUE (minore_id, struttura_id, periodo)
) STRICT;
CREATE INDEX relazioni_struttura ON relazioni(struttura_id, stato, periodo);
-- Sent is sent: the content never changes again, only the office's
-- reading (inviata -> letta, with its feedback); nothing is removed.
CREATE TRIGGER relazioni_inviate BEFORE UPDATE ON relazioni
WHEN OLD.stato <> 'bozza' AND (NEW.scuola IS NOT OLD.scuola
	OR NEW.italiano IS NOT OLD.italiano OR NEW.salute IS NOT OLD.salute
	OR NEW.comportamento IS NOT OLD.comportamento
	OR NEW.azioni IS NOT OLD.azioni OR NEW.note IS NOT OLD.note
	OR NEW.minore_id <> OLD.minore_id OR NEW.periodo <> OLD.periodo
	OR NEW.struttura_id <> OLD.struttura_id
	OR (OLD.stato = 'letta' AND NEW.stato <> 'letta')
	OR (OLD.stato = 'inviata' AND NEW.stato = 'bozza'))
BEGIN SELECT RAISE(ABORT, 'a report sent is not changed'); END;
CREATE TRIGGER relazioni_mai_cancellate BEFORE DELETE ON relazioni
WHEN OLD.stato <> 'bozza'
BEGIN SELECT RAISE(ABORT, 'a report sent is never removed'); END;

-- The multidisciplinary team's meetings (équipe): when, where, why, who
-- took part (the office's people; the others with their role and
-- organisation, one a line), and each minor discussed with their current
-- situation, the decisions, the outcome for the case; follow-up actions
-- come from each minor's discussion. lib/monitoraggio/riunione.c.
CREATE TABLE riunioni (
	id INTEGER PRIMARY KEY,
	data TEXT NOT NULL,
	luogo TEXT,
	tipo TEXT NOT NULL CHECK (tipo IN ('revisione_pei', 'caso',
		'evento_critico', 'trasferimento', 'diciotto', 'altro')),
	interni TEXT,
	esterni TEXT,
	autore_id INTEGER NOT NULL REFERENCES utenti(id),
	creata TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
) STRICT;
CREATE INDEX riunioni_data ON riunioni(data DESC, id DESC);

CREATE TABLE riunioni_minori (
	id INTEGER PRIMARY KEY,
	riunione_id INTEGER NOT NULL REFERENCES riunioni(id),
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	situazione TEXT,
	decisioni TEXT,
	esito TEXT NOT NULL CHECK (esito IN ('resta_aperto', 'da_trasferire',
		'da_chiudere', 'altro')),
	UNIQUE (riunione_id, minore_id)
) STRICT;
CREATE INDEX riunioni_minori_minore ON riunioni_minori(minore_id);

-- The facility's page lists its minors by name, a page at a time: the
-- index gives them in that order (no sort of all its minors per request).
CREATE INDEX minori_struttura_nome ON minori(struttura_id,
	cognome COLLATE NOCASE, nome COLLATE NOCASE, id);
