// main.cpp - hallserver: the hall's single source of truth, headless.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "config.h"
#include "credentials.h"
#include "demo_reservations.h"
#include "identity_vault.h"
#include "log.h"
#include "protocol/codec.h"
#include "server.h"
#include "service.h"
#include "store.h"
#include "terminal/secret_input.h"

#ifndef HALLQ_SOURCE_DATA_DIR
#define HALLQ_SOURCE_DATA_DIR ""
#endif

namespace {
std::atomic<bool> g_stop{false};
void on_signal(int) { g_stop = true; }

const char* kUsage = R"(hallserver - 政务服务大厅排队叫号服务 / hall queuing server

Usage: hallserver [options]
  --config FILE       JSON config file (see docs/configuration.md)
  --db FILE           SQLite database file (default hallq.db)
  --requests EP       request endpoint (default tcp://127.0.0.1:5570; tcp://127.0.0.1:* = any free port)
  --events EP         event endpoint (default tcp://127.0.0.1:5571)
  --catalogue FILE    load this catalogue (departments, items, queues, windows, clerks)
  --demo              load the demo district hall catalogue; clerks without a password get the
                      demo password (implies --demo-passwords); seed today's demo reservations
                      when there are none
  --demo-passwords    give every catalogue clerk without a password the demo password
  --set-password CLERK  set a clerk's password in --db FILE: the new password is read from the
                      first line of stdin (at least 6 characters); then exit
  --init-key          create the identity key file (config identity_key, default the database
                      path + ".key", mode 0600) if it does not exist, check it, and exit
  --rollover HH:MM    start of the service day (default 03:00)
  --log-level LEVEL   debug, info, warn, error (default info)
  --check             check the config and catalogue, print a summary and exit (nothing is opened)
  --version, --help
On start it prints one line "hallserver ready: requests=EP events=EP seq=N day=D" on stdout.
)";

std::string demo_catalogue_path(const char* argv0) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::canonical("/proc/self/exe", ec);
    if (ec) exe = argv0;
    for (fs::path p : {exe.parent_path() / "../share/hallq/demo-hall.json",
                       fs::path(HALLQ_SOURCE_DATA_DIR) / "demo-hall.json"})
        if (fs::exists(p, ec)) return p.string();
    return "";
}

// hallserver --set-password CLERK --db FILE: the administrator sets a clerk's password.
int set_password(const std::string& db, const std::string& clerk) {
    using namespace hallq;
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) {
        std::cerr << "hallserver: no database " << db << " (start the server once to create it)\n";
        return 1;
    }
    std::string password = read_secret_line("新密码 / new password: ");
    size_t chars = 0;
    for (unsigned char c : password) chars += (c & 0xC0) != 0x80;
    if (chars < 6) {
        std::cerr << "hallserver: 密码至少6位 / the password needs at least 6 characters\n";
        return 2;
    }
    Store store(db);
    if (!store.load().catalogue().clerk(clerk)) {
        std::cerr << "hallserver: 没有这个工作人员 / no clerk " << clerk << " in the catalogue of " << db << "\n";
        return 1;
    }
    store.set_password_hash(clerk, hash_password(password), wall_clock_ms());
    std::cout << "已设置工作人员 " << clerk << " 的密码 / password set for clerk " << clerk << "\n";
    return 0;
}

// hallserver --init-key: the installer creates the identity key before the first start.
int init_key(const std::string& path) {
    using namespace hallq;
    try {
        bool created = false;
        IdentityVault::load_or_create(path, created);
        std::cout << (created ? "已创建身份密钥 / identity key created: " : "身份密钥已存在 / identity key exists: ")
                  << path << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "hallserver: " << e.what() << "\n";
        return 2;
    }
}

// The identity key for the server: created on the first start, refused when unsafe (exit 2).
std::optional<hallq::IdentityVault> open_vault(const std::string& path, bool& created) {
    using namespace hallq;
    try {
        IdentityVault vault = IdentityVault::load_or_create(path, created);
        if (created) HALLQ_LOG(info, "identity key created: " << path << " (mode 0600; back it up with the database)");
        return vault;
    } catch (const KeyFileError& e) {
        std::cerr << "hallserver: " << e.what() << "\n";
        return std::nullopt;
    }
}

// --demo: a few reservations for today, when the database has none.
void seed_demo(hallq::HallService& service, hallq::Store& store, int64_t now) {
    using namespace hallq;
    if (store.reservation_count() > 0) return;
    auto entries = demo_reservations(service.hall().catalogue(), service.hall().day(), now);
    if (entries.empty()) return;
    auto seeded = service.seed_reservations(entries, now);
    if (auto* err = std::get_if<Error>(&seeded)) {
        HALLQ_LOG(warn, "demo reservations not seeded: " << to_string(err->code) << " " << err->detail);
        return;
    }
    for (const auto& r : entries) {
        const ServiceItem* item = service.hall().catalogue().item(r.item);
        char slot[16];
        std::snprintf(slot, sizeof slot, "%02d:%02d", r.slot_minutes / 60 % 24, r.slot_minutes % 60);
        HALLQ_LOG(info, "demo reservation: code " << r.code << ", " << (item ? item->name : r.item) << " at "
                                                  << slot << ", holder " << mask_id_number(r.holder.normalized));
    }
}

