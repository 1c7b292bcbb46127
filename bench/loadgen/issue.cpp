// issue.cpp - scenario 1, durable ticket issue: kiosk request → committed → reply with estimate.
//
// Open loop: Poisson arrivals at 50 tickets/s spread over kiosk threads; each latency runs from the
// arrival's scheduled time (so a kiosk that is late adds its lateness: no coordinated omission) to
// the reply. Maximum: closed loop with N kiosks each sending its next request on the reply, for
// several N, each on a fresh server (a fresh day), 10 s each; then 64 kiosks for 60 s. The cost of
// a request as the day grows: one kiosk's requests around the 100th, 1,000th and 10,000th ticket
// of the day, the server's CPU time per request and the round trip. With --old every step runs
// against the older hallserver too, right after this build's, and both are printed side by side.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include "common.h"
#include "net/request_client.h"

namespace fs = std::filesystem;

namespace loadgen {

namespace {
constexpr int kQueues = 26;  // 26 × 9999 numbers a day: no step runs out
constexpr double kP99BoundMs = 100;

struct Dir {
    fs::path path;
    explicit Dir(const std::string& name) {
        path = fs::temp_directory_path() / ("hallq-loadgen-" + name + "-" + std::to_string(getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
        write_catalogue(path / "hall.json", 4, kQueues);
    }
    ~Dir() { fs::remove_all(path); }
};

bool issue(hallq::RequestClient& c, int n) {
    auto r = c.request(hallq::MessageType::issue_ticket, hallq::Json{{"queue", std::string(1, queue_letter(n % kQueues))}});
    return r && r->ok && r->body.contains("ticket");
}

struct Step {
    int kiosks = 0;
    double seconds = 0, rate = 0, p50 = 0, p99 = 0;
    int64_t failed = 0;
    double cpu_us = 0;  // the server's CPU time per ticket
    bool ok() const { return failed == 0 && p99 <= kP99BoundMs; }
};

// N kiosks, each sending its next request on the reply, for `seconds` (or `count` requests in all).
Step closed_loop(const std::string& ep, int kiosks, double seconds, int first = 0, int count = -1) {
    Latencies lat;
    std::vector<std::thread> threads;
    std::atomic<int> next{first};
    auto start = Clock::now();
    auto end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    for (int k = 0; k < kiosks; ++k)
        threads.emplace_back([&, k] {
            hallq::RequestClient c(ep, "kiosk" + std::to_string(k));
            for (int n = 0; Clock::now() < end && (count < 0 || (n = next++) < first + count);) {
                auto t = Clock::now();
                if (!issue(c, count < 0 ? next++ : n)) ++lat.failed;
                lat.add(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
            }
        });
    for (auto& t : threads) t.join();
    double wall = std::chrono::duration<double>(Clock::now() - start).count();
    Step s{kiosks, seconds, double(lat.ms.size()) / wall, 0, 0, lat.failed.load(), 0};
    s.p50 = percentile(lat.ms, 50);
    s.p99 = percentile(lat.ms, 99);
    return s;
}

Step fresh_closed_loop(const std::string& bin, int kiosks, double seconds) {
    Dir d("issue");
    Server server(d.path, d.path / "hall.json", bin);
    int64_t cpu0 = cpu_ns(server.proc->pid);
    Step s = closed_loop(server.requests, kiosks, seconds);
    s.cpu_us = double(cpu_ns(server.proc->pid) - cpu0) / 1000 / (s.rate * s.seconds);
    return s;
}

// One kiosk's requests as the day grows: the day filled by 16 kiosks up to `at` - 50 tickets, then
// 100 requests one after the other in 5 rounds of 20; the server's CPU time per request and the
// round trip's p50 of the median round (a round with the periodic snapshot or another process's
// burst on the machine does not set the figure).
struct Cost {
    int at;
    double cpu_us, p50_ms;
};
std::vector<Cost> day_costs(const std::string& bin, const std::vector<int>& points) {
    Dir d("cost");
    Server server(d.path, d.path / "hall.json", bin);
    std::vector<Cost> out;
    int issued = 0;
    for (int at : points) {
        if (at - 50 > issued) closed_loop(server.requests, 16, 1e9, issued, at - 50 - issued);
        constexpr int kRounds = 5, kPerRound = 20;
        std::vector<double> cpu, p50;
        for (int r = 0; r < kRounds; ++r) {
            int64_t cpu0 = cpu_ns(server.proc->pid);
            Step s = closed_loop(server.requests, 1, 1e9, at - 50 + r * kPerRound, kPerRound);
            cpu.push_back(double(cpu_ns(server.proc->pid) - cpu0) / kPerRound / 1000);
            p50.push_back(s.p50);
        }
        std::sort(cpu.begin(), cpu.end());
        std::sort(p50.begin(), p50.end());
        out.push_back({at, cpu[kRounds / 2], p50[kRounds / 2]});
        issued = at + 50;
    }
    return out;
}

struct Build {
    std::string name, bin;
    std::vector<double> open;  // ms
    int64_t open_failed = 0;
    std::vector<Step> steps;
    Step sustained;
    std::vector<Cost> costs;
};

std::string ms(double v) { return fmt("%.2f ms", v); }
std::string ratio(double a, double b) { return b > 0 ? fmt("%.2f×", a / b) : "—"; }
}  // namespace

void open_loop(const std::string& ep, double rate, double seconds, int kiosks, Latencies& lat) {
    std::mt19937_64 rng(42);
    std::exponential_distribution<double> gap(rate);
    std::vector<Clock::time_point> at;
    auto t0 = Clock::now() + std::chrono::milliseconds(200);
    for (double t = gap(rng); t < seconds; t += gap(rng))
        at.push_back(t0 + std::chrono::microseconds(int64_t(t * 1e6)));
    std::atomic<size_t> next{0};
    std::vector<std::thread> threads;
    for (int k = 0; k < kiosks; ++k)
        threads.emplace_back([&, k] {
            hallq::RequestClient c(ep, "kiosk" + std::to_string(k));
            for (size_t i; (i = next++) < at.size();) {
                std::this_thread::sleep_until(at[i]);
                if (!issue(c, int(i))) ++lat.failed;
                lat.add(std::chrono::duration<double, std::milli>(Clock::now() - at[i]).count());
            }
        });
    for (auto& t : threads) t.join();
}

std::string run_issue(const Options& o) {
    double open_s = o.quick ? 4 : 20, step_s = o.quick ? 2 : 10, long_s = o.quick ? 10 : 60;
    std::vector<int> levels = o.quick ? std::vector<int>{1, 16} : std::vector<int>{1, 4, 16, 64};
    std::vector<int> points = o.quick ? std::vector<int>{100, 1000} : std::vector<int>{100, 1000, 10000};
    std::vector<Build> builds{{"this build", o.server, {}, 0, {}, {}, {}}};
    if (!o.old_server.empty()) builds.push_back({"older build", o.old_server, {}, 0, {}, {}, {}});
    for (Build& b : builds) {  // the same seed: the same arrivals for both
        if (o.day_only) break;
        std::cerr << "hall-loadgen: issue: open loop, " << b.name << "\n";
        Dir d("issue");
        Server server(d.path, d.path / "hall.json", b.bin);
        Latencies lat;
        open_loop(server.requests, 50, open_s, 8, lat);
        b.open = lat.ms;
        b.open_failed = lat.failed.load();
    }
    if (o.day_only) levels.clear();
    for (int k : levels)
        for (Build& b : builds) {
            std::cerr << "hall-loadgen: issue: " << k << " kiosks, " << b.name << "\n";
            b.steps.push_back(fresh_closed_loop(b.bin, k, step_s));
        }
    for (Build& b : builds) {
        if (o.day_only) break;
        std::cerr << "hall-loadgen: issue: 64 kiosks for " << long_s << " s, " << b.name << "\n";
        b.sustained = fresh_closed_loop(b.bin, 64, long_s);
    }
    for (Build& b : builds) {
        std::cerr << "hall-loadgen: issue: cost as the day grows, " << b.name << "\n";
        b.costs = day_costs(b.bin, points);
    }
    const Build& now = builds[0];
    const Build* old = builds.size() > 1 ? &builds[1] : nullptr;
    std::ostringstream out;
    out << "## Durable ticket issue\n\n"
        << "`hall-loadgen issue" << (old ? " --old OLDER_HALLSERVER" : "") << "`: kiosks send `issue_ticket` to the real "
        << "hallserver under CURVE (SQLite WAL,\nsynchronous=FULL, every ticket committed before its reply) over ZeroMQ on loopback; "
           "the time\nruns from the request until the reply with the ticket and its wait estimate. Open loop: Poisson "
           "arrivals\nat 50/s for "
        << open_s << " s over 8 kiosk threads, timed from each arrival's scheduled instant. Closed loop: N\n"
        << "kiosks each sending its next request on the reply, " << step_s
        << " s per N, then 64 kiosks for " << long_s << " s, a fresh server\nand database (a fresh day) for each; "
           "sustained = the best whose p99 stayed ≤ "
        << kP99BoundMs << " ms with no failed request.\n"
        << (old ? "Every step ran against both hallserver builds, one right after the other, in one run; \"older\" is\n"
                  "the build given with --old, ratios are this build's figure over the older one's.\n"
                : "")
        << "\n| at 50 tickets/s offered | p50 | p95 | p99 | failed | goal |\n|---|---|---|---|---|---|\n";
    auto open_row = [&](Build b, const std::string& goal) {
        out << "| " << b.name << " (" << b.open.size() << " tickets) | " << ms(percentile(b.open, 50)) << " | "
            << ms(percentile(b.open, 95)) << " | " << ms(percentile(b.open, 99)) << " | " << b.open_failed << " | "
            << goal << " |\n";
    };
    double p99_now = percentile(builds[0].open, 99);
    double p99_old = old ? percentile(builds[1].open, 99) : 0;
    open_row(now, old ? "p99 not worse than older " + mark(p99_now <= p99_old) : "—");
    if (old) open_row(*old, "—");
    out << "\n| kiosks (closed loop) | tickets/s | p50 | p99 | failed | server CPU per ticket |"
        << (old ? " older: tickets/s | p50 | p99 | failed | server CPU per ticket | tickets/s ratio |" : "")
        << "\n|---|---|---|---|---|---|" << (old ? "---|---|---|---|---|---|" : "") << "\n";
    auto step_row = [&](const Step& s, const Step* o2, const std::string& label) {
        out << "| " << label << " | " << fmt("%.0f", s.rate) << " | " << ms(s.p50) << " | " << ms(s.p99) << " | "
            << s.failed << " | " << fmt("%.0f µs", s.cpu_us) << " |";
        if (o2)
            out << " " << fmt("%.0f", o2->rate) << " | " << ms(o2->p50) << " | " << ms(o2->p99) << " | " << o2->failed
                << " | " << fmt("%.0f µs", o2->cpu_us) << " | " << ratio(s.rate, o2->rate) << " |";
        out << "\n";
    };
    for (size_t i = 0; i < now.steps.size(); ++i)
        step_row(now.steps[i], old ? &old->steps[i] : nullptr, std::to_string(now.steps[i].kiosks) + " (" +
                                                                   fmt("%.0f", step_s) + " s)");
    step_row(now.sustained, old ? &old->sustained : nullptr, "64 (" + fmt("%.0f", long_s) + " s)");
    auto best = [&](const Build& b) {
        double r = b.sustained.ok() ? b.sustained.rate : 0;
        for (const Step& s : b.steps)
            if (s.ok()) r = std::max(r, s.rate);
        return r;
    };
    double long_rate = now.sustained.ok() ? now.sustained.rate : 0;
    out << "\n| sustained maximum (p99 ≤ " << kP99BoundMs << " ms) | " << (old ? "older | " : "") << "goal |\n|---|"
        << (old ? "---|" : "") << "---|\n| " << fmt("%.0f tickets/s", best(now)) << " | "
        << (old ? fmt("%.0f tickets/s", best(*old)) + " | " : "") << "≥ 300 tickets/s " << mark(best(now) >= 300)
        << " |\n| over " << fmt("%.0f", long_s) << " s, 64 kiosks: " << fmt("%.0f tickets/s", long_rate) << " | "
        << (old ? fmt("%.0f tickets/s", old->sustained.ok() ? old->sustained.rate : 0) + " | " : "")
        << "≥ 2,000 tickets/s " << mark(long_rate >= 2000) << " |\n\n"
        << "Cost of a request as the day grows: the day filled by 16 kiosks up to 50 tickets before the\n"
           "point, then 100 requests from one kiosk, one after the other (each its own commit and fsync), in\n"
           "5 rounds of 20; the server's CPU time per request (every thread, /proc/PID/task/*/schedstat) and\n"
           "the round trip's p50, each the median of the rounds.\n\n"
        << "| tickets of the day | CPU per request | round trip p50 |"
        << (old ? " older: CPU per request | round trip p50 | CPU ratio |" : "") << "\n|---|---|---|"
        << (old ? "---|---|---|" : "") << "\n";
    for (size_t i = 0; i < now.costs.size(); ++i) {
        const Cost& c = now.costs[i];
        out << "| " << c.at << " | " << fmt("%.0f µs", c.cpu_us) << " | " << ms(c.p50_ms) << " |";
        if (old)
            out << " " << fmt("%.0f µs", old->costs[i].cpu_us) << " | " << ms(old->costs[i].p50_ms) << " | "
                << ratio(c.cpu_us, old->costs[i].cpu_us) << " |";
        out << "\n";
    }
    out << "\nMachine: " << machine() << ". " << today() << ", numbers from one run.\n";
    return out.str();
}

}  // namespace loadgen
