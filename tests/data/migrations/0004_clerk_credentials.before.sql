-- At schema 3: nothing about clerks yet; the hall's tickets stay.
INSERT INTO events(seq, at, type, ticket, body) VALUES(1, 1795309200000, 'ticket_issued', 1, '{}');
INSERT INTO tickets(id, day, number, queue, class, state, issued_at, recalls, transfers, issue_seq)
  VALUES(1, '2026-11-23', 'B001', 'B', 'green', 'waiting', 1795309200000, 0, 0, 1);
