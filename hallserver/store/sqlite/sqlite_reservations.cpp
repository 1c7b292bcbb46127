// sqlite_reservations.cpp - the reservations table: reads for check-in and the reservations
// query, and the writes of import, check-in and rollover inside a command's transaction.
#include <sqlite3.h>

#include "sqlite/sqlite_store.h"
#include "sqlite/sql.h"

namespace hallq {

using namespace sql;

namespace {
constexpr const char* kColumns =
    "SELECT id, code, item, day, slot_at, holder_hash, identity, holder_masked, name_masked,"
    " phone_masked, status, ticket_id, checked_in_at, imported_at FROM reservations ";

StoredReservation read_row(sqlite3_stmt* s) {
    StoredReservation x;
    x.r.id = column_text(s, 0);
    x.r.code = column_text(s, 1);
    x.r.item = column_text(s, 2);
    x.r.day = column_text(s, 3);
    x.r.slot_at = sqlite3_column_int64(s, 4);
    x.holder_hash = column_blob(s, 5);
    x.identity = column_blob(s, 6);
    x.r.holder_masked = column_text(s, 7);
    x.r.name_masked = column_text(s, 8);
    x.r.phone_masked = column_text(s, 9);
    if (!parse(column_text(s, 10), x.r.status)) throw StoreError("reservation " + x.r.id + ": bad status");
    x.r.ticket_id = sqlite3_column_int64(s, 11);
    x.checked_in_at = sqlite3_column_int64(s, 12);
    x.imported_at = sqlite3_column_int64(s, 13);
    return x;
}
}  // namespace

std::vector<StoredReservation> SqliteStore::select_reservations(const char* where, const std::string& a,
                                                          const std::string& b) {
    Owned s{prepare((std::string(kColumns) + where).c_str())};
    // The holder hash is a blob; every other key is text.
    if (std::string(where).find("holder_hash") != std::string::npos) bind_blob(s.s, 1, a);
    else bind_text(s.s, 1, a);
    if (!b.empty()) bind_text(s.s, 2, b);
    std::vector<StoredReservation> out;
    int rc;
    while ((rc = sqlite3_step(s.s)) == SQLITE_ROW) out.push_back(read_row(s.s));
    if (rc != SQLITE_DONE) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
    return out;
}

std::optional<StoredReservation> SqliteStore::reservation(const std::string& id) {
    auto rows = select_reservations("WHERE id = ?", id);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<StoredReservation> SqliteStore::reservation_by_code(const std::string& code) {
    auto rows = select_reservations("WHERE code = ?", code);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<StoredReservation> SqliteStore::reservations_of(const std::string& holder_hash, const std::string& day) {
    return select_reservations("WHERE holder_hash = ? AND day = ? ORDER BY slot_at, id", holder_hash, day);
}

std::vector<StoredReservation> SqliteStore::reservations_on(const std::string& day) {
    return select_reservations("WHERE day = ? ORDER BY slot_at, id", day);
}

std::vector<std::string> SqliteStore::booked_days_after(const std::string& holder_hash, const std::string& day) {
    std::vector<std::string> days;
    for (const auto& x : select_reservations("WHERE holder_hash = ? AND day > ? AND status = 'booked'"
                                             " ORDER BY day, slot_at",
                                             holder_hash, day))
        if (days.empty() || days.back() != x.r.day) days.push_back(x.r.day);
    return days;
}

int64_t SqliteStore::reservation_count() {
    Owned s{prepare("SELECT COUNT(*) FROM reservations")};
    return sqlite3_step(s.s) == SQLITE_ROW ? sqlite3_column_int64(s.s, 0) : 0;
}

void SqliteStore::write_reservations(const ReservationWrites& w) {
    if (!w.upserts.empty()) {
        Owned s{prepare(
            "INSERT INTO reservations(id, code, item, day, slot_at, holder_hash, identity, holder_masked,"
            " name_masked, phone_masked, status, ticket_id, checked_in_at, imported_at)"
            " VALUES(?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,?)"
            " ON CONFLICT(id) DO UPDATE SET code=excluded.code, item=excluded.item, day=excluded.day,"
            " slot_at=excluded.slot_at, holder_hash=excluded.holder_hash, identity=excluded.identity,"
            " holder_masked=excluded.holder_masked, name_masked=excluded.name_masked,"
            " phone_masked=excluded.phone_masked, status=excluded.status, ticket_id=NULL,"
            " checked_in_at=NULL, imported_at=excluded.imported_at")};
        for (const StoredReservation& x : w.upserts) {
            Use u{s.s};
            bind_text(s.s, 1, x.r.id);
            bind_text(s.s, 2, x.r.code);
            bind_text(s.s, 3, x.r.item);
            bind_text(s.s, 4, x.r.day);
            bind_int(s.s, 5, x.r.slot_at);
            bind_blob(s.s, 6, x.holder_hash);
            bind_blob(s.s, 7, x.identity);
            bind_text(s.s, 8, x.r.holder_masked);
            bind_text(s.s, 9, x.r.name_masked);
            bind_text(s.s, 10, x.r.phone_masked);
            bind_text(s.s, 11, to_string(x.r.status));
            bind_int(s.s, 12, x.imported_at);
            done(s.s);
        }
    }
    if (!w.updates.empty()) {
        Owned s{prepare("UPDATE reservations SET status = ?, ticket_id = ?, checked_in_at = ? WHERE id = ?")};
        for (const ReservationUpdate& u : w.updates) {
            Use use{s.s};
            bind_text(s.s, 1, to_string(u.status));
            bind_int(s.s, 2, u.ticket_id, true);
            bind_int(s.s, 3, u.at, true);
            bind_text(s.s, 4, u.id);
            done(s.s);
            if (sqlite3_changes(db_) != 1) throw StoreError("database: no reservation " + u.id);
        }
    }
    if (!w.no_show_before.empty()) {
        Owned s{prepare("UPDATE reservations SET status = 'no_show' WHERE status = 'booked' AND day < ?")};
        bind_text(s.s, 1, w.no_show_before);
        done(s.s);
    }
}

}  // namespace hallq
