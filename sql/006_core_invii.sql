-- One-time submission keys of the forms that create something: a second
-- POST with the same key (the user pressed "Salva" again after a lost
-- reply) answers with the first one's result instead of creating the
-- record twice. Written only by lib/core/record.c; kept for a day.
CREATE TABLE invii (
	chiave TEXT NOT NULL,                  -- 32 hex digits, random
	utente_id INTEGER NOT NULL,
	destinazione TEXT NOT NULL,            -- where the first POST went
	creato INTEGER NOT NULL,               -- unix time
	PRIMARY KEY (chiave, utente_id)        -- a key is one user's
) STRICT, WITHOUT ROWID;
