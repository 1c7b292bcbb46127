// test_identity_vault.cpp - the identity key file (created 0600, refused when others may read it
// or it has the wrong size), keyed hashes and sealed identities, and that an imported
// reservation's ID number, name and phone appear nowhere in the database files in clear.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config.h"
#include "hall_fixture.h"
#include "identity_vault.h"
#include "protocol/envelope.h"
#include "service.h"
#include "sqlite/sqlite_store.h"

using namespace hallq;
using namespace hallq::test;

namespace {
struct TempDir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("hallq-vault-" + std::to_string(getpid()));
    TempDir() {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string bytes(const std::string& name) const {
        std::ifstream in(path / name, std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        return buf.str();
    }
};

std::string refusal(const std::string& path) {
    try {
        IdentityVault::load(path);
    } catch (const KeyFileError& e) {
        return e.what();
    }
    FAIL("key file " << path << " was accepted");
    return "";
}
}  // namespace

TEST_CASE("identity key: created once with mode 0600, refused when unsafe") {
    TempDir dir;
    std::string key = (dir.path / "hallq.db.key").string();
    bool created = false;
    IdentityVault v1 = IdentityVault::load_or_create(key, created);
    CHECK(created);
    struct stat st {};
    REQUIRE(stat(key.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(st.st_size == 32);
    IdentityVault v2 = IdentityVault::load_or_create(key, created);
    CHECK_FALSE(created);  // the same key again, not a new one
    CHECK(v1.hash("11010519491231002X") == v2.hash("11010519491231002X"));
    CHECK_THROWS_AS(IdentityVault::create_key_file(key), KeyFileError);  // never overwritten

    chmod(key.c_str(), 0640);
    std::string why = refusal(key);
    CHECK(why.find("0640") != std::string::npos);
    CHECK(why.find("chmod 600") != std::string::npos);
    chmod(key.c_str(), 0604);
    CHECK(refusal(key).find("0604") != std::string::npos);
    chmod(key.c_str(), 0400);
    CHECK_NOTHROW(IdentityVault::load(key));  // read-only for the owner is fine

    std::string short_key = (dir.path / "short.key").string();
    std::ofstream(short_key) << "too short";
    chmod(short_key.c_str(), 0600);
    CHECK(refusal(short_key).find("exactly 32 bytes") != std::string::npos);
    CHECK(refusal((dir.path / "missing.key").string()).find("cannot read") != std::string::npos);
}

TEST_CASE("identity vault: keyed hashes, holder keys, sealed text that only the key opens") {
    IdentityVault a = IdentityVault::from_key(std::string(32, 'a'));
    IdentityVault b = IdentityVault::from_key(std::string(32, 'b'));
    CHECK(a.hash("11010519491231002X") != b.hash("11010519491231002X"));  // keyed
    CHECK(a.hash("11010519491231002X") != a.hash("110105194912310011"));
    std::string key = IdentityVault::holder_key(a.hash("11010519491231002X"));
    CHECK(key.size() == 32);
    CHECK(key.find_first_not_of("0123456789abcdef") == std::string::npos);

    std::string sealed = a.seal("{\"id_number\":\"11010519491231002X\"}");
    CHECK(sealed.find("11010519491231002X") == std::string::npos);
    CHECK(a.seal("same") != a.seal("same"));  // a fresh nonce each time
    CHECK(a.open(sealed) == std::optional<std::string>("{\"id_number\":\"11010519491231002X\"}"));
    CHECK_FALSE(b.open(sealed).has_value());
    sealed[sealed.size() - 1] ^= 1;
    CHECK_FALSE(a.open(sealed).has_value());
    CHECK_FALSE(a.open("short").has_value());
}

TEST_CASE("reservations: ID number, name and phone are not in the database files in clear") {
    TempDir dir;
    ServerConfig cfg;
    cfg.rollover_minutes = 0;
    int64_t noon = local_time_ms("2026-11-23", 12 * 60);
    IdentityVault vault = IdentityVault::from_key(std::string(32, 'k'));
    const std::string id = "11010519491231002X", name = "欧阳明月", phone = "13912345678";
    {
        SqliteStore store((dir.path / "h.db").string());
        HallService svc(store, cfg, &vault);
        svc.start(small_catalogue(), noon);
        Json body{{"reservations", Json::array({Json{{"id", "R-1"}, {"item", "T-RS-001"}, {"date", "2026-11-23"},
                                                     {"slot", "12:10"}, {"id_number", id}, {"name", name},
                                                     {"phone", phone}}})}};
        auto reply = parse_reply(svc.handle(make_request("import_reservations", "imp-1", body), noon).reply);
        REQUIRE(reply);
        REQUIRE(reply->ok);
        CHECK(reply->body["imported"] == 1);
        Json checked = Json::parse(svc.handle(make_request("check_in", "ci-1", Json{{"id_number", id}}), noon).reply);
        REQUIRE(checked["ok"] == true);
        CHECK(checked.dump().find(id) == std::string::npos);
        std::string files = dir.bytes("h.db") + dir.bytes("h.db-wal");
        REQUIRE(files.find("**************002X") != std::string::npos);  // the search does see the file
        CHECK(files.find(id) == std::string::npos);
        CHECK(files.find(name) == std::string::npos);
        CHECK(files.find(phone) == std::string::npos);
        CHECK(files.find("0105194912") == std::string::npos);  // not even the hidden middle
        auto stored = store.reservation("R-1");
        REQUIRE(stored);
        CHECK(stored->r.name_masked == "欧*月");
        CHECK(stored->r.phone_masked == "139****5678");
        CHECK(stored->holder_hash.size() == 32);
        auto plain = vault.open(stored->identity);
        REQUIRE(plain);
        CHECK(Json::parse(*plain)["id_number"] == id);
    }
    std::string files = dir.bytes("h.db") + dir.bytes("h.db-wal");  // after the clean close
    CHECK(files.find(id) == std::string::npos);
    CHECK(files.find(name) == std::string::npos);
    CHECK(files.find(phone) == std::string::npos);
}
