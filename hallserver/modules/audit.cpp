// audit.cpp - verifying the event log's audit chain, page by page.
#include "modules/audit.h"

namespace hallq {

Json verify_chain(Store& store, const IdentityVault& vault) {
    Json problems = Json::array();
    auto report = [&](Json p) {
        if (problems.size() < 100) problems.push_back(std::move(p));
    };
    uint64_t after = 0, checked = 0, unlinked = 0, first = 0, expected_seq = 0;
    std::string previous;  // the link of the event before, as stored
    bool chained = false;
    for (;;) {
        std::vector<ChainRow> rows = store.chain_rows(after, 5000);
        if (rows.empty()) break;
        for (const ChainRow& r : rows) {
            if (!first) first = r.seq;
            if (expected_seq && r.seq != expected_seq)
                report(Json{{"seq", expected_seq}, {"to", r.seq - 1}, {"problem", "missing"}});
            expected_seq = r.seq + 1;
            ++checked;
            if (r.link.empty()) {
                if (chained) report(Json{{"seq", r.seq}, {"problem", "unlinked"}});
                else ++unlinked;  // stored before the chain began
                continue;
            }
            // The first link continues from "" (the chain's start); a later one from the link
            // stored before it, so one changed event shows alone.
            if (vault.audit_link(chained ? previous : "", r.seq, r.body) != r.link)
                report(Json{{"seq", r.seq}, {"problem", "modified"}});
            chained = true;
            previous = r.link;
        }
        after = rows.back().seq;
    }
    return Json{{"ok", problems.empty()}, {"checked", checked}, {"unlinked", unlinked},
                {"first_seq", first}, {"last_seq", after}, {"problems", problems}};
}

void register_audit(const ServiceState& st, HandlerTable& table) {
    table.on_query(MessageType::audit_verify, [&st](const Call&) -> QueryResult {
        if (!st.vault) return Error{ErrorCode::internal, "identity key"};
        try {
            return verify_chain(st.store, *st.vault);
        } catch (const StoreError&) {
            return Error{ErrorCode::internal, "storage"};
        }
    });
}

}  // namespace hallq
