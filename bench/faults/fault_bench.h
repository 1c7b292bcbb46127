// fault_bench.h - the two fault scenarios of fault_bench and what they share.
#pragma once
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "../bench_common.h"
#include "line_process.h"

namespace hallq::bench {

// Percentiles of one run, in milliseconds.
struct Stats {
    std::vector<double> ms;
    double pct(double p);
    double max();
    std::string row(const std::string& name);  // "| name | p50 | p99 | max | n |"
};

// A hall server on a temporary database: the first start picks loopback ports, restarts reuse them.
struct Server {
    std::string dir, db, requests = "tcp://127.0.0.1:*", events = "tcp://127.0.0.1:*";
    std::unique_ptr<test::LineProcess> proc;
    Server();
    ~Server();
    // Starts hallserver and waits for its ready line; returns the µs from exec to that line.
    int64_t start();
    void kill9() { proc.reset(); }
};

[[noreturn]] void die(const std::string& why);  // SIGKILLs every child in g_children first
extern std::vector<pid_t> g_children;

struct StallOptions {
    int subscribers = 8;
    int stall_s = 10;
    int before_s = 3, after_s = 3;
};
// Scenario 3; prints its subsection. `self` is this program's path (its subscriber mode).
void run_stall(const std::string& self, const StallOptions& opt);

struct CrashOptions {
    int crashes = 100;
    int acks_per_round = 30;  // acknowledged requests after each restart before the next kill
};
// Scenario 4; prints its subsection.
void run_crash_loop(const CrashOptions& opt);

}  // namespace hallq::bench
