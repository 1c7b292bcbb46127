// common.cpp - child processes, the generated catalogue, /proc sampling.
#include "common.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "net/device_key.h"
#include "protocol/json.h"

extern char** environ;
namespace fs = std::filesystem;

namespace loadgen {

namespace {
std::mutex g_children_m;
std::vector<pid_t> g_children;  // killed by die(): exit() runs no destructors of locals
}  // namespace

int64_t mono_us() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

void die(const std::string& why) {
    std::cerr << "hall-loadgen: " << why << "\n";
    {
        std::lock_guard<std::mutex> l(g_children_m);
        for (pid_t p : g_children) kill(p, SIGKILL);
    }
    std::_Exit(1);
}

Child::Child(std::vector<std::string> args, bool quiet_stderr) {
    int o[2], i[2];
    if (pipe2(o, O_CLOEXEC) != 0 || pipe2(i, O_CLOEXEC) != 0) die("pipe");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    std::lock_guard<std::mutex> l(g_children_m);
    pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) {
        dup2(o[1], 1);
        dup2(i[0], 0);
        if (quiet_stderr) dup2(devnull, 2);
        execve(argv[0], argv.data(), environ);
        _exit(127);
    }
    g_children.push_back(pid);
    close(devnull);
    close(o[1]);
    close(i[0]);
    out = o[0];
    in = i[1];
}

Child::~Child() {
    if (in >= 0) close(in);
    if (pid > 0) {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
        std::lock_guard<std::mutex> l(g_children_m);
        g_children.erase(std::remove(g_children.begin(), g_children.end(), pid), g_children.end());
    }
    if (out >= 0) close(out);
}

std::string Child::line(int limit_ms) {
    auto deadline = Clock::now() + std::chrono::milliseconds(limit_ms);
    for (;;) {
        size_t nl = buffer.find('\n');
        if (nl != std::string::npos) {
            std::string l = buffer.substr(0, nl);
            buffer.erase(0, nl + 1);
            return l;
        }
        int left = int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
        pollfd p{out, POLLIN, 0};
        if (left <= 0 || poll(&p, 1, left) != 1) die("timed out waiting for a line from pid " + std::to_string(pid));
        char buf[65536];
        ssize_t n = read(out, buf, sizeof buf);
        if (n <= 0) die("pid " + std::to_string(pid) + " ended early");
        buffer.append(buf, size_t(n));
    }
}

std::string Child::line_with(const std::string& text, int limit_ms) {
    for (;;) {
        std::string l = line(limit_ms);
        if (l.find(text) != std::string::npos) return l;
    }
}

std::string Child::rest(int limit_ms) {
    auto deadline = Clock::now() + std::chrono::milliseconds(limit_ms);
    for (;;) {
        int left = int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
        pollfd p{out, POLLIN, 0};
        if (left <= 0 || poll(&p, 1, left) != 1) die("timed out reading pid " + std::to_string(pid));
        char buf[65536];
        ssize_t n = read(out, buf, sizeof buf);
        if (n < 0) die("read");
        if (n == 0) break;
        buffer.append(buf, size_t(n));
    }
    std::string all;
    all.swap(buffer);
    return all;
}

void Child::send(const std::string& text) {
    if (write(in, text.data(), text.size()) != ssize_t(text.size())) die("write to a child");
}

std::string clerk_id(int window) {
    char b[16];
    std::snprintf(b, sizeof b, "c%03d", window);
    return b;
}
char queue_letter(int queue) { return char('A' + queue); }
std::string item_code(int queue) { return std::string("L-") + queue_letter(queue); }

