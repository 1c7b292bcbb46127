// estimator.cpp - queue-length wait estimate with learned service times.
#include "estimator.h"

#include <algorithm>
#include <cmath>

#include "policy.h"

namespace hallq {

double profile_share(size_t rank, size_t size) {
    double h = 0;
    for (size_t i = 1; i <= size; ++i) h += 1.0 / double(i);
    return size == 0 ? 0 : (1.0 / double(rank + 1)) / h;
}

namespace {
double servers_for(const Hall& hall, const std::string& queue, bool open_only) {
    double sum = 0;
    for (const auto& [n, w] : hall.windows()) {
        if (open_only && w.state != WindowState::open) continue;
        auto it = std::find(w.profile.begin(), w.profile.end(), queue);
        if (it != w.profile.end())
            sum += profile_share(size_t(it - w.profile.begin()), w.profile.size());
    }
    return sum;
}
}  // namespace

WaitEstimate estimate_wait(const Hall& hall, const Ticket& t, int64_t now) {
    WaitEstimate e;
    const Policy& p = hall.policy();
    bool mine_priority = is_priority(t, p, now);
    for (const auto& [id, o] : hall.tickets()) {
        if (id == t.id || o.state != TicketState::waiting || o.queue != t.queue) continue;
        if (o.target_window != t.target_window) continue;
        bool other_priority = is_priority(o, p, now);
        bool before = other_priority != mine_priority ? other_priority
                      : o.issued_at != t.issued_at    ? o.issued_at < t.issued_at
                                                      : o.id < t.id;
        if (t.id == 0 && other_priority == mine_priority) before = true;  // not issued yet: last
        if (before) ++e.ahead;
    }
    e.service_seconds = hall.service_seconds(t.item, t.queue);
    if (t.target_window) {
        const WindowStatus* w = hall.window(t.target_window);
        e.servers = 1;
        e.no_window_open = !w || w->state != WindowState::open;
    } else {
        e.servers = servers_for(hall, t.queue, true);
        if (e.servers <= 0) {
            e.no_window_open = true;
            e.servers = servers_for(hall, t.queue, false);
        }
    }
    if (e.servers <= 0) e.servers = 1;
    double seconds = (e.ahead + 0.5) * e.service_seconds / e.servers;
    e.minutes = int(std::lround(seconds / 60.0));
    return e;
}

}  // namespace hallq
