// gui_process.cpp - Xvfb and app processes for the GUI tests.
#include "gui_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hallq::test {

namespace {
void stop(pid_t pid) {
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    for (int i = 0; i < 300; ++i) {  // up to 3 s for a clean exit, then force
        if (waitpid(pid, nullptr, WNOHANG) == pid) return;
        usleep(10000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

std::vector<char*> c_args(std::vector<std::string>& args) {
    std::vector<char*> out;
    for (auto& a : args) out.push_back(a.data());
    out.push_back(nullptr);
    return out;
}
}  // namespace

std::string artifacts_dir() {
    std::string dir = std::string(HALLQ_TEST_ARTIFACTS);
    std::filesystem::create_directories(dir);
    return dir;
}

VirtualScreen::VirtualScreen(const std::string& geometry) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    std::vector<std::string> args = {"Xvfb", "-displayfd", std::to_string(fds[1]), "-screen", "0", geometry,
                                     "-nolisten", "tcp", "-noreset"};
    auto argv = c_args(args);
    std::string log = artifacts_dir() + "/xvfb.log";
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        close(fds[0]);
        int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(out, 2);
        execvp("Xvfb", argv.data());
        _exit(127);
    }
    close(fds[1]);
    pollfd p{fds[0], POLLIN, 0};
    REQUIRE(poll(&p, 1, 20000) == 1);
    char buf[32] = {};
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    display_fd_ = fds[0];  // kept open: Xvfb may write its number again, and dies if it cannot
    REQUIRE(n > 0);
    display_ = ":" + std::string(buf, size_t(n)).substr(0, std::string(buf, size_t(n)).find('\n'));
}

VirtualScreen::~VirtualScreen() {
    stop(pid_);
    if (display_fd_ >= 0) close(display_fd_);
}

VirtualScreen& VirtualScreen::shared() {
    static VirtualScreen screen("1920x1080x24");
    return screen;
}

std::string VirtualScreen::screenshot(const std::string& name, int width, int height) const {
    std::string path = artifacts_dir() + "/" + name + ".png";
    std::string crop = width ? " -crop " + std::to_string(width) + "x" + std::to_string(height) + "+0+0" : "";
    std::string cmd = "DISPLAY=" + display_ + " import -window root" + crop + " '" + path + "' 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return path;
}

AppProcess::AppProcess(const std::string& binary, const std::vector<std::string>& args, const std::string& display,
                       const std::map<std::string, std::string>& env) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    char tmpl[] = "/tmp/hallq-app-err-XXXXXX";
    int err = mkstemp(tmpl);
    REQUIRE(err >= 0);
    err_path_ = tmpl;
    // Everything the child needs is built here: between fork and exec a threaded process may
    // not allocate (another thread may hold the allocator's lock at the fork).
    std::vector<std::string> all = {binary};
    all.insert(all.end(), args.begin(), args.end());
    std::map<std::string, std::string> vars = env;
    vars["DISPLAY"] = display;
    vars["NO_AT_BRIDGE"] = "1";  // no accessibility bus on a virtual screen
    std::vector<std::string> envs;
    for (char** e = environ; *e; ++e) {
        std::string kv = *e;
        if (!vars.count(kv.substr(0, kv.find('=')))) envs.push_back(kv);
    }
    for (const auto& [k, v] : vars) envs.push_back(k + "=" + v);
    auto argv = c_args(all);
    auto envp = c_args(envs);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        dup2(err, 2);
        execve(binary.c_str(), argv.data(), envp.data());
        _exit(127);
    }
    close(fds[1]);
    close(err);
    out_ = fds[0];
}

AppProcess::~AppProcess() {
    stop(pid_);
    if (out_ >= 0) close(out_);
    std::error_code ec;
    std::filesystem::remove(err_path_, ec);
}

std::string AppProcess::stderr_text() const {
    std::ifstream in(err_path_);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

namespace {
// The kind of a state line ("view ", "screen ", "window screen "), or empty for an event line.
std::string state_kind(const std::string& line) {
    for (const char* kind : {"view ", "screen ", "window screen "})
        if (line.rfind(kind, 0) == 0) return kind;
    return "";
}
}  // namespace

std::string AppProcess::wait_for(const std::string& text, std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        std::map<std::string, size_t> newest;  // the index of the newest line of each state kind
        for (size_t i = 0; i < lines_.size(); ++i)
            if (auto kind = state_kind(lines_[i]); !kind.empty()) newest[kind] = i;
        for (size_t i = 0; i < lines_.size(); ++i) {
            auto kind = state_kind(lines_[i]);
            if (!kind.empty() && newest[kind] != i) continue;  // superseded: no longer on screen
            if (!used_[i] && lines_[i].find(text) != std::string::npos) {
                used_[i] = true;
                return lines_[i];
            }
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return "";
        pollfd p{out_, POLLIN, 0};
        if (poll(&p, 1, int(left.count())) != 1) return "";
        char buf[4096];
        ssize_t n = read(out_, buf, sizeof buf);
        if (n <= 0) return "";  // the app exited
        buffer_.append(buf, size_t(n));
        for (size_t nl; (nl = buffer_.find('\n')) != std::string::npos;) {
            lines_.push_back(buffer_.substr(0, nl));
            used_.push_back(false);
            buffer_.erase(0, nl + 1);
        }
    }
}

std::string expect_line(AppProcess& app, const std::string& text, std::chrono::seconds limit) {
    std::string line = app.wait_for(text, limit);
    if (line.empty()) {
        std::string out = "stdout:\n";
        for (const auto& l : app.seen()) out += "  " + l + "\n";
        FAIL("no line \"" << text << "\" from the app\n" << out << "stderr:\n" << app.stderr_text());
    }
    return line;
}

}  // namespace hallq::test
