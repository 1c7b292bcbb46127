-- At schema 5: no devices yet; the clerks' passwords and the hall's tickets stay.
INSERT INTO clerk_credentials(clerk, hash, updated_at) VALUES('c01', '$argon2id$v=19$m=65536,t=2,p=1$x$y', 1);
INSERT INTO events(seq, at, type, ticket, body) VALUES(1, 1795309200000, 'ticket_issued', 1, '{}');
