// options.cpp - hallserver's options on CLI11, merged over the config file.
#include "options.h"

#include <iostream>
#include <vector>

#include "log.h"
#include "sqlite/sqlite_store.h"
#include "terminal/command_line.h"

namespace hallq {

std::optional<int> parse_server_options(int argc, char** argv, ServerConfig& cfg,
                                        ServerActions& actions) {
    CLI::App app{"hallserver - 政务服务大厅排队叫号服务 / hall queuing server", "hallserver"};
    style_command_line(app);
    std::vector<std::string> configs;
    std::string rollover;
    ServerConfig given;  // the values on the command line; used where the option is given
    app.add_option("--config", configs,
                   "JSON config file (see docs/configuration.md); each one given is read, in "
                   "order, before the other options apply")
        ->type_name("FILE")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    auto* db = app.add_option("--db", given.database, "SQLite database file (default hallq.db)")
                   ->type_name("FILE");
    auto* requests = app.add_option("--requests", given.request_endpoint,
                                    "request endpoint (default tcp://127.0.0.1:5570; "
                                    "tcp://127.0.0.1:* = any free port)")
                         ->type_name("EP");
    auto* events = app.add_option("--events", given.event_endpoint,
                                  "event endpoint (default tcp://127.0.0.1:5571)")
                       ->type_name("EP");
    auto* keys = app.add_option("--keys", given.keys,
                                "key directory: the server's CURVE key pair and the local admin key "
                                "(default hallq-keys beside the database; made with mode 0700)")
                     ->type_name("DIR");
    auto* catalogue =
        app.add_option("--catalogue", given.catalogue,
                       "load this catalogue (departments, items, queues, windows, clerks)")
            ->type_name("FILE");
    app.add_flag("--demo", actions.demo,
                 "load the demo district hall catalogue; clerks without a password get the demo "
                 "password (implies --demo-passwords); seed today's demo reservations when there "
                 "are none");
    app.add_flag("--demo-passwords", actions.demo_passwords,
                 "give every catalogue clerk without a password the demo password");
    app.add_option("--set-password", actions.password_clerk,
                   "set a clerk's password in --db FILE: the new password is read from the first "
                   "line of stdin (at least 6 characters); then exit")
        ->type_name("CLERK");
    app.add_flag("--init-key", actions.init_key,
                 "create the key directory (--keys) and the identity key file (config identity_key, "
                 "default KEYS/identity.key, mode 0600) if they do not exist, check them, and exit");
    app.add_option("--rollover", rollover, "start of the service day (default 03:00)")
        ->type_name("HH:MM")
        ->check([](const std::string& s) { return parse_clock_time(s) < 0 ? "needs HH:MM" : ""; });
    auto* log_level =
        app.add_option("--log-level", given.log_level, "debug, info, warn, error (default info)")
            ->type_name("LEVEL");
    // Not for halls: the benchmarks measure CURVE against this (bench/README.md).
    app.add_flag("--bench-plain", cfg.bench_plain,
                 "benchmarks only: no CURVE, every connection is the local admin (loopback endpoints only)")
        ->group("");
    app.add_flag("--check", actions.check,
                 "check the config and catalogue, print a summary and exit (nothing is opened)");
    app.set_version_flag("--version", "hallserver 0.1.0 (protocol 1, schema " +
                                          std::to_string(SqliteStore::schema_version()) + ")");
    app.footer(
        "On start it prints one line \"hallserver ready: requests=EP events=EP seq=N day=D "
        "admin_key=FILE\" on stdout. Both endpoints run under ZeroMQ CURVE: only enrolled devices "
        "and the local admin key (hallctl) get in (docs/security.md).");
    if (auto done = parse_command_line(app, argc, argv)) return done;

    std::string err;
    for (const std::string& config : configs)
        if (!load_config_file(config, cfg, err)) {
            std::cerr << "hallserver: " << err << "\n";
            return 2;
        }
    if (*db) cfg.database = given.database;
    if (*requests) cfg.request_endpoint = given.request_endpoint;
    if (*events) cfg.event_endpoint = given.event_endpoint;
    if (*catalogue) cfg.catalogue = given.catalogue;
    if (*keys) cfg.keys = given.keys;
    if (*log_level) cfg.log_level = given.log_level;
    if (!rollover.empty()) cfg.rollover_minutes = parse_clock_time(rollover);
    actions.demo_passwords = actions.demo_passwords || actions.demo;
    auto loopback = [](const std::string& ep) { return ep.rfind("tcp://127.0.0.1:", 0) == 0; };
    if (cfg.bench_plain && !(loopback(cfg.request_endpoint) && loopback(cfg.event_endpoint))) {
        std::cerr << "hallserver: --bench-plain is for benchmarks on the loopback address (tcp://127.0.0.1:…) only\n";
        return 2;
    }
    log::Level level;
    if (!log::parse_level(cfg.log_level, level)) {
        std::cerr << "hallserver: log level must be debug, info, warn or error\n";
        return 2;
    }
    log::set_level(level);
    return std::nullopt;
}

}  // namespace hallq
