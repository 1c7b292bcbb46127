// display_latency.cpp - call → frame shown and call → first audio sample on the main hall screen.
//
// Starts the real hallserver (temp database, loopback), a virtual X screen (Xvfb) and hall-display
// with ALSA's default output redirected into a file, then makes calls one at a time: the clock
// starts when the call request is sent, the frame time is when the screen has drawn the call
// (its --trace line, stamped on the monotonic clock inside the app after painting), the audio
// time is the PortAudio callback's outputBufferDacTime of the announcement's first sample.
// Prints the "## Call to screen and voice" section of bench/RESULTS.md.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "alsa_file_config.h"
#include "bench_common.h"
#include "net/device_key.h"
#include "net/request_client.h"
#include "protocol/messages.h"

extern char** environ;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {
std::vector<pid_t> g_children;  // stopped by die() too: exit() runs no destructors of locals

[[noreturn]] void die(const std::string& why) {
    std::cerr << "display_latency: " << why << "\n";
    for (pid_t p : g_children) kill(p, SIGKILL);
    std::exit(1);
}

// A child process with its stdout on a pipe; argv/envp built before the fork.
struct Child {
    pid_t pid = -1;
    int out = -1;
    std::string buffer;
    Child(std::vector<std::string> args, const std::map<std::string, std::string>& env, bool quiet_stderr) {
        int fds[2];
        if (pipe(fds) != 0) die("pipe");
        std::vector<std::string> envs;
        for (char** e = environ; *e; ++e) {
            std::string kv = *e;
            if (!env.count(kv.substr(0, kv.find('=')))) envs.push_back(kv);
        }
        for (const auto& [k, v] : env) envs.push_back(k + "=" + v);
        std::vector<char*> argv, envp;
        for (auto& a : args) argv.push_back(a.data());
        for (auto& e : envs) envp.push_back(e.data());
        argv.push_back(nullptr);
        envp.push_back(nullptr);
        pid = fork();
        if (pid > 0) g_children.push_back(pid);
        if (pid == 0) {
            dup2(fds[1], 1);
            if (quiet_stderr) dup2(open("/dev/null", O_WRONLY), 2);
            close(fds[0]);
            execve(argv[0], argv.data(), envp.data());
            _exit(127);
        }
        close(fds[1]);
        out = fds[0];
    }
    ~Child() {
        if (pid > 0) {
            kill(pid, SIGTERM);
            waitpid(pid, nullptr, 0);
        }
        if (out >= 0) close(out);
    }
    std::vector<std::string> pending;  // lines not asked for yet (threads print in either order)
    // The first line containing `text`, taken out of what was read; dies after `limit_ms`.
    std::string line_with(const std::string& text, int limit_ms = 20000) {
        auto deadline = Clock::now() + std::chrono::milliseconds(limit_ms);
        for (;;) {
            for (size_t nl; (nl = buffer.find('\n')) != std::string::npos;) {
                pending.push_back(buffer.substr(0, nl));
                buffer.erase(0, nl + 1);
            }
            for (auto it = pending.begin(); it != pending.end(); ++it)
                if (it->find(text) != std::string::npos) {
                    std::string line = *it;
                    pending.erase(it);
                    return line;
                }
            int left = int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
            pollfd p{out, POLLIN, 0};
            if (left <= 0 || poll(&p, 1, left) != 1) die("timed out waiting for \"" + text + "\"");
            char buf[4096];
            ssize_t n = read(out, buf, sizeof buf);
            if (n <= 0) die("process ended while waiting for \"" + text + "\"");
            buffer.append(buf, size_t(n));
        }
    }
};

int64_t field(const std::string& line, const std::string& key) {
    size_t at = line.find(key + "=");
    if (at == std::string::npos) die("no " + key + " in: " + line);
    return std::stoll(line.substr(at + key.size() + 1));
}

std::string endpoint(const std::string& ready, const std::string& key) {
    size_t at = ready.find(key + "=") + key.size() + 1;
    return ready.substr(at, ready.find(' ', at) - at);
}

struct Stats {
    std::vector<double> ms;
    double pct(double p) { return hallq::bench::percentile(ms, p); }
    std::string row(const std::string& name) {
        char buf[256];
        std::snprintf(buf, sizeof buf, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |", name.c_str(), pct(50), pct(95),
                      pct(99), *std::max_element(ms.begin(), ms.end()));
        return buf;
    }
};
}  // namespace

