// server_process.cpp - fork/exec of hallserver with its stdout on a pipe.
#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <thread>

namespace hallq::test {

TempDir::TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("hallq-test-" + std::to_string(rd()) + std::to_string(getpid()));
    std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!std::getenv("HALLQ_KEEP_TEST_FILES")) std::filesystem::remove_all(path, ec);
}

ServerProcess::ServerProcess(std::filesystem::path db, std::string catalogue, bool demo_passwords)
    : db_(std::move(db)),
      catalogue_(catalogue.empty() ? std::string(HALLQ_TEST_DATA) + "/small-hall.json" : catalogue),
      demo_passwords_(demo_passwords) {}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) kill9();
}

void ServerProcess::start(std::vector<std::string> extra) {
    REQUIRE(pid_ <= 0);
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    std::vector<std::string> args = {HALLSERVER_BIN, "--db", db_.string(), "--catalogue", catalogue_,
                                     "--requests", requests_, "--events", events_};
    if (demo_passwords_) args.push_back("--demo-passwords");
    args.insert(args.end(), extra.begin(), extra.end());
    // Built before the fork: the child of a threaded process must not allocate before exec.
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string log_file = log_path();
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        dup2(fds[1], STDOUT_FILENO);
        int log = open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (log >= 0) dup2(log, STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (line.find('\n') == std::string::npos) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        REQUIRE(left.count() > 0);
        pollfd p{fds[0], POLLIN, 0};
        if (poll(&p, 1, int(left.count())) <= 0) continue;
        char buf[512];
        ssize_t n = read(fds[0], buf, sizeof buf);
        if (n <= 0) break;
        line.append(buf, size_t(n));
    }
    close(fds[0]);
    INFO("hallserver said: " << line << " (log " << log_path() << ")");
    REQUIRE(line.rfind("hallserver ready:", 0) == 0);
    auto field = [&](const std::string& key) {
        auto at = line.find(key + "=");
        REQUIRE(at != std::string::npos);
        auto end = line.find_first_of(" \n", at);
        return line.substr(at + key.size() + 1, end - at - key.size() - 1);
    };
    requests_ = field("requests");
    events_ = field("events");
}

void ServerProcess::kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

void ServerProcess::terminate() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

bool eventually(const std::function<bool()>& cond, const std::function<void()>& step,
                std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (cond()) return true;
        step();
    }
    return cond();
}

Reply must_reply(RequestClient& c, const std::string& type, const Json& body, const std::string& rid) {
    auto r = c.request(type, body, rid);
    INFO("request " << type << " " << body.dump());
    REQUIRE(r.has_value());
    return *r;
}

Json must_ok(RequestClient& c, const std::string& type, const Json& body) {
    Reply r = must_reply(c, type, body);
    INFO("request " << type << " " << body.dump() << " refused: " << to_string(r.error.code) << " "
                    << r.error.detail);
    REQUIRE(r.ok);
    return r.body;
}

int run_command(const std::string& cmd, std::string* out) {
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    char buf[4096];
    std::string text;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    int status = pclose(p);
    if (out) *out = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace hallq::test
