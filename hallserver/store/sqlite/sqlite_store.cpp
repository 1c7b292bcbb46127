// sqlite_store.cpp - the SQLite engine: pragmas, migrations, prepared statements, one
// transaction per unit of work (or per batch).
#include "sqlite/sqlite_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "protocol/codec.h"
#include "read_tables.h"
#include "sqlite/schema.h"
#include "sqlite/sql.h"

namespace hallq {

using namespace sql;

SqliteStore::SqliteStore(const std::string& path) {
    // The file holds password hashes, masked data and notes: only its owner may read it. New files
    // are made so by the umask (hallserver sets 077); older ones are closed here.
    for (const std::string& f : {path, path + "-wal", path + "-shm"}) {
        struct stat st{};
        if (::stat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077)) ::chmod(f.c_str(), 0600);
    }
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError("cannot open database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
    // A day's indexes (request ids, ticket numbers) take inserts all over their B-trees; with
    // SQLite's default 2 MiB page cache a busy day's pages fall out of it and each commit reads
    // them back. 16 MiB holds a day of 10,000 tickets.
    exec("PRAGMA cache_size=-16384");
    migrate();
    insert_event_ = prepare("INSERT INTO events(seq, at, type, ticket, window, body, chain) VALUES(?,?,?,?,?,?,?)");
    upsert_ticket_ = prepare(
        "INSERT INTO tickets(id, day, number, queue, class, state, item, reservation, holder, issued_at,"
        " called_at, started_at, finished_at, window, recalls, transfers, outcome, estimate_min, issue_seq)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET queue=excluded.queue, state=excluded.state,"
        " called_at=excluded.called_at, started_at=excluded.started_at,"
        " finished_at=excluded.finished_at, window=excluded.window, recalls=excluded.recalls,"
        " transfers=excluded.transfers, outcome=excluded.outcome");
    insert_request_ = prepare("INSERT OR REPLACE INTO requests(rid, at, reply, fingerprint) VALUES(?,?,?,?)");
    select_request_ = prepare("SELECT reply, fingerprint FROM requests WHERE rid = ?");
    insert_snapshot_ = prepare("INSERT INTO snapshots(seq, at, state) VALUES(?,?,?)");
    expire_tickets_ = prepare(
        "UPDATE tickets SET state='expired' WHERE day <> ? AND state IN ('waiting','called','serving','parked')");
    insert_rating_ = prepare(
        "INSERT INTO ratings(day, ticket_id, ticket_number, window, clerk, item, level, reasons, comment,"
        " at, seq) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
}

SqliteStore::~SqliteStore() {
    for (auto* s : {insert_event_, upsert_ticket_, insert_request_, select_request_, insert_snapshot_,
                    expire_tickets_, insert_rating_})
        sqlite3_finalize(s);
    sqlite3_close(db_);
}

int SqliteStore::schema_version() { return int(std::size(schema::kMigrations)); }

void SqliteStore::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw StoreError("database: " + msg);
    }
}

sqlite3_stmt* SqliteStore::prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
        throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
    return s;
}

