// test_rating.cpp - 好差评: a finished ticket is rated once, bound to the window, clerk and item
// that handled it; every refusal changes nothing; a replica folds the rating the same way.
#include "hall_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
// A hall with windows 1 and 2 open and one A ticket brought into `state` at window 1.
struct Setup {
    Hall hall;
    int64_t id = 0;
};

Setup ticket_in(TicketState state, Policy policy = {}) {
    Setup s{open_hall({1, 2}, policy), 0};
    IssueTicket i = issue("A");
    i.item = "T-SJ-001";
    s.id = run(s.hall, i, kMorning).front().issued->id;
    if (state == TicketState::cancelled) {
        run(s.hall, CancelTicket{.ticket = {.id = s.id}}, kMorning);
    } else if (state != TicketState::waiting) {
        run(s.hall, CallNext{.window = 1}, kMorning);
        if (state == TicketState::no_show) run(s.hall, NoShow{.window = 1}, kMorning);
        if (state == TicketState::serving || state == TicketState::parked ||
            state == TicketState::done)
            run(s.hall, Start{.window = 1}, kMorning + 1000);
        if (state == TicketState::parked) run(s.hall, Park{.window = 1}, kMorning + 2000);
        if (state == TicketState::done) run(s.hall, Finish{.window = 1}, kMorning + 60'000);
    }
    REQUIRE(s.hall.ticket(s.id)->state == state);
    return s;
}

Rate rate(int64_t id, int level, std::vector<std::string> reasons = {}, std::string comment = {}) {
    return Rate{.ticket = {.id = id}, .level = level, .reasons = std::move(reasons), .comment = std::move(comment)};
}

// Refused with `code` (and `detail` when given), and the state is exactly as before.
void refused_unchanged(const Hall& h, const Command& c, ErrorCode code,
                       const std::string& detail = "?") {
    std::string before = snapshot_json(h).dump();
    Decision d = h.decide(c, kMorning + 120'000);
    REQUIRE_FALSE(d.ok());
    CHECK(d.error.code == code);
    if (detail != "?") CHECK(d.error.detail == detail);
    CHECK(snapshot_json(h).dump() == before);
}

constexpr int64_t kRated = kMorning + 90'000;
}  // namespace

TEST_CASE("rating: a finished ticket is rated once, bound to its window, clerk and item") {
    Setup s = ticket_in(TicketState::done);
    CHECK(s.hall.ticket(s.id)->rating == -1);
    CHECK(s.hall.ticket(s.id)->clerk == "c01");
    auto events = run(s.hall, rate(s.id, 5, {}, "办事很快，谢谢"), kRated);
    REQUIRE(events.size() == 1);
    const Event& e = events.front();
    CHECK(e.type == EventType::ticket_rated);
    CHECK(e.ticket == s.id);
    CHECK(e.window == 1);
    CHECK(e.clerk == "c01");
    CHECK(e.item == "T-SJ-001");
    CHECK(e.level == 5);
    CHECK(e.reasons.empty());
    CHECK(e.comment == "办事很快，谢谢");
    CHECK(e.at == kRated);
    CHECK(s.hall.ticket(s.id)->rating == 5);
    CHECK(s.hall.ticket(s.id)->state == TicketState::done);
    CHECK(s.hall.window(1)->ratings == RatingTally{1, 0, 0, 0});

    refused_unchanged(s.hall, rate(s.id, 4), ErrorCode::already_rated, "A001");
    refused_unchanged(s.hall, rate(s.id, 0), ErrorCode::already_rated);
    CHECK(message_zh(ErrorCode::already_rated) == "该号票已评价");
    CHECK(message_en(ErrorCode::already_rated) == "This ticket has already been rated");
    ErrorCode parsed{};
    CHECK(parse_error_code("already_rated", parsed));
    CHECK(parsed == ErrorCode::already_rated);
}

TEST_CASE("rating: only a done ticket can be rated") {
    for (TicketState st : {TicketState::waiting, TicketState::called, TicketState::serving,
                           TicketState::parked, TicketState::no_show, TicketState::cancelled}) {
        DYNAMIC_SECTION(to_string(st)) {
            Setup s = ticket_in(st);
            refused_unchanged(s.hall, rate(s.id, 5), ErrorCode::bad_state, to_string(st));
            refused_unchanged(s.hall, rate(s.id, 0), ErrorCode::bad_state, to_string(st));
        }
    }
    Setup s = ticket_in(TicketState::done);
    refused_unchanged(s.hall, rate(999, 5), ErrorCode::unknown_ticket);
    Rate by_number = rate(0, 4);
    by_number.ticket.number = "A001";
    run(s.hall, by_number, kRated);
    CHECK(s.hall.ticket(s.id)->rating == 4);
}

TEST_CASE("rating: not rated (the screen timed out) is recorded once and counted apart") {
    Setup s = ticket_in(TicketState::done);
    auto e = run(s.hall, rate(s.id, kNotRated), kRated).front();
    CHECK(e.level == 0);
    CHECK(s.hall.ticket(s.id)->rating == 0);
    CHECK(s.hall.window(1)->ratings == RatingTally{0, 0, 0, 1});
    refused_unchanged(s.hall, rate(s.id, 5), ErrorCode::already_rated);
}

TEST_CASE("rating: level, reasons and comment are checked") {
    Setup s = ticket_in(TicketState::done);
    refused_unchanged(s.hall, rate(s.id, 6), ErrorCode::bad_field, "level");
    refused_unchanged(s.hall, rate(s.id, -1), ErrorCode::bad_field, "level");
    // Reasons only with 差评 (1–2) by default.
    for (int level : {0, 3, 4, 5})
        refused_unchanged(s.hall, rate(s.id, level, {"attitude"}), ErrorCode::bad_field, "reasons");
    refused_unchanged(s.hall, rate(s.id, 2, {"rude"}), ErrorCode::bad_field, "reasons");
    refused_unchanged(s.hall, rate(s.id, 2, {"attitude", "attitude"}), ErrorCode::bad_field,
                      "reasons");
    refused_unchanged(s.hall, rate(s.id, 0, {}, "太慢"), ErrorCode::bad_field, "comment");
    Rate elsewhere = rate(s.id, 5);
    elsewhere.window = 2;  // the screen of another window
    refused_unchanged(s.hall, elsewhere, ErrorCode::not_your_ticket);
    elsewhere.window = 42;
    refused_unchanged(s.hall, elsewhere, ErrorCode::unknown_window, "42");

    for (int level : {1, 2}) {
        Setup t = ticket_in(TicketState::done);
        std::vector<std::string> all;
        for (const auto& r : kRatingReasons) all.emplace_back(r.code);
        Rate c = rate(t.id, level, all, "材料清单没写清楚");
        c.window = 1;
        auto e = run(t.hall, c, kRated).front();
        CHECK(e.reasons == all);
        CHECK(t.hall.window(1)->ratings == RatingTally{0, 0, 1, 0});
    }
}

TEST_CASE("rating: where 基本满意 counts, and up to which level reasons are asked, are the hall's policy") {
    // Default: 3 is 中评, apart, without reasons.
    Setup d = ticket_in(TicketState::done);
    run(d.hall, rate(d.id, 3), kRated);
    CHECK(d.hall.window(1)->ratings == RatingTally{0, 1, 0, 0});
    // A province that counts 3 toward 好评 and asks reasons for it too.
    Policy p;
    p.rating_three_good = true;
    p.rating_reasons_up_to = 3;
    Setup t = ticket_in(TicketState::done, p);
    auto e = run(t.hall, rate(t.id, 3, {"efficiency"}), kRated).front();
    CHECK(e.reasons == std::vector<std::string>{"efficiency"});
    CHECK(t.hall.window(1)->ratings == RatingTally{1, 0, 0, 0});
    CHECK(rating_grade(3, true) == RatingGrade::good);
    CHECK(rating_grade(2, true) == RatingGrade::bad);
    // The policy travels with the hall (snapshots), so every screen asks the same.
    Policy back = policy_from_json(to_json(p), Policy{});
    CHECK(back.rating_three_good);
    CHECK(back.rating_reasons_up_to == 3);
    Json bad = to_json(p);
    bad["rating_level3"] = "bad";
    CHECK_THROWS_AS(policy_from_json(bad, Policy{}), CodecError);
    bad = to_json(p);
    bad["rating_reasons_up_to"] = 5;
    CHECK_THROWS_AS(policy_from_json(bad, Policy{}), CodecError);
}

TEST_CASE("rating: the finishing clerk stays on the ticket after logout") {
    Setup s = ticket_in(TicketState::done);
    run(s.hall, ClerkLogout{.window = 1}, kMorning + 70'000);
    run(s.hall, ClerkLogin{.window = 1, .clerk = "c03"}, kMorning + 80'000);
    auto e = run(s.hall, rate(s.id, 2, {"efficiency"}), kRated).front();
    CHECK(e.clerk == "c01");
    CHECK(e.window == 1);
    CHECK(s.hall.window(1)->ratings.bad == 1);
}

TEST_CASE("rating: the item is the ticket's, else the first item handled") {
    Hall h = open_hall({1});
    int64_t id = run(h, issue("A"), kMorning).front().issued->id;
    run(h, CallNext{.window = 1}, kMorning);
    run(h, Start{.window = 1}, kMorning);
    Finish fin{.window = 1, .items = {"T-SJ-002", "T-SJ-001"}};
    auto finished = run(h, fin, kMorning + 60'000).front();
    CHECK(finished.clerk == "c01");
    CHECK(h.ticket(id)->items == fin.items);
    CHECK(run(h, rate(id, 4), kRated).front().item == "T-SJ-002");

    int64_t bare = run(h, issue("A"), kMorning).front().issued->id;
    run(h, CallNext{.window = 1}, kRated);
    run(h, Start{.window = 1}, kRated);
    run(h, Finish{.window = 1}, kRated + 60'000);
    CHECK(run(h, rate(bare, 3), kRated + 70'000).front().item.empty());
    CHECK(h.window(1)->ratings == RatingTally{1, 1, 0, 0});
}

TEST_CASE("rating: a replica converges through the wire, and rollover clears the tallies") {
    Setup s = ticket_in(TicketState::done);
    Hall replica = hall_from_snapshot(snapshot_json(s.hall));
    for (const Event& e : run(s.hall, rate(s.id, 1, {"attitude", "other"}, "等了很久"), kRated)) {
        Json wire = to_json(e, &s.hall);
        CHECK(wire["type"] == "ticket_rated");
        CHECK(wire["number"] == "A001");
        CHECK(wire["level"] == 1);
        CHECK(wire["clerk"] == "c01");
        CHECK(wire["item"] == "T-SJ-001");
        CHECK(wire["reasons"] == Json::array({"attitude", "other"}));
        CHECK(wire["comment"] == "等了很久");
        replica.apply(event_from_json(wire));
    }
    CHECK(snapshot_json(replica) == snapshot_json(s.hall));
    CHECK(replica.ticket(s.id)->rating == 1);
    Hall reloaded = hall_from_snapshot(snapshot_json(s.hall));
    CHECK(snapshot_json(reloaded) == snapshot_json(s.hall));
    CHECK(reloaded.window(1)->ratings == RatingTally{0, 0, 1, 0});
    CHECK(reloaded.ticket(s.id)->clerk == "c01");
    // Not rated survives the trip too: 0 is a value, not an absent field.
    Setup t = ticket_in(TicketState::done);
    Event zero = run(t.hall, rate(t.id, 0), kRated).front();
    CHECK(to_json(zero)["level"] == 0);
    CHECK(hall_from_snapshot(snapshot_json(t.hall)).ticket(t.id)->rating == 0);
    Setup unrated = ticket_in(TicketState::done);
    CHECK_FALSE(to_json(*unrated.hall.ticket(unrated.id)).contains("rating"));

    run(s.hall, Rollover{.day = "2026-11-24"}, kMorning + 86'400'000);
    CHECK(s.hall.window(1)->ratings == RatingTally{});
}

TEST_CASE("rating: levels, grades and reasons have labels for every screen") {
    CHECK(rating_level(5)->zh == "非常满意");
    CHECK(rating_level(4)->zh == "满意");
    CHECK(rating_level(3)->zh == "基本满意");
    CHECK(rating_level(2)->zh == "不满意");
    CHECK(rating_level(1)->zh == "非常不满意");
    CHECK(rating_level(0)->zh == "未评价");
    CHECK(rating_level(6) == nullptr);
    CHECK(rating_grade(5) == RatingGrade::good);
    CHECK(rating_grade(4) == RatingGrade::good);
    CHECK(rating_grade(3) == RatingGrade::neutral);
    CHECK(rating_grade(2) == RatingGrade::bad);
    CHECK(rating_grade(1) == RatingGrade::bad);
    CHECK(rating_grade(0) == RatingGrade::not_rated);
    std::vector<std::string> codes;
    for (const auto& r : kRatingReasons) {
        codes.emplace_back(r.code);
        CHECK_FALSE(r.zh.empty());
        CHECK_FALSE(r.en.empty());
    }
    CHECK(codes == std::vector<std::string>{"attitude", "efficiency", "guidance", "materials",
                                            "environment", "other"});
    CHECK(rating_reason("materials")->zh == "材料要求不明");
    CHECK(rating_reason("rude") == nullptr);
    CHECK(std::string(to_string(CommandType::rate)) == "rate");
    CHECK(std::string(to_string(EventType::ticket_rated)) == "ticket_rated");
}
