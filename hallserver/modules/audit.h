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
// "unlinked" (an event without a link after the chain began). At most 100 problems are listed.
Json verify_chain(Store& store, const IdentityVault& vault);

}  // namespace hallq
