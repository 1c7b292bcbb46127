// server_process.h - runs the real hallserver binary for integration tests: temp database,
// random loopback ports, the "ready" line read from its stdout (no sleeps), kill -9 and restart.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "line_process.h"
#include "net/device_key.h"
#include "net/request_client.h"

namespace hallq::test {

struct TempDir {
    std::filesystem::path path;
    TempDir();
    ~TempDir();
};

// The key directory every hall server of this test process uses (--keys): the server's CURVE key
// pair and the local admin key, made once per process. The first call also makes the admin key
// this process's device key and $HALLQ_DEVICE_KEY, so request clients, replicas and the hallctl
// and apps a test starts connect as the local admin unless given another key.
const std::filesystem::path& test_keys_dir();
// Enrols a device through the admin key (hallctl device enroll … --out) and returns its key.
// `window` 0: none.
DeviceKey enrol_device(const std::string& requests, const std::string& name, const std::string& role, int window = 0);

class ServerProcess {
public:
    // `catalogue` defaults to tests/data/small-hall.json. With `demo_passwords` every clerk
    // without a password gets kDemoPassword (hallserver --demo-passwords).
    explicit ServerProcess(std::filesystem::path db, std::string catalogue = "", bool demo_passwords = true);
    ~ServerProcess();

    // Starts and waits for the ready line. The first start picks free ports; restarts reuse them.
    void start(std::vector<std::string> extra_args = {});
    void kill9();      // SIGKILL, then reaps
    void terminate();  // SIGTERM, then reaps; returns when the process has exited
    bool running() const { return proc_ != nullptr; }

    const std::string& requests() const { return requests_; }
    const std::string& events() const { return events_; }
    pid_t pid() const { return proc_ ? proc_->pid() : -1; }
    const std::filesystem::path& db() const { return db_; }  // its --db location
    std::string log_path() const { return (db_.parent_path() / "server.log").string(); }

private:
    std::filesystem::path db_;
    std::string catalogue_;
    bool demo_passwords_ = true;
    std::unique_ptr<LineProcess> proc_;
    std::string requests_ = "tcp://127.0.0.1:*", events_ = "tcp://127.0.0.1:*";
};

// Polls `cond` until it holds or `limit` passes; returns whether it held. `step` runs each round
// (e.g. replica.poll) and is what makes progress — this waits for a condition, not for time.
bool eventually(const std::function<bool()>& cond, const std::function<void()>& step,
                std::chrono::milliseconds limit = std::chrono::seconds(15));

// Sends a request and REQUIREs a reply (not necessarily ok).
Reply must_reply(RequestClient& c, const std::string& type, const Json& body = Json::object(),
                 const std::string& rid = "");
// Sends a request and REQUIREs an ok reply; returns its body.
Json must_ok(RequestClient& c, const std::string& type, const Json& body = Json::object());

// Two rollover times ("HH:MM") that put `now_ms` (and the two minutes after it) in two service
// days: `first` gives the `earliest` day, `second` the `latest`. Searched minute by minute; none
// in the last two minutes before midnight, when no rollover time is later than the clock.
struct TwoServiceDays {
    std::string first, second, earliest, latest;
};
std::optional<TwoServiceDays> two_service_days(int64_t now_ms);

// The whole of a file ("" when it cannot be read): a server log, a printed ticket.
std::string file_text(const std::string& path);

// Runs a command line, returns its exit code and stdout.
int run_command(const std::string& cmd, std::string* out = nullptr);

// The password every clerk has with --demo-passwords, as the desk sends it.
inline const char* const kClerkPassword = "hallq2026";
// A clerk_login body with the demo password.
inline Json login_body(int window, const std::string& clerk, const std::string& password = kClerkPassword) {
    return Json{{"window", window}, {"clerk", clerk}, {"password", password}};
}

}  // namespace hallq::test
