INSERT INTO devices(name, public_key, role, window, enrolled_at) VALUES('desk-3', 'k3', 'desk', 3, 5);
INSERT INTO login_failures(clerk, device, failures, first_at, locked_until) VALUES('c01', 'desk-3', 2, 7, 0);
INSERT INTO meta(key, value) VALUES('identity_check', 'abc');
SELECT name, role, window, department, revoked_at FROM devices;
SELECT clerk, device, failures FROM login_failures;
SELECT key, value FROM meta;
SELECT clerk FROM clerk_credentials;
SELECT seq, type FROM events;
