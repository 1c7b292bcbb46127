-- 0003_ratings.sql - schema 3 of the hall database (SQLite). Only append new files.
-- ratings (好差评), one per finished ticket, bound to its window, clerk and item.
CREATE TABLE ratings (
  id             INTEGER PRIMARY KEY,
  day            TEXT NOT NULL,
  ticket_id      INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
  ticket_number  TEXT NOT NULL,
  window         INTEGER,
  clerk          TEXT,
  item           TEXT,
  level          INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
  reasons        TEXT NOT NULL DEFAULT '[]',
  comment        TEXT,
  at             INTEGER NOT NULL,
  seq            INTEGER NOT NULL REFERENCES events(seq)
);
CREATE INDEX ratings_day ON ratings(day, window);
