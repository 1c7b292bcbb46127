// rate_limits.cpp - the rules per role and the token buckets.
#include "rate_limits.h"

#include <algorithm>

namespace hallq {

RateRule request_rule(Role r) {
    switch (r) {
        case Role::kiosk: return {30, 1};         // a visitor every second, sustained
        case Role::display: return {60, 2};       // snapshots after a reconnect, ratings
        case Role::desk: return {120, 10};
        case Role::backoffice: return {120, 10};
        case Role::dashboard: return {120, 10};
        case Role::admin: return {};
    }
    return {};
}

RateRule identity_rule(Role r) {
    if (r == Role::admin) return {};
    return {10, 0.2};  // ten card swipes at once, then one every 5 seconds
}

RateRule password_rule(Role r) {
    if (r == Role::admin) return {};
    return {10, 1.0 / 6};  // ten at once, then one every 6 seconds
}

bool TokenBuckets::take(const std::string& key, const RateRule& rule, int64_t now_ms, double cost) {
    if (rule.burst <= 0) return true;
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{rule.burst, now_ms});
    Bucket& b = it->second;
    if (!fresh) b.tokens = std::min(rule.burst, b.tokens + double(std::max<int64_t>(0, now_ms - b.at)) / 1000.0 * rule.per_second);
    b.at = now_ms;
    if (b.tokens < cost) return false;
    b.tokens -= cost;
    return true;
}

}  // namespace hallq
