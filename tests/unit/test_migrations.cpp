// test_migrations.cpp - every migration of the hall database on a fixture: a database at the
// schema before it, holding the rows of tests/data/migrations/NNNN_name.before.sql, is migrated by
// that one step; the queries of NNNN_name.after.sql must then print NNNN_name.expected. Finally the
// store opens the fixture database and migrates it to the newest schema.
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "service_fixture.h"
#include "sqlite/schema.h"

using namespace hallq;
using namespace hallq::test;

namespace {
std::string fixture(const std::string& name) {
    std::ifstream in(std::string(HALLQ_TEST_DATA) + "/migrations/" + name);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

struct Raw {
    sqlite3* db = nullptr;
    explicit Raw(const std::string& path) {
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        exec("PRAGMA foreign_keys=ON");
    }
    ~Raw() { sqlite3_close(db); }
    void exec(const std::string& sql) {
        char* err = nullptr;
        int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
        INFO((err ? err : "") << "\n" << sql);
        sqlite3_free(err);
        REQUIRE(rc == SQLITE_OK);
    }
    // Every row every statement of `sql` returns, columns joined by '|', one row per line.
    std::string rows(const std::string& sql) {
        std::string out;
        auto collect = [](void* o, int n, char** values, char**) {
            std::string& s = *static_cast<std::string*>(o);
            for (int i = 0; i < n; ++i) s += std::string(i ? "|" : "") + (values[i] ? values[i] : "NULL");
            s += "\n";
            return 0;
        };
        char* err = nullptr;
        int rc = sqlite3_exec(db, sql.c_str(), collect, &out, &err);
        INFO((err ? err : "") << "\n" << sql);
        sqlite3_free(err);
        REQUIRE(rc == SQLITE_OK);
        return out;
    }
};
}  // namespace

TEST_CASE("migrations: each step keeps the rows before it and makes its tables usable") {
    const int steps = int(std::size(schema::kMigrations));
    REQUIRE(steps == SqliteStore::schema_version());
    for (int step = 0; step < steps; ++step) {  // step v takes schema v to v + 1
        const std::string name = schema::kMigrations[step].name;
        INFO("migration " << name);
        // Numbered in order, one file per schema version.
        CHECK(name.substr(0, 4) == (step + 1 < 10 ? "000" : "00") + std::to_string(step + 1));
        TempDb db("migration");
        {
            Raw raw(db.path.string());
            for (int v = 0; v < step; ++v) raw.exec(schema::kMigrations[v].sql);
            raw.exec("PRAGMA user_version=" + std::to_string(step));
            std::string before = fixture(name + ".before.sql");
            REQUIRE_FALSE(before.empty());  // every step has its fixture
            raw.exec(before);
            raw.exec(schema::kMigrations[step].sql);
            CHECK(raw.rows(fixture(name + ".after.sql")) == fixture(name + ".expected"));
        }
        // The store takes the fixture database (at the schema before the step) to the newest schema.
        TempDb again("migration-store");
        {
            Raw raw(again.path.string());
            for (int v = 0; v < step; ++v) raw.exec(schema::kMigrations[v].sql);
            raw.exec("PRAGMA user_version=" + std::to_string(step));
            raw.exec(fixture(name + ".before.sql"));
        }
        SqliteStore store(again.path.string());
        Raw after(again.path.string());
        CHECK(after.rows("PRAGMA user_version") == std::to_string(steps) + "\n");
    }
}
