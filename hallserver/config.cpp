// config.cpp - config file parsing and the service-day calendar.
#include "config.h"

#include <filesystem>

#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

#include "protocol/codec.h"

namespace hallq {

int parse_clock_time(const std::string& s) {
    int h = 0, m = 0;
    char colon = 0;
    std::istringstream in(s);
    if (!(in >> h >> colon >> m) || colon != ':' || h < 0 || h > 23 || m < 0 || m > 59) return -1;
    return h * 60 + m;
}

namespace {
// Checks that every key is known and of the right type; returns the first problem found.
std::string check_keys(const Json& j, const std::map<std::string, Json::value_t>& known, const std::string& where) {
    for (const auto& [key, value] : j.items()) {
        auto it = known.find(key);
        if (it == known.end()) return "unknown key \"" + where + key + "\"";
        bool number = it->second == Json::value_t::number_integer;
        bool ok = number ? value.is_number_integer()
                  : it->second == Json::value_t::number_float ? value.is_number()
                                                              : value.type() == it->second;
        if (!ok) return "\"" + where + key + "\" has the wrong type";
    }
    return "";
}
}  // namespace

bool load_config_file(const std::string& path, ServerConfig& cfg, std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = "cannot read config file " + path;
        return false;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    Json j = Json::parse(buf.str(), nullptr, false);
    if (!j.is_object()) {
        error = "config file " + path + " is not a JSON object";
        return false;
    }
    using T = Json::value_t;
    const std::map<std::string, T> kKeys = {
        {"database", T::string},      {"request_endpoint", T::string}, {"event_endpoint", T::string},
        {"catalogue", T::string},     {"rollover_time", T::string},    {"heartbeat_ms", T::number_integer},
        {"snapshot_every", T::number_integer}, {"log_level", T::string}, {"policy", T::object},
        {"identity_key", T::string},  {"green_channel_age", T::number_integer}, {"keys", T::string},
        {"retention_days", T::number_integer},
        {"reservations", T::object}};
    const std::map<std::string, T> kPolicy = {
        {"max_priority_streak", T::number_integer}, {"aging_minutes", T::number_integer},
        {"recall_limit", T::number_integer},        {"recall_cooldown_s", T::number_integer},
        {"learning_rate", T::number_float},         {"max_serial", T::number_integer},
        {"rating_level3", T::string},               {"rating_reasons_up_to", T::number_integer}};
    const std::map<std::string, T> kReservations = {
        {"early_minutes", T::number_integer}, {"late_minutes", T::number_integer}};
    std::string problem = check_keys(j, kKeys, "");
    if (problem.empty() && j.contains("policy")) problem = check_keys(j["policy"], kPolicy, "policy.");
    if (problem.empty() && j.contains("reservations"))
        problem = check_keys(j["reservations"], kReservations, "reservations.");
    if (!problem.empty()) {
        error = "config file " + path + ": " + problem;
        return false;
    }
    cfg.database = json_get<std::string>(j, "database", cfg.database);
    cfg.request_endpoint = json_get<std::string>(j, "request_endpoint", cfg.request_endpoint);
    cfg.event_endpoint = json_get<std::string>(j, "event_endpoint", cfg.event_endpoint);
    cfg.catalogue = json_get<std::string>(j, "catalogue", cfg.catalogue);
    cfg.heartbeat_ms = json_get<int>(j, "heartbeat_ms", cfg.heartbeat_ms);
    cfg.snapshot_every = json_get<int>(j, "snapshot_every", cfg.snapshot_every);
    cfg.log_level = json_get<std::string>(j, "log_level", cfg.log_level);
    cfg.identity_key = json_get<std::string>(j, "identity_key", cfg.identity_key);
    cfg.keys = json_get<std::string>(j, "keys", cfg.keys);
    cfg.retention_days = json_get<int>(j, "retention_days", cfg.retention_days);
    if (cfg.retention_days < 1 || cfg.retention_days > 3650) {
        error = "config file " + path + ": retention_days must be 1-3650";
        return false;
    }
    cfg.green_channel_age = json_get<int>(j, "green_channel_age", cfg.green_channel_age);
    if (j.contains("reservations")) {
        cfg.check_in.early_minutes = json_get<int>(j["reservations"], "early_minutes", cfg.check_in.early_minutes);
        cfg.check_in.late_minutes = json_get<int>(j["reservations"], "late_minutes", cfg.check_in.late_minutes);
    }
    if (cfg.green_channel_age < 0 || cfg.green_channel_age > 150) {
        error = "green_channel_age must be 0…150 (0: off)";
        return false;
    }
    if (cfg.check_in.early_minutes < 0 || cfg.check_in.early_minutes > 720 ||
        cfg.check_in.late_minutes < 0 || cfg.check_in.late_minutes > 720) {
        error = "reservations.early_minutes and reservations.late_minutes must be 0…720";
        return false;
    }
    if (j.contains("rollover_time")) {
        int m = parse_clock_time(json_get<std::string>(j, "rollover_time", ""));
        if (m < 0) {
            error = "rollover_time must be HH:MM";
            return false;
        }
        cfg.rollover_minutes = m;
    }
    // Clients take 3.5 s of silence as a lost server, so heartbeats must come well within it.
    if (cfg.heartbeat_ms < 50 || cfg.heartbeat_ms > 2000 || cfg.snapshot_every < 1) {
        error = "heartbeat_ms must be 50…2000 and snapshot_every ≥ 1";
        return false;
    }
    try {
        if (j.contains("policy")) cfg.policy = policy_from_json(j["policy"], cfg.policy);
    } catch (const CodecError& e) {
        error = std::string("policy: ") + e.what();
        return false;
    }
    return true;
}

std::string service_day(int64_t now_ms, int rollover_minutes) {
    std::time_t t = std::time_t(now_ms / 1000) - std::time_t(rollover_minutes) * 60;
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

int64_t local_time_ms(const std::string& day, int minutes) {
    std::tm tm{};
    tm.tm_year = std::stoi(day.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(day.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(day.substr(8, 2));
    tm.tm_hour = minutes / 60;
    tm.tm_min = minutes % 60;
    tm.tm_isdst = -1;
    return int64_t(std::mktime(&tm)) * 1000;
}

std::string ServerConfig::keys_dir() const {
    if (!keys.empty()) return keys;
    std::filesystem::path dir = std::filesystem::path(database).parent_path();
    return (dir.empty() ? std::filesystem::path("hallq-keys") : dir / "hallq-keys").string();
}

std::string ServerConfig::identity_key_path() const {
    if (!identity_key.empty()) return identity_key;
    std::error_code ec;
    if (std::filesystem::exists(database + ".key", ec)) return database + ".key";
    return (std::filesystem::path(keys_dir()) / "identity.key").string();
}

}  // namespace hallq
