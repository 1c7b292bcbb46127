SELECT key, value FROM meta WHERE key = 'chain_began';
