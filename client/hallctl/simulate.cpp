// simulate.cpp - kiosk and clerk threads driving a real hall server; calls printed from a replica.
#include "simulate.h"

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <random>
#include <map>
#include <set>
#include <thread>

#include "commands.h"
#include "core/estimator.h"
#include "net/replica.h"
#include "net/request_client.h"
#include "protocol/codec.h"
#include "protocol/replies.h"
#include "protocol/messages.h"

namespace hallq::ctl {

namespace {
using ms = std::chrono::milliseconds;

struct Sim {
    std::string server;
    double speed;  // simulated minutes per real minute
    std::atomic<bool> done{false};
    Catalogue catalogue;

    // Sleeps `simulated_seconds` of hall time, waking early when the simulation ends.
    void pause(double simulated_seconds) {
        auto until = std::chrono::steady_clock::now() + ms(int64_t(simulated_seconds * 1000 / speed));
        while (!done && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(ms(20));
    }
};

// Items grouped by queue, and each queue's share of arrivals (its windows' capacity for it).
struct Demand {
    std::vector<std::vector<const ServiceItem*>> items;
    std::vector<double> weights;
};

void kiosk(Sim& sim, int n, const Demand& demand, double mean_gap_s) {
    RequestClient client(sim.server, "sim-kiosk" + std::to_string(n));
    std::mt19937 rng(n * 7919 + 1);
    std::exponential_distribution<double> gap(1.0 / mean_gap_s);
    std::discrete_distribution<size_t> queue(demand.weights.begin(), demand.weights.end());
    std::bernoulli_distribution green(0.08);
    while (!sim.done) {
        sim.pause(gap(rng));
        if (sim.done) break;
        const auto& items = demand.items[queue(rng)];
        Json body{{"item", items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)]->code}};
        if (green(rng)) body["class"] = "green";
        client.request(MessageType::issue_ticket, body);
    }
}

// Visitors with today's reservations arrive one by one and scan their reservation codes at a
// kiosk; what the hall answers is printed (a reservation ticket, a normal one when late, or why not).
void reservation_arrivals(Sim& sim) {
    RequestClient client(sim.server, "sim-checkin");
    auto list = client.request("reservations", Json::object());
    if (!list || !list->ok) return;
    for (const Json& r : list->body.value("reservations", Json::array())) {
        sim.pause(120);
        if (sim.done) return;
        if (json_get<std::string>(r, "status", "") != "booked") continue;
        std::string code = json_get<std::string>(r, "code", "");
        std::string who = "签到 " + code + " " + json_get<std::string>(r, "name", "") + " (" +
                          json_get<std::string>(r, "item_name", "") + ")";
        auto reply = client.request(MessageType::check_in, Json{{"code", code}});
        if (!reply) continue;
        if (!reply->ok) {
            std::cout << who << ": " << reply->message
                      << (reply->error.detail.empty() ? "" : " " + reply->error.detail) << std::endl;
            continue;
        }
        for (const TicketView& t : read_check_in_view(reply->body).tickets)
            std::cout << who << " → " << t.ticket.number
                      << (t.late.value_or(false) ? " 已过预约时间，取普通号 / late: a normal ticket"
                                                 : " 预约号 / reservation ticket")
                      << std::endl;
    }
}

void clerk(Sim& sim, const WindowDef& w, const Clerk& who) {
    RequestClient client(sim.server, "sim-desk" + std::to_string(w.number));
    std::mt19937 rng(w.number * 104729 + 3);
    std::lognormal_distribution<double> spread(0.0, 0.35);
    std::bernoulli_distribution absent(0.05);
    // 0 = walks off without rating; then 非常满意 … 非常不满意, mostly good as in real halls.
    std::discrete_distribution<int> rating({10, 2, 3, 6, 22, 57});
    Json win{{"window", w.number}};
    // The demo password (hallserver --demo), unless $HALLQ_PASSWORD names another.
    const char* env = std::getenv("HALLQ_PASSWORD");
    std::string password = env && *env ? env : "hallq2026";
    client.request(MessageType::clerk_login, Json{{"window", w.number}, {"clerk", who.id}, {"password", password}});
    client.request("window_open", win);
    while (!sim.done) {
        auto r = client.request(MessageType::call_next, win);
        if (!r) {
            sim.pause(5);
            continue;
        }
        if (!r->ok) {
            if (r->error.code == ErrorCode::window_busy) client.request(MessageType::no_show, win);
            sim.pause(20);
            continue;
        }
        sim.pause(30);  // the citizen walks to the window
        if (absent(rng)) {
            client.request("recall", win);
            sim.pause(30);
            client.request(MessageType::no_show, win);
            continue;
        }
        client.request("start", win);
        std::string item = json_get<std::string>(r->body["ticket"], "item", "");
        const ServiceItem* i = sim.catalogue.item(item);
        sim.pause((i ? i->service_minutes : 10) * 60.0 * spread(rng));
        Json fin{{"window", w.number}, {"outcome", "handled"}};
        if (!item.empty()) fin["items"] = Json::array({item});
        client.request("finish", fin);
        // Most citizens rate at the window screen (好差评); a window screen, if one runs, may be
        // tapped first, and then this rating is refused as already given.
        sim.pause(15);
        int level = rating(rng);
        if (level > 0) {
            Json rate{{"ticket", r->body["ticket"]["id"]}, {"level", level}};
            if (level <= 2) rate["reasons"] = Json::array({level == 1 ? "attitude" : "efficiency"});
            client.request("rate", rate);
        }
    }
}
}  // namespace

