// test_read_tables.cpp - every event type is projected by the read tables that name it, or kept by
// the event log alone; a day's events write the rows a report expects, whatever the engine.
#include <algorithm>

#include "hall_fixture.h"
#include "protocol/messages.h"
#include "read_tables.h"

using namespace hallq;
using namespace hallq::test;

namespace {
// A sink that records the row writes, as an engine would perform them.
struct Rows : RowSink {
    std::map<int64_t, std::pair<std::string, uint64_t>> tickets;  // id → (state, seq)
    std::vector<std::string> expired_before;
    std::vector<Rating> ratings;
    void put_ticket(const Ticket& t, const std::string& day, uint64_t seq) override {
        CHECK(day == "2026-11-23");
        tickets[t.id] = {to_string(t.state), seq};
    }
    void expire_tickets_before(const std::string& day) override { expired_before.push_back(day); }
    void add_rating(const Rating& r) override { ratings.push_back(r); }
};

void play(Hall& h, Rows& rows, const Command& c, int64_t now) {
    std::vector<Event> events = run(h, c, now);
    project(events, h, rows);
}
}  // namespace

TEST_CASE("read tables: every event type is projected by a table or kept by the log alone") {
    const auto& audit = audit_only_events();
    auto events = event_table();
    for (size_t i = 0; i < events.size(); ++i) {
        EventType type = EventType(i);
        INFO(events[i].name);
        REQUIRE(events[i].name == to_string(type));
        bool projected = !read_tables_for(type).empty();
        bool log_only = std::find(audit.begin(), audit.end(), type) != audit.end();
        CHECK(projected != log_only);
    }
    // Every event about one ticket updates its row in the tickets table.
    for (size_t i = 0; i < events.size(); ++i) {
        if (!events[i].name.starts_with("ticket_")) continue;
        INFO(events[i].name);
        const auto& tables = read_tables_for(EventType(i));
        CHECK(std::any_of(tables.begin(), tables.end(),
                          [](const ReadTable* t) { return std::string(t->name) == "tickets"; }));
    }
}

TEST_CASE("read tables: a ticket's day writes its row after each event and one rating row") {
    Hall h = open_hall({1});
    Rows rows;
    play(h, rows, issue("A"), kMorning);
    REQUIRE(rows.tickets.size() == 1);
    int64_t id = rows.tickets.begin()->first;
    CHECK(rows.tickets[id].first == "waiting");
    play(h, rows, CallNext{.window = 1}, kMorning + 1000);
    CHECK(rows.tickets[id].first == "called");
    play(h, rows, Start{.window = 1}, kMorning + 2000);
    play(h, rows, Finish{.window = 1}, kMorning + 3000);
    CHECK(rows.tickets[id] == std::pair<std::string, uint64_t>{"done", h.seq()});
    CHECK(rows.ratings.empty());
    play(h, rows, Rate{.ticket = {.id = id}, .level = 2, .reasons = {"efficiency"}}, kMorning + 4000);
    REQUIRE(rows.ratings.size() == 1);
    CHECK(rows.ratings[0].ticket_id == id);
    CHECK(rows.ratings[0].level == 2);
    CHECK(rows.ratings[0].window == 1);
    CHECK(rows.ratings[0].clerk == "c01");
    CHECK(rows.ratings[0].reasons == R"(["efficiency"])");
    CHECK(rows.ratings[0].seq == h.seq());
    CHECK(rows.expired_before.empty());
    play(h, rows, Rollover{.day = "2026-11-24"}, kMorning + 86400000);
    CHECK(rows.expired_before == std::vector<std::string>{"2026-11-24"});
}
