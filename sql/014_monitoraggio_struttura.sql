-- What a facility has to do moves only when one of these changes: a
-- follow-up action given to a facility, a PEI version approved (or no
-- longer the approved one), a minor placed elsewhere or renamed. The
-- facility's page keeps its list of actions and draws it again only when
-- this counter moves (lib/monitoraggio/relazione.c).
INSERT INTO versioni (nome, n) VALUES ('azioni_struttura', 0);
CREATE TRIGGER azioni_struttura_seguito_i AFTER INSERT ON azioni_seguito
WHEN NEW.chi = 'struttura'
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'azioni_struttura'; END;
CREATE TRIGGER azioni_struttura_seguito_u AFTER UPDATE ON azioni_seguito
WHEN NEW.chi = 'struttura' OR OLD.chi = 'struttura'
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'azioni_struttura'; END;
CREATE TRIGGER azioni_struttura_seguito_d AFTER DELETE ON azioni_seguito
WHEN OLD.chi = 'struttura'
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'azioni_struttura'; END;
CREATE TRIGGER azioni_struttura_pei_i AFTER INSERT ON pei
WHEN NEW.stato = 'approvata'
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'azioni_struttura'; END;
CREATE TRIGGER azioni_struttura_pei_u AFTER UPDATE OF stato ON pei
WHEN NEW.stato = 'approvata' OR OLD.stato = 'approvata'
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'azioni_struttura'; END;
CREATE TRIGGER azioni_struttura_minori AFTER UPDATE OF struttura_id,
	numero, cognome, nome ON minori
BEGIN UPDATE versioni SET n = n + 1 WHERE nome = 'azioni_struttura'; END;

-- The facility's page shows each minor's case number too: in the index,
-- its page of 25 reads no row of minori.
DROP INDEX minori_struttura_nome;
CREATE INDEX minori_struttura_nome ON minori(struttura_id,
	cognome COLLATE NOCASE, nome COLLATE NOCASE, id, numero);
