-- The places' deadline (lib/scadenze/regole_posti.c): a facility declares
-- its free places again before its last declaration goes stale. Its rows
-- in scadenze have minore_id minus the facility's id; a new declaration,
-- or a change of what makes the facility count (active, authorised
-- places, the agreement's start), queues the facility there, as sql/018's
-- triggers queue a case.
CREATE TRIGGER scadenze_posti_dichiarazioni_i AFTER INSERT
ON posti_dichiarazioni
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT -NEW.struttura_id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = -NEW.struttura_id); END;
CREATE TRIGGER scadenze_strutture_u AFTER UPDATE OF attiva, convenzione_dal,
	posti_m_6_13, posti_m_14_17, posti_m_18_21, posti_f_6_13,
	posti_f_14_17, posti_f_18_21 ON strutture
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT -NEW.id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = -NEW.id); END;
CREATE TRIGGER scadenze_strutture_i AFTER INSERT ON strutture
BEGIN INSERT INTO scadenze_da_ricalcolare SELECT -NEW.id
	WHERE NOT EXISTS (SELECT 1 FROM scadenze_da_ricalcolare
	WHERE minore_id = -NEW.id); END;
