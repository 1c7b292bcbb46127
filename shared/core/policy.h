// policy.h - the calling policy: which waiting ticket "next" gives to a window.
//
// Rules (docs/protocol.md, "Calling policy"):
//  1. A window may call tickets transferred to it, and waiting tickets of the queues in its work
//     profile that were not transferred to another window.
//  2. Priority tickets come first: green channel (by issue time), then tickets that are due —
//     a checked-in reservation from its slot time, a normal ticket after `aging_minutes` —
//     ordered by the time they became due.
//  3. Normal tickets follow the profile order, then issue time.
//  4. Interleaving: after `max_priority_streak` priority calls in a row made while normal tickets
//     were waiting, the next call takes a normal ticket, so they are never starved.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "hall.h"

namespace hallq {

struct CallChoice {
    int64_t ticket = 0;
    bool priority = false;
    int streak_after = 0;
};

bool window_serves(const WindowStatus& w, const Ticket& t);
bool is_priority(const Ticket& t, const Policy& p, int64_t now);

// The ticket "next" would call at this window now, or nullopt if none waits.
std::optional<CallChoice> choose_next(const Hall& hall, const WindowStatus& w, int64_t now);

// Up to `limit` waiting tickets in the order successive "next" calls would take them.
std::vector<int64_t> call_order(const Hall& hall, const WindowStatus& w, int64_t now, size_t limit);

}  // namespace hallq
