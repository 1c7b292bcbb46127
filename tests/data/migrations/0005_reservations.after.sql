INSERT INTO reservations(id, code, item, day, slot_at, holder_hash, identity, holder_masked, status, imported_at)
  VALUES('YY-1', 'QR-1', 'T-RS-001', '2026-11-23', 1795310000000, x'00', x'01', '110105********002X', 'booked', 9);
SELECT id, status, holder_masked FROM reservations WHERE day = '2026-11-23';
SELECT clerk FROM clerk_credentials;
