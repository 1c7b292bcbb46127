// sim_rng.h - the simulation's random numbers: splitmix64 and hand-made distributions, so a seed
// gives the same numbers with every standard library.
#pragma once
#include <cmath>
#include <cstdint>

namespace hallq::bench {

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

}  // namespace hallq::bench
