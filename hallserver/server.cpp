// server.cpp - request loop with group commit, reply-before-publish, heartbeats, the rollover check.
#include "server.h"

#include <arpa/inet.h>
#include <malloc.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "log.h"
#include "protocol/envelope.h"

namespace hallq {

int64_t wall_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Server::Server(HallService& service, const ServerConfig& cfg, const DeviceKey& server_key)
    : service_(service), cfg_(cfg), ctx_(std::make_unique<zmq::context_t>(1)), key_(server_key) {}

Server::~Server() = default;

void Server::bind() {
    if (!zmq_has("curve")) throw std::runtime_error("this libzmq has no CURVE security");
    // The ZAP handler must be bound before any CURVE socket accepts a peer.
    zap_ = std::make_unique<zmq::socket_t>(*ctx_, zmq::socket_type::rep);
    zap_->set(zmq::sockopt::linger, 0);
    zap_->bind("inproc://zeromq.zap.01");
    auto secure = [this](zmq::socket_t& s, const char* domain) {
        if (!cfg_.bench_plain) {
            s.set(zmq::sockopt::curve_server, true);
            s.set(zmq::sockopt::curve_secretkey, key_.secret_key);
        }
        s.set(zmq::sockopt::zap_domain, domain);  // the NULL mechanism asks the ZAP handler too
    };
    if (cfg_.bench_plain) HALLQ_LOG(warn, "--bench-plain: no CURVE, every connection is the local admin (benchmarks only)");
    router_ = std::make_unique<zmq::socket_t>(*ctx_, zmq::socket_type::router);
    router_->set(zmq::sockopt::linger, 0);
    // A frame beyond twice the largest request cuts the peer off; one up to it gets too_large.
    router_->set(zmq::sockopt::maxmsgsize, int64_t(2 * kMaxMessageBytes));
    router_->set(zmq::sockopt::router_mandatory, false);
    router_->set(zmq::sockopt::sndhwm, 1000);  // replies queued for a peer that does not read
    secure(*router_, "requests");
    // The monitor tells the guard against endless messages each connection's fd (inflight.h).
    if (zmq_socket_monitor(router_->handle(), "inproc://hallq.router.monitor",
                           ZMQ_EVENT_ACCEPTED | ZMQ_EVENT_DISCONNECTED | ZMQ_EVENT_CLOSED) != 0)
        throw std::runtime_error("cannot monitor the request socket");
    monitor_ = std::make_unique<zmq::socket_t>(*ctx_, zmq::socket_type::pair);
    monitor_->set(zmq::sockopt::linger, 0);
    monitor_->set(zmq::sockopt::rcvhwm, 0);
    monitor_->connect("inproc://hallq.router.monitor");
    pub_ = std::make_unique<zmq::socket_t>(*ctx_, zmq::socket_type::pub);
    pub_->set(zmq::sockopt::linger, 0);
    pub_->set(zmq::sockopt::sndhwm, 100000);
    pub_->set(zmq::sockopt::maxmsgsize, int64_t(1024));  // subscribers send only subscriptions
    secure(*pub_, "events");
    try {
        router_->bind(cfg_.request_endpoint);
        pub_->bind(cfg_.event_endpoint);
    } catch (const zmq::error_t& e) {
        throw std::runtime_error(std::string("cannot bind ") + cfg_.request_endpoint + " / " +
                                 cfg_.event_endpoint + ": " + e.what());
    }
    request_ep_ = router_->get(zmq::sockopt::last_endpoint);
    event_ep_ = pub_->get(zmq::sockopt::last_endpoint);
}

void Server::publish(const std::string& event_json) {
    // The publish instant on the host's monotonic clock, for latency measurements on this host.
    std::string stamped = event_json;
    if (!stamped.empty() && stamped[0] == '{') {
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        int64_t us = int64_t(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
        stamped.insert(1, "\"mono_us\":" + std::to_string(us) + (stamped.size() > 2 ? "," : ""));
    }
    std::array<zmq::const_buffer, 2> frames = {zmq::str_buffer("event"), zmq::buffer(stamped)};
    zmq::send_multipart(*pub_, frames, zmq::send_flags::dontwait);
}

void Server::heartbeat() {
    Json hb{{"v", kProtocolVersion}, {"seq", service_.hall().seq()}, {"at", wall_clock_ms()}};
    std::string body = hb.dump();
    std::array<zmq::const_buffer, 2> frames = {zmq::str_buffer("heartbeat"), zmq::buffer(body)};
    zmq::send_multipart(*pub_, frames, zmq::send_flags::dontwait);
}

void Server::serve_batch() {
    // Group commit: the requests already waiting (up to kMaxBatch) are handled in arrival order and
    // committed in one transaction; then each gets its reply, followed by its events. A reply
    // never leaves before the commit that holds it.
    struct Pending {
        std::vector<zmq::message_t> frames;
        bool delimited = false;
        HallService::Outcome outcome;
    };
    std::vector<Pending> batch;
    bool batched = service_.begin_batch();
    while (batch.size() < kMaxBatch) {
        Pending p;
        if (!zmq::recv_multipart(*router_, std::back_inserter(p.frames), zmq::recv_flags::dontwait)) break;
        if (p.frames.size() < 2) continue;  // no identity: nobody to answer
        // The ZAP handler named the device (User-Id) when it admitted the connection.
        const char* user = p.frames.back().gets("User-Id");
        if (p.frames.size() > kMaxFrames) {
            cut_off(p.frames, user);
            continue;
        }
        inflight_.delivered(zmq_msg_get(p.frames.back().handle(), ZMQ_SRCFD), user);
        // [identity, payload] from a DEALER, [identity, "", payload] from a REQ.
        p.delimited = p.frames.size() == 3 && p.frames[1].size() == 0;
        const Device* device = user ? service_.devices().by_name(user) : nullptr;
        if (!device || device->row.revoked_at) {
            p.outcome.reply = make_error_reply("", Error{ErrorCode::forbidden, "device not enrolled"});
        } else if (p.frames.size() == 2 || p.delimited) {
            p.outcome = service_.handle(p.frames.back().to_string_view(), wall_clock_ms(), device);
        } else {
            HALLQ_LOG(warn, "refused request with " << p.frames.size() << " frames");
            p.outcome.reply = make_error_reply(
                "", Error{ErrorCode::bad_frame, std::to_string(p.frames.size() - 1) + " frames"});
        }
        batch.push_back(std::move(p));
    }
    if (batched && !service_.end_batch())
        for (Pending& p : batch) {  // nothing of the batch is stored: no request of it succeeded
            p.outcome.reply = HallService::internal_error_reply(p.outcome.rid);
            p.outcome.publish.clear();
        }
    for (const Pending& p : batch) {
        std::vector<zmq::const_buffer> out{zmq::buffer(p.frames[0].data(), p.frames[0].size())};
        if (p.delimited) out.push_back(zmq::const_buffer(nullptr, 0));
        out.push_back(zmq::buffer(p.outcome.reply));
        zmq::send_multipart(*router_, out, zmq::send_flags::dontwait);
        for (const auto& e : p.outcome.publish) publish(e);
    }
}

void Server::run(const std::atomic<bool>& stop) {
    using clock = std::chrono::steady_clock;
    auto next_beat = clock::now(), next_sweep = clock::now();
    while (!stop.load()) {
        auto now = clock::now();
        if (now >= next_beat) {
            for (const auto& e : service_.tick(wall_clock_ms())) publish(e);
            heartbeat();
            next_beat = now + std::chrono::milliseconds(cfg_.heartbeat_ms);
        }
        if (now >= next_sweep) {
            sweep_inflight();
            next_sweep = now + std::chrono::milliseconds(kSweepMs);
        }
        auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(std::min(next_beat, next_sweep) - clock::now());
        zmq::pollitem_t items[] = {{router_->handle(), 0, ZMQ_POLLIN, 0},
                                   {zap_->handle(), 0, ZMQ_POLLIN, 0},
                                   {monitor_->handle(), 0, ZMQ_POLLIN, 0}};
        try {
            zmq::poll(items, 3, std::max(wait, std::chrono::milliseconds(0)));
            if (items[2].revents & ZMQ_POLLIN) read_monitor();
            if (items[1].revents & ZMQ_POLLIN) answer_zap();
            if (items[0].revents & ZMQ_POLLIN) serve_batch();
        } catch (const zmq::error_t& e) {
            if (e.num() != EINTR) throw;
        }
    }
}

// libzmq hands a multipart message over only when its last frame has arrived (each frame is capped
// by maxmsgsize, their number is not), so a device that sends one is cut off as soon as it has:
// its TCP connection shut down, its memory given back, its key refused for a while.
void Server::cut_off(std::vector<zmq::message_t>& frames, const char* device) {
    size_t bytes = 0;
    for (const auto& f : frames) bytes += f.size();
    size_t count = frames.size() - 1;
    int fd = zmq_msg_get(frames.back().handle(), ZMQ_SRCFD);
    std::string name = device ? device : "";
    frames.clear();
    frames.shrink_to_fit();
    HALLQ_LOG(error, "cut off device " << log::escaped(name) << ": a message of " << count << " frames ("
                                       << bytes / 1024 << " KiB) where a request has one" << shut(fd, name));
}

namespace {
long resident_mb() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * (::sysconf(_SC_PAGESIZE) / 1024) / 1024;
}
}  // namespace

std::string Server::shut(int fd, const std::string& device) {
    if (fd >= 0) ::shutdown(fd, SHUT_RDWR);  // libzmq's I/O thread sees the end and closes it
    ::malloc_trim(0);
    if (device.empty() || device == DeviceRegistry::kLocalAdmin) return "";
    quarantined_[device] = wall_clock_ms() + kQuarantineMs;
    return "; its key is refused for " + std::to_string(kQuarantineMs / 60000) + " minutes";
}

void Server::read_monitor() {
    for (;;) {
        std::vector<zmq::message_t> frames;
        if (!zmq::recv_multipart(*monitor_, std::back_inserter(frames), zmq::recv_flags::dontwait)) return;
        if (frames.empty() || frames[0].size() < 6) continue;
        uint16_t event = 0;
        int32_t fd = -1;
        std::memcpy(&event, frames[0].data(), sizeof event);
        std::memcpy(&fd, static_cast<const char*>(frames[0].data()) + 2, sizeof fd);
        if (event == ZMQ_EVENT_ACCEPTED)
            inflight_.accepted(fd);
        else if (inflight_.closed(fd) > kMaxInflightBytes / 4)
            trims_due_ = 6;  // it left in the middle of a long message: libzmq drops the frames now
    }
}

// A connection that keeps sending frames of a message that never ends is cut before it has sent
// kMaxInflightBytes more (and a sweep's worth): the frames are dropped with it.
void Server::sweep_inflight() {
    if (trims_due_ > 0 && --trims_due_ % 2 == 0) {
        ::malloc_trim(0);  // the frames of a cut connection, dropped by libzmq's I/O thread
        if (trims_due_ == 0) HALLQ_LOG(info, "memory given back after the cut: " << resident_mb() << " MB resident");
    }
    for (const InflightGuard::Over& o : inflight_.sweep()) {
        sockaddr_storage peer{};
        socklen_t len = sizeof peer;
        char host[64] = "?";
        if (::getpeername(o.fd, reinterpret_cast<sockaddr*>(&peer), &len) == 0 && peer.ss_family == AF_INET)
            ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&peer)->sin_addr, host, sizeof host);
        // A connection that never finished a message has no device name yet: the device let in
        // from its address, when only one was.
        std::string device = o.device;
        if (auto it = admitted_from_.find(host); device.empty() && it != admitted_from_.end() && it->second.size() == 1)
            device = *it->second.begin();
        std::string refused = shut(o.fd, device);
        trims_due_ = 6;
        HALLQ_LOG(error, "cut off a connection from " << host
                                                      << (device.empty() ? "" : " (device " + log::escaped(device) + ")")
                                                      << ": " << o.pending / 1024
                                                      << " KiB sent of a message that does not end" << refused);
    }
}

