// curve.cpp - what CURVE costs: durable ticket issue at 50/s and call fan-out, each against the
// real hallserver under CURVE (every connection with the local admin key, so that no rate limit
// stands in the way) and with --bench-plain (no CURVE), one right after the other in one run.
#include <unistd.h>

#include <iostream>
#include <sstream>

#include "common.h"

namespace fs = std::filesystem;

namespace loadgen {

namespace {
struct Mode {
    const char* name;
    bool plain;
    std::vector<double> issue;  // ms
    int64_t issue_failed = 0;
    FanoutRun fanout;
};

std::vector<double> issue_at_50(bool plain, double seconds, int64_t& failed) {
    fs::path dir = fs::temp_directory_path() / ("hallq-loadgen-curve-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_catalogue(dir / "hall.json", 4, 26);
    std::vector<double> ms;
    {
        Server server(dir, dir / "hall.json", HALLSERVER_BIN, plain);
        Latencies lat;
        open_loop(server.requests, 50, seconds, 8, lat);
        ms = lat.ms;
        failed = lat.failed.load();
    }
    fs::remove_all(dir);
    return ms;
}

std::string ratio(double a, double b) { return b > 0 ? fmt("%.2f×", a / b) : "—"; }
}  // namespace

std::string run_curve(const Options& o) {
    const double issue_s = o.quick ? 4 : 20;
    const int windows = 40, displays = o.quick ? 8 : 32, calls = o.quick ? 1000 : 8000;
    const double rate = 400;
    std::vector<Mode> modes{{"without CURVE (--bench-plain)", true, {}, 0, {}}, {"with CURVE", false, {}, 0, {}}};
    for (Mode& m : modes) {
        std::cerr << "hall-loadgen: curve: ticket issue at 50/s, " << m.name << "\n";
        m.issue = issue_at_50(m.plain, issue_s, m.issue_failed);
    }
    for (Mode& m : modes) {
        std::cerr << "hall-loadgen: curve: fan-out, " << m.name << "\n";
        m.fanout = fanout_run(windows, 10, displays, calls, rate, m.plain);
    }
    Mode& plain = modes[0];
    Mode& curve = modes[1];
    double issue_ratio = percentile(curve.issue, 99) / std::max(1e-9, percentile(plain.issue, 99));
    double fan_ratio = percentile(curve.fanout.from_publish, 99) / std::max(1e-9, percentile(plain.fanout.from_publish, 99));
    std::ostringstream out;
    out << "## CURVE on the wire\n\n"
        << "`hall-loadgen curve`: what ZeroMQ CURVE (encryption and authentication of every connection,\n"
           "docs/security.md) costs, measured against the same hallserver started with `--bench-plain` (no\n"
           "CURVE; refused on anything but loopback), one right after the other in one run. Ticket issue:\n"
           "Poisson arrivals at 50/s for "
        << issue_s << " s over 8 kiosk threads, timed from each arrival's scheduled instant to the\n"
        << "reply (each ticket committed first), a fresh server for each. Fan-out: " << windows << " desks make " << calls
        << " calls at " << rate << "/s\n(`call_next`, then `no_show`) to " << displays
        << " display subscriber processes; publish → reception over every (call × display).\n\n"
        << "| | p50 | p95 | p99 | failed / delivered | CURVE ÷ plain at p99 | goal |\n|---|---|---|---|---|---|---|\n";
    for (Mode& m : modes)
        out << "| ticket issue at 50/s, " << m.name << " | " << fmt("%.2f ms", percentile(m.issue, 50)) << " | "
            << fmt("%.2f ms", percentile(m.issue, 95)) << " | " << fmt("%.2f ms", percentile(m.issue, 99)) << " | "
            << m.issue_failed << " failed | "
            << (m.plain ? std::string("—") : ratio(percentile(curve.issue, 99), percentile(plain.issue, 99))) << " | "
            << (m.plain ? std::string("—") : "≤ 1.2× " + mark(issue_ratio <= 1.2 && m.issue_failed == 0)) << " |\n";
    for (Mode& m : modes)
        out << "| call fan-out, " << m.name << " | " << fmt("%.2f ms", percentile(m.fanout.from_publish, 50)) << " | "
            << fmt("%.2f ms", percentile(m.fanout.from_publish, 95)) << " | "
            << fmt("%.2f ms", percentile(m.fanout.from_publish, 99)) << " | " << m.fanout.delivered << " of "
            << m.fanout.expected << " | "
            << (m.plain ? std::string("—")
                        : ratio(percentile(curve.fanout.from_publish, 99), percentile(plain.fanout.from_publish, 99)))
            << " | "
            << (m.plain ? std::string("—")
                        : "≤ 1.2× " + mark(fan_ratio <= 1.2 && m.fanout.delivered == m.fanout.expected))
            << " |\n";
    out << "\nMachine: " << machine() << ". " << today() << ", numbers from one run.\n";
    return out.str();
}

}  // namespace loadgen
