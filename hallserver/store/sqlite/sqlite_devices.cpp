// sqlite_devices.cpp - the SQLite engine's devices, login lockout and meta tables, retention and
// the online backup.
#include <sqlite3.h>

#include <cstdio>

#include "sqlite/sql.h"
#include "sqlite/sqlite_store.h"

namespace hallq {

using namespace sql;

std::vector<DeviceRow> SqliteStore::devices() {
    Owned s{prepare("SELECT name, public_key, role, window, department, enrolled_at, revoked_at FROM devices ORDER BY name")};
    std::vector<DeviceRow> out;
    int rc;
    while ((rc = sqlite3_step(s.s)) == SQLITE_ROW)
        out.push_back(DeviceRow{column_text(s.s, 0), column_text(s.s, 1), column_text(s.s, 2), column_text(s.s, 4),
                                sqlite3_column_int(s.s, 3), sqlite3_column_int64(s.s, 5), sqlite3_column_int64(s.s, 6)});
    if (rc != SQLITE_DONE) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
    return out;
}

void SqliteStore::write_device(const DeviceRow& d) {
    Owned s{prepare(
        "INSERT INTO devices(name, public_key, role, window, department, enrolled_at, revoked_at)"
        " VALUES(?,?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET public_key=excluded.public_key,"
        " role=excluded.role, window=excluded.window, department=excluded.department,"
        " enrolled_at=excluded.enrolled_at, revoked_at=excluded.revoked_at")};
    bind_text(s.s, 1, d.name);
    bind_text(s.s, 2, d.public_key);
    bind_text(s.s, 3, d.role);
    bind_int(s.s, 4, d.window);
    bind_text(s.s, 5, d.department);
    bind_int(s.s, 6, d.enrolled_at);
    bind_int(s.s, 7, d.revoked_at);
    done(s.s);
}

std::optional<LoginFailures> SqliteStore::login_failures(const std::string& clerk, const std::string& device) {
    Owned s{prepare("SELECT failures, first_at, locked_until FROM login_failures WHERE clerk = ? AND device = ?")};
    bind_text(s.s, 1, clerk);
    bind_text(s.s, 2, device);
    int rc = sqlite3_step(s.s);
    if (rc == SQLITE_ROW)
        return LoginFailures{clerk, device, sqlite3_column_int(s.s, 0), sqlite3_column_int64(s.s, 1),
                             sqlite3_column_int64(s.s, 2)};
    if (rc != SQLITE_DONE) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
    return std::nullopt;
}

void SqliteStore::set_login_failures(const LoginFailures& f) {
    if (f.failures <= 0) {
        Owned s{prepare("DELETE FROM login_failures WHERE clerk = ? AND device = ?")};
        bind_text(s.s, 1, f.clerk);
        bind_text(s.s, 2, f.device);
        done(s.s);
        return;
    }
    Owned s{prepare(
        "INSERT INTO login_failures(clerk, device, failures, first_at, locked_until) VALUES(?,?,?,?,?)"
        " ON CONFLICT(clerk, device) DO UPDATE SET failures=excluded.failures, first_at=excluded.first_at,"
        " locked_until=excluded.locked_until")};
    bind_text(s.s, 1, f.clerk);
    bind_text(s.s, 2, f.device);
    bind_int(s.s, 3, f.failures);
    bind_int(s.s, 4, f.first_at);
    bind_int(s.s, 5, f.locked_until);
    done(s.s);
}

std::optional<std::string> SqliteStore::meta(const std::string& key) {
    Owned s{prepare("SELECT value FROM meta WHERE key = ?")};
    bind_text(s.s, 1, key);
    int rc = sqlite3_step(s.s);
    if (rc == SQLITE_ROW) return column_text(s.s, 0);
    if (rc != SQLITE_DONE) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
    return std::nullopt;
}

void SqliteStore::set_meta(const std::string& key, const std::string& value) {
    Owned s{prepare("INSERT INTO meta(key, value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value")};
    bind_text(s.s, 1, key);
    bind_text(s.s, 2, value);
    done(s.s);
}

SqliteStore::Purged SqliteStore::purge_personal(const std::string& before_day) {
    Purged out;
    begin_write();
    try {
        Owned r{prepare(
            "UPDATE reservations SET identity = X'', holder_hash = X'', holder_masked = NULL, name_masked = NULL,"
            " phone_masked = NULL WHERE day < ? AND length(identity) > 0")};
        bind_text(r.s, 1, before_day);
        done(r.s);
        out.reservations = sqlite3_changes(db_);
        Owned t{prepare("UPDATE tickets SET holder = NULL WHERE day < ? AND holder IS NOT NULL")};
        bind_text(t.s, 1, before_day);
        done(t.s);
        out.tickets = sqlite3_changes(db_);
        end_write();
    } catch (...) {
        abort_write();
        throw;
    }
    return out;
}

int64_t SqliteStore::backup_to(const std::string& path) {
    sqlite3* dest = nullptr;
    if (sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        std::string msg = dest ? sqlite3_errmsg(dest) : "out of memory";
        sqlite3_close(dest);
        throw StoreError("cannot create the backup " + path + ": " + msg);
    }
    // From a connection of its own: the store's may hold a batch's open transaction, and a reader
    // of the WAL database sees exactly what was committed.
    sqlite3* source = nullptr;
    int rc = sqlite3_open_v2(sqlite3_db_filename(db_, "main"), &source, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_backup* b = rc == SQLITE_OK ? sqlite3_backup_init(dest, "main", source, "main") : nullptr;
    if (b) sqlite3_busy_timeout(source, 5000);
    rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
    std::string msg = rc == SQLITE_DONE ? "" : std::string(sqlite3_errmsg(dest)) + " / " + (source ? sqlite3_errmsg(source) : "");
    if (b) sqlite3_backup_finish(b);
    sqlite3_close(source);
    int64_t bytes = 0;
    if (rc == SQLITE_DONE) {
        Owned s{nullptr};
        if (sqlite3_prepare_v2(dest, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", -1,
                               &s.s, nullptr) == SQLITE_OK &&
            sqlite3_step(s.s) == SQLITE_ROW)
            bytes = sqlite3_column_int64(s.s, 0);
    }
    sqlite3_close(dest);
    if (rc != SQLITE_DONE) {
        std::remove(path.c_str());
        throw StoreError("backup to " + path + " failed: " + msg);
    }
    return bytes;
}

}  // namespace hallq
