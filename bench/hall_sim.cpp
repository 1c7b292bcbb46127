// hall_sim.cpp - the discrete-event simulation of hall days around the real core Hall.
#include "hall_sim.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <queue>
#include <stdexcept>

#include "core/estimator.h"
#include "core/hall.h"

namespace hallq::bench {

namespace {
constexpr int64_t kSec = 1000, kMin = 60 * kSec, kDay = 24 * 60 * kMin;
constexpr int64_t kBase = 1767196800000;  // 2026-01-01 00:00 local (UTC+8)
const std::vector<int> kLunchWindows = {3, 6, 9, 12, 15, 18};  // staggered lunch 12:00–13:00

// splitmix64 and hand-made distributions: the same numbers from every standard library.
struct Rng {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double between(double a, double b) { return a + (b - a) * uniform(); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    double normal() {
        double u = 1.0 - uniform(), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
    double lognormal_mean(double mean, double sigma) {
        return std::exp(std::log(mean) - sigma * sigma / 2 + sigma * normal());
    }
};

enum class Ev { arrival, open, cancel, start, finish, ready, recall, no_show, pause, resume };

struct SimEvent {
    int64_t at;
    uint64_t order;
    Ev kind;
    int window = 0;
    int64_t ticket = 0;
    size_t item = 0;
    bool operator>(const SimEvent& o) const { return at != o.at ? at > o.at : order > o.order; }
};

struct QueueDemand {
    std::string letter;
    double rate_per_min_at_full_load = 0;  // primary windows / true mean minutes
    double true_service_s = 0, catalogue_service_s = 0;
    std::vector<size_t> items;
    double weight_sum = 0;
};

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

class Day {
public:
    Day(Hall& hall, Rng& rng, const SimConfig& cfg, const std::vector<QueueDemand>& qs, int64_t day0,
        std::vector<TicketRecord>& out)
        : hall_(hall), rng_(rng), cfg_(cfg), queues_(qs), day0_(day0), out_(out) {}

    void run() {
        for (const auto& [n, w] : hall_.windows()) push(day0_ + 9 * 60 * kMin, Ev::open, n);
        for (int w : kLunchWindows) {
            push(day0_ + 12 * 60 * kMin, Ev::pause, w);
            push(day0_ + 13 * 60 * kMin, Ev::resume, w);
        }
        schedule_arrivals();
        while (!events_.empty()) {
            SimEvent e = events_.top();
            events_.pop();
            handle(e);
        }
    }

private:
    void push(int64_t at, Ev kind, int window = 0, int64_t ticket = 0, size_t item = 0) {
        events_.push(SimEvent{at, order_++, kind, window, ticket, item});
    }

    std::vector<Event> exec(const Command& c, int64_t now) {
        Decision d = hall_.decide(c, now);
        for (Event& e : d.events) {
            e.seq = hall_.seq() + 1;
            hall_.apply(e);
        }
        return d.events;
    }
    static Command cmd(CommandType t, int window = 0) {
        Command c;
        c.type = t;
        c.window = window;
        return c;
    }

    // Thinning of a Poisson process at the peak rate; queue by rate, item by weight.
    void schedule_arrivals() {
        double full = 0, peak = 1.2;
        for (const auto& q : queues_) full += q.rate_per_min_at_full_load;
        double t = 8 * 60 + 45;
        while (true) {
            t += rng_.exponential(1.0 / (full * peak));
            if (t >= 16 * 60 + 30) break;
            if (rng_.uniform() * peak >= sim_load(int(t))) continue;
            double pick = rng_.uniform() * full;
            size_t qi = 0;
            while (qi + 1 < queues_.size() && pick >= queues_[qi].rate_per_min_at_full_load)
                pick -= queues_[qi++].rate_per_min_at_full_load;
            const QueueDemand& q = queues_[qi];
            double w = rng_.uniform() * q.weight_sum;
            size_t k = 0;
            while (k + 1 < q.items.size() && w >= sim_items()[q.items[k]].weight)
                w -= sim_items()[q.items[k++]].weight;
            push(day0_ + int64_t(t * kMin), Ev::arrival, 0, 0, q.items[k]);
        }
    }

    const QueueDemand& queue_of(const std::string& letter) const {
        for (const auto& q : queues_)
            if (q.letter == letter) return q;
        throw std::runtime_error("unknown queue " + letter);
    }

    void arrive(const SimEvent& ev) {
        const SimItem& s = sim_items()[ev.item];
        Command c = cmd(CommandType::issue_ticket);
        c.item = "610702-" + s.code;
        c.klass = rng_.uniform() < cfg_.green_share ? TicketClass::green : TicketClass::normal;
        Decision d = hall_.decide(c, ev.at);
        if (!d.ok()) throw std::runtime_error("issue refused: " + std::string(to_string(d.error.code)));
        const Ticket& t = *d.events.front().issued;
        TicketRecord r;
        r.queue = t.queue;
        r.green = t.klass == TicketClass::green;
        r.issued_at = ev.at;
        r.product_min = t.estimate_min;
        WaitEstimate est = estimate_wait(hall_, t, ev.at);
        r.ahead = est.ahead;
        r.no_window_open = est.no_window_open;
        for (const auto& [n, w] : hall_.windows()) {
            if (w.state != WindowState::open) continue;
            if (std::find(w.profile.begin(), w.profile.end(), t.queue) == w.profile.end()) continue;
            ++r.open_serving;
            r.idle_serving += w.current == 0;
        }
        const QueueDemand& q = queue_of(t.queue);
        r.true_service_s = q.true_service_s;
        r.catalogue_service_s = q.catalogue_service_s;
        r.walkaway = rng_.uniform() < cfg_.walkaway_share;
        bool cancels = r.walkaway && rng_.uniform() < cfg_.cancel_share;
        int64_t id = t.id;
        for (Event& e : d.events) {
            e.seq = hall_.seq() + 1;
            hall_.apply(e);
        }
        records_[id] = out_.size();
        out_.push_back(r);
        if (cancels) push(ev.at + int64_t(rng_.between(5, 30) * kMin), Ev::cancel, 0, id);
        // Whoever is free (in no particular order) calls the newcomer.
        std::vector<int> idle;
        for (const auto& [n, w] : hall_.windows())
            if (w.state == WindowState::open && w.current == 0 && !pause_pending_[n]) idle.push_back(n);
        for (size_t i = idle.size(); i > 1; --i) std::swap(idle[i - 1], idle[rng_.next() % i]);
        for (int n : idle)
            if (call(n, ev.at)) break;
    }

