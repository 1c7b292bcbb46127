// stall.cpp - scenario 3: one display subscriber SIGSTOPped under load. The others must get every
// event without slowing down; the stopped one must catch up (snapshot + sequence) after SIGCONT.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "fault_bench.h"
#include "hall_load.h"
#include "net/request_client.h"

namespace hallq::bench {
namespace {
using namespace std::chrono;

struct Line {
    bool synced;  // a snapshot was taken (else one event applied)
    uint64_t seq;
    int64_t us;
};

// One subscriber process and the thread reading its lines.
struct Subscriber {
    std::unique_ptr<test::LineProcess> proc;
    std::mutex mu;
    std::vector<Line> lines;
    std::atomic<uint64_t> seq{0};
    std::atomic<bool> synced{false}, stop{false};
    std::thread reader;

    Subscriber(const std::string& self, const Server& s) {
        proc = std::make_unique<test::LineProcess>(std::vector<std::string>{self, "subscribe", s.requests, s.events});
        g_children.push_back(proc->pid());
        reader = std::thread([this] {
            while (!stop) {
                auto l = proc->next_line(milliseconds(200));
                if (!l) continue;
                Line line{l->rfind("synced", 0) == 0, std::stoull(test::line_field(*l, "seq")),
                          std::stoll(test::line_field(*l, "mono_us"))};
                std::lock_guard lock(mu);
                lines.push_back(line);
                seq = line.synced ? line.seq : std::max(seq.load(), line.seq);
                synced = synced || line.synced;
            }
        });
    }
    ~Subscriber() {
        stop = true;
        reader.join();
    }
};

void wait_for(const std::function<bool()>& cond, seconds limit, const std::string& what) {
    auto deadline = steady_clock::now() + limit;
    while (!cond()) {
        if (steady_clock::now() > deadline) die("timed out waiting for " + what);
        std::this_thread::sleep_for(milliseconds(5));
    }
}
}  // namespace

void run_stall(const std::string& self, const StallOptions& opt) {
    Server server;
    server.start();
    std::vector<std::unique_ptr<Subscriber>> subs;
    for (int i = 0; i < opt.subscribers; ++i) subs.push_back(std::make_unique<Subscriber>(self, server));
    wait_for([&] { return std::all_of(subs.begin(), subs.end(), [](auto& s) { return s->synced.load(); }); },
             seconds(30), "the subscribers' first snapshot");

    test::LoadOptions lo;
    lo.kiosk_pause = lo.desk_pause = milliseconds(20);
    lo.timeout = milliseconds(2000);
    lo.retries = 2;
    auto load = std::make_unique<test::HallLoad>(server.requests, lo);
    std::this_thread::sleep_for(seconds(opt.before_s));
    int64_t t_stop = test::mono_us();
    subs[0]->proc->signal(SIGSTOP);
    std::this_thread::sleep_for(seconds(opt.stall_s));
    int64_t t_cont = test::mono_us();
    subs[0]->proc->signal(SIGCONT);
    std::this_thread::sleep_for(seconds(opt.after_s));
    load->stop();
    RequestClient c(server.requests, "bench-marker");
    auto marker = c.request(hallq::MessageType::issue_ticket, Json{{"queue", "A"}});
    if (!marker || !marker->ok) die("the final ticket was refused");
    uint64_t last = marker->body["seq"].get<uint64_t>();
    wait_for([&] { return std::all_of(subs.begin(), subs.end(), [&](auto& s) { return s->seq.load() >= last; }); },
             seconds(30), "every subscriber to reach seq " + std::to_string(last));
    for (auto& s : subs) s->stop = true;

    // When each event's request was sent; the server's latest acknowledged seq over time.
    std::map<uint64_t, int64_t> sent;
    std::vector<std::pair<int64_t, uint64_t>> acked;  // (replied_us, seq)
    auto acks = load->acks();
    for (const auto& a : acks) {
        if (a.type == "clerk_login") continue;  // answers with the current seq, makes no event
        sent.emplace(a.seq, a.sent_us);
        acked.emplace_back(a.replied_us, a.seq);
    }
    std::sort(acked.begin(), acked.end());
    for (size_t i = 1; i < acked.size(); ++i) acked[i].second = std::max(acked[i].second, acked[i - 1].second);
    auto server_seq_at = [&](int64_t us) {
        auto it = std::upper_bound(acked.begin(), acked.end(), std::make_pair(us, UINT64_MAX));
        return it == acked.begin() ? uint64_t(0) : std::prev(it)->second;
    };

    Stats before, during, after;
    size_t expected = 0, delivered = 0, resyncs = 0;
    for (size_t i = 1; i < subs.size(); ++i) {
        std::lock_guard lock(subs[i]->mu);
        const auto& lines = subs[i]->lines;
        uint64_t first = lines.front().seq;  // its first snapshot
        std::set<uint64_t> got;
        for (const auto& l : lines) {
            if (l.synced) {
                resyncs += &l != &lines.front();
                continue;
            }
            got.insert(l.seq);
            auto s = sent.find(l.seq);
            if (s == sent.end()) continue;
            double ms = double(l.us - s->second) / 1000.0;
            (s->second < t_stop ? before : s->second < t_cont ? during : after).ms.push_back(ms);
        }
        expected += last - first;
        for (uint64_t q = first + 1; q <= last; ++q) delivered += got.count(q);
    }

    std::lock_guard lock(subs[0]->mu);
    int snapshots = 0, queued = 0;
    double caught_up_ms = -1;
    for (const auto& l : subs[0]->lines) {
        if (l.us < t_cont) continue;
        l.synced ? ++snapshots : ++queued;
        if (caught_up_ms < 0 && l.seq >= server_seq_at(l.us)) caught_up_ms = double(l.us - t_cont) / 1000.0;
    }
    double seconds_run = double(opt.before_s + opt.stall_s + opt.after_s);
    char buf[512];
    std::cout << "### A stalled display (SIGSTOP " << opt.stall_s << " s)\n\n"
              << opt.subscribers << " display subscriber processes (each a `Replica`, as the hall screens use it) and "
              << lo.kiosks << " kiosks + " << lo.desks << " desks over `RequestClient` ("
              << int(double(acks.size()) / seconds_run) << " accepted commands/s). After " << opt.before_s
              << " s one display is stopped with SIGSTOP for " << opt.stall_s
              << " s while the load goes on, then continued; the load runs " << opt.after_s << " s more.\n\n"
              << "| delivery to the " << subs.size() - 1
              << " other displays (request sent → event applied) | p50 | p99 | max | deliveries |\n"
              << "|---|---|---|---|---|\n"
              << before.row("before the stall") << "\n"
              << during.row("during the stall") << "\n"
              << after.row("after SIGCONT") << "\n\n";
    std::snprintf(buf, sizeof buf, "%zu of %zu events (%.2f%%)", delivered, expected,
                  expected ? 100.0 * double(delivered) / double(expected) : 0.0);
    std::cout << "- The other displays received " << buf << "; snapshots they needed besides the first: " << resyncs
              << ". Goal: 100%, no slowdown during the stall.\n";
    std::snprintf(buf, sizeof buf, "%.0f ms", caught_up_ms);
    std::cout << "- The stalled display was caught up with the server " << (caught_up_ms < 0 ? "never" : buf)
              << " after SIGCONT (goal ≤ 1 s), "
              << (snapshots > 0 ? "through a snapshot (" + std::to_string(snapshots) + " taken after SIGCONT)"
                                : std::string("from the queued events alone (no snapshot)"))
              << ", then " << queued << " events applied in sequence; it ended at seq " << subs[0]->seq.load()
              << ", the server's latest (" << last << ").\n\n";
}

}  // namespace hallq::bench
