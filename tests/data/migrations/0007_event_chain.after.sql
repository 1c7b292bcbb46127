INSERT INTO events(seq, at, type, body, chain) VALUES(2, 1795309200001, 'ticket_called', '{"seq":2}', 'ab12');
SELECT seq, body, COALESCE(chain, '-') FROM events ORDER BY seq;
