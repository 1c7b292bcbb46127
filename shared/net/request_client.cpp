// request_client.cpp - DEALER-based request client with timeout and same-id retries.
#include "net/request_client.h"

#include <cerrno>
#include <random>
#include <zmq.hpp>

#include "net/zmq_context.h"

namespace hallq {

struct RequestClient::Impl {
    std::shared_ptr<zmq::context_t> ctx = net::shared_context();
    std::string endpoint, name;
    std::unique_ptr<zmq::socket_t> socket;
    std::chrono::milliseconds timeout{2500};
    int retries = 3;
    bool stale = false;  // the last request went unanswered; start the next on a fresh socket
    uint64_t counter = 0;
    std::string session;
    std::optional<DeviceKey> key;

    void connect();
    std::optional<std::string> wait_reply(const std::string& rid);
};

RequestClient::RequestClient(std::string endpoint, std::string name, std::optional<DeviceKey> key)
    : impl_(std::make_unique<Impl>()) {
    impl_->key = key ? std::move(key) : std::optional<DeviceKey>(device_key());
    impl_->endpoint = std::move(endpoint);
    impl_->name = std::move(name);
    std::random_device rd;
    static const char* kHex = "0123456789abcdef";
    for (int i = 0; i < 8; ++i) impl_->session += kHex[rd() % 16];
    impl_->connect();
}

RequestClient::~RequestClient() = default;
RequestClient::RequestClient(RequestClient&&) noexcept = default;
RequestClient& RequestClient::operator=(RequestClient&&) noexcept = default;

void RequestClient::set_timeout(std::chrono::milliseconds t) { impl_->timeout = t; }

void RequestClient::set_retries(int n) { impl_->retries = n; }

void RequestClient::Impl::connect() {
    socket = std::make_unique<zmq::socket_t>(*ctx, zmq::socket_type::dealer);
    socket->set(zmq::sockopt::linger, 0);
    socket->set(zmq::sockopt::reconnect_ivl, 100);
    net::secure_client(*socket, *key);
    socket->connect(endpoint);
}

std::string RequestClient::next_rid() {
    return impl_->name + "-" + impl_->session + "-" + std::to_string(++impl_->counter);
}

std::optional<std::string> RequestClient::Impl::wait_reply(const std::string& rid) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        zmq::pollitem_t item{socket->handle(), 0, ZMQ_POLLIN, 0};
        try {
            zmq::poll(&item, 1, left);
        } catch (const zmq::error_t& e) {
            if (e.num() != EINTR) throw;
            return std::nullopt;  // a signal (Ctrl-C): the caller decides whether to go on
        }
        if (!(item.revents & ZMQ_POLLIN)) continue;
        zmq::message_t msg;
        if (!socket->recv(msg, zmq::recv_flags::none)) continue;
        while (msg.more()) {  // drop any delimiter frame, keep the last
            if (!socket->recv(msg, zmq::recv_flags::none)) break;
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
    for (int attempt = 0; attempt <= impl_->retries; ++attempt) {
        // A fresh socket drops what the old one still queued, so no late answer to an earlier
        // request can be taken for this one.
        if (attempt > 0 || impl_->stale) impl_->connect();
        impl_->stale = false;
        impl_->socket->send(zmq::buffer(bytes), zmq::send_flags::dontwait);
        if (auto raw = impl_->wait_reply(rid)) return parse_reply(*raw);
        impl_->stale = true;
    }
    return std::nullopt;
}

std::optional<std::string> RequestClient::request_raw(const std::string& bytes) {
    impl_->socket->send(zmq::buffer(bytes), zmq::send_flags::dontwait);
    return impl_->wait_reply("");
}

}  // namespace hallq
