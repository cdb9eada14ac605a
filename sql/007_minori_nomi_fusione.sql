-- The name index's segments: FTS5 merges a level once it holds
-- `usermerge` segments when asked to (nome_maintain(), every 1000
-- requests of a worker); at 2 a search reads one or two segments, where
-- the default 4 left ten at 100,000 minors and searches 2-3 times slower.
INSERT INTO minori_nomi (minori_nomi, rank) VALUES ('usermerge', 2);
