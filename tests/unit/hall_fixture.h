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

// Applies a decision's events with increasing sequence numbers; fails the test if refused.
inline std::vector<Event> run(Hall& h, const Command& c, int64_t now) {
    Decision d = h.decide(c, now);
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

inline Command cmd(CommandType t, int window = 0) {
    Command c;
    c.type = t;
    c.window = window;
    return c;
}

inline Command issue(const std::string& queue, TicketClass k = TicketClass::normal) {
    Command c = cmd(CommandType::issue_ticket);
    c.queue = queue;
    c.klass = k;
    if (k == TicketClass::reservation) c.reservation = "R-1";
    return c;
}

// A hall with the small catalogue, the day started, and the given windows logged in and open.
inline Hall open_hall(std::initializer_list<int> windows, Policy p = {}, int64_t now = kMorning) {
    Hall h;
    Event setup = Hall::setup(small_catalogue(), p, now);
    setup.seq = 1;
    h.apply(setup);
    Command r = cmd(CommandType::rollover);
    r.day = "2026-11-23";
    run(h, r, now);
    for (int w : windows) {
        Command login = cmd(CommandType::clerk_login, w);
        login.clerk = "c0" + std::to_string(w);
        run(h, login, now);
        run(h, cmd(CommandType::window_open, w), now);
    }
    return h;
}

}  // namespace hallq::test
