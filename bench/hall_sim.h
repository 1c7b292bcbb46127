// hall_sim.h - simulated hall days on a virtual clock, driving the real core Hall (decide/apply)
// with the real calling policy and the product's wait estimate. Used by estimate_accuracy.
//
// Discrete-event simulation: `now` is simulated milliseconds, nothing sleeps. The hall, its
// catalogue, demand and clerk behaviour are described in bench/README.md ("estimate_accuracy").
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/hall.h"

namespace hallq::bench {

// One service item of the simulated hall: the catalogue's expected minutes (the product's
// starting point) and the true mean of its lognormal service time.
struct SimItem {
    std::string code, queue;
    int catalogue_minutes = 10;
    double true_minutes = 10;
    double weight = 1;  // share of its queue's tickets
};

struct SimConfig {
    uint64_t seed = 20261123;
    int days = 90;
    double service_sigma = 0.5;   // of log service time
    double walkaway_share = 0.10; // people gone when called, or who cancel before that
    double cancel_share = 1.0 / 3;  // of the walk-aways: cancel at the kiosk while waiting
    double green_share = 0.02;      // green-channel tickets (seniors, disabled): priority
    double learning_rate = Policy{}.learning_rate;  // of the learned service times
    int reference_every = 100;      // every Nth ticket also gets the reference estimate …
    int reference_replays = 20;     // … the mean wait over this many replays of the rest of the day
};

// What is known when a ticket is issued, and what happened to it.
struct TicketRecord {
    std::string queue;
    bool green = false, walkaway = false, cancelled = false, no_show = false;
    int64_t issued_at = 0, called_at = 0;  // called_at 0: never called (cancelled)
    int product_min = 0;                   // the product's estimate_min on the ticket
    int ahead = 0;                         // tickets that will be called before it (same queue)
    int open_serving = 0;   // open windows whose profile lists the queue (any rank)
    int idle_serving = 0;   // of those, without a ticket called or being served
    bool no_window_open = false;
    double true_service_s = 0;     // true mean service time of the queue (arrival-weighted)
    double catalogue_service_s = 0;  // the catalogue's average service time of the queue
    double reference_min = -1;       // mean wait over replays from the state at issue; -1: none
    double wait_min() const { return double(called_at - issued_at) / 60000.0; }
};

struct SimResult {
    std::vector<TicketRecord> tickets;
    int days = 0;
    double tickets_per_day = 0;
    double estimate_us_mean = 0;
    std::vector<double> estimate_us;  // each estimate_wait() call at issue
};

Catalogue sim_catalogue();
const std::vector<SimItem>& sim_items();
// Demand multiplier (share of the primary windows' capacity) at a minute of the day, and the
// arrival hours, for the description.
double sim_load(int minute_of_day);
std::string sim_load_description();

SimResult simulate(const SimConfig& cfg);

}  // namespace hallq::bench
