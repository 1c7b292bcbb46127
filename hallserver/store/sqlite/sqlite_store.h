// sqlite_store.h - the embedded engine: one SQLite file (WAL, synchronous=FULL, foreign keys),
// schema versions in PRAGMA user_version, migrations from store/sqlite/migrations/, one
// BEGIN IMMEDIATE transaction per unit of work (or per batch of them).
#pragma once
#include "read_tables.h"
#include "snapshots.h"
#include "store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace hallq {

class SqliteStore final : public Store, private RowSink {
public:
    // Opens or creates the database file and runs pending migrations. Throws StoreError.
    explicit SqliteStore(const std::string& path);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    // The schema version this build writes (the number of migrations).
    static int schema_version();

    Hall load() override;
    uint64_t last_seq() override;
    std::optional<CachedReply> cached_reply(const std::string& rid) override;
    void commit(const UnitOfWork& w) override;
    void begin_batch() override;
    void end_batch() override;
    bool in_batch() const override { return batch_; }

    std::optional<StoredReservation> reservation(const std::string& id) override;
    std::optional<StoredReservation> reservation_by_code(const std::string& code) override;
    std::vector<StoredReservation> reservations_of(const std::string& holder_hash, const std::string& day) override;
    std::vector<std::string> booked_days_after(const std::string& holder_hash, const std::string& day) override;
    std::vector<StoredReservation> reservations_on(const std::string& day) override;
    int64_t reservation_count() override;

    void prune_requests(int64_t before_ms) override;
    std::optional<std::string> password_hash(const std::string& clerk) override;
    std::vector<std::string> events_after(uint64_t after, int limit) override;

    void set_chain(ChainLink link) override;
    int schema_at_open() const override { return schema_at_open_; }
    std::vector<ChainRow> chain_rows(uint64_t after, int limit) override;

    // sqlite_devices.cpp
    std::vector<DeviceRow> devices() override;
    std::optional<LoginFailures> login_failures(const std::string& clerk, const std::string& device) override;
    void set_login_failures(const LoginFailures& f) override;
    std::optional<std::string> meta(const std::string& key) override;
    void set_meta(const std::string& key, const std::string& value) override;
    Purged purge_personal(const std::string& before_day) override;
    int64_t backup_to(const std::string& path) override;

private:
    // RowSink: the read tables' rows, inside commit's transaction.
    void put_ticket(const Ticket& t, const std::string& day, uint64_t seq) override;
    void expire_tickets_before(const std::string& day) override;
    void add_rating(const Rating& r) override;

    void exec(const char* sql);
    void begin_write();  // BEGIN IMMEDIATE, unless inside a batch (throws if the batch failed)
    void end_write();    // COMMIT, unless inside a batch
    void abort_write();  // ROLLBACK: of the whole batch inside one, which then counts as failed
    void write_reservations(const ReservationWrites& w);  // inside commit's transaction
    void write_credential(const CredentialWrite& c, int64_t at);
    void write_device(const DeviceRow& d);  // sqlite_devices.cpp
    void done(sqlite3_stmt* s);  // steps a statement that returns no rows; throws StoreError
    void step(sqlite3_stmt* s);  // done(), then resets the statement and clears its bindings
    // The reply to request `rid` (none if empty), inside the caller's transaction.
    void record_request(const std::string& rid, int64_t at, const std::string& reply,
                        const std::string& fingerprint);
    std::vector<StoredReservation> select_reservations(const char* where, const std::string& a,
                                                       const std::string& b = "");
    void migrate();
    sqlite3_stmt* prepare(const char* sql);

    sqlite3* db_ = nullptr;
    bool batch_ = false, batch_failed_ = false;
    SnapshotDeltas deltas_;
    ChainLink chain_;
    std::string chain_last_, chain_saved_;  // the newest link; as it was when the write began
    int schema_at_open_ = 0;
    sqlite3_stmt* insert_event_ = nullptr;
    sqlite3_stmt* upsert_ticket_ = nullptr;
    sqlite3_stmt* insert_request_ = nullptr;
    sqlite3_stmt* select_request_ = nullptr;
    sqlite3_stmt* insert_snapshot_ = nullptr;
    sqlite3_stmt* expire_tickets_ = nullptr;
    sqlite3_stmt* insert_rating_ = nullptr;
};

}  // namespace hallq
