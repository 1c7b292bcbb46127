// sqlite_devices.cpp - the SQLite engine's devices, login lockout and meta tables.
#include <sqlite3.h>

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

}  // namespace hallq
