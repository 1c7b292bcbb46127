// server.h - the hall server's ZeroMQ face: a ROUTER for requests and a PUB for events, both
// under CURVE with the server's key pair; a ZAP handler admits only the keys the service's device
// registry knows, and each request is handed to the service with the device it came from.
#pragma once
#include <atomic>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include "config.h"
#include "inflight.h"
#include "keys.h"
#include "service.h"

namespace zmq {
class context_t;
class socket_t;
class message_t;
}  // namespace zmq

namespace hallq {

class Server {
public:
    Server(HallService& service, const ServerConfig& cfg, const DeviceKey& server_key);
    ~Server();

    // Binds both endpoints ("tcp://127.0.0.1:*" picks a free port). Throws std::runtime_error.
    void bind();
    const std::string& request_endpoint() const { return request_ep_; }
    const std::string& event_endpoint() const { return event_ep_; }

    void publish(const std::string& event_json);
    // Serves until `stop` becomes true.
    void run(const std::atomic<bool>& stop);

private:
    static constexpr size_t kMaxBatch = 64;  // requests committed together at most
    // [identity, payload] from a DEALER, [identity, "", payload] from a REQ: a message of more
    // frames is no request. Its connection is cut and its key refused for kQuarantineMs.
    static constexpr size_t kMaxFrames = 3;
    static constexpr int64_t kQuarantineMs = 10 * 60 * 1000;
    // A connection that has sent this much since its last whole message is cut (a request is at
    // most kMaxMessageBytes; many waiting requests of a busy client stay far below it).
    static constexpr int64_t kMaxInflightBytes = 4 * 1024 * 1024;
    static constexpr int kSweepMs = 100;
    void serve_batch();
    void heartbeat();
    void answer_zap();  // one ZAP request: admit a key the registry knows, refuse the rest
    void cut_off(std::vector<zmq::message_t>& frames, const char* device);
    void read_monitor();  // the ROUTER's connections opened and closed, for the guard
    void sweep_inflight();
    // Shuts the connection and quarantines the device (not the local admin); says so for the log.
    std::string shut(int fd, const std::string& device);

    HallService& service_;
    const ServerConfig& cfg_;
    std::unique_ptr<zmq::context_t> ctx_;
    DeviceKey key_;
    std::unique_ptr<zmq::socket_t> zap_, router_, pub_, monitor_;
    InflightGuard inflight_{kMaxInflightBytes};
    int64_t refused_keys_ = 0, refused_logged_at_ = 0;
    int trims_due_ = 0;  // sweeps left that give memory back after a cut (libzmq frees it meanwhile)
    std::map<std::string, int64_t> quarantined_;  // device name → refused until (wall clock ms)
    std::map<std::string, std::set<std::string>> admitted_from_;  // peer address → devices let in from it
    std::string request_ep_, event_ep_;
};

int64_t wall_clock_ms();

}  // namespace hallq
