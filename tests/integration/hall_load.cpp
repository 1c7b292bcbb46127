// hall_load.cpp - kiosk and desk threads over RequestClient.
#include "hall_load.h"

#include <map>

#include "net/request_client.h"

namespace hallq::test {

int64_t mono_us() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

TicketCheck check_tickets(const std::vector<HeldTicket>& held, const std::vector<Ack>& acks) {
    std::map<int64_t, std::string> number;
    std::map<std::pair<std::string, std::string>, int> holders;  // (day, number) → tickets
    TicketCheck c;
    for (const auto& t : held) {
        number[t.id] = t.number;
        if (++holders[{t.day, t.number}] == 2) ++c.duplicates;
    }
    c.held = number.size();
    for (const auto& a : acks) {
        if (a.ticket_id < 0) continue;
        auto it = number.find(a.ticket_id);
        if (it == number.end()) ++c.missing;
        else if (it->second != a.number) ++c.wrong_number;
    }
    return c;
}

HallLoad::HallLoad(std::string request_endpoint, LoadOptions options)
    : endpoint_(std::move(request_endpoint)), opt_(options) {
    for (int k = 0; k < opt_.kiosks; ++k) threads_.emplace_back([this, k] { kiosk(k); });
    for (int w = 1; w <= opt_.desks; ++w) threads_.emplace_back([this, w] { desk(w); });
}

HallLoad::~HallLoad() { stop(); }

void HallLoad::stop() {
    stop_ = true;
    for (auto& t : threads_)
        if (t.joinable()) t.join();
}

std::vector<Ack> HallLoad::acks() const {
    std::lock_guard lock(mu_);
    return acks_;
}

void HallLoad::record(Ack a) {
    std::lock_guard lock(mu_);
    acks_.push_back(std::move(a));
    ++count_;
}

void HallLoad::kiosk(int k) {
    RequestClient c(endpoint_, "kiosk" + std::to_string(k));
    c.set_timeout(opt_.timeout);
    c.set_retries(opt_.retries);
    while (!stop_) {
        Ack a;
        a.type = "issue_ticket";
        a.sent_us = mono_us();
        auto r = c.request("issue_ticket", Json{{"queue", k % 2 ? "B" : "A"}});
        a.replied_us = mono_us();
        if (r && r->ok) {
            a.seq = r->body["seq"].get<uint64_t>();
            a.ticket_id = r->body["ticket"]["id"].get<int64_t>();
            a.number = r->body["ticket"]["number"].get<std::string>();
            record(std::move(a));
        } else {
            ++failures_;
        }
        std::this_thread::sleep_for(opt_.kiosk_pause);  // the arrival rate, not a wait for anything
    }
}

void HallLoad::desk(int window) {
    RequestClient c(endpoint_, "desk" + std::to_string(window));
    c.set_timeout(opt_.timeout);
    c.set_retries(opt_.retries);
    Json win{{"window", window}};
    // One command; its ok reply is recorded. Returns "ok", "queue_empty" or "failed".
    auto send = [&](const std::string& type, const Json& body) -> std::string {
        Ack a;
        a.type = type;
        a.sent_us = mono_us();
        auto r = c.request(type, body);
        a.replied_us = mono_us();
        if (!r) {
            ++failures_;
            return "failed";
        }
        if (!r->ok) return r->error.code == ErrorCode::queue_empty ? "queue_empty" : "failed";
        if (r->body.contains("seq")) a.seq = r->body["seq"].get<uint64_t>();
        record(std::move(a));
        return "ok";
    };
    bool ready = false;
    while (!stop_) {
        if (!ready) {  // (again) after a refusal: log in, open, and free the window of any ticket
            send("clerk_login", Json{{"window", window}, {"clerk", "c0" + std::to_string(window)},
                                     {"password", "hallq2026"}});
            send("window_open", win);
            if (send("no_show", win) != "ok") send("finish", win);
            ready = true;
        }
        std::string called = send("call_next", win);
        if (called == "ok") {
            send("start", win);
            send("finish", win);
        } else if (called == "failed") {
            ready = false;
        }
        std::this_thread::sleep_for(opt_.desk_pause);
    }
}

}  // namespace hallq::test
