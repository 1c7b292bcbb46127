// common.h - hall-loadgen's shared parts: child processes (the real hallserver, subscriber
// processes), a generated catalogue, latency statistics and /proc sampling.
#pragma once
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "../bench_common.h"

namespace loadgen {

using hallq::bench::machine;
using hallq::bench::percentile;
using hallq::bench::today;

using Clock = std::chrono::steady_clock;

// Microseconds on CLOCK_MONOTONIC (what steady_clock reads on Linux, and what the server stamps
// into published events as "mono_us").
int64_t mono_us();

[[noreturn]] void die(const std::string& why);

// A child process with its stdin and stdout on pipes; argv built before the fork. Killed (SIGKILL)
// by die(), terminated (SIGTERM) and reaped by the destructor.
struct Child {
    pid_t pid = -1;
    int in = -1, out = -1;
    std::string buffer;
    explicit Child(std::vector<std::string> args, bool quiet_stderr = true);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    // The next line read from stdout (without '\n'); dies after `limit_ms` or at EOF.
    std::string line(int limit_ms = 60000);
    // The first line containing `text`, skipping others.
    std::string line_with(const std::string& text, int limit_ms = 60000);
    // Everything up to EOF.
    std::string rest(int limit_ms = 120000);
    void send(const std::string& text);  // to stdin
};

// A catalogue JSON with `queues` queues (letters A…), one item per queue, `windows` windows each
// serving every queue and clerks c001… (one per window), written to `path`.
void write_catalogue(const std::filesystem::path& path, int windows, int queues);
std::string clerk_id(int window);
std::string item_code(int queue);
char queue_letter(int queue);

// The real hallserver on loopback ports with a temp database, demo passwords; `binary` is the
// hallserver built with this program unless given (an older build, to compare). Every client of
// this process (and the subscriber processes) connects with the server's local admin key (the
// ready line's admin_key) under CURVE; with `plain` the server runs with --bench-plain (no
// CURVE), to measure what CURVE costs. A build from before CURVE is run plain too.
struct Server {
    std::filesystem::path dir;
    Child* proc = nullptr;
    std::string requests, events;
    std::string key_arg;  // for subscriber processes: the admin key file, or "plain"
    Server(const std::filesystem::path& dir, const std::filesystem::path& catalogue,
           const std::string& binary = HALLSERVER_BIN, bool plain = false);
    ~Server();
};
// The key argument of the last server started (Server::key_arg).
const std::string& subscriber_key();

// CPU time of a process so far, every thread, in nanoseconds (/proc/PID/task/*/schedstat).
int64_t cpu_ns(pid_t pid);

// A hall-loadgen child in "subscribe" mode (fanout.cpp).
std::string self_exe();

struct Latencies {
    std::mutex m;
    std::vector<double> ms;
    std::atomic<int64_t> failed{0};
    void add(double v) {
        std::lock_guard<std::mutex> l(m);
        ms.push_back(v);
    }
};
std::string fmt(const char* f, double a);

// Resource usage of a process over time (sampled from /proc/<pid>).
struct ProcSample {
    double cpu_s = 0;  // utime + stime
    double rss_mb = 0, hwm_mb = 0;
};
ProcSample sample_proc(pid_t pid);

std::string mark(bool pass);

struct Options {
    bool quick = false;
    bool full = false;
    std::string server = HALLSERVER_BIN;  // issue: the hallserver to measure
    std::string old_server;  // issue: an older hallserver run beside it, step by step
    bool day_only = false;   // issue: only the cost of a request as the day grows (for profiling)
    int calls = 0, displays = 0;  // fanout: overrides of the defaults when > 0
};

// Logs in clerk c00N at window N and opens it, for windows 1…n (several at a time).
void open_windows(const std::string& requests, int n);

// D display subscribers, each a `hall-loadgen subscribe` child process.
struct Subscribers {
    std::vector<std::unique_ptr<Child>> procs;
    // Returns when every one heard a heartbeat. `key`: an admin key file or "plain".
    Subscribers(const std::string& events, int n, const std::string& key = subscriber_key());
    struct Call {
        uint64_t seq;
        int64_t server_us, received_us;
    };
    struct Result {
        uint64_t events = 0, distinct = 0, max_seq = 0;
        std::vector<Call> calls;
    };
    // Asks each to wait for sequence `until`, then collects what each received.
    std::vector<Result> finish(uint64_t until);
};

// Open loop: Poisson arrivals at `rate` per second for `seconds`, over `kiosks` threads, each
// latency from the arrival's scheduled instant to the reply (issue.cpp).
void open_loop(const std::string& ep, double rate, double seconds, int kiosks, Latencies& lat);

// One fan-out run (fanout.cpp): `windows` desks make `calls` calls at `rate`/s to `displays`
// subscriber processes; latencies in ms over every (call × display) delivery.
struct FanoutRun {
    std::vector<double> from_publish, from_request;
    size_t delivered = 0, expected = 0;
    double wall_s = 0;
};
FanoutRun fanout_run(int windows, int queues, int displays, int calls, double rate, bool plain);

std::string run_issue(const Options& o);
std::string run_curve(const Options& o);
std::string run_fanout(const Options& o);
std::string run_resources(const Options& o);
int subscribe_main(int argc, char** argv);

}  // namespace loadgen
