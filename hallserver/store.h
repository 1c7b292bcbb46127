// store.h - the hall's durable truth: one SQLite file (WAL, synchronous=FULL, foreign keys).
//
// Every accepted command is one transaction holding its events (the audit trail, with their
// sequence numbers), the rows of the tickets it touched, a row per rating given, the reservation
// rows it imported or checked in, the reply under its request id (so a retry gets the same
// answer) and, now and then, a snapshot of the whole state. On start the state is the newest snapshot plus the events after it.
#pragma once
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/hall.h"
#include "core/reservation.h"

struct sqlite3;
struct sqlite3_stmt;

namespace hallq {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A row of the reservations table: the hall's view, plus the keyed hash of the holder's ID number
// and the sealed identity (identity_vault.h).
struct StoredReservation {
    Reservation r;
    std::string holder_hash;  // 32 bytes
    std::string identity;     // nonce ‖ secretbox of {"id_number","name","phone"}
    int64_t checked_in_at = 0, imported_at = 0;
};

// A reservation's check-in: its new status and the ticket it is linked to.
struct ReservationUpdate {
    std::string id;
    ReservationStatus status = ReservationStatus::checked_in;
    int64_t ticket_id = 0;
    int64_t at = 0;
};

// Reservation rows written in the same transaction as a command's events and reply.
struct ReservationWrites {
    std::vector<StoredReservation> upserts;  // import: new rows, or new contents for an id
    std::vector<ReservationUpdate> updates;  // check-in
    std::string no_show_before;  // rollover: booked reservations of earlier days become no_show
    int64_t at = 0;              // time of the request, for its stored reply when it has no event
    bool empty() const { return upserts.empty() && updates.empty() && no_show_before.empty(); }
};

// Everything one request (or the server's own rollover) writes, committed in one transaction:
// its events with the rows they project (tickets, ratings), the reservation rows and a clerk's
// credential it changed, its reply under its request id, and now and then a snapshot.
struct UnitOfWork {
    const std::vector<Event>& events;
    const Hall& after;                  // the state with `events` applied
    const std::string& rid;             // "" for the server's own changes: no reply stored
    const std::string& reply;
    const std::string& fingerprint;
    bool snapshot = false;
    const ReservationWrites& reservations;
    // A new password hash (change_password): {clerk, hash}; empty clerk for none.
    std::string credential_clerk, credential_hash;
    int64_t at = 0;  // the request's time
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
                const std::string& reply, bool with_snapshot, const std::string& fingerprint = "",
                const ReservationWrites& reservations = {});

    // Writes one unit of work atomically. Throws StoreError (and writes nothing) on failure.
    void commit(const UnitOfWork& w);

    // Group commit: between begin_batch() and end_batch(), commit() and set_password_hash() write
    // into one shared transaction, committed (one fsync) by end_batch(). A write that fails inside
    // a batch rolls the whole batch back; every later write of the batch then throws, and so does
    // end_batch(). Outside a batch each call is its own transaction. Throw StoreError.
    void begin_batch();
    void end_batch();
    bool in_batch() const { return batch_; }

    // Reservations (store_reservations.cpp). Throw StoreError.
    std::optional<StoredReservation> reservation(const std::string& id);
    std::optional<StoredReservation> reservation_by_code(const std::string& code);
    // A holder's reservations of one day, by slot.
    std::vector<StoredReservation> reservations_of(const std::string& holder_hash, const std::string& day);
    // The days after `day` on which the holder has booked reservations, ascending.
    std::vector<std::string> booked_days_after(const std::string& holder_hash, const std::string& day);
    // All reservations of a day, by slot.
    std::vector<StoredReservation> reservations_on(const std::string& day);
    int64_t reservation_count();

    // Forgets cached replies older than `before_ms`. Throws StoreError.
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
    void begin_write();  // BEGIN, unless inside a batch (throws if the batch failed)
    void end_write();    // COMMIT, unless inside a batch
    void abort_write();  // ROLLBACK: of the whole batch inside one, which then counts as failed
    void write_reservations(const ReservationWrites& w);  // inside commit's transaction
    void done(sqlite3_stmt* s);  // steps a statement that returns no rows; throws StoreError
    // The reply to request `rid` (none if empty), inside the caller's transaction.
    void record_request(const std::string& rid, int64_t at, const std::string& reply,
                        const std::string& fingerprint);
    std::vector<StoredReservation> select_reservations(const char* where, const std::string& a,
                                                       const std::string& b = "");
    void migrate();
    sqlite3_stmt* prepare(const char* sql);

    sqlite3* db_ = nullptr;
    bool batch_ = false, batch_failed_ = false;
    sqlite3_stmt* insert_event_ = nullptr;
    sqlite3_stmt* upsert_ticket_ = nullptr;
    sqlite3_stmt* insert_request_ = nullptr;
    sqlite3_stmt* select_request_ = nullptr;
    sqlite3_stmt* insert_snapshot_ = nullptr;
    sqlite3_stmt* expire_tickets_ = nullptr;
    sqlite3_stmt* insert_rating_ = nullptr;
};

}  // namespace hallq
