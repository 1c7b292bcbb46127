-- 0008_chain_start.sql - schema 8 of the hall database (SQLite). Only append new files.
-- meta 'chain_began': the sequence number of the first event in the audit chain (the first one
-- with a link, or the next event to be stored). Events before it were stored before schema 7 and
-- have no link; from it on every event must have one. The server that migrates seals the value
-- with the identity key (audit.cpp), so it can be neither removed nor moved without notice.
INSERT INTO meta(key, value) SELECT 'chain_began', CAST(COALESCE(
  (SELECT MIN(seq) FROM events WHERE chain IS NOT NULL AND chain <> ''),
  (SELECT COALESCE(MAX(seq), 0) + 1 FROM events)) AS TEXT);
