// store.h - the hall's durable truth: one SQLite file (WAL, synchronous=FULL, foreign keys).
//
// Every accepted command is one transaction holding its events (the audit trail, with their
// sequence numbers), the rows of the tickets it touched, a row per rating given, the reply under
// its request id (so a retry gets the same answer) and, now and then, a snapshot of the whole
// state. On start the state is the newest snapshot plus the events after it.
#pragma once
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/hall.h"

struct sqlite3;
struct sqlite3_stmt;

namespace hallq {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Store {
public:
    // Opens or creates the database and runs pending migrations. Throws StoreError.
    explicit Store(const std::string& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static int schema_version();

    // Newest snapshot + later events; an empty hall for a new database. Throws StoreError.
    Hall load();
    uint64_t last_seq();

    struct CachedReply {
        std::string reply;
        std::string fingerprint;  // of the request that got it; empty for rows before schema 2
    };
    std::optional<CachedReply> cached_reply(const std::string& rid);

    // Writes everything of one command atomically. `after` is the state with `events` applied.
    // Throws StoreError (and writes nothing) on failure.
    void commit(const std::vector<Event>& events, const Hall& after, const std::string& rid,
                const std::string& reply, bool with_snapshot, const std::string& fingerprint = "");

    // Forgets cached replies older than `before_ms`.
    void prune_requests(int64_t before_ms);

    // A clerk's password hash (credentials.h), if one is set.
    std::optional<std::string> password_hash(const std::string& clerk);
    // Sets a clerk's password hash; with a request id, stores the reply to that request in the
    // same transaction (change_password). Throws StoreError.
    void set_password_hash(const std::string& clerk, const std::string& hash, int64_t at,
                           const std::string& rid = "", const std::string& reply = "",
                           const std::string& fingerprint = "");

    // The events with seq > after (at most `limit`), as stored JSON (tests, hallctl tail --from).
    std::vector<std::string> events_after(uint64_t after, int limit);

private:
    void exec(const char* sql);
    void migrate();
    sqlite3_stmt* prepare(const char* sql);

    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_event_ = nullptr;
    sqlite3_stmt* upsert_ticket_ = nullptr;
    sqlite3_stmt* insert_request_ = nullptr;
    sqlite3_stmt* select_request_ = nullptr;
    sqlite3_stmt* insert_snapshot_ = nullptr;
    sqlite3_stmt* expire_tickets_ = nullptr;
    sqlite3_stmt* insert_rating_ = nullptr;
};

}  // namespace hallq
