-- What a PEI version holds (DOMAIN.md, activity 2). Every table belongs
-- to one version (pei_id); opening a new version copies the last approved
-- one's rows (lib/pei/versione.c calls each section's copy). A list's
-- rows keep their `chiave` across versions, so two versions can be
-- compared item by item. Only a version being written (bozza or
-- restituita) may change: the triggers at the end refuse anything else.
-- Dates are ISO; choices are codes (their labels are in lib/pei/scelte.c).

-- 1. Anamnesi sociale: family, schooling, work, languages, journey, plan.
CREATE TABLE pei_anamnesi (
	pei_id INTEGER PRIMARY KEY REFERENCES pei(id),
	genitori TEXT,			-- entrambi, madre, padre, nessuno, non_noto
	fratelli TEXT,
	contatti_famiglia TEXT,		-- regolari, saltuari, nessuno
	contatti_frequenza TEXT,
	scuola_anni INTEGER CHECK (scuola_anni BETWEEN 0 AND 20),
	alfabetizzazione TEXT,		-- si, parziale, no
	lavoro TEXT,
	lingue TEXT,
	italiano TEXT,			-- CEFR: pre_a1, a1 ... c2
	religione_registrata INTEGER NOT NULL DEFAULT 0,
	religione TEXT,
	partenza TEXT,
	viaggio_mezzi TEXT,
	viaggio_pagato TEXT,
	debito INTEGER NOT NULL DEFAULT 0,
	debito_note TEXT,
	viaggio_violenze TEXT,
	arrivo TEXT,
	arrivo_luogo TEXT,
	progetto_studio INTEGER NOT NULL DEFAULT 0,
	progetto_lavoro INTEGER NOT NULL DEFAULT 0,
	progetto_ricongiungimento INTEGER NOT NULL DEFAULT 0,
	progetto_rimesse INTEGER NOT NULL DEFAULT 0,
	progetto_parole TEXT
) STRICT;

-- Relatives: in the home country, in Italy, in the EU (Dublin) or elsewhere.
CREATE TABLE pei_familiari (
	id INTEGER PRIMARY KEY,
	pei_id INTEGER NOT NULL REFERENCES pei(id),
	chiave INTEGER,
	relazione TEXT NOT NULL,
	nome TEXT,
	dove TEXT NOT NULL,		-- origine, italia, ue, altrove
	paese TEXT,
	contatto TEXT,
	in_contatto INTEGER NOT NULL DEFAULT 0,
	note TEXT
) STRICT;
CREATE INDEX pei_familiari_pei ON pei_familiari(pei_id, chiave);

-- The journey's transit countries, in order.
CREATE TABLE pei_transiti (
	id INTEGER PRIMARY KEY,
	pei_id INTEGER NOT NULL REFERENCES pei(id),
	chiave INTEGER,
	ordine INTEGER NOT NULL CHECK (ordine BETWEEN 1 AND 99),
	paese TEXT NOT NULL,
	durata TEXT,
	mezzo TEXT,
	violenze INTEGER NOT NULL DEFAULT 0,
	detenzione INTEGER NOT NULL DEFAULT 0,
	lavoro_forzato INTEGER NOT NULL DEFAULT 0,
	note TEXT
) STRICT;
CREATE INDEX pei_transiti_pei ON pei_transiti(pei_id, ordine);

-- 2. Primo colloquio (DPCM 98/2024): who held it, who was there, the report.
CREATE TABLE pei_colloquio (
	pei_id INTEGER PRIMARY KEY REFERENCES pei(id),
	data TEXT,
	conduttore TEXT,
	profilo TEXT,		-- assistente_sociale, psicologo, educatore, pedagogista
	tutore TEXT,
	mediatore TEXT,
	lingua TEXT,
	ritardo_motivo TEXT,
	dati_personali TEXT,
	storia_casa TEXT,
	storia_scuola TEXT,
	storia_partenza TEXT,
	storia_viaggio TEXT,
	storia_arrivo TEXT,
	relazioni TEXT,
	parenti TEXT,
	vulnerabilita TEXT,
	protezione TEXT,
	partecipazione TEXT,
	parere TEXT,
	data_cartella TEXT,
	data_procura TEXT
) STRICT;

