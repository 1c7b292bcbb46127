// line_process.cpp - fork/exec with stdout on a pipe, read with poll().
#include "line_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace hallq::test {

LineProcess::LineProcess(std::vector<std::string> args, const std::string& stderr_file) {
    int fds[2];
    if (args.empty() || pipe(fds) != 0) throw std::runtime_error("LineProcess: no command or no pipe");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string err = stderr_file.empty() ? "/dev/null" : stderr_file;
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("LineProcess: fork failed");
    if (pid_ == 0) {
        dup2(fds[1], STDOUT_FILENO);
        int e = open(err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (e >= 0) dup2(e, STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
}

LineProcess::~LineProcess() {
    kill9();
    if (out_ >= 0) close(out_);
}

std::optional<std::string> LineProcess::next_line(std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        size_t nl = buffer_.find('\n');
        if (nl != std::string::npos) {
            std::string line = buffer_.substr(0, nl);
            buffer_.erase(0, nl + 1);
            return line;
        }
        if (eof_) return std::nullopt;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        pollfd p{out_, POLLIN, 0};
        int r = poll(&p, 1, int(left.count()));
        if (r < 0 && errno != EINTR) return std::nullopt;
        if (r <= 0) continue;
        char buf[8192];
        ssize_t n = read(out_, buf, sizeof buf);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) continue;
            eof_ = true;
            continue;
        }
        buffer_.append(buf, size_t(n));
    }
}

std::optional<std::string> LineProcess::line_with(const std::string& text, std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        auto line = next_line(std::max(left, std::chrono::milliseconds(0)));
        if (!line || line->find(text) != std::string::npos) return line;
    }
}

void LineProcess::signal(int sig) {
    if (pid_ > 0) ::kill(pid_, sig);
}

void LineProcess::kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

void LineProcess::terminate() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGCONT);  // a stopped process acts on SIGTERM only once continued
    ::kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

std::string line_field(const std::string& line, const std::string& key) {
    size_t at = line.find(key + "=");
    if (at == std::string::npos) return "";
    at += key.size() + 1;
    return line.substr(at, line.find_first_of(" \n", at) - at);
}

}  // namespace hallq::test
