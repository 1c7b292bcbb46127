// hall-loadgen - the hall under load, over the real protocol against the real hallserver.
//
//   hall-loadgen [issue|fanout|resources|curve]... [--quick] [--full] [--calls N] [--displays N]
//                [--server HALLSERVER] [--old HALLSERVER] [--day-only]
//   hall-loadgen subscribe EVENTS_ENDPOINT        (a display subscriber; started by the others)
//
// Without a scenario it runs all four (curve: the first two with CURVE against without). Each prints one "## Title" section of bench/RESULTS.md on
// stdout. --quick shortens every scenario (development); --full runs the resources scenario's
// half hour in real time instead of 10× faster; --calls and --displays change the fan-out's
// 20,000 calls and 64 displays; --old runs the issue scenario against an older hallserver too,
// step by step beside this build's, and prints both; --server measures another hallserver than
// this build's in the issue scenario; --day-only runs only its cost-as-the-day-grows part.
#include <signal.h>

#include <cstring>
#include <cstdlib>
#include <iostream>

#include "common.h"

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "subscribe") == 0) return loadgen::subscribe_main(argc, argv);
    signal(SIGPIPE, SIG_IGN);
    loadgen::Options o;
    std::vector<std::string> which;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--quick") o.quick = true;
        else if (a == "--full") o.full = true;
        else if (a == "--calls" && i + 1 < argc) o.calls = std::atoi(argv[++i]);
        else if (a == "--displays" && i + 1 < argc) o.displays = std::atoi(argv[++i]);
        else if (a == "--old" && i + 1 < argc) o.old_server = argv[++i];
        else if (a == "--server" && i + 1 < argc) o.server = argv[++i];
        else if (a == "--day-only") o.day_only = true;
        else if (a == "issue" || a == "fanout" || a == "resources" || a == "curve") which.push_back(a);
        else {
            std::cerr << "usage: hall-loadgen [issue|fanout|resources|curve]... [--quick] [--full]"
                         " [--calls N] [--displays N] [--server HALLSERVER] [--old HALLSERVER] [--day-only]\n";
            return 2;
        }
    }
    if (which.empty()) which = {"issue", "fanout", "resources", "curve"};
    for (size_t i = 0; i < which.size(); ++i) {
        std::cerr << "hall-loadgen: running " << which[i] << "\n";
        std::string section = which[i] == "issue"    ? loadgen::run_issue(o)
                              : which[i] == "fanout" ? loadgen::run_fanout(o)
                              : which[i] == "curve"  ? loadgen::run_curve(o)
                                                     : loadgen::run_resources(o);
        std::cout << (i ? "\n" : "") << section << std::flush;
    }
    return 0;
}
