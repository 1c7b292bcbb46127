// server.cpp - request loop, reply-before-publish, heartbeats and the rollover check.
#include "server.h"

#include <chrono>
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

Server::Server(HallService& service, const ServerConfig& cfg)
    : service_(service), cfg_(cfg), ctx_(std::make_unique<zmq::context_t>(1)) {}

Server::~Server() = default;

void Server::bind() {
    router_ = std::make_unique<zmq::socket_t>(*ctx_, zmq::socket_type::router);
    router_->set(zmq::sockopt::linger, 0);
    router_->set(zmq::sockopt::maxmsgsize, int64_t(16 * kMaxMessageBytes));  // peers beyond are cut
    router_->set(zmq::sockopt::router_mandatory, false);
    pub_ = std::make_unique<zmq::socket_t>(*ctx_, zmq::socket_type::pub);
    pub_->set(zmq::sockopt::linger, 0);
    pub_->set(zmq::sockopt::sndhwm, 100000);
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
    std::array<zmq::const_buffer, 2> frames = {zmq::str_buffer("event"), zmq::buffer(event_json)};
    zmq::send_multipart(*pub_, frames, zmq::send_flags::dontwait);
}

void Server::heartbeat() {
    Json hb{{"v", kProtocolVersion}, {"seq", service_.hall().seq()}, {"at", wall_clock_ms()}};
    std::string body = hb.dump();
    std::array<zmq::const_buffer, 2> frames = {zmq::str_buffer("heartbeat"), zmq::buffer(body)};
    zmq::send_multipart(*pub_, frames, zmq::send_flags::dontwait);
}

void Server::serve_one() {
    std::vector<zmq::message_t> frames;
    if (!zmq::recv_multipart(*router_, std::back_inserter(frames), zmq::recv_flags::dontwait)) return;
    if (frames.size() < 2) return;  // no identity: nobody to answer
    // [identity, payload] from a DEALER, [identity, "", payload] from a REQ.
    bool delimited = frames.size() == 3 && frames[1].size() == 0;
    std::string reply;
    std::vector<std::string> publish;
    if (frames.size() == 2 || delimited) {
        auto outcome = service_.handle(frames.back().to_string_view(), wall_clock_ms());
        reply = std::move(outcome.reply);
        publish = std::move(outcome.publish);
    } else {
        HALLQ_LOG(warn, "refused request with " << frames.size() << " frames");
        reply = make_error_reply("", Error{ErrorCode::bad_frame, std::to_string(frames.size() - 1) + " frames"});
    }
    std::vector<zmq::const_buffer> out{zmq::buffer(frames[0].data(), frames[0].size())};
    if (delimited) out.push_back(zmq::const_buffer(nullptr, 0));
    out.push_back(zmq::buffer(reply));
    zmq::send_multipart(*router_, out, zmq::send_flags::dontwait);
    for (const auto& e : publish) this->publish(e);
}

void Server::run(const std::atomic<bool>& stop) {
    using clock = std::chrono::steady_clock;
    auto next_beat = clock::now();
    while (!stop.load()) {
        auto now = clock::now();
        if (now >= next_beat) {
            for (const auto& e : service_.tick(wall_clock_ms())) publish(e);
            heartbeat();
            next_beat = now + std::chrono::milliseconds(cfg_.heartbeat_ms);
        }
        auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_beat - clock::now());
        zmq::pollitem_t item{router_->handle(), 0, ZMQ_POLLIN, 0};
        try {
            zmq::poll(&item, 1, std::max(wait, std::chrono::milliseconds(0)));
            if (item.revents & ZMQ_POLLIN) serve_one();
        } catch (const zmq::error_t& e) {
            if (e.num() != EINTR) throw;
        }
    }
}

}  // namespace hallq
