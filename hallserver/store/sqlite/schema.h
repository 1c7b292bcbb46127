// schema.h - the versioned migrations of the hall database: one numbered SQL file per schema
// version in store/sqlite/migrations/ (only append), compiled in by hallserver/CMakeLists.txt.
#pragma once

namespace hallq::schema {

struct Migration {
    const char* name;  // the file's name without .sql, e.g. "0003_ratings"
    const char* sql;
};

// kMigrations[v] takes a database from schema v to schema v + 1.
inline constexpr Migration kMigrations[] = {
#include "sqlite_migrations.inc"
};

}  // namespace hallq::schema
