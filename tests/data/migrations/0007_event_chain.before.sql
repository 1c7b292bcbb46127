-- At schema 6: events without a link; they keep their bodies.
INSERT INTO events(seq, at, type, ticket, body) VALUES(1, 1795309200000, 'ticket_issued', 1, '{"seq":1}');
