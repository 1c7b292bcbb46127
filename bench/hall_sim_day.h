// hall_sim_day.h - one simulated hall day (internal to hall_sim*.cpp): an event queue on a
// virtual clock around the real core Hall, and the replays behind the reference estimate.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <queue>
#include <vector>

#include "core/hall.h"
#include "hall_sim.h"
#include "sim_rng.h"

namespace hallq::bench {

constexpr int64_t kSec = 1000, kMin = 60 * kSec, kDay = 24 * 60 * kMin;

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

std::vector<QueueDemand> demand(const Catalogue& cat);

class Day {
public:
    Day(Hall& hall, Rng& rng, const SimConfig& cfg, const std::vector<QueueDemand>& qs, int64_t day0,
        std::vector<TicketRecord>& out)
        : hall_(&hall), rng_(&rng), cfg_(cfg), queues_(qs), day0_(day0), out_(&out) {}

    std::vector<double> estimate_us;  // time of each estimate_wait() at issue

    void run();

private:
    void loop();
    // hall_sim_reference.cpp
    double reference_min(int64_t id, int64_t now);
    void forget_future(int64_t now);

    void push(int64_t at, Ev kind, int window = 0, int64_t ticket = 0, size_t item = 0) {
        events_.push(SimEvent{at, order_++, kind, window, ticket, item});
    }
    std::vector<Event> exec(const Command& c, int64_t now);
    void schedule_arrivals(double from_minute);
    const QueueDemand& queue_of(const std::string& letter) const;
    void arrive(const SimEvent& ev);
    void describe(const Ticket& t, int64_t now, TicketRecord& r);
    bool call(int window, int64_t now);
    void serve(int window, int64_t id, int64_t start);
    const SimItem& item_of(int64_t id) const;
    void free_window(int window, int64_t now);
    void handle(const SimEvent& e);

    Hall* hall_;
    Rng* rng_;
    const SimConfig& cfg_;
    const std::vector<QueueDemand>& queues_;
    int64_t day0_;
    std::vector<TicketRecord>* out_;
    std::priority_queue<SimEvent, std::vector<SimEvent>, std::greater<SimEvent>> events_;
    uint64_t order_ = 0;
    std::map<int64_t, size_t> records_;  // ticket → its record in *out_
    std::map<int64_t, bool> walkaway_;
    int64_t target_ = 0, target_called_ = 0;  // a replay: the ticket it runs for, and its call
    std::map<int, bool> pause_pending_;
};

}  // namespace hallq::bench
