SELECT rid, at, reply, COALESCE(fingerprint, 'none') FROM requests;
