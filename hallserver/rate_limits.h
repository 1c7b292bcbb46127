// rate_limits.h - how fast each device may send: a token bucket per device, by role.
//
// People use kiosks and desks at human speed: a burst is allowed (a queue of visitors, a clerk's
// quick keys), a flood is refused with `rate_limited` and logged as an alert. Requests that carry
// an ID number (issue_ticket, check_in: their answer tells whether that person holds a ticket or a
// reservation) have a bucket of their own, much smaller, so guessed numbers cannot be tested at
// speed even from an enrolled kiosk. The local admin key is not limited.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "device_registry.h"

namespace hallq {

struct RateRule {
    double burst = 0;       // requests at once
    double per_second = 0;  // then this many a second
};

// The rule for every request of a role; burst 0: unlimited.
RateRule request_rule(Role r);
// The rule for requests with an ID number.
RateRule identity_rule(Role r);
// Password checks per device: refused (rate_limited) before any hash is computed, so random clerk
// ids cannot keep the request thread hashing.
RateRule password_rule(Role r);

class TokenBuckets {
public:
    // Takes `cost` tokens of `key`'s bucket under `rule`; false (nothing taken) when too few.
    bool take(const std::string& key, const RateRule& rule, int64_t now_ms, double cost = 1);

private:
    struct Bucket {
        double tokens = 0;
        int64_t at = 0;
    };
    std::map<std::string, Bucket> buckets_;  // per enrolled device: bounded by enrolment
};

}  // namespace hallq
