INSERT INTO clerk_credentials(clerk, hash, updated_at) VALUES('c01', '$argon2id$v=19$m=65536,t=2,p=1$x$y', 1);
SELECT clerk, updated_at FROM clerk_credentials;
SELECT number, class FROM tickets;