int run_simulation(const std::string& server, const std::string& events,
                   const Args& a, volatile std::sig_atomic_t& stop) {
    Sim sim{server, double(to_int(a.get("speed", "60"), "--speed")), {}, {}};
    int kiosks = to_int(a.get("kiosks", "3"), "--kiosks");
    int windows = to_int(a.get("windows", "8"), "--windows");
    int duration = to_int(a.get("duration", "0"), "--duration");
    int stop_after = to_int(a.get("stop-after-calls", "0"), "--stop-after-calls");
    if (sim.speed <= 0 || kiosks < 1 || windows < 1) throw UsageError("--speed, --kiosks, --windows must be > 0");

    Replica replica(server, events, "sim-monitor");
    replica.poll(ms(0));
    if (!replica.synced()) {
        std::cerr << "服务器无响应 / hall server unreachable at " << server << "\n";
        return 4;
    }
    sim.catalogue = replica.hall().catalogue();
    std::vector<std::thread> threads;
    std::map<std::string, double> capacity;  // queue letter → windows' share of attention
    size_t count = std::min<size_t>(size_t(windows), sim.catalogue.windows.size());
    std::set<int> left_out;  // windows staffed by a real clerk at a desk
    if (a.has("leave-window")) left_out.insert(to_int(a.get("leave-window"), "--leave-window"));
    for (size_t i = 0; i < count && i < sim.catalogue.clerks.size(); ++i) {
        const WindowDef& w = sim.catalogue.windows[i];
        if (left_out.count(w.number)) continue;
        for (size_t r = 0; r < w.profile.size(); ++r) capacity[w.profile[r]] += profile_share(r, w.profile.size());
        threads.emplace_back(clerk, std::ref(sim), std::cref(w), std::cref(sim.catalogue.clerks[i]));
    }
    Demand demand;
    for (const auto& [letter, share] : capacity) {
        std::vector<const ServiceItem*> items;
        for (const auto& i : sim.catalogue.items)
            if (i.queue == letter) items.push_back(&i);
        if (items.empty()) continue;
        demand.items.push_back(items);
        demand.weights.push_back(share);
    }
    // Arrivals keep the open windows about 85% busy, so queues form at peaks but stay bounded.
    double capacity_per_s = double(count) / (12 * 60);
    double mean_gap_s = kiosks / (capacity_per_s * 0.85);
    for (int k = 0; k < kiosks && !demand.items.empty(); ++k)
        threads.emplace_back(kiosk, std::ref(sim), k + 1, std::cref(demand), mean_gap_s);

    threads.emplace_back(reservation_arrivals, std::ref(sim));

    std::cout << "模拟大厅 / simulated hall: " << sim.catalogue.hall_name << ", " << count << " 个窗口, "
              << kiosks << " 台取号机, 速度 ×" << sim.speed << " (Ctrl-C 结束)" << std::endl;
    int calls = 0;
    replica.on_event = [&calls](const Event& e, const Json& wire) {
        std::string line = describe_event(wire);
        if (!line.empty()) std::cout << line << std::endl;
        if (e.type == EventType::ticket_called) ++calls;
    };
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(duration);
    while (!stop && (duration == 0 || std::chrono::steady_clock::now() < end) &&
           (stop_after == 0 || calls < stop_after))
        replica.poll(ms(200));
    sim.done = true;
    for (auto& t : threads) t.join();
    return 0;
}

}  // namespace hallq::ctl
