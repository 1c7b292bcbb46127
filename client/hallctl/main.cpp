// main.cpp - hallctl: script and inspect the hall from the command line over the hall protocol.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "devices.h"
#include "net/device_key.h"
#include "net/replica.h"
#include "net/request_client.h"
#include "reservations.h"
#include "simulate.h"

namespace {
std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }
}  // namespace

int main(int argc, char** argv) {
    using namespace hallq;
    using namespace hallq::ctl;
    try {
        Args a;
        if (auto done = parse_args(argc, argv, a)) return *done;
        std::string server = a.get("server", env_or("HALLQ_SERVER", "tcp://127.0.0.1:5570"));
        std::string events = a.get("events", env_or("HALLQ_EVENTS", "tcp://127.0.0.1:5571"));
        const std::string& verb = a.words[0];
        // The device key: --device-key, else $HALLQ_DEVICE_KEY, else the local admin key of a
        // server started in this directory.
        if (a.has("device-key")) set_device_key(read_device_key(a.get("device-key")));
        else if (!std::getenv("HALLQ_DEVICE_KEY") && access("hallq-keys/admin.key", R_OK) == 0)
            set_device_key(read_device_key("hallq-keys/admin.key"));
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);

        if (verb == "tail") {
            Replica replica(server, events, "hallctl-tail");
            long count = a.has("count") ? to_int(a.get("count"), "--count") : -1;
            bool calls = a.has("calls");
            replica.on_event = [&](const Event&, const Json& wire) {
                if (count == 0) return;
                std::string line = calls ? describe_event(wire) : wire.dump();
                if (line.empty()) return;
                std::cout << line << std::endl;
                if (count > 0) --count;
            };
            while (!g_stop && count != 0) replica.poll(std::chrono::milliseconds(200));
            return 0;
        }
        if (verb == "simulate") return run_simulation(server, events, a, g_stop);

        // The request is built (and a usage error found) before anything connects.
        bool own_verb = verb == "reservations" || verb == "check-in" || verb == "device" || verb == "audit";
        Built req = own_verb ? Built{} : build_request(verb, a);
        RequestClient client(server, "hallctl");
        if (a.has("timeout")) client.set_timeout(std::chrono::milliseconds(to_int(a.get("timeout"), "--timeout")));
        if (a.has("retries")) client.set_retries(to_int(a.get("retries"), "--retries"));
        if (verb == "reservations") return run_reservations(client, a);
        if (verb == "check-in") return run_check_in(client, a);
        if (verb == "device") return run_devices(client, a);
        if (verb == "audit") return run_audit(client, a);
        auto reply = client.request(req.type, req.body, a.get("rid"));
        if (!reply) {
            std::cerr << "服务器无响应 / hall server unreachable at " << server << "\n";
            return 4;
        }
        if (!reply->ok) {
            std::cerr << "拒绝 " << to_string(reply->error.code) << ": " << reply->message << " / "
                      << message_en(reply->error.code)
                      << (reply->error.detail.empty() ? "" : " (" + reply->error.detail + ")") << "\n";
            return 3;
        }
        bool pretty = a.has("pretty") || isatty(STDOUT_FILENO);
        std::cout << (pretty ? reply->body.dump(2) : reply->body.dump()) << std::endl;
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "hallctl: " << e.what() << "\nRun hallctl --help for help.\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "hallctl: " << e.what() << "\n";
        return 1;
    }
}
