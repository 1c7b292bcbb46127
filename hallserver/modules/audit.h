// audit.h - the audit module: audit_verify walks the event log's chain (store.h) and reports each
// event that was changed, inserted or deleted behind the server's back, by sequence number.
#pragma once
#include "modules/module.h"

namespace hallq {

// Registers audit_verify (without a vault the chain cannot be checked: refused, internal) and
// backup (an online copy of the database to a new file on the server's machine).
void register_audit(const ServiceState& st, HandlerTable& table);

// The check itself: {"ok", "checked", "unlinked", "first_seq", "last_seq", "problems": [{"seq",
// "problem"}]}; problems are "modified" (the event's link does not match its content: changed, or
// put in), "missing" (sequence numbers skipped: deleted; "seq" the first missing, "to" the last),
// "unlinked" (an event without a link after the chain began); "start_missing", "start_unsealed",
// "start_modified" (seq 0: the record of where the chain began was removed, put in by hand or
// changed; then every event must have a link). At most 100 problems are listed.
// With `from` > 1 only the events from that sequence number on are checked, the first of them
// against the link stored before it (the server's check at start).
Json verify_chain(Store& store, const IdentityVault& vault, uint64_t from = 0);

// Seals meta 'chain_began' with the identity key, once: only at the start whose migrations
// recorded it (a database opened below schema 8). A record put in by hand later stays unsealed.
void seal_chain_start(Store& store, const IdentityVault& vault);

// At start: the chain of the last `count` events; logs an ERROR naming the first problem when it
// is broken. Returns whether it is whole.
bool check_chain_at_start(Store& store, const IdentityVault& vault, uint64_t last_seq, uint64_t count = 20000);

}  // namespace hallq
