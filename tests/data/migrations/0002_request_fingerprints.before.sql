-- At schema 1: a remembered request without a fingerprint.
INSERT INTO requests(rid, at, reply) VALUES('kiosk-1', 1795309200000, '{"ok":true}');
