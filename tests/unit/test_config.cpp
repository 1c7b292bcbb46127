// test_config.cpp - the server's config file: every key read, bad files refused with the reason;
// the service day and its rollover time.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "config.h"

using namespace hallq;

namespace {
struct ConfigFile {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("hallq-config-" + std::to_string(getpid()) + ".json");
    explicit ConfigFile(const std::string& text) { std::ofstream(path) << text; }
    ~ConfigFile() { std::filesystem::remove(path); }
};

std::string refusal(const std::string& text) {
    ConfigFile f(text);
    ServerConfig cfg;
    std::string error;
    CHECK_FALSE(load_config_file(f.path.string(), cfg, error));
    return error;
}
}  // namespace

TEST_CASE("config: the example file sets every key") {
    ServerConfig cfg;
    std::string error;
    REQUIRE(load_config_file(std::string(HALLQ_DEMO_DATA) + "/hallserver.example.json", cfg, error));
    CHECK(cfg.database == "/var/lib/hallq/hallq.db");
    CHECK(cfg.request_endpoint == "tcp://0.0.0.0:5570");
    CHECK(cfg.catalogue == "/etc/hallq/catalogue.json");
    CHECK(cfg.rollover_minutes == 180);
    CHECK(cfg.policy.recall_limit == 3);
}

TEST_CASE("config: values override the defaults, and a missing key keeps its default") {
    ConfigFile f(R"({"heartbeat_ms": 500, "rollover_time": "02:30", "policy": {"recall_limit": 5, "learning_rate": 1}})");
    ServerConfig cfg;
    std::string error;
    REQUIRE(load_config_file(f.path.string(), cfg, error));
    CHECK(cfg.heartbeat_ms == 500);
    CHECK(cfg.rollover_minutes == 150);
    CHECK(cfg.policy.recall_limit == 5);
    CHECK(cfg.policy.learning_rate == Approx(1.0));
    CHECK(cfg.policy.recall_cooldown_s == Policy{}.recall_cooldown_s);
    CHECK(cfg.database == ServerConfig{}.database);
}

TEST_CASE("config: bad files are refused with the reason") {
    CHECK(refusal("not json").find("not a JSON object") != std::string::npos);
    CHECK(refusal(R"({"rolover_time": "03:00"})").find("unknown key \"rolover_time\"") != std::string::npos);
    CHECK(refusal(R"({"heartbeat_ms": "1000"})").find("\"heartbeat_ms\" has the wrong type") != std::string::npos);
    CHECK(refusal(R"({"policy": {"recall_limit": "3"}})").find("policy.recall_limit") != std::string::npos);
    CHECK(refusal(R"({"policy": {"recal_limit": 3}})").find("unknown key \"policy.recal_limit\"") != std::string::npos);
    CHECK(refusal(R"({"heartbeat_ms": 5000})").find("heartbeat_ms") != std::string::npos);
    CHECK(refusal(R"({"rollover_time": "25:00"})").find("HH:MM") != std::string::npos);
    CHECK(refusal(R"({"policy": {"learning_rate": 0}})").find("policy") != std::string::npos);
    ServerConfig cfg;
    std::string error;
    CHECK_FALSE(load_config_file("/nonexistent/hallq.json", cfg, error));
    CHECK(error.find("/nonexistent/hallq.json") != std::string::npos);
}

TEST_CASE("config: the service day starts at the rollover time, local time") {
    setenv("TZ", "CST-8", 1);  // China Standard Time, UTC+8, without needing tzdata
    tzset();
    const int64_t midnight_utc = 1795392000000;  // 2026-11-23 00:00 UTC = 08:00 in the hall
    auto at = [&](int hour, int minute) { return midnight_utc + (int64_t(hour - 8) * 60 + minute) * 60'000; };
    CHECK(service_day(at(12, 0), 180) == "2026-11-23");
    CHECK(service_day(at(26, 59), 180) == "2026-11-23");  // 02:59 next morning: still the same day
    CHECK(service_day(at(27, 0), 180) == "2026-11-24");   // 03:00: a new day
    CHECK(service_day(at(23, 59), 0) == "2026-11-23");
    CHECK(service_day(at(24, 0), 0) == "2026-11-24");
    CHECK(parse_clock_time("03:00") == 180);
    CHECK(parse_clock_time("23:59") == 1439);
    CHECK(parse_clock_time("24:00") == -1);
    CHECK(parse_clock_time("noon") == -1);
}
