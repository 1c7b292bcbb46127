// store.h - the hall's durable truth, whatever engine keeps it (store/sqlite/ today; PostgreSQL
// for districts to come).
//
// Every accepted command is one unit of work written in one transaction: its events (the audit
// trail, with their sequence numbers), the read-table rows they project (read_tables.h: tickets,
// ratings), the reservation rows it imported or checked in, a clerk's new password hash, the
// reply under its request id (so a retry gets the same answer) and, now and then, a snapshot of
// the state. On start the state is the newest snapshot plus the events after it. A snapshot holds
// the whole state but for the tickets, of which it holds only those changed since the previous
// snapshot ("delta"); the first snapshot of a day and of a process holds them all (snapshots.h).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/hall.h"
#include "core/reservation.h"

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
    bool empty() const { return upserts.empty() && updates.empty() && no_show_before.empty(); }
};

// A clerk's new password hash (credentials.h), written in the request's transaction.
struct CredentialWrite {
    std::string clerk, hash;
};

// An enrolled device (protocol/access.h): its CURVE public key (Z85), role and place.
struct DeviceRow {
    std::string name, public_key, role, department;
    int window = 0;
    int64_t enrolled_at = 0, revoked_at = 0;  // revoked_at > 0: refused from then on
};

// Failed password checks of one clerk id from one device (the login lockout).
struct LoginFailures {
    std::string clerk, device;
    int failures = 0;
    int64_t first_at = 0, locked_until = 0;
};

// The audit chain (全程留痕): each stored event gets a link, a keyed hash of the previous event's
// link, its sequence number and its stored JSON (IdentityVault::audit_link), so an event changed,
// inserted or deleted with a database tool shows at its sequence number.
using ChainLink = std::function<std::string(const std::string& previous, uint64_t seq, const std::string& body)>;

// An event as stored, with its link ("" for events stored before the chain began).
struct ChainRow {
    uint64_t seq = 0;
    std::string body, link;
};

// Everything one request (or the server's own rollover, or a start-up seed) writes, committed in
// one transaction. The events are numbered and `after` is the state with them applied; `after` may
// be null only when there are no events. Outbox rows for the province's platform will join here.
struct UnitOfWork {
    std::span<const Event> events;
    const Hall* after = nullptr;
    std::string rid;  // "" for the server's own changes: no reply stored
    std::string reply;
    std::string fingerprint;  // of the request (fingerprint.h), stored with its reply
    bool snapshot = false;    // also write a snapshot of `after` (when there are events)
    const ReservationWrites* reservations = nullptr;
    std::optional<CredentialWrite> credential;
    std::optional<DeviceRow> device;  // an enrolment or revocation: the device's row as it is now
    int64_t at = 0;  // the request's time: of its stored reply and any rows without an event
};

class Store {
public:
    virtual ~Store() = default;

    // Newest snapshot + later events; an empty hall for a new database. Throws StoreError.
    virtual Hall load() = 0;
    virtual uint64_t last_seq() = 0;

    struct CachedReply {
        std::string reply;
        std::string fingerprint;  // of the request that got it; empty for rows before schema 2
    };
    virtual std::optional<CachedReply> cached_reply(const std::string& rid) = 0;

    // Writes one unit of work atomically. Throws StoreError (and writes nothing) on failure.
    virtual void commit(const UnitOfWork& w) = 0;

    // Group commit: between begin_batch() and end_batch(), commit() writes into one shared
    // transaction, made durable at once by end_batch(). A write that fails inside a batch rolls
    // the whole batch back; every later write of the batch then throws, and so does end_batch().
    // Outside a batch each commit is its own transaction. Throw StoreError.
    virtual void begin_batch() = 0;
    virtual void end_batch() = 0;
    virtual bool in_batch() const = 0;

    // Reservations. Throw StoreError.
    virtual std::optional<StoredReservation> reservation(const std::string& id) = 0;
    virtual std::optional<StoredReservation> reservation_by_code(const std::string& code) = 0;
    // A holder's reservations of one day, by slot.
    virtual std::vector<StoredReservation> reservations_of(const std::string& holder_hash,
                                                           const std::string& day) = 0;
    // The days after `day` on which the holder has booked reservations, ascending.
    virtual std::vector<std::string> booked_days_after(const std::string& holder_hash,
                                                       const std::string& day) = 0;
    // All reservations of a day, by slot.
    virtual std::vector<StoredReservation> reservations_on(const std::string& day) = 0;
    virtual int64_t reservation_count() = 0;

    // Forgets cached replies older than `before_ms`. Throws StoreError.
    virtual void prune_requests(int64_t before_ms) = 0;

    // Retention (PIPL): forgets the personal data of every service day before `before_day` —
    // reservations' sealed identities, holder hashes and masked ID, name and phone; tickets'
    // masked holders. Returns how many reservations and tickets were cut. Throws StoreError.
    struct Purged {
        int64_t reservations = 0, tickets = 0;
    };
    virtual Purged purge_personal(const std::string& before_day) = 0;

    // Writes a consistent copy of the whole database to `path` (a new file), while the store stays
    // in use. Returns its size in bytes. Throws StoreError.
    virtual int64_t backup_to(const std::string& path) = 0;

    // A clerk's password hash (credentials.h), if one is set.
    virtual std::optional<std::string> password_hash(const std::string& clerk) = 0;
    // Sets a clerk's password hash on its own (hallserver --set-password, demo seeding): a unit
    // of work with only the credential. Throws StoreError.
    void set_password_hash(const std::string& clerk, const std::string& hash, int64_t at) {
        UnitOfWork w;
        w.credential = CredentialWrite{clerk, hash};
        w.at = at;
        commit(w);
    }

    // Links every event written from now on into the audit chain, continuing from the newest
    // stored link. Throws StoreError.
    virtual void set_chain(ChainLink link) = 0;
    // The stored events with seq > after, with their links, at most `limit`. Throws StoreError.
    virtual std::vector<ChainRow> chain_rows(uint64_t after, int limit) = 0;
    // The schema version the database had when this store opened it (before its migrations ran;
    // 0 for a new database).
    virtual int schema_at_open() const = 0;

    // Devices, enrolled or revoked (by name). Throws StoreError.
    virtual std::vector<DeviceRow> devices() = 0;

    // The login lockout's counts; set_login_failures writes at once (inside a batch, into it), with
    // failures == 0 removing the row. Throw StoreError.
    virtual std::optional<LoginFailures> login_failures(const std::string& clerk, const std::string& device) = 0;
    virtual void set_login_failures(const LoginFailures& f) = 0;

    // Small named values (the identity key's check value). Throw StoreError.
    virtual std::optional<std::string> meta(const std::string& key) = 0;
    virtual void set_meta(const std::string& key, const std::string& value) = 0;

    // The events with seq > after (at most `limit`), as stored JSON (tests, hallctl tail --from).
    virtual std::vector<std::string> events_after(uint64_t after, int limit) = 0;
};

// Opens the store at `location`: a file path for the embedded SQLite engine (a postgresql:// URL
// is refused until that engine exists). Creates the database and runs pending migrations.
// Throws StoreError.
std::unique_ptr<Store> open_store(const std::string& location);

}  // namespace hallq
