// bench_common.h - what every benchmark's section shares: percentiles and the machine line.
#pragma once
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace hallq::bench {

// The p-th percentile (0–100, nearest rank) of `v`, sorted in place; 0 when empty.
inline double percentile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t rank = size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

// "CPU model, N cores; kernel; compiler".
inline std::string machine() {
    std::string model = "unknown CPU";
    std::ifstream cpu("/proc/cpuinfo");
    for (std::string l; std::getline(cpu, l);)
        if (l.rfind("model name", 0) == 0) {
            model = l.substr(l.find(':') + 2);
            break;
        }
    utsname u{};
    uname(&u);
    std::string compiler =
#if defined(__clang__)
        "clang " __clang_version__;
#else
        "gcc " __VERSION__;
#endif
    return model + ", " + std::to_string(sysconf(_SC_NPROCESSORS_ONLN)) + " cores; " + u.sysname + " " + u.release +
           "; " + compiler;
}

// The date of the run, UTC, "YYYY-MM-DD".
inline std::string today() {
    std::time_t t = std::time(nullptr);
    char b[32];
    std::strftime(b, sizeof b, "%Y-%m-%d", std::gmtime(&t));
    return b;
}

}  // namespace hallq::bench
