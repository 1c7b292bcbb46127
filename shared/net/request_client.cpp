// request_client.cpp - DEALER-based request client with timeout and same-id retries.
#include "net/request_client.h"

#include <cerrno>
#include <random>
#include <zmq.hpp>

namespace hallq {

RequestClient::RequestClient(zmq::context_t& ctx, std::string endpoint, std::string name)
    : ctx_(ctx), endpoint_(std::move(endpoint)), name_(std::move(name)) {
    std::random_device rd;
    static const char* kHex = "0123456789abcdef";
    for (int i = 0; i < 8; ++i) session_ += kHex[rd() % 16];
    connect();
}

RequestClient::~RequestClient() = default;

void RequestClient::connect() {
    socket_ = std::make_unique<zmq::socket_t>(ctx_, zmq::socket_type::dealer);
    socket_->set(zmq::sockopt::linger, 0);
    socket_->set(zmq::sockopt::reconnect_ivl, 100);
    socket_->connect(endpoint_);
}

std::string RequestClient::next_rid() {
    return name_ + "-" + session_ + "-" + std::to_string(++counter_);
}

std::optional<std::string> RequestClient::wait_reply(const std::string& rid) {
    auto deadline = std::chrono::steady_clock::now() + timeout_;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        zmq::pollitem_t item{socket_->handle(), 0, ZMQ_POLLIN, 0};
        try {
            zmq::poll(&item, 1, left);
        } catch (const zmq::error_t& e) {
            if (e.num() != EINTR) throw;
            return std::nullopt;  // a signal (Ctrl-C): the caller decides whether to go on
        }
        if (!(item.revents & ZMQ_POLLIN)) continue;
        zmq::message_t msg;
        if (!socket_->recv(msg, zmq::recv_flags::none)) continue;
        while (msg.more()) {  // drop any delimiter frame, keep the last
            if (!socket_->recv(msg, zmq::recv_flags::none)) break;
        }
        std::string bytes = msg.to_string();
        if (rid.empty()) return bytes;
        auto reply = parse_reply(bytes);
        // A refusal of a request whose id the server could not read (too large, not JSON) comes
        // back without an id; only one request is in flight on this socket, so it is ours.
        if (reply && (reply->rid == rid || (reply->rid.empty() && !reply->ok))) return bytes;
    }
}

std::optional<Reply> RequestClient::request(const std::string& type, const Json& body,
                                            std::string rid) {
    if (rid.empty()) rid = next_rid();
    std::string bytes = make_request(type, rid, body);
    for (int attempt = 0; attempt <= retries_; ++attempt) {
        // A fresh socket drops what the old one still queued, so no late answer to an earlier
        // request can be taken for this one.
        if (attempt > 0 || stale_) connect();
        stale_ = false;
        socket_->send(zmq::buffer(bytes), zmq::send_flags::dontwait);
        if (auto raw = wait_reply(rid)) return parse_reply(*raw);
        stale_ = true;
    }
    return std::nullopt;
}

std::optional<std::string> RequestClient::request_raw(const std::string& bytes) {
    socket_->send(zmq::buffer(bytes), zmq::send_flags::dontwait);
    return wait_reply("");
}

}  // namespace hallq
