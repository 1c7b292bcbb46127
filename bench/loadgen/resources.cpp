// resources.cpp - scenario 6: the server's CPU share and memory over a large hall's busiest half
// hour: 40 windows, 8 kiosks, 16 display processes, a morning peak of arrivals, lognormal service
// times. Simulated time runs `speed` times faster than real time (10× by default: 30 minutes in 3).
#include <unistd.h>

#include <cmath>
#include <random>
#include <sstream>
#include <thread>

#include "common.h"
#include "net/request_client.h"

namespace fs = std::filesystem;

namespace loadgen {

namespace {
constexpr int kWindows = 40, kKiosks = 8, kDisplays = 16, kQueues = 6;
double arrivals_per_hour(double minute, double minutes) {  // the morning peak: 300/h → 500/h → 300/h
    return 300 + 200 * std::sin(M_PI * minute / minutes);
}
}  // namespace

std::string run_resources(const Options& o) {
    const double speed = o.full ? 1 : 10, sim_minutes = o.quick ? 3 : 30;
    const double real_s = sim_minutes * 60 / speed;
    fs::path dir = fs::temp_directory_path() / ("hallq-loadgen-res-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_catalogue(dir / "hall.json", kWindows, kQueues);
    Server server(dir, dir / "hall.json");
    open_windows(server.requests, kWindows);
    Subscribers subs(server.events, kDisplays);
    hallq::RequestClient q(server.requests, "bench");
    auto seq_now = [&] {
        auto status = q.request("status");
        if (!status || !status->ok) die("no status");
        return status->body.value("seq", uint64_t(0));
    };
    uint64_t first_seq = seq_now();  // the displays hear what comes after

    // Arrivals: a Poisson process thinned to the peak's rate, in simulated seconds.
    std::mt19937_64 rng(7);
    std::vector<double> arrivals;
    {
        std::exponential_distribution<double> gap(500.0 / 3600);
        std::uniform_real_distribution<double> u(0, 1);
        for (double t = gap(rng); t < sim_minutes * 60; t += gap(rng))
            if (u(rng) < arrivals_per_hour(t / 60, sim_minutes) / 500) arrivals.push_back(t);
    }
    std::map<std::string, Latencies> lat;
    using M = hallq::MessageType;
    for (M op : {M::issue_ticket, M::call_next, M::start, M::finish}) lat[std::string(hallq::wire_name(op))];
    auto t0 = Clock::now() + std::chrono::milliseconds(100);
    auto real = [&](double sim_s) { return t0 + std::chrono::microseconds(int64_t(sim_s / speed * 1e6)); };
    auto end = real(sim_minutes * 60);
    auto timed = [&](hallq::RequestClient& c, hallq::MessageType message, const hallq::Json& body) {
        std::string type(hallq::wire_name(message));
        auto t = Clock::now();
        auto r = c.request(message, body);
        lat.at(type).add(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        if (!r) ++lat.at(type).failed;
        return r;
    };
    std::atomic<size_t> next{0};
    std::atomic<int> served{0};
    std::vector<std::thread> threads;
    for (int k = 0; k < kKiosks; ++k)
        threads.emplace_back([&, k] {
            hallq::RequestClient c(server.requests, "kiosk" + std::to_string(k));
            for (size_t i; (i = next++) < arrivals.size();) {
                std::this_thread::sleep_until(real(arrivals[i]));
                auto r = timed(c, hallq::MessageType::issue_ticket, {{"item", item_code(int(i % kQueues))}});
                if (r && !r->ok) ++lat.at(std::string(hallq::wire_name(hallq::MessageType::issue_ticket))).failed;
            }
        });
    for (int w = 1; w <= kWindows; ++w)
        threads.emplace_back([&, w] {
            hallq::RequestClient c(server.requests, "desk" + std::to_string(w));
            std::mt19937_64 r(static_cast<uint64_t>(w));
            std::lognormal_distribution<double> service(std::log(300.0), 0.5);  // median 5 min
            while (Clock::now() < end) {
                auto called = timed(c, hallq::MessageType::call_next, {{"window", w}});
                if (!called || !called->ok) {  // nobody waiting: look again in 5 simulated seconds
                    std::this_thread::sleep_for(std::chrono::microseconds(int64_t(5e6 / speed)));
                    continue;
                }
                std::string item = called->body["ticket"].value("item", std::string());
                // The citizen walks up; the service; both cut short when the half hour ends.
                auto later = [&](double sim_s) {
                    return std::min(end, Clock::now() + std::chrono::microseconds(int64_t(sim_s * 1e6 / speed)));
                };
                std::this_thread::sleep_until(later(20));
                timed(c, hallq::MessageType::start, {{"window", w}});
                std::this_thread::sleep_until(later(service(r)));
                hallq::Json body{{"window", w}};
                if (!item.empty()) body["items"] = {item};
                auto done = timed(c, hallq::MessageType::finish, body);
                if (done && done->ok) ++served;
            }
        });
    // The server, sampled every second.
    std::vector<ProcSample> samples;
    auto s0 = sample_proc(server.proc->pid);
    auto w0 = Clock::now();
    for (auto t = w0 + std::chrono::seconds(1); t <= end; t += std::chrono::seconds(1)) {
        std::this_thread::sleep_until(t);
        samples.push_back(sample_proc(server.proc->pid));
    }
    ProcSample last = sample_proc(server.proc->pid);
    double wall = std::chrono::duration<double>(Clock::now() - w0).count();
    for (auto& t : threads) t.join();
    uint64_t seq = seq_now();
    auto results = subs.finish(seq);
    double cpu = (last.cpu_s - s0.cpu_s) / wall * 100, rss_sum = 0, rss_max = 0;
    for (const auto& s : samples) {
        rss_sum += s.rss_mb;
        rss_max = std::max(rss_max, s.rss_mb);
    }
    double rss_mean = samples.empty() ? 0 : rss_sum / double(samples.size());
    uint64_t received = 0;
    for (const auto& r : results) received += r.distinct;
    uint64_t expected = (seq - first_seq) * kDisplays;

    std::ostringstream out;
    out << "## Server resources\n\n"
        << "`hall-loadgen resources`: a large hall's busiest half hour against the real hallserver — "
        << kWindows << " windows\n(clerk desks), " << kKiosks << " kiosks, " << kDisplays
        << " display subscriber processes; arrivals Poisson at 300/h rising to 500/h and back\n(a morning peak), "
           "lognormal service times (median 5 min, σ 0.5), 20 s from call to start. "
        << sim_minutes << " simulated\nminutes at " << speed << "× = " << fmt("%.0f", real_s)
        << " s real; the server's utime+stime (/proc/PID/stat) over the wall time and\nits VmRSS sampled every second. "
        << arrivals.size() << " tickets issued, " << served.load() << " served, " << seq - first_seq
        << " events; the displays received\n" << received << " of " << expected
        << " (events × displays). VmHWM includes the clerk logins before the half hour: each password\n"
           "check (libsodium, interactive limits) takes 64 MiB for a moment.\n\n"
        << "| server | value | goal |\n|---|---|---|\n"
        << "| CPU share (of one core) | " << fmt("%.2f %%", cpu) << " | ≤ 10 % " << mark(cpu <= 10) << " |\n"
        << "| VmRSS mean | " << fmt("%.1f MB", rss_mean) << " | — |\n"
        << "| VmRSS max | " << fmt("%.1f MB", rss_max) << " | ≤ 100 MB " << mark(rss_max <= 100) << " |\n"
        << "| VmHWM | " << fmt("%.1f MB", last.hwm_mb) << " | — |\n\n"
        << "| request (while measuring) | count | p50 | p99 | max | failed |\n|---|---|---|---|---|---|\n";
    for (auto& [op, l] : lat)
        out << "| " << op << " | " << l.ms.size() << " | " << fmt("%.2f ms", percentile(l.ms, 50)) << " | "
            << fmt("%.2f ms", percentile(l.ms, 99)) << " | " << fmt("%.2f ms", percentile(l.ms, 100)) << " | " << l.failed.load() << " |\n";
    out << "\nMachine: " << machine() << ". " << today() << ", numbers from one run.\n";
    fs::remove_all(dir);
    return out.str();
}

}  // namespace loadgen
