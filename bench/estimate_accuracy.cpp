// estimate_accuracy - how close the wait printed on a ticket comes to the actual wait, over
// simulated hall days (bench/hall_sim.h): the product's estimate_wait next to two baselines.
//
// Usage: estimate_accuracy [--days N] [--seed S]   (defaults: 90 days, seed 20261123)
// Prints the "## Wait-estimate accuracy" section of bench/RESULTS.md.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "bench_common.h"
#include "hall_sim.h"

using namespace hallq;
using namespace hallq::bench;

namespace {

struct Score {
    double sq = 0, sum = 0;
    long n = 0, within = 0;
    void add(double estimate, double actual) {
        double e = estimate - actual;
        sq += e * e;
        sum += e;
        ++n;
        within += std::fabs(e) <= std::max(3.0, 0.25 * actual);
    }
    double rmse() const { return n ? std::sqrt(sq / double(n)) : 0; }
    double bias() const { return n ? sum / double(n) : 0; }
    double share() const { return n ? 100.0 * double(within) / double(n) : 0; }
};

struct Scores {
    Score product, queue_length, naive;
    std::vector<double> waits;
};

// (b) queue length over the true service rate of the servers that can take the ticket:
//     max(0, ahead + 1 − idle) / (c × μ), c = open windows listing the queue at any rank (all
//     windows listing it before opening), idle = those of them free, μ = 1 / true mean service.
double queue_length_min(const TicketRecord& r, int listing) {
    int c = r.open_serving > 0 ? r.open_serving : listing;
    int idle = r.open_serving > 0 ? r.idle_serving : 0;
    double people = std::max(0, r.ahead + 1 - idle);
    return people * r.true_service_s / c / 60.0;
}

// (c) naive: people ahead × the catalogue's average service time of the queue.
double naive_min(const TicketRecord& r) { return r.ahead * r.catalogue_service_s / 60.0; }

void row(const char* name, const Score& s) {
    std::printf("| %s | %.2f | %+.2f | %.1f %% |\n", name, s.rmse(), s.bias(), s.share());
}

}  // namespace