hallq::Catalogue read_catalogue(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read catalogue " + path);
    std::stringstream buf;
    buf << in.rdbuf();
    hallq::Json j = hallq::Json::parse(buf.str(), nullptr, false);
    if (j.is_discarded()) throw std::runtime_error("catalogue " + path + " is not valid JSON");
    try {
        return hallq::catalogue_from_json(j);
    } catch (const hallq::CodecError& e) {
        throw std::runtime_error("catalogue " + path + ": " + e.what());
    }
}
}  // namespace

int main(int argc, char** argv) {
    using namespace hallq;
    ServerConfig cfg;
    std::vector<std::string> args(argv + 1, argv + argc);
    // The config file first, so the command line overrides it.
    for (size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--config") {
            std::string err;
            if (!load_config_file(args[i + 1], cfg, err)) {
                std::cerr << "hallserver: " << err << "\n";
                return 2;
            }
        }
    bool demo = false, check = false, demo_passwords = false, make_key = false;
    std::string password_clerk;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) {
                std::cerr << "hallserver: " << a << " needs a value\n";
                std::exit(2);
            }
            return args[++i];
        };
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return 0;
        } else if (a == "--version") {
            std::cout << "hallserver 0.1.0 (protocol 1, schema " << Store::schema_version() << ")\n";
            return 0;
        } else if (a == "--config") value();
        else if (a == "--db") cfg.database = value();
        else if (a == "--requests") cfg.request_endpoint = value();
        else if (a == "--events") cfg.event_endpoint = value();
        else if (a == "--catalogue") cfg.catalogue = value();
        else if (a == "--demo") demo = demo_passwords = true;
        else if (a == "--demo-passwords") demo_passwords = true;
        else if (a == "--set-password") password_clerk = value();
        else if (a == "--check") check = true;
        else if (a == "--init-key") make_key = true;
        else if (a == "--log-level") cfg.log_level = value();
        else if (a == "--rollover") {
            cfg.rollover_minutes = parse_clock_time(value());
            if (cfg.rollover_minutes < 0) {
                std::cerr << "hallserver: --rollover needs HH:MM\n";
                return 2;
            }
        } else {
            std::cerr << "hallserver: unknown option " << a << "\n" << kUsage;
            return 2;
        }
    }
    log::Level level;
    if (!log::parse_level(cfg.log_level, level)) {
        std::cerr << "hallserver: log level must be debug, info, warn or error\n";
        return 2;
    }
    log::set_level(level);
    if (make_key) return init_key(cfg.identity_key_path());
    if (!password_clerk.empty()) {
        try {
            return set_password(cfg.database, password_clerk);
        } catch (const std::exception& e) {
            std::cerr << "hallserver: " << e.what() << "\n";
            return 1;
        }
    }
    if (demo && cfg.catalogue.empty()) {
        cfg.catalogue = demo_catalogue_path(argv[0]);
        if (cfg.catalogue.empty()) {
            std::cerr << "hallserver: demo catalogue demo-hall.json not found\n";
            return 2;
        }
    }
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    try {
        std::optional<Catalogue> catalogue;
        if (!cfg.catalogue.empty()) catalogue = read_catalogue(cfg.catalogue);
        if (check) {
            std::cout << "配置正确 / config ok";
            if (catalogue)
                std::cout << ": " << catalogue->hall_name << ", " << catalogue->departments.size()
                          << " departments, " << catalogue->items.size() << " items, "
                          << catalogue->queues.size() << " queues, " << catalogue->windows.size()
                          << " windows, " << catalogue->clerks.size() << " clerks (" << cfg.catalogue << ")";
            std::cout << "\n";
            return 0;
        }
        bool new_key = false;
        std::optional<IdentityVault> vault = open_vault(cfg.identity_key_path(), new_key);
        if (!vault) return 2;
        Store store(cfg.database);
        if (new_key && store.reservation_count() > 0)
            HALLQ_LOG(warn, "the identity key " << cfg.identity_key_path() << " is new, but the database holds"
                            " reservations sealed with another key: an ID card finds none of them; restore"
                            " the key file from the backup");
        HallService service(store, cfg, &*vault);
        Server server(service, cfg);
        server.bind();
        for (const auto& e : service.start(catalogue, wall_clock_ms())) server.publish(e);
        if (demo_passwords) {
            int seeded = seed_passwords(store, service.hall().catalogue(), kDemoPassword, wall_clock_ms());
            HALLQ_LOG(warn, "demo passwords in use: clerks without a password of their own have the demo"
                            " password (docs/configuration.md); " << seeded << " set now");
        }
        if (demo) seed_demo(service, store, wall_clock_ms());
        HALLQ_LOG(info, "database " << cfg.database << ", " << service.hall().tickets().size()
                                    << " tickets today, event seq " << service.hall().seq());
        std::cout << "hallserver ready: requests=" << server.request_endpoint()
                  << " events=" << server.event_endpoint() << " seq=" << service.hall().seq()
                  << " day=" << service.hall().day() << std::endl;
        server.run(g_stop);
        HALLQ_LOG(info, "stopped");
    } catch (const std::exception& e) {
        std::cerr << "hallserver: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
