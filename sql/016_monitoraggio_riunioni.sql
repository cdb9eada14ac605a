-- The office's people at a team meeting: users chosen from the office's
-- (the case workers and the responsabile), no longer a free text. The
-- meetings recorded before keep what was typed in riunioni.interni,
-- which is read for them and no longer written.
-- lib/monitoraggio/riunione.c.
CREATE TABLE riunioni_partecipanti (
	riunione_id INTEGER NOT NULL REFERENCES riunioni(id),
	utente_id INTEGER NOT NULL REFERENCES utenti(id),
	PRIMARY KEY (riunione_id, utente_id)
) STRICT, WITHOUT ROWID;