int main(int argc, char** argv) {
    int calls = argc > 1 ? std::atoi(argv[1]) : 200;
    fs::path dir = fs::temp_directory_path() / ("hallq-bench-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "asound.conf") << hallq::test::alsa_file_config((dir / "out.raw").string());
    Child server({HALLSERVER_BIN, "--catalogue", HALLQ_TEST_DATA "/small-hall.json", "--db", (dir / "hall.db").string(),
                  "--requests", "tcp://127.0.0.1:*", "--events", "tcp://127.0.0.1:*", "--log-level", "warn",
                  "--demo-passwords"},
                 {}, true);
    std::string ready = server.line_with("hallserver ready");
    std::string req = endpoint(ready, "requests"), ev = endpoint(ready, "events");
    std::string admin_key = endpoint(ready, "admin_key");  // the display and the desk connect as the local admin
    hallq::set_device_key(hallq::read_device_key(admin_key));

    int fds[2];
    if (pipe(fds) != 0) die("pipe");
    Child xvfb({"/usr/bin/Xvfb", "-displayfd", std::to_string(fds[1]), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"},
               {}, true);
    close(fds[1]);
    char num[16] = {};
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, 20000) != 1 || read(fds[0], num, sizeof num - 1) <= 0) die("Xvfb did not start");
    std::string display = ":" + std::string(num).substr(0, std::string(num).find('\n'));

    Child app({HALL_DISPLAY_BIN, "--trace", "--size", "1920x1080", "--server", req, "--events", ev, "--template",
               "{chime}请{ticket}号到{window}号窗口", "--repeat", "1", "--device-key", admin_key},
              {{"DISPLAY", display}, {"NO_AT_BRIDGE", "1"}, {"ALSA_CONFIG_PATH", (dir / "asound.conf").string()},
               {"JACK_NO_START_SERVER", "1"}},
              true);
    app.line_with("connection restored");

    hallq::RequestClient desk(req, "bench-desk");
    const int windows = 2;
    for (int w = 1; w <= windows; ++w) {
        desk.request(hallq::MessageType::clerk_login, hallq::Json{{"window", w}, {"clerk", "c0" + std::to_string(w)}, {"password", "hallq2026"}});
        desk.request("window_open", hallq::Json{{"window", w}});
    }
    Stats commit, frame, voice;
    for (int i = 0; i < calls + 5; ++i) {
        int w = 1 + i % windows;
        desk.request(hallq::MessageType::issue_ticket, hallq::Json{{"queue", "A"}});
        desk.request(hallq::MessageType::no_show, hallq::Json{{"window", w}});  // frees the window (refused when idle)
        auto t0 = Clock::now();
        auto reply = desk.request(hallq::MessageType::call_next, hallq::Json{{"window", w}});
        auto t1 = Clock::now();
        if (!reply || !reply->ok) die("call refused");
        std::string number = reply->body["ticket"]["number"].get<std::string>();
        int64_t start = std::chrono::duration_cast<std::chrono::microseconds>(t0.time_since_epoch()).count();
        int64_t shown = field(app.line_with("shown call " + number + " "), "mono_us");
        int64_t spoken = field(app.line_with("announced " + number + " "), "mono_us");
        if (i < 5) continue;  // warm-up
        commit.ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        frame.ms.push_back(double(shown - start) / 1000.0);
        voice.ms.push_back(double(spoken - start) / 1000.0);
    }
    std::cout << "## Call to screen and voice\n\n"
              << "A call made at a clerk desk (`call_next` request sent) until the main hall screen has drawn it\n"
                 "(hall-display's trace line, stamped after painting) and until the first sample of its\n"
                 "announcement reached the output (PortAudio's `outputBufferDacTime`). "
              << calls << " calls one at a time,\nafter 5 warm-up calls; the real hallserver (SQLite, synchronous=FULL), ZeroMQ over loopback,\n"
                 "hall-display on Xvfb at 1920×1080, ALSA's default output redirected into a file.\n\n"
              << "| from the call request | p50 | p95 | p99 | max |\n|---|---|---|---|---|\n"
              << commit.row("reply (committed)") << "\n"
              << frame.row("frame shown") << "\n"
              << voice.row("first audio sample") << "\n\n"
              << "Machine: " << hallq::bench::machine() << "; one run.\n";
    fs::remove_all(dir);
    return 0;
}