void write_catalogue(const fs::path& path, int windows, int queues) {
    using hallq::Json;
    Json q = Json::array(), items = Json::array(), w = Json::array(), clerks = Json::array(), profile = Json::array();
    for (int i = 0; i < queues; ++i) {
        std::string letter(1, queue_letter(i));
        q.push_back({{"letter", letter}, {"name", "队列" + letter}, {"name_en", "Queue " + letter}});
        items.push_back({{"code", item_code(i)}, {"name", "事项" + letter}, {"type", "01"}, {"department", "ZH"},
                         {"mode", "instant"}, {"promised_days", 0}, {"complexity", "general"},
                         {"service_minutes", 6}, {"queue", letter}, {"materials", {"居民身份证"}}});
        profile.push_back(letter);
    }
    for (int i = 1; i <= windows; ++i) {
        w.push_back({{"number", i}, {"name", "窗口" + std::to_string(i)}, {"kind", "comprehensive"}, {"profile", profile}});
        clerks.push_back({{"id", clerk_id(i)}, {"name", "办事员" + std::to_string(i)}});
    }
    Json cat{{"hall", {{"name", "压力测试大厅"}, {"area_code", "610702"}}},
             {"departments", {{{"code", "ZH"}, {"name", "综合"}}}},
             {"queues", q}, {"items", items}, {"windows", w}, {"clerks", clerks}};
    std::ofstream(path) << cat.dump(2);
}

namespace {
std::string endpoint(const std::string& ready, const std::string& key) {
    size_t at = ready.find(key + "=");
    if (at == std::string::npos) die("no " + key + " in: " + ready);
    at += key.size() + 1;
    return ready.substr(at, ready.find(' ', at) - at);
}
}  // namespace

namespace {
std::string g_subscriber_key = "plain";
}

const std::string& subscriber_key() { return g_subscriber_key; }

Server::Server(const fs::path& d, const fs::path& catalogue, const std::string& binary, bool plain) : dir(d) {
    std::vector<std::string> args{binary, "--catalogue", catalogue.string(), "--db", (dir / "hall.db").string(),
                                  "--requests", "tcp://127.0.0.1:*", "--events", "tcp://127.0.0.1:*", "--log-level", "warn",
                                  "--demo-passwords"};
    if (plain) args.push_back("--bench-plain");
    proc = new Child(args);
    std::string ready = proc->line_with("hallserver ready", 120000);
    requests = endpoint(ready, "requests");
    events = endpoint(ready, "events");
    if (plain || ready.find(" admin_key=") == std::string::npos) {
        key_arg = "plain";
        hallq::set_device_key(hallq::DeviceKey{"admin", "", "", ""});  // no CURVE (net/zmq_context.h)
    } else {
        key_arg = endpoint(ready, "admin_key");
        hallq::set_device_key(hallq::read_device_key(key_arg));
    }
    g_subscriber_key = key_arg;
}

Server::~Server() { delete proc; }

std::string self_exe() { return fs::read_symlink("/proc/self/exe").string(); }

std::string fmt(const char* f, double a) {
    char b[64];
    std::snprintf(b, sizeof b, f, a);
    return b;
}

ProcSample sample_proc(pid_t pid) {
    ProcSample s;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string all((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    size_t close_paren = all.rfind(')');
    if (close_paren != std::string::npos) {
        std::istringstream rest(all.substr(close_paren + 2));
        std::string f;
        std::vector<std::string> fields;
        while (rest >> f) fields.push_back(f);
        // fields[0] is the state (field 3); utime and stime are fields 14 and 15.
        if (fields.size() > 13) s.cpu_s = double(std::stoll(fields[11]) + std::stoll(fields[12])) / double(sysconf(_SC_CLK_TCK));
    }
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string l; std::getline(status, l);) {
        if (l.rfind("VmRSS:", 0) == 0) s.rss_mb = std::stod(l.substr(6)) / 1024.0;
        if (l.rfind("VmHWM:", 0) == 0) s.hwm_mb = std::stod(l.substr(6)) / 1024.0;
    }
    return s;
}

int64_t cpu_ns(pid_t pid) {
    int64_t sum = 0;
    for (const auto& task : fs::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
        std::ifstream in(task.path() / "schedstat");
        int64_t ns = 0;
        if (in >> ns) sum += ns;
    }
    return sum;
}

std::string mark(bool pass) { return pass ? "✅ pass" : "❌ fail"; }

}  // namespace loadgen
