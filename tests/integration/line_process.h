// line_process.h - a child process whose stdout is read line by line (hallctl tail, hallserver,
// a benchmark's subscriber). argv is built before the fork, so threaded parents can use it.
// No test framework inside: the benchmarks share it with the integration tests.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace hallq::test {

class LineProcess {
public:
    // Starts `args` (args[0] is the executable path). stderr goes to `stderr_file`, or to /dev/null
    // when it is empty. Throws std::runtime_error when the process cannot be started.
    explicit LineProcess(std::vector<std::string> args, const std::string& stderr_file = "");
    ~LineProcess();  // SIGKILL and reap, if still running
    LineProcess(const LineProcess&) = delete;
    LineProcess& operator=(const LineProcess&) = delete;

    pid_t pid() const { return pid_; }
    // The next line of its stdout, without the newline; nullopt after `limit` or at end of output.
    std::optional<std::string> next_line(std::chrono::milliseconds limit);
    // The first line that contains `text` (earlier lines are dropped); nullopt as above.
    std::optional<std::string> line_with(const std::string& text, std::chrono::milliseconds limit);
    void signal(int sig);  // e.g. SIGSTOP, SIGCONT
    void kill9();          // SIGKILL, then reaps
    void terminate();      // SIGTERM, then reaps

private:
    pid_t pid_ = -1;
    int out_ = -1;
    std::string buffer_;
    bool eof_ = false;
};

// The value of `key=` in a line such as hallserver's ready line ("requests=tcp://… events=…").
std::string line_field(const std::string& line, const std::string& key);

}  // namespace hallq::test
