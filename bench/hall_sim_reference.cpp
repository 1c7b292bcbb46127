// hall_sim_reference.cpp - the reference estimate: the expected wait from the state at issue,
// by replaying the rest of the day many times with everything the hall cannot know drawn afresh.
#include <algorithm>
#include <cmath>
#include <vector>

#include "hall_sim_day.h"

namespace hallq::bench {

double Day::reference_min(int64_t id, int64_t now) {
    const Ticket* t = hall_->ticket(id);
    if (t->state != TicketState::waiting) return double(t->called_at - now) / kMin;
    double sum = 0;
    int n = 0;
    for (int i = 0; i < cfg_.reference_replays; ++i) {
        Hall hall = *hall_;
        Rng rng{cfg_.seed ^ (uint64_t(id) * 0x9E3779B97F4A7C15ull + uint64_t(i))};
        Day replay = *this;
        replay.hall_ = &hall;
        replay.rng_ = &rng;
        replay.out_ = nullptr;
        replay.target_ = id;
        replay.forget_future(now);
        replay.loop();
        if (!replay.target_called_) continue;
        sum += double(replay.target_called_ - now) / kMin;
        ++n;
    }
    return n ? sum / n : -1;
}

// Keeps what the hall knows (who is waiting, being called or served and since when; the windows'
// opening and lunch times) and draws the rest again: later arrivals, who of those waiting will
// walk away, whether the person just called comes, and how long the services under way take.
void Day::forget_future(int64_t now) {
    std::vector<SimEvent> kept;
    while (!events_.empty()) {
        const SimEvent& e = events_.top();
        if (e.kind == Ev::open || e.kind == Ev::pause || e.kind == Ev::resume || e.kind == Ev::ready)
            kept.push_back(e);
        events_.pop();
    }
    for (const SimEvent& e : kept) events_.push(e);
    schedule_arrivals(double(now - day0_) / kMin);

    for (const auto& [id, t] : hall_->tickets()) {
        if (t.state != TicketState::waiting) continue;
        bool walkaway = rng_->uniform() < cfg_.walkaway_share;
        walkaway_[id] = walkaway;
        // A walk-away who would have cancelled by now has not: a later cancel time, if one is left.
        int64_t latest = t.issued_at + 30 * kMin;
        if (walkaway && rng_->uniform() < cfg_.cancel_share && latest > now) {
            int64_t earliest = std::max(now, t.issued_at + 5 * kMin);
            push(earliest + int64_t(rng_->uniform() * double(latest - earliest)), Ev::cancel, 0, id);
        }
    }
    for (const auto& [n, w] : hall_->windows()) {
        const Ticket* t = w.current ? hall_->ticket(w.current) : nullptr;
        if (!t) continue;
        if (t->state == TicketState::serving) {
            // The service's length given that it has lasted this long.
            double mean = item_of(t->id).true_minutes * 60, elapsed = double(now - t->started_at) / kSec;
            double s = elapsed;
            for (int k = 0; k < 1000 && s <= elapsed; ++k) s = rng_->lognormal_mean(mean, cfg_.service_sigma);
            push(t->started_at + int64_t(std::max(s, elapsed + 1) * kSec), Ev::finish, n);
            continue;
        }
        // Called: a recall means nobody came (recall at 30 s, no-show at 60 s); past 30 s without
        // one, the person is on the way; before that, either.
        int64_t since = now - t->called_at;
        bool gone = t->recalls > 0 || (since < 30 * kSec && rng_->uniform() < cfg_.walkaway_share);
        walkaway_[t->id] = gone;
        if (gone) {
            if (!t->recalls) push(t->called_at + 30 * kSec, Ev::recall, n);
            push(t->called_at + 60 * kSec, Ev::no_show, n);
        } else {
            double walk = rng_->between(std::max(15.0, double(since) / kSec), 60);
            serve(n, t->id, std::max(now, t->called_at + int64_t(walk * kSec)));
        }
    }
}

}  // namespace hallq::bench
