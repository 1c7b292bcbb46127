// simulate.h - a simulated hall day: kiosks issuing tickets and clerks serving them, over the
// real protocol, with every call printed as it happens (the demo without a desktop).
#pragma once
#include <csignal>
#include <string>

#include "args.h"

namespace hallq::ctl {

// Runs until `stop` is set or --duration seconds pass. Returns the exit code.
int run_simulation(const std::string& server, const std::string& events,
                   const Args& a, volatile std::sig_atomic_t& stop);

}  // namespace hallq::ctl
