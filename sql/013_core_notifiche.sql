-- In-app notices for a user (the platform's): what needs their attention
-- now, with where to look; read once they open it. No personal data in
-- the text: a case is named by its number. lib/core/notifiche.c writes it.
CREATE TABLE notifiche (
	id INTEGER PRIMARY KEY,
	utente_id INTEGER NOT NULL REFERENCES utenti(id),
	testo TEXT NOT NULL,
	href TEXT,
	creata TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	letta_il TEXT
) STRICT;
CREATE INDEX notifiche_utente ON notifiche(utente_id, letta_il, id);

-- A status change proposed by someone who may not make it (a facility
-- reporting a minor missing), for the office to confirm or decline.
-- lib/minori/proposta.c writes it; the change itself is stato.c's.
CREATE TABLE stati_proposti (
	id INTEGER PRIMARY KEY,
	minore_id INTEGER NOT NULL REFERENCES minori(id),
	stato TEXT NOT NULL,
	data TEXT NOT NULL,
	motivo TEXT NOT NULL,
	proposto_da INTEGER NOT NULL REFERENCES utenti(id),
	proposto_il TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	esito TEXT CHECK (esito IN ('confermato', 'respinto')),
	deciso_da INTEGER REFERENCES utenti(id),
	deciso_il TEXT
) STRICT;
CREATE INDEX stati_proposti_aperti ON stati_proposti(minore_id)
	WHERE esito IS NULL;
