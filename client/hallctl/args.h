// args.h - hallctl's command line: the command (a verb of verbs.h), its positional words and its
// --key value / --flag options, parsed with CLI11 from the verb table.
#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hallq::ctl {

struct Args {
    std::vector<std::string> words;  // the verb (by its table name), then its positional words
    std::map<std::string, std::string> opts;  // "--queue A" → opts["queue"] = "A"; "--calls" → "1"

    bool has(const std::string& k) const { return opts.count(k) > 0; }
    std::string get(const std::string& k, const std::string& fallback = "") const;
    // The n-th positional word after the command, or throws UsageError naming `what`.
    const std::string& word(size_t n, const char* what) const;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses argv against the verb table into `out`. nullopt: go on. Otherwise the exit code: 0 after
// --help (of hallctl or of one command), 2 for no command, an unknown command or option, a missing
// word or value; the problem is printed on stderr.
std::optional<int> parse_args(int argc, char** argv, Args& out);

int to_int(const std::string& s, const char* what);
std::vector<std::string> split_list(const std::string& s);

}  // namespace hallq::ctl
