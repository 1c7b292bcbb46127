-- 0004_clerk_credentials.sql - schema 4 of the hall database (SQLite). Only append new files.
-- clerk passwords, as argon2id hashes (libsodium's string form, salt included). Never the
-- password itself.
CREATE TABLE clerk_credentials (
  clerk       TEXT PRIMARY KEY,
  hash        TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);
