-- At schema 7: one event stored before the chain, two linked.
INSERT INTO events(seq, at, type, ticket, body) VALUES(1, 1795309200000, 'ticket_issued', 1, '{"seq":1}');
INSERT INTO events(seq, at, type, body, chain) VALUES(2, 1795309200001, 'ticket_called', '{"seq":2}', 'ab12');
INSERT INTO events(seq, at, type, body, chain) VALUES(3, 1795309200002, 'ticket_called', '{"seq":3}', 'cd34');
