// hall_feed.cpp - replica thread and sender thread behind the client apps.
#include "hall_feed.h"


#include "net/replica.h"
#include "net/request_client.h"

namespace hallq {

HallFeed::HallFeed(Options o) : opt_(std::move(o)) {}

HallFeed::~HallFeed() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (feed_.joinable()) feed_.join();
    if (sender_.joinable()) sender_.join();
}

void HallFeed::start() {
    feed_ = std::thread([this] { feed_loop(); });
    sender_ = std::thread([this] { send_loop(); });
}

void HallFeed::send(const std::string& type, const Json& body, std::function<void(std::optional<Reply>)> done) {
    {
        std::lock_guard<std::mutex> lock(mu_);
        outbox_.push_back({type, body, std::move(done), {}});
    }
    cv_.notify_all();
}

void HallFeed::send_until_answered(const std::string& type, const Json& body,
                                   std::function<void(std::optional<Reply>)> done, std::function<void()> retrying) {
    {
        std::lock_guard<std::mutex> lock(mu_);
        outbox_.push_back({type, body, std::move(done), std::move(retrying)});
    }
    cv_.notify_all();
}

void HallFeed::close_prompt(int window) {
    std::lock_guard<std::mutex> lock(mu_);
    closed_prompts_.push_back(window);
}

void HallFeed::feed_loop() {
    Replica replica(opt_.requests, opt_.events, opt_.name + "-replica");
    DisplayModel model(opt_.history);
    bool changed = false;
    std::vector<Event> events;
    replica.on_resync = [&] {
        model.on_snapshot(replica.hall());
        changed = true;
    };
    replica.on_event = [&](const Event& e, const Json&) {
        model.on_event(replica.hall(), e);
        events.push_back(e);
        changed = true;
    };
    bool was_connected = false;
    for (;;) {
        {
            std::lock_guard<std::mutex> lock(mu_);
            if (stop_) return;
            for (int w : closed_prompts_) {
                model.close_prompt(w);
                changed = true;
            }
            closed_prompts_.clear();
        }
        replica.poll(std::chrono::milliseconds(10));  // short slices: a call reaches the screen at once
        if (replica.synced() != was_connected) {
            was_connected = replica.synced();
            model.set_connected(was_connected);
            changed = true;
        }
        if (changed && on_change) on_change(model.state(), events);
        if (changed && on_hall) on_hall(replica.hall(), replica.synced(), events);
        changed = false;
        events.clear();
    }
}

void HallFeed::send_loop() {
    RequestClient client(opt_.requests, opt_.name);
    for (;;) {
        Outgoing out;
        {
            std::unique_lock<std::mutex> lock(mu_);
            cv_.wait(lock, [&] { return stop_ || !outbox_.empty(); });
            if (stop_) return;
            out = std::move(outbox_.front());
            outbox_.pop_front();
        }
        std::string rid = client.next_rid();
        auto reply = client.request(out.type, out.body, rid);
        while (!reply && out.retrying) {
            {
                std::lock_guard<std::mutex> lock(mu_);
                if (stop_) return;
            }
            out.retrying();
            reply = client.request(out.type, out.body, rid);  // the same id: applied once at most
        }
        if (out.done) out.done(reply);
    }
}

}  // namespace hallq
