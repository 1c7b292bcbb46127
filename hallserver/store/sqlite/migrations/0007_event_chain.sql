-- 0007_event_chain.sql - schema 7 of the hall database (SQLite). Only append new files.
-- events.chain: the audit chain's link of each event (store.h), a keyed hash over the previous
-- link, the sequence number and the body. Events stored before this schema have none.
ALTER TABLE events ADD COLUMN chain TEXT;