-- 3. Vulnerabilities (D.Lgs. 142/2015 art. 17 and the office's own), one
-- row per category assessed; trafficking's indicators as a list of codes.
CREATE TABLE pei_vulnerabilita (
	pei_id INTEGER NOT NULL REFERENCES pei(id),
	categoria TEXT NOT NULL,
	esito TEXT NOT NULL CHECK (esito IN ('escluso', 'sospetto', 'confermato')),
	data TEXT,
	fonte TEXT,
	note TEXT,
	indicatori TEXT,
	PRIMARY KEY (pei_id, categoria)
) STRICT, WITHOUT ROWID;

-- The overall level, health and the needs the facility must act on.
CREATE TABLE pei_valutazione (
	pei_id INTEGER PRIMARY KEY REFERENCES pei(id),
	livello TEXT CHECK (livello IN ('basso', 'medio', 'alto')),
	ssn INTEGER NOT NULL DEFAULT 0,
	ssn_data TEXT,
	screening TEXT,
	salute TEXT,
	bisogni_struttura TEXT
) STRICT;

-- Referrals to services (invii ai servizi).
CREATE TABLE pei_invii (
	id INTEGER PRIMARY KEY,
	pei_id INTEGER NOT NULL REFERENCES pei(id),
	chiave INTEGER,
	servizio TEXT NOT NULL,
	ente TEXT,
	data_invio TEXT NOT NULL,
	appuntamento TEXT,
	stato TEXT NOT NULL CHECK (stato IN ('richiesto', 'preso_in_carico',
		'concluso', 'rifiutato')),
	esito TEXT
) STRICT;
CREATE INDEX pei_invii_pei ON pei_invii(pei_id, chiave);

-- 5. Objectives per area, and their actions.
CREATE TABLE pei_obiettivi (
	id INTEGER PRIMARY KEY,
	pei_id INTEGER NOT NULL REFERENCES pei(id),
	chiave INTEGER,
	area TEXT NOT NULL,
	descrizione TEXT NOT NULL,
	indicatore TEXT,
	stato TEXT NOT NULL CHECK (stato IN ('da_avviare', 'in_corso',
		'raggiunto', 'sospeso')),
	-- 7. The review that led to this version: how the objective went
	-- since the version approved before (empty in a first version).
	verifica TEXT CHECK (verifica IN ('raggiunto', 'parziale',
		'non_raggiunto', 'abbandonato')),
	verifica_note TEXT
) STRICT;
CREATE INDEX pei_obiettivi_pei ON pei_obiettivi(pei_id, chiave);

CREATE TABLE pei_azioni (
	id INTEGER PRIMARY KEY,
	pei_id INTEGER NOT NULL REFERENCES pei(id),
	obiettivo_id INTEGER NOT NULL REFERENCES pei_obiettivi(id),
	chiave INTEGER,
	cosa TEXT NOT NULL,
	chi TEXT NOT NULL CHECK (chi IN ('minore', 'struttura', 'operatore',
		'tutore', 'servizio')),
	servizio TEXT,
	entro TEXT,
	stato TEXT NOT NULL CHECK (stato IN ('da_fare', 'in_corso', 'fatta',
		'non_fatta'))
) STRICT;
CREATE INDEX pei_azioni_obiettivo ON pei_azioni(obiettivo_id, id);
CREATE INDEX pei_azioni_pei ON pei_azioni(pei_id, chiave);

-- 6. The minor's opinion on the whole plan (CRC art. 12).
CREATE TABLE pei_parere (
	pei_id INTEGER PRIMARY KEY REFERENCES pei(id),
	data TEXT,
	parere TEXT,
	mediatore TEXT,
	lingua TEXT,
	accordo TEXT		-- si, in_parte, no
) STRICT;

-- A list's new row is its own key; a copied row keeps the one it had.
CREATE TRIGGER pei_familiari_chiave AFTER INSERT ON pei_familiari
WHEN NEW.chiave IS NULL
BEGIN UPDATE pei_familiari SET chiave = NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER pei_transiti_chiave AFTER INSERT ON pei_transiti
WHEN NEW.chiave IS NULL
BEGIN UPDATE pei_transiti SET chiave = NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER pei_invii_chiave AFTER INSERT ON pei_invii
WHEN NEW.chiave IS NULL
BEGIN UPDATE pei_invii SET chiave = NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER pei_obiettivi_chiave AFTER INSERT ON pei_obiettivi
WHEN NEW.chiave IS NULL
BEGIN UPDATE pei_obiettivi SET chiave = NEW.id WHERE id = NEW.id; END;
CREATE TRIGGER pei_azioni_chiave AFTER INSERT ON pei_azioni
WHEN NEW.chiave IS NULL
BEGIN UPDATE pei_azioni SET chiave = NEW.id WHERE id = NEW.id; END;

-- Only a version being written changes: submitted and approved ones never.
CREATE VIEW pei_scrivibile AS
	SELECT id FROM pei WHERE stato IN ('bozza', 'restituita');
CREATE TRIGGER pei_anamnesi_i BEFORE INSERT ON pei_anamnesi
WHEN NEW.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_anamnesi_u BEFORE UPDATE ON pei_anamnesi
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_anamnesi_d BEFORE DELETE ON pei_anamnesi
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_familiari_i BEFORE INSERT ON pei_familiari
WHEN NEW.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_familiari_u BEFORE UPDATE ON pei_familiari
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_familiari_d BEFORE DELETE ON pei_familiari
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_transiti_i BEFORE INSERT ON pei_transiti
WHEN NEW.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_transiti_u BEFORE UPDATE ON pei_transiti
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_transiti_d BEFORE DELETE ON pei_transiti
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_colloquio_i BEFORE INSERT ON pei_colloquio
WHEN NEW.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_colloquio_u BEFORE UPDATE ON pei_colloquio
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_colloquio_d BEFORE DELETE ON pei_colloquio
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_vulnerabilita_i BEFORE INSERT ON pei_vulnerabilita
WHEN NEW.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_vulnerabilita_u BEFORE UPDATE ON pei_vulnerabilita
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_vulnerabilita_d BEFORE DELETE ON pei_vulnerabilita
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_valutazione_i BEFORE INSERT ON pei_valutazione
WHEN NEW.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_valutazione_u BEFORE UPDATE ON pei_valutazione
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_valutazione_d BEFORE DELETE ON pei_valutazione
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_invii_i BEFORE INSERT ON pei_invii
WHEN NEW.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_invii_u BEFORE UPDATE ON pei_invii
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_invii_d BEFORE DELETE ON pei_invii
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_obiettivi_i BEFORE INSERT ON pei_obiettivi
WHEN NEW.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_obiettivi_u BEFORE UPDATE ON pei_obiettivi
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_obiettivi_d BEFORE DELETE ON pei_obiettivi
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_azioni_i BEFORE INSERT ON pei_azioni
WHEN NEW.pei_id NOT IN pei_scrivibile OR NEW.pei_id <>
	(SELECT pei_id FROM pei_obiettivi WHERE id = NEW.obiettivo_id)
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_azioni_u BEFORE UPDATE ON pei_azioni
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
	OR NEW.obiettivo_id <> OLD.obiettivo_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_azioni_d BEFORE DELETE ON pei_azioni
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_parere_i BEFORE INSERT ON pei_parere
WHEN NEW.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_parere_u BEFORE UPDATE ON pei_parere
WHEN OLD.pei_id NOT IN pei_scrivibile OR NEW.pei_id <> OLD.pei_id
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_parere_d BEFORE DELETE ON pei_parere
WHEN OLD.pei_id NOT IN pei_scrivibile
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;

-- Each change of a version's content counts in its revisione, so that a
-- page drawn from it can be kept until the version changes (pagina.c).
ALTER TABLE pei ADD COLUMN revisione INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER pei_anamnesi_ri AFTER INSERT ON pei_anamnesi
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_anamnesi_ru AFTER UPDATE ON pei_anamnesi
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_anamnesi_rd AFTER DELETE ON pei_anamnesi
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;
CREATE TRIGGER pei_familiari_ri AFTER INSERT ON pei_familiari
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_familiari_ru AFTER UPDATE ON pei_familiari
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_familiari_rd AFTER DELETE ON pei_familiari
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;
CREATE TRIGGER pei_transiti_ri AFTER INSERT ON pei_transiti
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_transiti_ru AFTER UPDATE ON pei_transiti
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_transiti_rd AFTER DELETE ON pei_transiti
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;
CREATE TRIGGER pei_colloquio_ri AFTER INSERT ON pei_colloquio
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_colloquio_ru AFTER UPDATE ON pei_colloquio
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_colloquio_rd AFTER DELETE ON pei_colloquio
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;
CREATE TRIGGER pei_vulnerabilita_ri AFTER INSERT ON pei_vulnerabilita
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_vulnerabilita_ru AFTER UPDATE ON pei_vulnerabilita
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_vulnerabilita_rd AFTER DELETE ON pei_vulnerabilita
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;
CREATE TRIGGER pei_valutazione_ri AFTER INSERT ON pei_valutazione
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_valutazione_ru AFTER UPDATE ON pei_valutazione
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_valutazione_rd AFTER DELETE ON pei_valutazione
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;
CREATE TRIGGER pei_invii_ri AFTER INSERT ON pei_invii
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_invii_ru AFTER UPDATE ON pei_invii
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_invii_rd AFTER DELETE ON pei_invii
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;
CREATE TRIGGER pei_obiettivi_ri AFTER INSERT ON pei_obiettivi
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_obiettivi_ru AFTER UPDATE ON pei_obiettivi
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_obiettivi_rd AFTER DELETE ON pei_obiettivi
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;
CREATE TRIGGER pei_azioni_ri AFTER INSERT ON pei_azioni
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_azioni_ru AFTER UPDATE ON pei_azioni
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_azioni_rd AFTER DELETE ON pei_azioni
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;
CREATE TRIGGER pei_parere_ri AFTER INSERT ON pei_parere
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_parere_ru AFTER UPDATE ON pei_parere
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = NEW.pei_id; END;
CREATE TRIGGER pei_parere_rd AFTER DELETE ON pei_parere
BEGIN UPDATE pei SET revisione = revisione + 1 WHERE id = OLD.pei_id; END;

-- INSERT OR REPLACE and UPDATE OR REPLACE remove the row they conflict
-- with without its delete trigger (recursive_triggers is off): a list's
-- row id never names a row of a version not being written, and never
-- changes.
CREATE TRIGGER pei_familiari_id BEFORE INSERT ON pei_familiari
WHEN NEW.id IN (SELECT id FROM pei_familiari WHERE pei_id NOT IN pei_scrivibile)
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_familiari_idu BEFORE UPDATE OF id ON pei_familiari
WHEN NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'a PEI row keeps its id'); END;
CREATE TRIGGER pei_transiti_id BEFORE INSERT ON pei_transiti
WHEN NEW.id IN (SELECT id FROM pei_transiti WHERE pei_id NOT IN pei_scrivibile)
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_transiti_idu BEFORE UPDATE OF id ON pei_transiti
WHEN NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'a PEI row keeps its id'); END;
CREATE TRIGGER pei_invii_id BEFORE INSERT ON pei_invii
WHEN NEW.id IN (SELECT id FROM pei_invii WHERE pei_id NOT IN pei_scrivibile)
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_invii_idu BEFORE UPDATE OF id ON pei_invii
WHEN NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'a PEI row keeps its id'); END;
CREATE TRIGGER pei_obiettivi_id BEFORE INSERT ON pei_obiettivi
WHEN NEW.id IN (SELECT id FROM pei_obiettivi WHERE pei_id NOT IN pei_scrivibile)
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_obiettivi_idu BEFORE UPDATE OF id ON pei_obiettivi
WHEN NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'a PEI row keeps its id'); END;
CREATE TRIGGER pei_azioni_id BEFORE INSERT ON pei_azioni
WHEN NEW.id IN (SELECT id FROM pei_azioni WHERE pei_id NOT IN pei_scrivibile)
BEGIN SELECT RAISE(ABORT, 'this PEI version is not being written'); END;
CREATE TRIGGER pei_azioni_idu BEFORE UPDATE OF id ON pei_azioni
WHEN NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'a PEI row keeps its id'); END;
