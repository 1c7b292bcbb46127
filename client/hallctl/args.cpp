// args.cpp - command-line parsing for hallctl.
#include "args.h"

#include <algorithm>
#include <stdexcept>

namespace hallq::ctl {

std::string Args::get(const std::string& k, const std::string& fallback) const {
    auto it = opts.find(k);
    return it == opts.end() ? fallback : it->second;
}

const std::string& Args::word(size_t n, const char* what) const {
    if (n >= words.size()) throw UsageError(std::string("missing ") + what);
    return words[n];
}

Args parse_args(int argc, char** argv, const std::vector<std::string>& flags) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) == 0 && s.size() > 2) {
            std::string key = s.substr(2);
            if (std::find(flags.begin(), flags.end(), key) != flags.end()) {
                a.opts[key] = "1";
            } else {
                if (i + 1 >= argc) throw UsageError("--" + key + " needs a value");
                a.opts[key] = argv[++i];
            }
        } else {
            a.words.push_back(s);
        }
    }
    return a;
}

int to_int(const std::string& s, const char* what) {
    try {
        size_t used = 0;
        int v = std::stoi(s, &used);
        if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(std::string(what) + " must be a number: " + s);
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        std::string part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) out.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace hallq::ctl
