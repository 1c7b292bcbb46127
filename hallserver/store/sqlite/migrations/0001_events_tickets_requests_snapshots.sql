-- 0001_events_tickets_requests_snapshots.sql - schema 1 of the hall database (SQLite). Only append new files.
-- events (audit trail), tickets (history), requests (idempotency), snapshots.
CREATE TABLE events (
  seq     INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  type    TEXT NOT NULL,
  ticket  INTEGER,
  window  INTEGER,
  body    TEXT NOT NULL
);
CREATE INDEX events_ticket ON events(ticket);
CREATE TABLE tickets (
  id           INTEGER PRIMARY KEY,
  day          TEXT NOT NULL,
  number       TEXT NOT NULL,
  queue        TEXT NOT NULL,
  class        TEXT NOT NULL,
  state        TEXT NOT NULL,
  item         TEXT,
  reservation  TEXT,
  holder       TEXT,
  issued_at    INTEGER NOT NULL,
  called_at    INTEGER,
  started_at   INTEGER,
  finished_at  INTEGER,
  window       INTEGER,
  recalls      INTEGER NOT NULL DEFAULT 0,
  transfers    INTEGER NOT NULL DEFAULT 0,
  outcome      TEXT,
  estimate_min INTEGER,
  issue_seq    INTEGER NOT NULL REFERENCES events(seq),
  UNIQUE (day, number)
);
CREATE INDEX tickets_day ON tickets(day, queue);
CREATE TABLE requests (
  rid    TEXT PRIMARY KEY,
  at     INTEGER NOT NULL,
  reply  TEXT NOT NULL
);
CREATE INDEX requests_at ON requests(at);
CREATE TABLE snapshots (
  seq    INTEGER PRIMARY KEY REFERENCES events(seq),
  at     INTEGER NOT NULL,
  state  TEXT NOT NULL
);
