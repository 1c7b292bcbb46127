// main.cpp - hallserver: the hall's single source of truth, headless.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "config.h"
#include "core/utf8.h"
#include "credentials.h"
#include "demo_reservations.h"
#include "identity_vault.h"
#include "keys.h"
#include "log.h"
#include "modules/audit.h"
#include "options.h"
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
    if (utf8::length(password) < 6) {
        std::cerr << "hallserver: 密码至少6位 / the password needs at least 6 characters\n";
        return 2;
    }
    std::unique_ptr<Store> store = open_store(db);
    if (!store->load().catalogue().clerk(clerk)) {
        std::cerr << "hallserver: 没有这个工作人员 / no clerk " << clerk << " in the catalogue of " << db << "\n";
        return 1;
    }
    store->set_password_hash(clerk, hash_password(password), wall_clock_ms());
    std::cout << "已设置工作人员 " << clerk << " 的密码 / password set for clerk " << clerk << "\n";
    return 0;
}

// hallserver --init-key: the installer creates the keys before the first start: the key directory
// (the server's CURVE key pair and the local admin key) and the identity key.
int init_key(const hallq::ServerConfig& cfg) {
    using namespace hallq;
    try {
        ServerKeys keys = load_or_create_keys(cfg.keys_dir());
        std::cout << (keys.created ? "已创建密钥目录 / key directory created: " : "密钥目录已存在 / key directory exists: ")
                  << cfg.keys_dir() << "\n";
        bool created = false;
        std::string path = cfg.identity_key_path();
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

// The identity key must be the one the database was sealed with: its check value (a keyed hash of
// a fixed text) is stored on the first start and compared on every later one. A database from
// before the check gets it now.
std::optional<std::string> check_identity_key(hallq::Store& store, const hallq::IdentityVault& vault,
                                              const std::string& path) {
    using namespace hallq;
    std::string check = IdentityVault::holder_key(vault.hash("hallq identity key check"));
    auto stored = store.meta("identity_check");
    if (!stored) {
        if (store.reservation_count() > 0)
            HALLQ_LOG(warn, "the database holds reservations but no identity key check value; storing the check of "
                            << path << " (if card check-ins find nothing, restore the key file from the backup)");
        store.set_meta("identity_check", check);
        return std::nullopt;
    }
    if (*stored == check) return std::nullopt;
    return "身份密钥与数据库不匹配 / the identity key " + path +
           " is not the key this database was sealed with (wrong, new or corrupted file): restore the key file "
           "from the backup made with the database";
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
                                                  << slot << ", holder " << mask_id_tail(r.holder.normalized));
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

// Opens the database and the identity key, starts the service and serves until SIGINT/SIGTERM.
int run_server(hallq::ServerConfig& cfg, const hallq::ServerActions& actions, const char* argv0) {
    using namespace hallq;
    if (actions.demo && cfg.catalogue.empty()) {
        cfg.catalogue = demo_catalogue_path(argv0);
        if (cfg.catalogue.empty()) {
            std::cerr << "hallserver: demo catalogue demo-hall.json not found\n";
            return 2;
        }
    }
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::optional<Catalogue> catalogue;
    if (!cfg.catalogue.empty()) catalogue = read_catalogue(cfg.catalogue);
    if (actions.check) {
        std::cout << "配置正确 / config ok";
        if (catalogue)
            std::cout << ": " << catalogue->hall_name << ", " << catalogue->departments.size()
                      << " departments, " << catalogue->items.size() << " items, "
                      << catalogue->queues.size() << " queues, " << catalogue->windows.size()
                      << " windows, " << catalogue->clerks.size() << " clerks (" << cfg.catalogue << ")";
        std::cout << "\n";
        return 0;
    }
    ServerKeys keys;
    try {
        keys = load_or_create_keys(cfg.keys_dir());
    } catch (const DeviceKeyError& e) {
        std::cerr << "hallserver: " << e.what() << "\n";
        return 2;
    }
    if (keys.created) HALLQ_LOG(info, "CURVE keys made in " << cfg.keys_dir() << " (hallctl uses " << keys.admin_path << ")");
    bool new_key = false;
    std::optional<IdentityVault> vault = open_vault(cfg.identity_key_path(), new_key);
    if (!vault) return 2;
    if (cfg.identity_key.empty() && cfg.identity_key_path() == cfg.database + ".key")
        HALLQ_LOG(info, "the identity key " << cfg.identity_key_path() << " lies beside the database, where every copy "
                        "of the database folder takes it along: move it to " << cfg.keys_dir() << "/identity.key");
    std::unique_ptr<Store> opened = open_store(cfg.database);
    Store& store = *opened;
    if (auto problem = check_identity_key(store, *vault, cfg.identity_key_path())) {
        // A key made just now for a database sealed with another is of no use: not left behind.
        if (new_key) {
            ::unlink(cfg.identity_key_path().c_str());
            problem = "身份密钥文件缺失 / the identity key file " + cfg.identity_key_path() +
                      " is missing, and this database was sealed with a key: restore the key file from the backup "
                      "made with the database";
        }
        std::cerr << "hallserver: " << *problem << "\n";
        return 2;
    }
    HallService service(store, cfg, &*vault);
    service.devices().set_local_admin(keys.admin.public_key);
    Server server(service, cfg, keys.server);
    server.bind();
    for (const auto& e : service.start(catalogue, wall_clock_ms())) server.publish(e);
    check_chain_at_start(store, *vault, service.hall().seq());
    if (actions.demo_passwords) {
        int seeded = seed_passwords(store, service.hall().catalogue(), kDemoPassword, wall_clock_ms());
        HALLQ_LOG(warn, "demo passwords in use: clerks without a password of their own have the demo"
                        " password (docs/configuration.md); " << seeded << " set now");
    }
    if (actions.demo) seed_demo(service, store, wall_clock_ms());
    HALLQ_LOG(info, "database " << cfg.database << ", " << service.hall().tickets().size()
                                << " tickets today, event seq " << service.hall().seq());
    std::cout << "hallserver ready: requests=" << server.request_endpoint()
              << " events=" << server.event_endpoint() << " seq=" << service.hall().seq()
              << " day=" << service.hall().day() << " admin_key=" << keys.admin_path << std::endl;
    server.run(g_stop);
    HALLQ_LOG(info, "stopped");
    return 0;
}
}  // namespace

int main(int argc, char** argv) {
    using namespace hallq;
    ::umask(077);  // the database, its -wal and -shm, keys and logs: for the server's user only
    // Every kiosk, screen and desk holds a connection: the soft limit of 1,024 descriptors would
    // cut a busy district hall off; take what the hard limit allows.
    if (rlimit nofile{}; ::getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < nofile.rlim_max) {
        nofile.rlim_cur = nofile.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &nofile);
    }
    ServerConfig cfg;
    ServerActions actions;
    if (auto done = parse_server_options(argc, argv, cfg, actions)) return *done;
    if (actions.init_key) return init_key(cfg);
    try {
        if (!actions.password_clerk.empty()) return set_password(cfg.database, actions.password_clerk);
        return run_server(cfg, actions, argv[0]);
    } catch (const std::exception& e) {
        std::cerr << "hallserver: " << e.what() << "\n";
        return 1;
    }
}
