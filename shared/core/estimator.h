// estimator.h - the wait estimate shown on a ticket (docs/wait-estimate.md).
//
// wait = (ahead + 0.5) × service / servers, where
//   ahead   = waiting tickets of the same queue that would be called before this one,
//   service = learned mean service time of the ticket's item (or the queue's average),
//   servers = Σ over open windows serving the queue of its profile share (1/rank ÷ Σ 1/i).
// With no window open, the windows that could serve the queue are counted as if open.
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
};

// `t` need not be in the hall yet (a ticket about to be issued).
WaitEstimate estimate_wait(const Hall& hall, const Ticket& t, int64_t now);

// A window's share of its attention for the queue at `rank` (0-based) in a profile of `size`.
double profile_share(size_t rank, size_t size);

}  // namespace hallq
