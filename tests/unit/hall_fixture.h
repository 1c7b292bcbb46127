// hall_fixture.h - a small hall for core tests: built from tests/data/small-hall.json.
#pragma once
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/hall.h"
#include "protocol/codec.h"

namespace hallq::test {

inline Catalogue small_catalogue() {
    std::ifstream in(std::string(HALLQ_TEST_DATA) + "/small-hall.json");
    std::stringstream buf;
    buf << in.rdbuf();
    return catalogue_from_json(Json::parse(buf.str()));
}

constexpr int64_t kMorning = 1795309200000;  // a weekday, 09:00 local (UTC+8) — any fixed time works

// Applies a decision's events with increasing sequence numbers; fails the test if refused. A new
// ticket's printed wait comes from `estimate` (none: 0, as the hall alone gives).
inline std::vector<Event> run(Hall& h, const Command& c, int64_t now, WaitEstimator estimate = nullptr) {
    Decision d = h.decide(c, now, estimate);
    INFO("refused: " << to_string(d.error.code) << " " << d.error.detail);
    REQUIRE(d.ok());
    for (Event& e : d.events) {
        e.seq = h.seq() + 1;
        h.apply(e);
    }
    return d.events;
}

inline ErrorCode refused(const Hall& h, const Command& c, int64_t now) {
    Decision d = h.decide(c, now);
    REQUIRE_FALSE(d.ok());
    return d.error.code;
}

// A command of a type chosen at run time (a random walk, a list of steps), from `window` when it
// takes one. Where the type is known, write the body: CallNext{.window = 1}.
inline Command cmd(CommandType t, int window = 0) {
    Command c = empty_command(t);
    std::visit(
        [window](auto& body) {
            if constexpr (requires { body.window; }) body.window = window;
        },
        c);
    return c;
}

inline IssueTicket issue(const std::string& queue, TicketClass k = TicketClass::normal) {
    return IssueTicket{.queue = queue, .klass = k, .reservation = k == TicketClass::reservation ? "R-1" : ""};
}

// A hall with the small catalogue, the day started, and the given windows logged in and open.
inline Hall open_hall(std::initializer_list<int> windows, Policy p = {}, int64_t now = kMorning) {
    Hall h;
    Event setup = Hall::setup(small_catalogue(), p, now);
    setup.seq = 1;
    h.apply(setup);
    run(h, Rollover{.day = "2026-11-23"}, now);
    for (int w : windows) {
        run(h, ClerkLogin{.window = w, .clerk = "c0" + std::to_string(w)}, now);
        run(h, WindowOpen{.window = w}, now);
    }
    return h;
}

}  // namespace hallq::test
