// config.h - hall server settings: file (JSON), then command line; defaults in docs/configuration.md.
#pragma once
#include <cstdint>
#include <string>

#include "core/hall.h"
#include "core/reservation.h"

namespace hallq {

struct ServerConfig {
    std::string database = "hallq.db";
    std::string request_endpoint = "tcp://127.0.0.1:5570";  // ROUTER: commands and queries
    std::string event_endpoint = "tcp://127.0.0.1:5571";    // PUB: sequenced events
    std::string catalogue;     // catalogue JSON to load at start; empty keeps the database's
    int rollover_minutes = 180;  // the service day starts at 03:00 local time
    int heartbeat_ms = 1000;
    int snapshot_every = 1000;   // events between stored state snapshots
    std::string log_level = "info";
    Policy policy;
    std::string identity_key;    // key file of the identity vault; empty: keys_dir() + "/identity.key"
    std::string keys;            // key directory (keys.h); empty: "hallq-keys" beside the database
    // Benchmarks only (--bench-plain): no CURVE, every connection let in as the local admin;
    // refused unless both endpoints are on the loopback address.
    bool bench_plain = false;
    int retention_days = 30;     // personal data kept this many days after its service day (PIPL)
    int green_channel_age = 70;  // ID holders this old get green tickets; 0: off
    CheckInRules check_in;       // "reservations": early_minutes, late_minutes

    // identity_key, else the key directory's identity.key; a key file beside the database from
    // before (database + ".key") is still used while it exists.
    std::string identity_key_path() const;
    std::string keys_dir() const;
};

// Reads a JSON config file over `cfg`. On failure returns false with a message naming the problem.
bool load_config_file(const std::string& path, ServerConfig& cfg, std::string& error);

// "HH:MM" → minutes after midnight; -1 if malformed.
int parse_clock_time(const std::string& hhmm);

// The service day (YYYY-MM-DD, local time) that `now_ms` belongs to, with the day starting at
// `rollover_minutes` after midnight.
std::string service_day(int64_t now_ms, int rollover_minutes);

// ms since epoch of local time `minutes` after midnight on `day` (YYYY-MM-DD, a valid date).
int64_t local_time_ms(const std::string& day, int minutes);

}  // namespace hallq
