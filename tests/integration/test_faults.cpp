// test_faults.cpp - nothing is lost under faults: a display subscriber process stopped (SIGSTOP)
// under load catches up and the others miss no event meanwhile; kill -9 of the server again and
// again under load loses no acknowledged ticket and issues no number twice (as the restarted
// server tells). The benchmark bench/faults times the same scenarios; here they are pass/fail only.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <ctime>
#include <mutex>
#include <thread>

#include "hall_load.h"
#include "hall_queries.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
using ms = std::chrono::milliseconds;

// `hallctl tail` as a display: the sequence numbers of the events it applied, read by a thread
// (a full pipe would stop it as surely as SIGSTOP).
struct Tail {
    LineProcess proc;
    std::mutex mu;
    std::vector<uint64_t> seqs;
    std::atomic<uint64_t> last{0};
    std::atomic<bool> stop{false};
    std::thread reader;

    explicit Tail(const ServerProcess& s)
        : proc({HALLCTL_BIN, "--server", s.requests(), "--events", s.events(), "tail"}) {
        reader = std::thread([this] {
            while (!stop) {
                auto line = proc.next_line(ms(100));
                if (!line) continue;
                uint64_t seq = Json::parse(*line).at("seq").get<uint64_t>();
                std::lock_guard lock(mu);
                seqs.push_back(seq);
                last = seq;
            }
        });
    }
    ~Tail() {
        stop = true;
        reader.join();
    }
};

// A rollover time twelve hours from now: the service day stays while the test runs, so the
// restarted server still holds every ticket of it.
std::string rollover_far_from_now() {
    std::time_t t = std::time(nullptr) + 12 * 3600;
    std::tm tm{};
    localtime_r(&t, &tm);
    char hm[8];
    std::strftime(hm, sizeof hm, "%H:%M", &tm);
    return hm;
}

// The tickets of the day, as the (restarted) server's snapshot holds them.
std::vector<HeldTicket> held_tickets(HallQueries& hall, const std::string& day) {
    std::vector<HeldTicket> out;
    for (const auto& t : hall.tickets()) out.push_back({t["id"].get<int64_t>(), day, t["number"].get<std::string>()});
    return out;
}

void wait_acks(const HallLoad& load, size_t more) {
    size_t target = load.ack_count() + more;
    REQUIRE(eventually([&] { return load.ack_count() >= target; }, [] { std::this_thread::yield(); },
                       std::chrono::seconds(60)));
}
}  // namespace

TEST_CASE("a display stopped under load catches up, and the others miss no event meanwhile") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    std::vector<std::unique_ptr<Tail>> tails;
    for (int i = 0; i < 3; ++i) tails.push_back(std::make_unique<Tail>(server));
    // Until each display has applied an event it received (not one from its first snapshot).
    RequestClient c(server.requests(), "marker");
    auto all_reached = [&](uint64_t seq) {
        return std::all_of(tails.begin(), tails.end(), [&](auto& t) { return t->last.load() >= seq; });
    };
    bool listening = false;
    for (int i = 0; i < 20 && !listening; ++i) {
        uint64_t seq = must_ok(c, "issue_ticket", Json{{"queue", "A"}})["seq"].get<uint64_t>();
        listening = eventually([&] { return all_reached(seq); }, [] { std::this_thread::yield(); }, ms(1000));
    }
    REQUIRE(listening);

    LoadOptions lo;
    lo.kiosks = 2;
    lo.desks = 2;
    HallLoad load(server.requests(), lo);
    wait_acks(load, 50);
    tails[0]->proc.signal(SIGSTOP);
    std::this_thread::sleep_for(std::chrono::seconds(2));  // the stall itself, while the load goes on
    wait_acks(load, 100);                                   // and it did go on
    tails[0]->proc.signal(SIGCONT);
    wait_acks(load, 100);
    load.stop();
    uint64_t last = must_ok(c, "issue_ticket", Json{{"queue", "A"}})["seq"].get<uint64_t>();
    REQUIRE(eventually([&] { return all_reached(last); }, [] { std::this_thread::yield(); }, std::chrono::seconds(30)));

    for (size_t i = 0; i < tails.size(); ++i) {
        std::lock_guard lock(tails[i]->mu);
        const auto& seqs = tails[i]->seqs;
        INFO("display " << i << (i == 0 ? " (the stopped one)" : "") << ": " << seqs.size() << " events, "
                        << seqs.front() << " to " << seqs.back() << ", server at " << last);
        CHECK(seqs.back() == last);
        CHECK(std::is_sorted(seqs.begin(), seqs.end()));
        // The others applied every event, one by one: no gap, so no snapshot was needed.
        if (i > 0) CHECK(seqs.back() - seqs.front() + 1 == seqs.size());
    }
}

TEST_CASE("kill -9 again and again under load loses no acknowledged ticket and reuses no number") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    const std::vector<std::string> args = {"--rollover", rollover_far_from_now()};
    server.start(args);
    HallQueries hall(server);
    RequestClient c(server.requests(), "status");
    const std::string day = must_ok(c, "status")["day"].get<std::string>();
    LoadOptions lo;
    lo.timeout = ms(300);
    lo.kiosk_pause = lo.desk_pause = ms(2);
    HallLoad load(server.requests(), lo);
    for (int crash = 0; crash < 10; ++crash) {
        wait_acks(load, 30);  // the restarted server is serving again
        server.kill9();
        std::vector<Ack> acks = load.acks();  // every one from before the crash
        server.start(args);
        TicketCheck t = check_tickets(held_tickets(hall, day), acks);
        INFO("after crash " << crash << ": " << t.held << " tickets held");
        CHECK(t.missing == 0);
        CHECK(t.wrong_number == 0);
        CHECK(t.duplicates == 0);
    }
    wait_acks(load, 30);
    load.stop();
    server.kill9();
    server.start(args);
    size_t acked = 0;
    for (const auto& a : load.acks()) acked += a.ticket_id >= 0;
    TicketCheck t = check_tickets(held_tickets(hall, day), load.acks());
    INFO(acked << " tickets acknowledged, " << t.held << " held, " << load.failures() << " requests failed");
    CHECK(acked > 100);
    CHECK(t.missing == 0);
    CHECK(t.wrong_number == 0);
    CHECK(t.duplicates == 0);
    CHECK(load.failures() > 0);  // the crashes did interrupt requests
}
