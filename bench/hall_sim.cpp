// hall_sim.cpp - the discrete-event simulation of hall days around the real core Hall.
#include "hall_sim.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/estimator.h"
#include "core/hall.h"
#include "hall_sim_day.h"

namespace hallq::bench {

namespace {
constexpr int64_t kBase = 1767196800000;  // 2026-01-01 00:00 local (UTC+8)
const std::vector<int> kLunchWindows = {3, 6, 9, 12, 15, 18};  // staggered lunch 12:00–13:00
}  // namespace

std::vector<QueueDemand> demand(const Catalogue& cat) {
    std::vector<QueueDemand> out;
    for (const auto& q : cat.queues) {
        QueueDemand d;
        d.letter = q.letter;
        double true_sum = 0, cat_sum = 0;
        int n = 0;
        for (size_t i = 0; i < sim_items().size(); ++i) {
            const SimItem& s = sim_items()[i];
            if (s.queue != q.letter) continue;
            d.items.push_back(i);
            d.weight_sum += s.weight;
            true_sum += s.weight * s.true_minutes;
            cat_sum += s.catalogue_minutes;
            ++n;
        }
        int primary = 0;
        for (const auto& w : cat.windows) primary += !w.profile.empty() && w.profile[0] == q.letter;
        d.true_service_s = true_sum / d.weight_sum * 60;
        d.catalogue_service_s = cat_sum / n * 60;
        d.rate_per_min_at_full_load = primary / (d.true_service_s / 60);
        out.push_back(d);
    }
    return out;
}

void Day::run() {
    for (const auto& [n, w] : hall_->windows()) push(day0_ + 9 * 60 * kMin, Ev::open, n);
    for (int w : kLunchWindows) {
        push(day0_ + 12 * 60 * kMin, Ev::pause, w);
        push(day0_ + 13 * 60 * kMin, Ev::resume, w);
    }
    schedule_arrivals(0);
    loop();
}

void Day::loop() {
    while (!events_.empty() && !target_called_) {
        SimEvent e = events_.top();
        events_.pop();
        handle(e);
    }
}

std::vector<Event> Day::exec(const Command& c, int64_t now) {
    Decision d = hall_->decide(c, now);
    for (Event& e : d.events) {
        e.seq = hall_->seq() + 1;
        hall_->apply(e);
    }
    return d.events;
}

// Thinning of a Poisson process at the peak rate; queue by rate, item by weight.
void Day::schedule_arrivals(double from_minute) {
    double full = 0, peak = 1.2;
    for (const auto& q : queues_) full += q.rate_per_min_at_full_load;
    double t = std::max(from_minute, 8 * 60 + 45.0);
    while (true) {
        t += rng_->exponential(1.0 / (full * peak));
        if (t >= 16 * 60 + 30) break;
        if (rng_->uniform() * peak >= sim_load(int(t))) continue;
        double pick = rng_->uniform() * full;
        size_t qi = 0;
        while (qi + 1 < queues_.size() && pick >= queues_[qi].rate_per_min_at_full_load)
            pick -= queues_[qi++].rate_per_min_at_full_load;
        const QueueDemand& q = queues_[qi];
        double w = rng_->uniform() * q.weight_sum;
        size_t k = 0;
        while (k + 1 < q.items.size() && w >= sim_items()[q.items[k]].weight)
            w -= sim_items()[q.items[k++]].weight;
        push(day0_ + int64_t(t * kMin), Ev::arrival, 0, 0, q.items[k]);
    }
}

const QueueDemand& Day::queue_of(const std::string& letter) const {
    for (const auto& q : queues_)
        if (q.letter == letter) return q;
    throw std::runtime_error("unknown queue " + letter);
}

void Day::arrive(const SimEvent& ev) {
    const SimItem& s = sim_items()[ev.item];
    IssueTicket c{.item = "610702-" + s.code,
                  .klass = rng_->uniform() < cfg_.green_share ? TicketClass::green : TicketClass::normal};
    Decision d = hall_->decide(c, ev.at, &wait_minutes);
    if (!d.ok()) throw std::runtime_error("issue refused: " + std::string(to_string(d.error.code)));
    const Ticket& t = *d.events.front().issued;
    TicketRecord r;
    if (!target_) describe(t, ev.at, r);
    bool walkaway = rng_->uniform() < cfg_.walkaway_share;
    bool cancels = walkaway && rng_->uniform() < cfg_.cancel_share;
    int64_t id = t.id;
    for (Event& e : d.events) {
        e.seq = hall_->seq() + 1;
        hall_->apply(e);
    }
    walkaway_[id] = walkaway;
    if (!target_) {
        r.walkaway = walkaway;
        records_[id] = out_->size();
        out_->push_back(r);
    }
    if (cancels) push(ev.at + int64_t(rng_->between(5, 30) * kMin), Ev::cancel, 0, id);
    // Whoever is free (in no particular order) calls the newcomer.
    std::vector<int> idle;
    for (const auto& [n, w] : hall_->windows())
        if (w.state == WindowState::open && w.current == 0 && !pause_pending_[n]) idle.push_back(n);
    for (size_t i = idle.size(); i > 1; --i) std::swap(idle[i - 1], idle[rng_->next() % i]);
    for (int n : idle)
        if (call(n, ev.at)) break;
    if (!target_ && !cancels && cfg_.reference_every > 0 && id % cfg_.reference_every == 0)
        (*out_)[records_.at(id)].reference_min = reference_min(id, ev.at);
}

void Day::describe(const Ticket& t, int64_t now, TicketRecord& r) {
    r.queue = t.queue;
    r.green = t.klass == TicketClass::green;
    r.issued_at = now;
    r.product_min = t.estimate_min;
    auto t0 = std::chrono::steady_clock::now();
    WaitEstimate est = estimate_wait(*hall_, t, now);
    double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    estimate_us.push_back(us);
    r.ahead = est.ahead;
    r.no_window_open = est.no_window_open;
    for (const auto& [n, w] : hall_->windows()) {
        if (w.state != WindowState::open) continue;
        if (std::find(w.profile.begin(), w.profile.end(), t.queue) == w.profile.end()) continue;
        ++r.open_serving;
        r.idle_serving += w.current == 0;
    }
    const QueueDemand& q = queue_of(t.queue);
    r.true_service_s = q.true_service_s;
    r.catalogue_service_s = q.catalogue_service_s;
}

bool Day::call(int window, int64_t now) {
    auto events = exec(CallNext{.window = window}, now);
    if (events.empty()) return false;
    int64_t id = events.front().ticket;
    if (target_) {
        if (id == target_) target_called_ = now;
    } else if (TicketRecord& r = (*out_)[records_.at(id)]; !r.called_at) {
        r.called_at = now;
    }
    if (walkaway_.at(id)) {
        push(now + 30 * kSec, Ev::recall, window);
        push(now + 60 * kSec, Ev::no_show, window);
    } else {
        serve(window, id, now + int64_t(rng_->between(15, 60) * kSec));
    }
    return true;
}

void Day::serve(int window, int64_t id, int64_t start) {
    push(start, Ev::start, window);
    double service = rng_->lognormal_mean(item_of(id).true_minutes * 60, cfg_.service_sigma);
    push(start + int64_t(service * kSec), Ev::finish, window);
}

const SimItem& Day::item_of(int64_t id) const {
    const Ticket* t = hall_->ticket(id);
    for (const auto& s : sim_items())
        if ("610702-" + s.code == t->item) return s;
    throw std::runtime_error("unknown item");
}

// A free window pauses for lunch if it should, else calls the next ticket.
void Day::free_window(int window, int64_t now) {
    if (pause_pending_[window]) {
        pause_pending_[window] = false;
        exec(WindowPause{.window = window}, now);
        return;
    }
    call(window, now);
}

void Day::handle(const SimEvent& e) {
    const WindowStatus* w = e.window ? hall_->window(e.window) : nullptr;
    switch (e.kind) {
        case Ev::arrival: arrive(e); return;
        case Ev::open:
            exec(WindowOpen{.window = e.window}, e.at);
            call(e.window, e.at);
            return;
        case Ev::cancel: {
            const Ticket* t = hall_->ticket(e.ticket);
            if (!t || t->state != TicketState::waiting) return;
            exec(CancelTicket{.ticket = {.id = e.ticket}}, e.at);
            if (!target_) (*out_)[records_.at(e.ticket)].cancelled = true;
            return;
        }
        case Ev::start: exec(Start{.window = e.window}, e.at); return;
        case Ev::finish:
            exec(Finish{.window = e.window}, e.at);
            push(e.at + 10 * kSec, Ev::ready, e.window);
            return;
        case Ev::ready: free_window(e.window, e.at); return;
        case Ev::recall: exec(Recall{.window = e.window}, e.at); return;
        case Ev::no_show:
            if (!target_) (*out_)[records_.at(w->current)].no_show = true;
            exec(NoShow{.window = e.window}, e.at);
            free_window(e.window, e.at);
            return;
        case Ev::pause:
            if (w->current) pause_pending_[e.window] = true;
            else exec(WindowPause{.window = e.window}, e.at);
            return;
        case Ev::resume:
            pause_pending_[e.window] = false;
            if (w->state == WindowState::paused) {
                exec(WindowOpen{.window = e.window}, e.at);
                call(e.window, e.at);
            }
            return;
    }
}

SimResult simulate(const SimConfig& cfg) {
    Catalogue cat = sim_catalogue();
    if (auto err = cat.validate()) throw std::runtime_error("catalogue: " + err->detail);
    std::vector<QueueDemand> queues = demand(cat);
    Hall hall;
    Policy policy;
    policy.learning_rate = cfg.learning_rate;
    Event setup = Hall::setup(cat, policy, kBase);
    setup.seq = 1;
    hall.apply(setup);
    Rng rng{cfg.seed};
    SimResult res;
    for (int d = 0; d < cfg.days; ++d) {
        int64_t day0 = kBase + d * kDay;
        char day[32];
        std::snprintf(day, sizeof day, "2026-%02d-%02d", d / 28 + 1, d % 28 + 1);
        for (Event& e : hall.decide(Rollover{.day = day}, day0 + 8 * 60 * kMin).events) {
            e.seq = hall.seq() + 1;
            hall.apply(e);
        }
        for (const auto& def : cat.windows) {
            ClerkLogin login{.window = def.number, .clerk = cat.clerks[size_t(def.number - 1)].id};
            for (Event& e : hall.decide(login, day0 + 8 * 60 * kMin).events) {
                e.seq = hall.seq() + 1;
                hall.apply(e);
            }
        }
        Day sim(hall, rng, cfg, queues, day0, res.tickets);
        sim.run();
        res.estimate_us.insert(res.estimate_us.end(), sim.estimate_us.begin(), sim.estimate_us.end());
    }
    res.days = cfg.days;
    res.tickets_per_day = double(res.tickets.size()) / cfg.days;
    for (double us : res.estimate_us) res.estimate_us_mean += us;
    res.estimate_us_mean /= double(std::max<size_t>(1, res.estimate_us.size()));
    return res;
}

}  // namespace hallq::bench