    bool call(int window, int64_t now) {
        auto events = exec(cmd(CommandType::call_next, window), now);
        if (events.empty()) return false;
        int64_t id = events.front().ticket;
        TicketRecord& r = out_[records_.at(id)];
        if (!r.called_at) r.called_at = now;
        if (r.walkaway) {
            push(now + 30 * kSec, Ev::recall, window);
            push(now + 60 * kSec, Ev::no_show, window);
        } else {
            int64_t start = now + int64_t(rng_.between(15, 60) * kSec);
            push(start, Ev::start, window);
            const SimItem& s = item_of(id);
            double service = rng_.lognormal_mean(s.true_minutes * 60, cfg_.service_sigma);
            push(start + int64_t(service * kSec), Ev::finish, window);
        }
        return true;
    }

    const SimItem& item_of(int64_t id) const {
        const Ticket* t = hall_.ticket(id);
        for (const auto& s : sim_items())
            if ("610702-" + s.code == t->item) return s;
        throw std::runtime_error("unknown item");
    }

    // A free window pauses for lunch if it should, else calls the next ticket.
    void free_window(int window, int64_t now) {
        if (pause_pending_[window]) {
            pause_pending_[window] = false;
            exec(cmd(CommandType::window_pause, window), now);
            return;
        }
        call(window, now);
    }

    void handle(const SimEvent& e) {
        const WindowStatus* w = e.window ? hall_.window(e.window) : nullptr;
        switch (e.kind) {
            case Ev::arrival: arrive(e); return;
            case Ev::open:
                exec(cmd(CommandType::window_open, e.window), e.at);
                call(e.window, e.at);
                return;
            case Ev::cancel: {
                const Ticket* t = hall_.ticket(e.ticket);
                if (!t || t->state != TicketState::waiting) return;
                Command c = cmd(CommandType::cancel_ticket);
                c.ticket = e.ticket;
                exec(c, e.at);
                out_[records_.at(e.ticket)].cancelled = true;
                return;
            }
            case Ev::start: exec(cmd(CommandType::start, e.window), e.at); return;
            case Ev::finish:
                exec(cmd(CommandType::finish, e.window), e.at);
                push(e.at + 10 * kSec, Ev::ready, e.window);
                return;
            case Ev::ready: free_window(e.window, e.at); return;
            case Ev::recall: exec(cmd(CommandType::recall, e.window), e.at); return;
            case Ev::no_show:
                out_[records_.at(w->current)].no_show = true;
                exec(cmd(CommandType::no_show, e.window), e.at);
                free_window(e.window, e.at);
                return;
            case Ev::pause:
                if (w->current) pause_pending_[e.window] = true;
                else exec(cmd(CommandType::window_pause, e.window), e.at);
                return;
            case Ev::resume:
                pause_pending_[e.window] = false;
                if (w->state == WindowState::paused) {
                    exec(cmd(CommandType::window_open, e.window), e.at);
                    call(e.window, e.at);
                }
                return;
        }
    }

    Hall& hall_;
    Rng& rng_;
    const SimConfig& cfg_;
    const std::vector<QueueDemand>& queues_;
    int64_t day0_;
    std::vector<TicketRecord>& out_;
    std::priority_queue<SimEvent, std::vector<SimEvent>, std::greater<SimEvent>> events_;
    uint64_t order_ = 0;
    std::map<int64_t, size_t> records_;
    std::map<int, bool> pause_pending_;
};
}  // namespace

SimResult simulate(const SimConfig& cfg) {
    Catalogue cat = sim_catalogue();
    if (auto err = cat.validate()) throw std::runtime_error("catalogue: " + err->detail);
    std::vector<QueueDemand> queues = demand(cat);
    Hall hall;
    Event setup = Hall::setup(cat, Policy{}, kBase);
    setup.seq = 1;
    hall.apply(setup);
    Rng rng{cfg.seed};
    SimResult res;
    for (int d = 0; d < cfg.days; ++d) {
        int64_t day0 = kBase + d * kDay;
        Command r;
        r.type = CommandType::rollover;
        char day[32];
        std::snprintf(day, sizeof day, "2026-%02d-%02d", d / 28 + 1, d % 28 + 1);
        r.day = day;
        for (Event& e : hall.decide(r, day0 + 8 * 60 * kMin).events) {
            e.seq = hall.seq() + 1;
            hall.apply(e);
        }
        for (const auto& def : cat.windows) {
            Command login;
            login.type = CommandType::clerk_login;
            login.window = def.number;
            login.clerk = cat.clerks[size_t(def.number - 1)].id;
            for (Event& e : hall.decide(login, day0 + 8 * 60 * kMin).events) {
                e.seq = hall.seq() + 1;
                hall.apply(e);
            }
        }
        Day(hall, rng, cfg, queues, day0, res.tickets).run();
    }
    res.days = cfg.days;
    res.tickets_per_day = double(res.tickets.size()) / cfg.days;
    return res;
}

}  // namespace hallq::bench
