-- Mail (the platform's): a notice gets its kind, what it is about (a
-- case's number) and its date, which is all a mail tells of it; each
-- user's choice of the kinds they get by mail; the outbox, what each
-- message tells, the notices waiting for the user's daily digest, and
-- every try to send a message. lib/core/notifiche.c writes notifiche,
-- lib/core/posta.c every posta_ table.
ALTER TABLE notifiche ADD COLUMN tipo TEXT NOT NULL DEFAULT '';
ALTER TABLE notifiche ADD COLUMN riferimento TEXT NOT NULL DEFAULT '';
ALTER TABLE notifiche ADD COLUMN data TEXT;

-- A kind by mail (1) or only in the app (0); no row: by mail.
CREATE TABLE posta_preferenze (
	utente_id INTEGER NOT NULL REFERENCES utenti(id),
	tipo TEXT NOT NULL,
	email INTEGER NOT NULL CHECK (email IN (0, 1)),
	PRIMARY KEY (utente_id, tipo)
) STRICT, WITHOUT ROWID;

-- The outbox. A message goes to a user (an urgent notice, the daily
-- digest: sent to the user's address of the moment) or, for a test, to
-- an address. It is 'in_invio' while a sender is trying it, 'inviato'
-- once the server has accepted it, 'fallito' after the last try.
-- Times are unix times.
CREATE TABLE posta_messaggi (
	id INTEGER PRIMARY KEY,
	genere TEXT NOT NULL CHECK (genere IN ('avviso', 'riepilogo', 'prova')),
	utente_id INTEGER REFERENCES utenti(id),
	indirizzo TEXT,
	oggetto TEXT,                          -- a test's subject
	chiave TEXT NOT NULL UNIQUE,           -- the Message-ID's own part
	creato INTEGER NOT NULL,
	stato TEXT NOT NULL DEFAULT 'in_coda' CHECK (stato IN ('in_coda',
		'in_invio', 'inviato', 'fallito')),
	tentativi INTEGER NOT NULL DEFAULT 0,  -- tries that failed
	prossimo INTEGER NOT NULL,             -- not tried again before
	inviato INTEGER,
	CHECK ((utente_id IS NULL) <> (indirizzo IS NULL))
) STRICT;
CREATE INDEX posta_messaggi_coda ON posta_messaggi(prossimo, id)
	WHERE stato = 'in_coda';
CREATE INDEX posta_messaggi_stato ON posta_messaggi(stato, id)
	WHERE stato <> 'inviato';

-- The notices a message tells: one for an urgent notice, all of a
-- user's waiting ones for a digest.
CREATE TABLE posta_voci (
	messaggio_id INTEGER NOT NULL REFERENCES posta_messaggi(id),
	notifica_id INTEGER NOT NULL REFERENCES notifiche(id),
	PRIMARY KEY (messaggio_id, notifica_id)
) STRICT, WITHOUT ROWID;

-- Notices of kinds that are not urgent, for the user's next digest.
CREATE TABLE posta_attesa (
	notifica_id INTEGER PRIMARY KEY REFERENCES notifiche(id),
	utente_id INTEGER NOT NULL REFERENCES utenti(id)
) STRICT;
CREATE INDEX posta_attesa_utente ON posta_attesa(utente_id);

-- Every try to send a message: 'in_corso' while it lasts, then whether
-- the server accepted it, or the error (curl's and the server's last
-- reply); 'interrotto' if the sender stopped during it (the server may
-- have accepted the message: it is sent again).
CREATE TABLE posta_tentativi (
	id INTEGER PRIMARY KEY,
	messaggio_id INTEGER NOT NULL REFERENCES posta_messaggi(id),
	inizio INTEGER NOT NULL,
	fine INTEGER,
	esito TEXT NOT NULL DEFAULT 'in_corso' CHECK (esito IN ('in_corso',
		'inviato', 'errore', 'interrotto')),
	indirizzo TEXT NOT NULL DEFAULT '',
	errore TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX posta_tentativi_messaggio ON posta_tentativi(messaggio_id, id);
