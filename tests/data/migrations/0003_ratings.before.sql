-- At schema 2: an event and the finished ticket it made.
INSERT INTO events(seq, at, type, ticket, window, body) VALUES(7, 1795309260000, 'ticket_finished', 3, 2, '{}');
INSERT INTO tickets(id, day, number, queue, class, state, issued_at, window, recalls, transfers, issue_seq)
  VALUES(3, '2026-11-23', 'A003', 'A', 'normal', 'done', 1795309200000, 2, 0, 0, 7);
