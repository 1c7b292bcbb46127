-- 0002_request_fingerprints.sql - schema 2 of the hall database (SQLite). Only append new files.
-- what each remembered request asked for, so a request id reused for another request is
-- refused instead of answered with the first request's reply.
ALTER TABLE requests ADD COLUMN fingerprint TEXT;
