// hall_load.cpp - kiosk and desk threads over RequestClient.
#include "hall_load.h"

#include <sqlite3.h>

#include <functional>
#include <map>
#include <stdexcept>

#include "net/request_client.h"

namespace hallq::test {

int64_t mono_us() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

StoredTickets check_stored_tickets(const std::string& db, const std::vector<Ack>& acks) {
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(h);
        throw std::runtime_error("cannot open " + db);
    }
    auto rows = [&](const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) != SQLITE_OK) {
            sqlite3_close(h);
            throw std::runtime_error(std::string("cannot read ") + db + ": " + sql);
        }
        while (sqlite3_step(st) == SQLITE_ROW) row(st);
        sqlite3_finalize(st);
    };
    std::map<int64_t, std::string> stored;
    StoredTickets c;
    rows("SELECT id, number FROM tickets", [&](sqlite3_stmt* st) {
        stored[sqlite3_column_int64(st, 0)] = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    });
    rows("SELECT COUNT(*) FROM (SELECT 1 FROM tickets GROUP BY day, number HAVING COUNT(*) > 1)",
         [&](sqlite3_stmt* st) { c.duplicates = size_t(sqlite3_column_int64(st, 0)); });
    sqlite3_close(h);
    c.stored = stored.size();
    for (const auto& a : acks) {
        if (a.ticket_id < 0) continue;
        auto it = stored.find(a.ticket_id);
        if (it == stored.end()) ++c.missing;
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