void SqliteStore::migrate() {
    int version = 0;
    {
        Owned s{prepare("PRAGMA user_version")};
        if (sqlite3_step(s.s) == SQLITE_ROW) version = sqlite3_column_int(s.s, 0);
    }
    if (version > schema_version())
        throw StoreError("database schema " + std::to_string(version) +
                         " is newer than this hallserver understands (" +
                         std::to_string(schema_version()) + ")");
    schema_at_open_ = version;
    for (int v = version; v < schema_version(); ++v) {
        exec("BEGIN IMMEDIATE");
        try {
            exec(schema::kMigrations[v].sql);
            exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

uint64_t SqliteStore::last_seq() {
    Owned s{prepare("SELECT COALESCE(MAX(seq), 0) FROM events")};
    return sqlite3_step(s.s) == SQLITE_ROW ? uint64_t(sqlite3_column_int64(s.s, 0)) : 0;
}

Hall SqliteStore::load() {
    Hall hall;
    try {
        // The newest snapshot, with the tickets of the deltas before it back to a whole one.
        Owned s{prepare("SELECT state FROM snapshots ORDER BY seq DESC")};
        SnapshotMerge merge;
        while (sqlite3_step(s.s) == SQLITE_ROW)
            if (!merge.add(column_text(s.s, 0))) break;
        if (auto h = merge.hall()) hall = std::move(*h);
    } catch (const std::exception& e) {
        throw StoreError(std::string("stored snapshot unreadable: ") + e.what());
    }
    Owned s{prepare("SELECT seq, body FROM events WHERE seq > ? ORDER BY seq")};
    sqlite3_bind_int64(s.s, 1, int64_t(hall.seq()));
    int rc;
    while ((rc = sqlite3_step(s.s)) == SQLITE_ROW) {
        int64_t seq = sqlite3_column_int64(s.s, 0);
        try {
            Event e = event_from_json(Json::parse(column_text(s.s, 1)));
            e.seq = uint64_t(seq);
            hall.apply(e);
        } catch (const std::exception& ex) {
            throw StoreError("stored event " + std::to_string(seq) + " unreadable: " + ex.what());
        }
    }
    if (rc != SQLITE_DONE) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
    return hall;
}

std::optional<Store::CachedReply> SqliteStore::cached_reply(const std::string& rid) {
    Use u{select_request_};
    bind_text(select_request_, 1, rid);
    if (sqlite3_step(select_request_) == SQLITE_ROW)
        return CachedReply{column_text(select_request_, 0), column_text(select_request_, 1)};
    return std::nullopt;
}

void SqliteStore::commit(const UnitOfWork& w) {
    if (!w.events.empty() && !w.after) throw StoreError("database: events without the state after them");
    begin_write();
    try {
        for (const Event& e : w.events) {
            bind_int(insert_event_, 1, int64_t(e.seq));
            bind_int(insert_event_, 2, e.at);
            bind_text(insert_event_, 3, to_string(e.type));
            bind_int(insert_event_, 4, e.ticket, true);
            bind_int(insert_event_, 5, e.window, true);
            std::string body = to_json(e).dump();
            if (chain_) {
                chain_last_ = chain_(chain_last_, e.seq, body);
                bind_text(insert_event_, 7, chain_last_);
            }
            bind_text(insert_event_, 6, body);
            step(insert_event_);
        }
        if (!w.events.empty()) project(w.events, *w.after, *this);
        if (w.reservations) write_reservations(*w.reservations);
        if (w.credential) write_credential(*w.credential, w.at);
        if (w.device) write_device(*w.device);
        record_request(w.rid, w.events.empty() ? w.at : w.events.back().at, w.reply, w.fingerprint);
        deltas_.note(w.events);
        if (w.snapshot && !w.events.empty()) {
            bind_int(insert_snapshot_, 1, int64_t(w.events.back().seq));
            bind_int(insert_snapshot_, 2, w.events.back().at);
            bind_text(insert_snapshot_, 3, deltas_.snapshot(*w.after));
            step(insert_snapshot_);
        }
        end_write();
    } catch (...) {
        abort_write();
        throw;
    }
}

void SqliteStore::put_ticket(const Ticket& t, const std::string& day, uint64_t seq) {
    sqlite3_stmt* s = upsert_ticket_;
    bind_int(s, 1, t.id);
    bind_text(s, 2, day);
    bind_text(s, 3, t.number);
    bind_text(s, 4, t.queue);
    bind_text(s, 5, to_string(t.klass));
    bind_text(s, 6, to_string(t.state));
    bind_text(s, 7, t.item);
    bind_text(s, 8, t.reservation);
    bind_text(s, 9, t.holder);
    bind_int(s, 10, t.issued_at);
    bind_int(s, 11, t.called_at, true);
    bind_int(s, 12, t.started_at, true);
    bind_int(s, 13, t.finished_at, true);
    bind_int(s, 14, t.window, true);
    bind_int(s, 15, t.recalls);
    bind_int(s, 16, t.transfers);
    bind_text(s, 17, t.outcome);
    bind_int(s, 18, t.estimate_min);
    bind_int(s, 19, int64_t(seq));
    step(s);
}

void SqliteStore::expire_tickets_before(const std::string& day) {
    bind_text(expire_tickets_, 1, day);
    step(expire_tickets_);
}

void SqliteStore::add_rating(const Rating& r) {
    sqlite3_stmt* s = insert_rating_;
    bind_text(s, 1, r.day);
    bind_int(s, 2, r.ticket_id);
    bind_text(s, 3, r.ticket_number);
    bind_int(s, 4, r.window, true);
    bind_text(s, 5, r.clerk);
    bind_text(s, 6, r.item);
    bind_int(s, 7, r.level);
    bind_text(s, 8, r.reasons);
    bind_text(s, 9, r.comment);
    bind_int(s, 10, r.at);
    bind_int(s, 11, int64_t(r.seq));
    step(s);
}

void SqliteStore::begin_write() {
    if (!batch_) {
        exec("BEGIN IMMEDIATE");
        chain_saved_ = chain_last_;
        return;
    }
    if (batch_failed_) throw StoreError("database: an earlier write of this batch failed");
}

void SqliteStore::end_write() {
    if (!batch_) exec("COMMIT");
}

void SqliteStore::abort_write() {
    deltas_.lost();  // what the rolled-back snapshot held is written again
    chain_last_ = chain_saved_;  // the rolled-back events' links are gone with them
    if (batch_ && batch_failed_) return;  // already rolled back
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    if (batch_) batch_failed_ = true;
}

void SqliteStore::begin_batch() {
    exec("BEGIN IMMEDIATE");
    chain_saved_ = chain_last_;
    batch_ = true;
    batch_failed_ = false;
}

void SqliteStore::end_batch() {
    bool failed = batch_failed_;
    batch_ = batch_failed_ = false;
    if (failed) deltas_.lost();
    if (failed) chain_last_ = chain_saved_;
    if (failed) throw StoreError("database: the batch was rolled back");
    try {
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        chain_last_ = chain_saved_;
        deltas_.lost();
        throw;
    }
}

void SqliteStore::prune_requests(int64_t before_ms) {
    Owned s{prepare("DELETE FROM requests WHERE at < ?")};
    sqlite3_bind_int64(s.s, 1, before_ms);
    done(s.s);
}

std::optional<std::string> SqliteStore::password_hash(const std::string& clerk) {
    Owned s{prepare("SELECT hash FROM clerk_credentials WHERE clerk = ?")};
    bind_text(s.s, 1, clerk);
    if (sqlite3_step(s.s) == SQLITE_ROW) return column_text(s.s, 0);
    return std::nullopt;
}

void SqliteStore::write_credential(const CredentialWrite& c, int64_t at) {
    Owned s{prepare(
        "INSERT INTO clerk_credentials(clerk, hash, updated_at) VALUES(?,?,?)"
        " ON CONFLICT(clerk) DO UPDATE SET hash=excluded.hash, updated_at=excluded.updated_at")};
    bind_text(s.s, 1, c.clerk);
    bind_text(s.s, 2, c.hash);
    bind_int(s.s, 3, at);
    done(s.s);
}

void SqliteStore::done(sqlite3_stmt* s) {
    if (sqlite3_step(s) != SQLITE_DONE) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
}

void SqliteStore::step(sqlite3_stmt* s) {
    Use u{s};
    done(s);
}

void SqliteStore::record_request(const std::string& rid, int64_t at, const std::string& reply,
                           const std::string& fingerprint) {
    if (rid.empty()) return;
    Use u{insert_request_};
    bind_text(insert_request_, 1, rid);
    bind_int(insert_request_, 2, at);
    bind_text(insert_request_, 3, reply);
    bind_text(insert_request_, 4, fingerprint);
    done(insert_request_);
}

std::vector<std::string> SqliteStore::events_after(uint64_t after, int limit) {
    std::vector<std::string> out;
    Owned s{prepare("SELECT body FROM events WHERE seq > ? ORDER BY seq LIMIT ?")};
    sqlite3_bind_int64(s.s, 1, int64_t(after));
    sqlite3_bind_int(s.s, 2, limit);
    int rc;
    while ((rc = sqlite3_step(s.s)) == SQLITE_ROW) out.push_back(column_text(s.s, 0));
    if (rc != SQLITE_DONE) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
    return out;
}

std::unique_ptr<Store> open_store(const std::string& location) {
    if (location.starts_with("postgres://") || location.starts_with("postgresql://"))
        throw StoreError("database " + location + ": this hallserver has no PostgreSQL engine");
    return std::make_unique<SqliteStore>(location);
}

void SqliteStore::set_chain(ChainLink link) {
    chain_ = std::move(link);
    Owned s{prepare("SELECT chain FROM events WHERE chain IS NOT NULL ORDER BY seq DESC LIMIT 1")};
    int rc = sqlite3_step(s.s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
    chain_last_ = rc == SQLITE_ROW ? column_text(s.s, 0) : "";
    chain_saved_ = chain_last_;
}

std::vector<ChainRow> SqliteStore::chain_rows(uint64_t after, int limit) {
    Owned s{prepare("SELECT seq, body, chain FROM events WHERE seq > ? ORDER BY seq LIMIT ?")};
    sqlite3_bind_int64(s.s, 1, int64_t(after));
    sqlite3_bind_int(s.s, 2, limit);
    std::vector<ChainRow> out;
    int rc;
    while ((rc = sqlite3_step(s.s)) == SQLITE_ROW)
        out.push_back(ChainRow{uint64_t(sqlite3_column_int64(s.s, 0)), column_text(s.s, 1), column_text(s.s, 2)});
    if (rc != SQLITE_DONE) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
    return out;
}

}  // namespace hallq
