INSERT INTO ratings(day, ticket_id, ticket_number, window, clerk, item, level, at, seq)
  VALUES('2026-11-23', 3, 'A003', 2, 'c02', 'T-SJ-001', 5, 1795309300000, 7);
SELECT t.number, t.state, r.level, r.reasons FROM tickets t JOIN ratings r ON r.ticket_id = t.id;
