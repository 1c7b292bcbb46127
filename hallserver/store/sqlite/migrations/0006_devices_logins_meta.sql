-- 0006_devices_logins_meta.sql - schema 6 of the hall database (SQLite). Only append new files.
-- devices: every enrolled device's CURVE public key, role and place; a revoked device keeps its
-- row (revoked_at > 0) so its name is never reused for another key.
CREATE TABLE devices (
  name        TEXT PRIMARY KEY,
  public_key  TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL,
  window      INTEGER NOT NULL DEFAULT 0,
  department  TEXT,
  enrolled_at INTEGER NOT NULL,
  revoked_at  INTEGER NOT NULL DEFAULT 0
);
-- login_failures: failed password checks per (clerk, device), so a lockout survives a restart
-- and cannot be turned against a clerk from another device.
CREATE TABLE login_failures (
  clerk        TEXT NOT NULL,
  device       TEXT NOT NULL,
  failures     INTEGER NOT NULL,
  first_at     INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  PRIMARY KEY (clerk, device)
);
-- meta: small facts about the database, e.g. the identity key's check value.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
