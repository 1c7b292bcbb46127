-- At schema 4: a clerk's credential, kept by the migration.
INSERT INTO clerk_credentials(clerk, hash, updated_at) VALUES('c03', 'h', 5);
