// replica.cpp - snapshot + sequenced events, with resynchronisation on gap or silence.
#include "net/replica.h"

#include <cerrno>

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "net/zmq_context.h"
#include "protocol/codec.h"

namespace hallq {

struct Replica::Subscriber {
    std::shared_ptr<zmq::context_t> ctx = net::shared_context();
    zmq::socket_t socket{*ctx, zmq::socket_type::sub};
};

Replica::Replica(std::string request_endpoint, std::string event_endpoint, std::string name)
    : sub_(std::make_unique<Subscriber>()), client_(std::move(request_endpoint), std::move(name)) {
    zmq::socket_t& sub = sub_->socket;
    sub.set(zmq::sockopt::linger, 0);
    sub.set(zmq::sockopt::reconnect_ivl, 100);
    sub.set(zmq::sockopt::subscribe, "");
    net::secure_client(sub, device_key());
    sub.connect(event_endpoint);
    client_.set_timeout(std::chrono::milliseconds(1500));
    client_.set_retries(0);
    last_heard_ = std::chrono::steady_clock::now();
}

Replica::~Replica() = default;

bool Replica::resync() {
    auto reply = client_.request("snapshot");
    if (!reply || !reply->ok) {
        synced_ = false;
        return false;
    }
    try {
        hall_ = hall_from_snapshot(reply->body.at("state"));
    } catch (const std::exception&) {
        synced_ = false;
        return false;
    }
    synced_ = true;
    ++snapshots_;
    last_heard_ = snapshot_at_ = std::chrono::steady_clock::now();
    stream_current_ = false;
    if (on_resync) on_resync();
    return true;
}

void Replica::handle(const std::string& topic, const std::string& body, std::vector<Event>& out) {
    last_heard_ = std::chrono::steady_clock::now();
    Json j = Json::parse(body, nullptr, false);
    if (!j.is_object()) return;
    uint64_t seq = json_get<uint64_t>(j, "seq", 0);
    // Older than the snapshot: queued before it was taken (bounded by the silence timeout, in case
    // the server was replaced by one with less history meanwhile).
    bool stale = !stream_current_ && last_heard_ - snapshot_at_ < silence_;
    if (seq >= hall_.seq()) stream_current_ = true;
    if (topic == kHeartbeatTopic) {
        if (synced_ && seq > hall_.seq()) synced_ = false;  // missed events: resync
        if (synced_ && seq < hall_.seq() && !stale) synced_ = false;  // server lost history (new database)
        return;
    }
    if (topic != kEventTopic || !synced_) return;
    if (drop_ > 0) {
        --drop_;
        return;
    }
    if (seq <= hall_.seq()) return;  // already in the snapshot
    if (seq != hall_.seq() + 1) {
        synced_ = false;  // gap
        return;
    }
    try {
        Event e = event_from_json(j);
        hall_.apply(e);
        if (on_event) on_event(e, j);
        out.push_back(std::move(e));
    } catch (const std::exception&) {
        synced_ = false;
    }
}

std::vector<Event> Replica::poll(std::chrono::milliseconds timeout) {
    std::vector<Event> out;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto now = std::chrono::steady_clock::now();
        if (synced_ && now - last_heard_ > silence_) synced_ = false;
        if (!synced_) {
            resync();
            now = std::chrono::steady_clock::now();
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
        zmq::pollitem_t item{sub_->socket.handle(), 0, ZMQ_POLLIN, 0};
        try {
            zmq::poll(&item, 1, left.count() > 0 ? left : std::chrono::milliseconds(0));
        } catch (const zmq::error_t& e) {
            if (e.num() != EINTR) throw;
            return out;  // a signal (Ctrl-C): let the caller check why
        }
        if (item.revents & ZMQ_POLLIN) {
            std::vector<zmq::message_t> frames;
            if (zmq::recv_multipart(sub_->socket, std::back_inserter(frames), zmq::recv_flags::dontwait) &&
                frames.size() == 2)
                handle(frames[0].to_string(), frames[1].to_string(), out);
            continue;  // drain everything queued before returning
        }
        if (std::chrono::steady_clock::now() >= deadline) return out;
    }
}

}  // namespace hallq
