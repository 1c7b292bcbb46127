// fault_bench.cpp - a stalled display and a crash loop, against the real hallserver.
//
//   fault_bench [--subscribers N] [--stall S] [--crashes C]   prints the "## Faults…" section
//   fault_bench subscribe REQUESTS EVENTS                      a display subscriber (a Replica):
//       "synced seq=N mono_us=T" after each snapshot, "ev seq=N mono_us=T" per applied event.
#include "fault_bench.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>

#include "hall_load.h"
#include "net/device_key.h"
#include "net/replica.h"

namespace fs = std::filesystem;

namespace hallq::bench {

std::vector<pid_t> g_children;

void die(const std::string& why) {
    std::cerr << "fault_bench: " << why << "\n";
    for (pid_t p : g_children) kill(p, SIGKILL);  // exit() runs no destructors of locals
    std::exit(1);
}

double Stats::pct(double p) { return percentile(ms, p); }
double Stats::max() { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
std::string Stats::row(const std::string& name) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "| %s | %.1f ms | %.1f ms | %.1f ms | %zu |", name.c_str(), pct(50), pct(99), max(),
                  ms.size());
    return buf;
}

Server::Server() {
    std::random_device rd;
    dir = (fs::temp_directory_path() / ("hallq-fault-" + std::to_string(getpid()) + "-" + std::to_string(rd())))
              .string();
    fs::create_directories(dir);
    db = dir + "/hall.db";
}

Server::~Server() {
    proc.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
}

int64_t Server::start() {
    std::vector<std::string> args = {HALLSERVER_BIN, "--catalogue", HALLQ_TEST_DATA "/small-hall.json", "--db", db,
                                     "--requests", requests, "--events", events, "--log-level", "warn",
                                     "--demo-passwords"};
    int64_t t0 = test::mono_us();
    proc = std::make_unique<test::LineProcess>(args, dir + "/server.log");
    g_children.push_back(proc->pid());
    auto ready = proc->line_with("hallserver ready", std::chrono::seconds(30));
    if (!ready) die("hallserver did not start (log " + dir + "/server.log)");
    int64_t t1 = test::mono_us();
    requests = test::line_field(*ready, "requests");
    events = test::line_field(*ready, "events");
    // Every client of the bench (and the subscriber processes started later) uses the local admin key.
    std::string admin = test::line_field(*ready, "admin_key");
    ::setenv("HALLQ_DEVICE_KEY", admin.c_str(), 1);
    set_device_key(read_device_key(admin));
    return t1 - t0;
}

}  // namespace hallq::bench

namespace {
int subscribe(const std::string& req, const std::string& ev) {
    hallq::Replica replica(req, ev, "fault-display");
    replica.on_event = [&](const hallq::Event&, const hallq::Json& wire) {
        std::printf("ev seq=%llu mono_us=%lld\n", (unsigned long long)wire.value("seq", uint64_t(0)),
                    (long long)hallq::test::mono_us());
        std::fflush(stdout);
    };
    replica.on_resync = [&] {
        std::printf("synced seq=%llu mono_us=%lld\n", (unsigned long long)replica.seq(),
                    (long long)hallq::test::mono_us());
        std::fflush(stdout);
    };
    for (;;) replica.poll(std::chrono::milliseconds(200));  // until killed
}
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> a(argv + 1, argv + argc);
    if (a.size() == 3 && a[0] == "subscribe") return subscribe(a[1], a[2]);
    hallq::bench::StallOptions stall;
    hallq::bench::CrashOptions crash;
    for (size_t i = 0; i + 1 < a.size(); i += 2) {
        int v = std::atoi(a[i + 1].c_str());
        if (a[i] == "--subscribers") stall.subscribers = std::max(2, v);
        else if (a[i] == "--stall") stall.stall_s = v;
        else if (a[i] == "--crashes") crash.crashes = v;
        else hallq::bench::die("unknown option " + a[i]);
    }
    std::string self = fs::read_symlink("/proc/self/exe").string();
    std::cout << "## Faults: a stalled display and a crash loop\n\n";
    hallq::bench::run_stall(self, stall);
    hallq::bench::run_crash_loop(crash);
    std::cout << "Machine: " << hallq::bench::machine() << "; the real hallserver (SQLite WAL, synchronous=FULL) and ZeroMQ over loopback; "
              << "one run.\n";
    return 0;
}