int main(int argc, char** argv) {
    SimConfig cfg;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--days")) cfg.days = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--learning-rate")) cfg.learning_rate = std::atof(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed")) cfg.seed = std::strtoull(argv[i + 1], nullptr, 10);
        else {
            std::fprintf(stderr, "usage: estimate_accuracy [--days N] [--seed S]\n");
            return 2;
        }
    }
    auto t0 = std::chrono::steady_clock::now();
    SimResult res = simulate(cfg);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    Catalogue cat = sim_catalogue();
    std::map<std::string, int> listing;
    for (const auto& w : cat.windows)
        for (const auto& q : w.profile) ++listing[q];

    Scores all, sampled;
    Score reference;
    std::map<std::string, Scores> by_queue;
    long called = 0, cancelled = 0, no_show = 0, green = 0;
    for (const auto& r : res.tickets) {
        cancelled += r.cancelled;
        no_show += r.no_show;
        if (!r.called_at) continue;
        ++called;
        green += r.green;
        double actual = r.wait_min();
        if (r.reference_min >= 0) {
            reference.add(r.reference_min, actual);
            sampled.product.add(r.product_min, actual);
            sampled.queue_length.add(queue_length_min(r, listing[r.queue]), actual);
        }
        for (Scores* s : {&all, &by_queue[r.queue]}) {
            s->product.add(r.product_min, actual);
            s->queue_length.add(queue_length_min(r, listing[r.queue]), actual);
            s->naive.add(naive_min(r), actual);
            s->waits.push_back(actual);
        }
    }

    std::printf("## Wait-estimate accuracy\n\n");
    std::printf("The wait printed on a ticket at issue (`estimate_min`, from `estimate_wait()` in "
                "`shared/core/estimator.cpp`) against the actual wait (called − issued), over "
                "simulated hall days that drive the real core `Hall` (decide/apply, the real "
                "calling policy, learned service times) on a virtual clock.\n\n");
    std::printf("- **Hall:** 20 windows, 8 queues (A–H), 25 service items; work profiles as in the "
                "demo hall (comprehensive windows `A,B,F` / `B,A,G` …, specialised windows, an "
                "assisted window `H,A,B`); default policy (aging 30 min, priority streak 3). "
                "Windows open 09:00; windows 3, 6, 9, 12, 15, 18 pause for lunch 12:00–13:00.\n");
    std::printf("- **Demand:** %s; the hall serves until every queue is empty.\n",
                sim_load_description().c_str());
    std::printf("- **Service:** lognormal per item (σ = %.1f of log time), true means 7–38 min, "
                "up to ±30 %% off the catalogue's minutes (the product learns them); 15–60 s "
                "walk to the window, 10 s between finish and the next call.\n",
                cfg.service_sigma);
    std::printf("- **Walk-aways:** %.0f %% of tickets: a third cancel 5–30 min after issue if "
                "not called yet, the rest are gone when called (recall after 30 s, no-show "
                "after 60 s). Green channel: %.0f %% of tickets.\n",
                cfg.walkaway_share * 100, cfg.green_share * 100);
    std::printf("- **Run:** %d days, seed %llu, %zu tickets (%.0f a day), %ld called (%ld "
                "no-shows, %ld green), %ld cancelled before their call; simulated in %.1f s. One "
                "`estimate_wait()` at issue took %.1f µs on average, p99 %.1f µs (steady_clock).\n\n",
                res.days, (unsigned long long)cfg.seed, res.tickets.size(), res.tickets_per_day,
                called, no_show, green, cancelled, seconds, res.estimate_us_mean,
                percentile(res.estimate_us, 99));
    double mean = 0;
    for (double w : all.waits) mean += w;
    mean /= std::max<size_t>(1, all.waits.size());
    std::printf("Actual waits of called tickets: mean %.1f min, p50 %.1f, p90 %.1f, max %.1f.\n\n",
                mean, percentile(all.waits, 50), percentile(all.waits, 90), percentile(all.waits, 100));
    std::printf("| Estimator | RMSE (min) | Mean error (min) | Within ±max(3 min, 25 %%) |\n");
    std::printf("|---|---|---|---|\n");
    row("(a) product: `estimate_wait`", all.product);
    row("(b) queue length, true service rate", all.queue_length);
    row("(c) naive: ahead × average service", all.naive);
    std::printf("\nHow close any estimate can come — every %dth ticket (%ld of them) also got a "
                "*reference* estimate: the mean of %d replays of the rest of the day from the state "
                "at its issue, each drawing afresh what the hall cannot know (later arrivals from "
                "the demand curve, who of those waiting walks away, the rest of the services under "
                "way given how long they have run, all later service and walk times) from the "
                "true distributions, which the hall does not know either:\n\n",
                cfg.reference_every, reference.n, cfg.reference_replays);
    std::printf("| Same tickets | RMSE (min) | Mean error (min) | Within ±max(3 min, 25 %%) |\n");
    std::printf("|---|---|---|---|\n");
    row("(a) product", sampled.product);
    row("(b) queue length, true service rate", sampled.queue_length);
    row("reference: mean of replays", reference);
    std::printf("\nGoal: the product within ±max(3 min, 25 %%) for ≥ 80 %% of tickets: **%s** "
                "(%.1f %%).\n\n", all.product.share() >= 80 ? "met" : "missed", all.product.share());
    std::printf("(b) is `max(0, ahead + 1 − idle) / (c × μ)`: *ahead* as the product counts it, "
                "*c* the open windows listing the queue at any rank (before opening: all that list "
                "it), *idle* those of them free, *μ* the queue's true service rate. (c) is "
                "*ahead* × the catalogue's average minutes of the queue. Mean error > 0: "
                "overestimate.\n\n");
    std::printf("| Queue | Called | Mean wait | (a) RMSE | (a) within | (b) RMSE | (b) within | "
                "(c) within |\n|---|---|---|---|---|---|---|---|\n");
    for (const auto& [q, s] : by_queue) {
        double m = 0;
        for (double w : s.waits) m += w;
        std::printf("| %s | %ld | %.1f | %.2f | %.1f %% | %.2f | %.1f %% | %.1f %% |\n", q.c_str(),
                    s.product.n, m / double(std::max<size_t>(1, s.waits.size())), s.product.rmse(),
                    s.product.share(), s.queue_length.rmse(), s.queue_length.share(), s.naive.share());
    }
    return 0;
}
