// estimator.h - the wait estimate shown on a ticket (docs/wait-estimate.md).
//
// The calling policy replayed on mean times: each window that will call (the open ones; before
// opening, every window) comes free when its current ticket's remaining mean service is done,
// then takes, in its profile order, priority tickets first, then normal ones, each occupying it
// for the ticket's mean service time (plus today's mean walk to the window, and weighted by
// today's no-show share once 20 tickets were called). The wait is the time at which a window
// would take this ticket; only the tickets ahead of it in its own queue count.
//   ahead   = waiting tickets of the same queue that would be called before this one,
//   servers = windows taking part that list the ticket's queue (1 for a transferred ticket).
#pragma once
#include <cstdint>

#include "hall.h"

namespace hallq {

struct WaitEstimate {
    int ahead = 0;
    double servers = 0;
    double service_seconds = 0;
    int minutes = 0;
    bool no_window_open = false;
    bool operator==(const WaitEstimate&) const = default;
};

// `t` need not be in the hall yet (a ticket about to be issued).
WaitEstimate estimate_wait(const Hall& hall, const Ticket& t, int64_t now);
// The minutes of estimate_wait: the WaitEstimator the server gives Hall::decide (hall.h).
inline int wait_minutes(const Hall& hall, const Ticket& t, int64_t now) { return estimate_wait(hall, t, now).minutes; }

// A window's share of its attention for the queue at `rank` (0-based) in a profile of `size`
// (harmonic weights; a capacity summary, e.g. for hallctl simulate — not used by the estimate).
double profile_share(size_t rank, size_t size);

}  // namespace hallq
