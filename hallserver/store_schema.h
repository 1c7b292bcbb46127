// store_schema.h - versioned migrations of the hall database. Only append.
#pragma once

namespace hallq::schema {

inline const char* const kMigrations[] = {
    // 1: events (audit trail), tickets (history), requests (idempotency), snapshots.
    R"sql(
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
)sql",
    // 2: what each remembered request asked for, so a request id reused for another request is
    // refused instead of answered with the first request's reply.
    R"sql(
ALTER TABLE requests ADD COLUMN fingerprint TEXT;
)sql",
    // 3: ratings (好差评), one per finished ticket, bound to its window, clerk and item.
    R"sql(
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
)sql",
    // 4: clerk passwords, as argon2id hashes (libsodium's string form, salt included). Never the
    // password itself.
    R"sql(
CREATE TABLE clerk_credentials (
  clerk       TEXT PRIMARY KEY,
  hash        TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);
)sql",
    // 5: reservations (预约) imported from the service platform, and their check-in. The ID
    // number, name and phone are kept only sealed (identity) and masked; holder_hash is a keyed
    // hash of the ID number, so a swiped card finds its reservations.
    R"sql(
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
)sql",
};

}  // namespace hallq::schema
