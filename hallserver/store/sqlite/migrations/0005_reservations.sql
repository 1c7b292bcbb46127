-- 0005_reservations.sql - schema 5 of the hall database (SQLite). Only append new files.
-- reservations (预约) imported from the service platform, and their check-in. The ID
-- number, name and phone are kept only sealed (identity) and masked; holder_hash is a keyed
-- hash of the ID number, so a swiped card finds its reservations.
CREATE TABLE reservations (
  id             TEXT PRIMARY KEY,
  code           TEXT UNIQUE NOT NULL,
  item           TEXT NOT NULL,
  day            TEXT NOT NULL,
  slot_at        INTEGER NOT NULL,
  holder_hash    BLOB NOT NULL,
  identity       BLOB NOT NULL,
  holder_masked  TEXT,
  name_masked    TEXT,
  phone_masked   TEXT,
  status         TEXT NOT NULL CHECK (status IN ('booked','checked_in','late','no_show','cancelled')),
  ticket_id      INTEGER,
  checked_in_at  INTEGER,
  imported_at    INTEGER NOT NULL
);
CREATE INDEX reservations_holder ON reservations(holder_hash, day);
CREATE INDEX reservations_day ON reservations(day);
