// server_process.cpp - hallserver as a LineProcess: its first stdout line is the ready line.
#include "server_process.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <random>
#include <thread>

#include "config.h"

namespace hallq::test {

TempDir::TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("hallq-test-" + std::to_string(rd()) + std::to_string(getpid()));
    std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!std::getenv("HALLQ_KEEP_TEST_FILES")) std::filesystem::remove_all(path, ec);
}

const std::filesystem::path& test_keys_dir() {
    static TempDir dir;
    static const bool made = [] {
        std::filesystem::path keys = dir.path / "keys";
        std::filesystem::create_directory(keys);
        std::filesystem::permissions(keys, std::filesystem::perms::owner_all);
        DeviceKey server = generate_device_key("hallserver");
        server.server_key = server.public_key;
        write_device_key((keys / "server.key").string(), server);
        DeviceKey admin = generate_device_key("admin");
        admin.server_key = server.public_key;
        write_device_key((keys / "admin.key").string(), admin);
        set_device_key(admin);
        ::setenv("HALLQ_DEVICE_KEY", (keys / "admin.key").c_str(), 1);
        return true;
    }();
    (void)made;
    static const std::filesystem::path keys = dir.path / "keys";
    return keys;
}

DeviceKey enrol_device(const std::string& requests, const std::string& name, const std::string& role, int window) {
    std::filesystem::path out = test_keys_dir().parent_path() / (name + ".key");
    std::string cmd = std::string(HALLCTL_BIN) + " --server " + requests + " device enroll " + name + " --role " + role +
                      (window ? " --window " + std::to_string(window) : "") + " --out " + out.string() + " --replace";
    std::string said;
    int rc = run_command(cmd + " 2>&1", &said);
    INFO(cmd << "\n" << said);
    REQUIRE(rc == 0);
    return read_device_key(out.string());
}

ServerProcess::ServerProcess(std::filesystem::path db, std::string catalogue, bool demo_passwords)
    : db_((test_keys_dir(), std::move(db))),
      catalogue_(catalogue.empty() ? std::string(HALLQ_TEST_DATA) + "/small-hall.json" : catalogue),
      demo_passwords_(demo_passwords) {}

ServerProcess::~ServerProcess() { kill9(); }

void ServerProcess::start(std::vector<std::string> extra) {
    REQUIRE(!proc_);
    std::vector<std::string> args = {HALLSERVER_BIN, "--db", db_.string(), "--catalogue", catalogue_,
                                     "--requests", requests_, "--events", events_, "--keys",
                                     test_keys_dir().string()};
    if (demo_passwords_) args.push_back("--demo-passwords");
    args.insert(args.end(), extra.begin(), extra.end());
    proc_ = std::make_unique<LineProcess>(args, log_path());
    std::string line = proc_->next_line(std::chrono::seconds(20)).value_or("");
    INFO("hallserver said: " << line << " (log " << log_path() << ")");
    REQUIRE(line.rfind("hallserver ready:", 0) == 0);
    requests_ = line_field(line, "requests");
    events_ = line_field(line, "events");
    REQUIRE(!requests_.empty());
    REQUIRE(!events_.empty());
}

void ServerProcess::kill9() {
    if (proc_) proc_->kill9();
    proc_.reset();
}

void ServerProcess::terminate() {
    if (proc_) proc_->terminate();
    proc_.reset();
}

std::string file_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

bool eventually(const std::function<bool()>& cond, const std::function<void()>& step,
                std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (cond()) return true;
        step();
    }
    return cond();
}

Reply must_reply(RequestClient& c, const std::string& type, const Json& body, const std::string& rid) {
    auto r = c.request(type, body, rid);
    INFO("request " << type << " " << body.dump());
    REQUIRE(r.has_value());
    return *r;
}

Json must_ok(RequestClient& c, const std::string& type, const Json& body) {
    Reply r = must_reply(c, type, body);
    INFO("request " << type << " " << body.dump() << " refused: " << to_string(r.error.code) << " "
                    << r.error.detail);
    REQUIRE(r.ok);
    return r.body;
}

std::optional<TwoServiceDays> two_service_days(int64_t now_ms) {
    TwoServiceDays d;
    for (int m = 0; m < 24 * 60; ++m) {
        std::string day = service_day(now_ms, m);
        if (day != service_day(now_ms + 120000, m)) continue;  // would change during the test
        char hhmm[8];
        std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", m / 60, m % 60);
        if (d.earliest.empty() || day < d.earliest) d.earliest = day, d.first = hhmm;
        if (d.latest.empty() || day > d.latest) d.latest = day, d.second = hhmm;
    }
    if (d.earliest == d.latest) return std::nullopt;
    return d;
}

int run_command(const std::string& cmd, std::string* out) {
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    char buf[4096];
    std::string text;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    int status = pclose(p);
    if (out) *out = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace hallq::test
