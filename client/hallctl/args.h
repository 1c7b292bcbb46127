// args.h - tiny command-line parser: positional words and --key value / --flag options.
#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace hallq::ctl {

struct Args {
    std::vector<std::string> words;
    std::map<std::string, std::string> opts;  // "--queue A" → opts["queue"] = "A"; "--calls" → "1"

    bool has(const std::string& k) const { return opts.count(k) > 0; }
    std::string get(const std::string& k, const std::string& fallback = "") const;
    // The n-th positional word after the command, or throws UsageError naming `what`.
    const std::string& word(size_t n, const char* what) const;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Options listed in `flags` take no value.
Args parse_args(int argc, char** argv, const std::vector<std::string>& flags);

int to_int(const std::string& s, const char* what);
std::vector<std::string> split_list(const std::string& s);

}  // namespace hallq::ctl
