// sql.h - small SQLite helpers shared by the store's source files.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace hallq::sql {

// Resets a statement however the scope is left.
struct Use {
    sqlite3_stmt* s;
    ~Use() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }
};

// Finalizes a statement however the scope is left.
struct Owned {
    sqlite3_stmt* s = nullptr;
    ~Owned() { sqlite3_finalize(s); }
};

inline void bind_text(sqlite3_stmt* s, int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(s, i);
    else sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
}
inline void bind_blob(sqlite3_stmt* s, int i, const std::string& v) {
    sqlite3_bind_blob(s, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
}
inline void bind_int(sqlite3_stmt* s, int i, int64_t v, bool null_if_zero = false) {
    if (null_if_zero && v == 0) sqlite3_bind_null(s, i);
    else sqlite3_bind_int64(s, i, v);
}
inline std::string column_text(sqlite3_stmt* s, int i) {
    auto p = sqlite3_column_text(s, i);
    return p ? std::string(reinterpret_cast<const char*>(p), size_t(sqlite3_column_bytes(s, i))) : "";
}
inline std::string column_blob(sqlite3_stmt* s, int i) {
    auto p = sqlite3_column_blob(s, i);
    return p ? std::string(static_cast<const char*>(p), size_t(sqlite3_column_bytes(s, i))) : "";
}

}  // namespace hallq::sql
