// config.cpp - config file parsing and the service-day calendar.
#include "config.h"

#include <ctime>
#include <fstream>
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
    cfg.database = json_get<std::string>(j, "database", cfg.database);
    cfg.request_endpoint = json_get<std::string>(j, "request_endpoint", cfg.request_endpoint);
    cfg.event_endpoint = json_get<std::string>(j, "event_endpoint", cfg.event_endpoint);
    cfg.catalogue = json_get<std::string>(j, "catalogue", cfg.catalogue);
    cfg.heartbeat_ms = json_get<int>(j, "heartbeat_ms", cfg.heartbeat_ms);
    cfg.snapshot_every = json_get<int>(j, "snapshot_every", cfg.snapshot_every);
    cfg.log_level = json_get<std::string>(j, "log_level", cfg.log_level);
    if (j.contains("rollover_time")) {
        int m = parse_clock_time(json_get<std::string>(j, "rollover_time", ""));
        if (m < 0) {
            error = "rollover_time must be HH:MM";
            return false;
        }
        cfg.rollover_minutes = m;
    }
    if (cfg.heartbeat_ms < 50 || cfg.snapshot_every < 1) {
        error = "heartbeat_ms must be ≥ 50 and snapshot_every ≥ 1";
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

}  // namespace hallq
