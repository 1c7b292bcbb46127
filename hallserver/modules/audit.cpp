// audit.cpp - verifying the event log's audit chain, page by page.
#include "modules/audit.h"

#include <filesystem>
#include <optional>

#include "log.h"

namespace hallq {

namespace {
constexpr int kChainStartSchema = 8;  // migration 0008 records where the chain began

std::string start_seal(const IdentityVault& vault, uint64_t seq) {
    return vault.audit_link("chain_began", seq, "");  // never a real link: those are hex
}

std::optional<uint64_t> parse_seq(const std::string& s) {
    if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoull(s);
}

// Where the chain began, from meta 'chain_began' ("SEQ:SEAL"); without a whole, sealed record
// every event must have a link (seq 1) and `problem` says what is wrong with the record.
struct ChainStart {
    uint64_t seq = 1;
    std::string problem;  // "", "start_missing", "start_unsealed", "start_modified"
};

ChainStart chain_start(Store& store, const IdentityVault& vault) {
    auto value = store.meta("chain_began");
    if (!value) return {1, "start_missing"};
    size_t colon = value->find(':');
    auto seq = parse_seq(value->substr(0, colon));
    if (!seq) return {1, "start_modified"};
    if (colon == std::string::npos) return {1, "start_unsealed"};
    if (value->substr(colon + 1) != start_seal(vault, *seq)) return {1, "start_modified"};
    return {*seq, ""};
}
}  // namespace

void seal_chain_start(Store& store, const IdentityVault& vault) {
    if (store.schema_at_open() >= kChainStartSchema) return;  // sealed by the start that migrated
    auto value = store.meta("chain_began");
    if (!value || value->find(':') != std::string::npos) return;
    auto seq = parse_seq(*value);
    if (!seq) return;
    store.set_meta("chain_began", *value + ":" + start_seal(vault, *seq));
    if (*seq > 1)
        HALLQ_LOG(info, "the audit chain begins at event " << *seq << "; the events before it were stored before it");
}

Json verify_chain(Store& store, const IdentityVault& vault, uint64_t from) {
    Json problems = Json::array();
    auto report = [&](Json p) {
        if (problems.size() < 100) problems.push_back(std::move(p));
    };
    // The record of where the chain began: removed, moved or not sealed, every event counts.
    ChainStart start = chain_start(store, vault);
    if (!start.problem.empty()) report(Json{{"seq", 0}, {"problem", start.problem}});
    uint64_t after = 0, checked = 0, unlinked = 0, first = 0, expected_seq = 0;
    std::string previous;  // the link of the event before, as stored
    bool chained = false;
    if (from > 1) {  // start from the link stored before `from`, unchecked
        std::vector<ChainRow> anchor = store.chain_rows(from - 2, 1);
        if (!anchor.empty() && anchor[0].seq < from) {
            after = anchor[0].seq;
            expected_seq = after + 1;
            previous = anchor[0].link;
            chained = !previous.empty();
        }
    }
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
                if (chained || r.seq >= start.seq) report(Json{{"seq", r.seq}, {"problem", "unlinked"}});
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

bool check_chain_at_start(Store& store, const IdentityVault& vault, uint64_t last_seq, uint64_t count) {
    uint64_t from = last_seq > count ? last_seq - count + 1 : 0;
    Json r = verify_chain(store, vault, from);
    if (r["ok"] == true) {
        HALLQ_LOG(info, "audit chain whole over events " << r["first_seq"].get<uint64_t>() << "-"
                                                         << r["last_seq"].get<uint64_t>());
        return true;
    }
    const Json& first = r["problems"][0];
    uint64_t at = first["seq"].get<uint64_t>();
    HALLQ_LOG(error, "审计链断裂 / the audit chain is broken: " << r["problems"].size() << " problem(s) in the last "
                                                               << count << " events, the first "
                                                               << first["problem"].get<std::string>()
                                                               << (at ? " at event " + std::to_string(at)
                                                                      : std::string(" (the record of where the chain began)"))
                                                               << " (hallctl audit verify lists them; restore from a backup)");
    return false;
}

namespace {
// backup {"path": "/abs/new-file.db"}: an online copy of the database, written by the server.
QueryResult backup(const ServiceState& st, const Call& c) {
    const Json& b = c.req.body;
    if (!b.contains("path") || !b["path"].is_string()) return bad_field("path");
    std::string path = b["path"].get<std::string>();
    std::error_code ec;
    std::filesystem::path p(path);
    if (path.empty() || path.size() > 1024 || !p.is_absolute()) return Error{ErrorCode::bad_field, "path must be absolute"};
    for (unsigned char c : path)
        if (c < 0x20 || c == 0x7f) return Error{ErrorCode::bad_field, "path has control characters"};
    if (std::filesystem::exists(p, ec)) return Error{ErrorCode::bad_field, "path exists"};
    if (!std::filesystem::is_directory(p.parent_path(), ec)) return Error{ErrorCode::bad_field, "no such directory"};
    try {
        int64_t bytes = st.store.backup_to(path);
        HALLQ_LOG(info, "backup written to " << path << " (" << bytes << " bytes, event seq " << st.hall.seq()
                                              << "); keep the identity key's backup apart from it");
        return Json{{"path", path}, {"bytes", bytes}, {"seq", st.hall.seq()}};
    } catch (const StoreError& e) {
        HALLQ_LOG(error, e.what());
        return Error{ErrorCode::internal, "backup"};
    }
}
}  // namespace

void register_audit(const ServiceState& st, HandlerTable& table) {
    table.on_query(MessageType::backup, [&st](const Call& c) { return backup(st, c); });
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