void Server::answer_zap() {
    // RFC 27: version, request id, domain, address, identity, mechanism, credentials.
    std::vector<zmq::message_t> req;
    if (!zmq::recv_multipart(*zap_, std::back_inserter(req), zmq::recv_flags::dontwait)) return;
    std::string request_id = req.size() > 1 ? req[1].to_string() : "";
    std::string status = "400", text = "not enrolled", user;
    if (cfg_.bench_plain && req.size() >= 6 && req[5].to_string_view() == "NULL") {
        status = "200";
        text = "OK";
        user = DeviceRegistry::kLocalAdmin;
        admitted_from_[req[3].to_string()].insert(user);
    } else if (req.size() >= 7 && req[0].to_string_view() == "1.0" && req[5].to_string_view() == "CURVE" &&
               req[6].size() == 32) {
        char z85[41];
        zmq_z85_encode(z85, static_cast<const uint8_t*>(req[6].data()), 32);
        const Device* d = service_.devices().by_key(z85);
        auto q = d ? quarantined_.find(d->name()) : quarantined_.end();
        if (q != quarantined_.end() && q->second <= wall_clock_ms()) {
            quarantined_.erase(q);
            q = quarantined_.end();
        }
        if (q != quarantined_.end()) {
            text = "cut off";
            HALLQ_LOG_LIMITED(warn, "quarantine", "refused device " << log::escaped(d->name())
                                                                     << ": cut off for a message of too many frames");
        } else if (d) {
            status = "200";
            text = "OK";
            user = d->name();
            std::set<std::string>& names = admitted_from_[req[3].to_string()];
            if (names.size() < 8) names.insert(user);  // more than one: the address names no device
        } else {
            // Unknown keys are counted and logged at most once a minute, with the count.
            ++refused_keys_;
            int64_t now = wall_clock_ms();
            if (now - refused_logged_at_ >= 60000) {
                HALLQ_LOG(warn, "refused " << refused_keys_ << " connection(s) with a key that is not enrolled (last from "
                                           << log::escaped(req[3].to_string()) << ")");
                refused_keys_ = 0;
                refused_logged_at_ = now;
            }
        }
    }
    std::array<zmq::const_buffer, 6> reply = {zmq::str_buffer("1.0"), zmq::buffer(request_id), zmq::buffer(status),
                                              zmq::buffer(text),      zmq::buffer(user),       zmq::const_buffer()};
    zmq::send_multipart(*zap_, reply, zmq::send_flags::dontwait);
}

}  // namespace hallq
