// test_ticket_lifecycle.cpp - the ticket state machine: every (state, command) pair, legal or not.
#include <map>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "hall_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr int64_t kLater = kMorning + 60'000;  // past the recall cooldown

// A hall with windows 1 and 2 open and one A ticket brought into `state` at window 1.
struct Setup {
    Hall hall;
    int64_t id = 0;
};

Setup ticket_in(TicketState state) {
    Setup s{open_hall({1, 2}), 0};
    s.id = run(s.hall, issue("A"), kMorning).front().issued->id;
    switch (state) {
        case TicketState::waiting: break;
        case TicketState::cancelled: run(s.hall, CancelTicket{.ticket = {.id = s.id}}, kMorning); break;
        default:
            run(s.hall, CallNext{.window = 1}, kMorning);
            if (state == TicketState::no_show) run(s.hall, NoShow{.window = 1}, kMorning);
            if (state == TicketState::serving || state == TicketState::parked || state == TicketState::done)
                run(s.hall, Start{.window = 1}, kMorning);
            if (state == TicketState::parked) run(s.hall, Park{.window = 1}, kMorning);
            if (state == TicketState::done) run(s.hall, Finish{.window = 1}, kMorning);
    }
    REQUIRE(s.hall.ticket(s.id)->state == state);
    return s;
}

// The command named `name`, aimed at window `window` and, where it names one, the ticket.
Command make(const std::string& name, int64_t id, int window = 1) {
    const TicketRef t{.id = id};
    const std::string reason = "老人行动不便";
    if (name == "call_ticket") return CallTicket{.window = window, .ticket = t, .reason = reason};
    if (name == "recall") return Recall{.window = window};
    if (name == "start") return Start{.window = window};
    if (name == "finish") return Finish{.window = window};
    if (name == "no_show") return NoShow{.window = window};
    if (name == "transfer") return Transfer{.window = window, .target_queue = "B"};
    if (name == "park") return Park{.window = window};
    if (name == "resume") return Resume{.window = window, .ticket = t};
    if (name == "cancel") return CancelTicket{.ticket = t, .reason = reason};
    if (name == "rate") return Rate{.window = window, .ticket = t, .level = 5};
    throw std::invalid_argument("no command " + name);
}

struct Row {
    TicketState from;
    std::string command;
    std::variant<TicketState, ErrorCode> expect;
};
}  // namespace

TEST_CASE("lifecycle: every command in every ticket state is allowed or refused with its reason") {
    using S = TicketState;
    using E = ErrorCode;
    // Commands on the window's current ticket reach only a called or serving ticket; for any other
    // state window 1 has no current ticket. call_ticket/resume/cancel/rate name the ticket.
    std::vector<Row> table = {
        {S::waiting, "call_ticket", S::called},   {S::waiting, "recall", E::window_idle},
        {S::waiting, "start", E::window_idle},    {S::waiting, "finish", E::window_idle},
        {S::waiting, "no_show", E::window_idle},  {S::waiting, "transfer", E::window_idle},
        {S::waiting, "park", E::window_idle},     {S::waiting, "resume", E::bad_state},
        {S::waiting, "cancel", S::cancelled},     {S::waiting, "rate", E::bad_state},

        {S::called, "call_ticket", E::window_busy}, {S::called, "recall", S::called},
        {S::called, "start", S::serving},           {S::called, "finish", E::bad_state},
        {S::called, "no_show", S::no_show},         {S::called, "transfer", S::waiting},
        {S::called, "park", S::parked},             {S::called, "resume", E::window_busy},
        {S::called, "cancel", E::bad_state},        {S::called, "rate", E::bad_state},

        {S::serving, "call_ticket", E::window_busy}, {S::serving, "recall", E::bad_state},
        {S::serving, "start", E::bad_state},         {S::serving, "finish", S::done},
        {S::serving, "no_show", E::bad_state},       {S::serving, "transfer", S::waiting},
        {S::serving, "park", S::parked},             {S::serving, "resume", E::window_busy},
        {S::serving, "cancel", E::bad_state},        {S::serving, "rate", E::bad_state},

        {S::parked, "call_ticket", E::bad_state},  {S::parked, "recall", E::window_idle},
        {S::parked, "start", E::window_idle},      {S::parked, "finish", E::window_idle},
        {S::parked, "no_show", E::window_idle},    {S::parked, "transfer", E::window_idle},
        {S::parked, "park", E::window_idle},       {S::parked, "resume", S::serving},
        {S::parked, "cancel", S::cancelled},       {S::parked, "rate", E::bad_state},
        {S::done, "rate", S::done},                {S::no_show, "rate", E::bad_state},
        {S::cancelled, "rate", E::bad_state},
    };
    for (S terminal : {S::done, S::no_show, S::cancelled}) {
        for (const char* c : {"recall", "start", "finish", "no_show", "transfer", "park"})
            table.push_back({terminal, c, E::window_idle});
        for (const char* c : {"call_ticket", "resume", "cancel"})
            table.push_back({terminal, c, E::bad_state});
    }
    REQUIRE(table.size() == 7 * 10);

    for (const Row& row : table) {
        DYNAMIC_SECTION(to_string(row.from) << " + " << row.command) {
            Setup s = ticket_in(row.from);
            Command c = make(row.command, s.id);
            if (auto* code = std::get_if<ErrorCode>(&row.expect)) {
                std::string before = snapshot_json(s.hall).dump();
                CHECK(refused(s.hall, c, kLater) == *code);
                CHECK(snapshot_json(s.hall).dump() == before);
            } else {
                run(s.hall, c, kLater);
                CHECK(s.hall.ticket(s.id)->state == std::get<TicketState>(row.expect));
            }
        }
    }
}

TEST_CASE("lifecycle: a ticket in use elsewhere cannot be called or resumed from another window") {
    for (TicketState st : {TicketState::called, TicketState::serving}) {
        Setup s = ticket_in(st);
        CHECK(refused(s.hall, make("call_ticket", s.id, 2), kLater) == ErrorCode::bad_state);
    }
    Setup s = ticket_in(TicketState::parked);
    CHECK(refused(s.hall, make("resume", s.id, 2), kLater) == ErrorCode::not_your_ticket);
    CHECK(refused(s.hall, make("call_ticket", s.id, 2), kLater) == ErrorCode::bad_state);
}

TEST_CASE("lifecycle: times, window and counters follow the ticket") {
    Hall h = open_hall({1, 2});
    int64_t id = run(h, issue("A"), kMorning).front().issued->id;
    run(h, CallNext{.window = 1}, kMorning + 1000);
    CHECK(h.window(1)->current == id);
    CHECK(h.ticket(id)->window == 1);
    CHECK(h.ticket(id)->called_at == kMorning + 1000);
    run(h, Recall{.window = 1}, kLater);
    CHECK(h.ticket(id)->recalls == 1);
    CHECK(h.ticket(id)->called_at == kMorning + 1000);
    CHECK(h.ticket(id)->last_called_at == kLater);
    run(h, Start{.window = 1}, kLater + 1000);
    CHECK(h.ticket(id)->started_at == kLater + 1000);
    run(h, Finish{.window = 1, .items = {"T-SJ-001"}, .outcome = "materials_missing"}, kLater + 2000);
    CHECK(h.ticket(id)->outcome == "materials_missing");
    CHECK(h.ticket(id)->finished_at == kLater + 2000);
    CHECK(h.window(1)->current == 0);
    CHECK(h.window(1)->served == 1);
}

TEST_CASE("lifecycle: transfer keeps the issue time and counts, park and resume keep the start") {
    Hall h = open_hall({1, 3});
    int64_t id = run(h, issue("A"), kMorning).front().issued->id;
    run(h, CallNext{.window = 1}, kMorning + 1000);
    run(h, Start{.window = 1}, kMorning + 2000);
    run(h, Park{.window = 1}, kMorning + 3000);
    CHECK(h.window(1)->current == 0);
    Command resume = make("resume", id);
    run(h, resume, kMorning + 4000);
    CHECK(h.ticket(id)->started_at == kMorning + 2000);
    CHECK(h.window(1)->current == id);

    auto events = run(h, Transfer{.window = 1, .target_window = 3, .note = "需补社保材料"}, kMorning + 5000);
    CHECK(events.front().note == "需补社保材料");
    const Ticket* moved = h.ticket(id);
    CHECK(moved->state == TicketState::waiting);
    CHECK(moved->issued_at == kMorning);
    CHECK(moved->transfers == 1);
    CHECK(moved->target_window == 3);
    CHECK(moved->window == 0);
    CHECK(h.window(1)->current == 0);
}

TEST_CASE("lifecycle: the calling commands check their own inputs") {
    Hall h = open_hall({1, 3});
    int64_t a = run(h, issue("A"), kMorning).front().issued->id;
    CHECK(refused(h, CallNext{.window = 9}, kMorning) == ErrorCode::unknown_window);
    CallTicket no_reason{.window = 1, .ticket = {.id = a}};
    CHECK(refused(h, no_reason, kMorning) == ErrorCode::reason_required);
    CHECK(refused(h, make("call_ticket", 999), kMorning) == ErrorCode::unknown_ticket);
    CHECK(refused(h, make("call_ticket", a, 3), kMorning) == ErrorCode::not_for_window);
    CHECK(refused(h, make("cancel", 999), kMorning) == ErrorCode::unknown_ticket);

    run(h, CallNext{.window = 1}, kMorning);
    Transfer same{.window = 1, .target_queue = "A"};
    CHECK(refused(h, same, kMorning) == ErrorCode::same_target);
    Transfer self{.window = 1, .target_window = 1};
    CHECK(refused(h, self, kMorning) == ErrorCode::same_target);
    Transfer both{.window = 1, .target_queue = "B", .target_window = 3};
    CHECK(refused(h, both, kMorning) == ErrorCode::bad_field);
    Transfer nowhere{.window = 1, .target_queue = "Z"};
    CHECK(refused(h, nowhere, kMorning) == ErrorCode::unknown_queue);
    nowhere.target_queue.clear();
    nowhere.target_window = 42;
    CHECK(refused(h, nowhere, kMorning) == ErrorCode::unknown_window);

    run(h, Start{.window = 1}, kMorning);
    Finish fin{.window = 1, .items = {"NO-SUCH-ITEM"}};
    CHECK(refused(h, fin, kMorning) == ErrorCode::unknown_item);
    fin.items.clear();
    fin.outcome = "lost";
    CHECK(refused(h, fin, kMorning) == ErrorCode::bad_field);
}

TEST_CASE("lifecycle: recall is limited in number and spaced by the cooldown") {
    Policy p;
    p.recall_limit = 2;
    p.recall_cooldown_s = 20;
    Hall h = open_hall({1}, p);
    run(h, issue("A"), kMorning);
    run(h, CallNext{.window = 1}, kMorning);
    CHECK(refused(h, Recall{.window = 1}, kMorning + 19'999) == ErrorCode::recall_cooldown);
    run(h, Recall{.window = 1}, kMorning + 20'000);
    CHECK(refused(h, Recall{.window = 1}, kMorning + 30'000) == ErrorCode::recall_cooldown);
    run(h, Recall{.window = 1}, kMorning + 40'000);
    CHECK(refused(h, Recall{.window = 1}, kMorning + 600'000) == ErrorCode::recall_limit);
    CHECK(h.ticket(h.window(1)->current)->recalls == 2);
}

TEST_CASE("lifecycle: windows and clerks") {
    Hall h = open_hall({});
    CHECK(refused(h, WindowOpen{.window = 1}, kMorning) == ErrorCode::no_clerk);
    CHECK(refused(h, CallNext{.window = 1}, kMorning) == ErrorCode::no_clerk);
    CHECK(refused(h, WindowPause{.window = 1}, kMorning) == ErrorCode::window_closed);
    CHECK(refused(h, WindowClose{.window = 1}, kMorning) == ErrorCode::window_state);
    CHECK(refused(h, ClerkLogout{.window = 1}, kMorning) == ErrorCode::no_clerk);
    ClerkLogin login{.window = 1, .clerk = "nobody"};
    CHECK(refused(h, login, kMorning) == ErrorCode::unknown_clerk);
    login.clerk = "c01";
    run(h, login, kMorning);
    CHECK(refused(h, login, kMorning) == ErrorCode::window_state);
    CHECK(refused(h, CallNext{.window = 1}, kMorning) == ErrorCode::window_closed);
    CHECK(refused(h, ClerkLogin{.window = 1, .clerk = "c02"}, kMorning) == ErrorCode::window_taken);
    CHECK(refused(h, ClerkLogin{.window = 2, .clerk = "c01"}, kMorning) == ErrorCode::clerk_elsewhere);

    run(h, WindowOpen{.window = 1}, kMorning);
    CHECK(refused(h, WindowOpen{.window = 1}, kMorning) == ErrorCode::window_state);
    CHECK(refused(h, CallNext{.window = 1}, kMorning) == ErrorCode::queue_empty);
    run(h, issue("A"), kMorning);
    run(h, CallNext{.window = 1}, kMorning);
    CHECK(refused(h, CallNext{.window = 1}, kMorning) == ErrorCode::window_busy);
    CHECK(refused(h, WindowPause{.window = 1}, kMorning) == ErrorCode::window_busy);
    CHECK(refused(h, WindowClose{.window = 1}, kMorning) == ErrorCode::window_busy);
    CHECK(refused(h, ClerkLogout{.window = 1}, kMorning) == ErrorCode::window_busy);
    run(h, NoShow{.window = 1}, kMorning);
    run(h, WindowPause{.window = 1}, kMorning);
    CHECK(h.window(1)->state == WindowState::paused);
    CHECK(refused(h, WindowPause{.window = 1}, kMorning) == ErrorCode::window_state);
    run(h, issue("A"), kMorning);
    CHECK(refused(h, CallNext{.window = 1}, kMorning) == ErrorCode::window_paused);
    run(h, WindowOpen{.window = 1}, kMorning);
    run(h, ClerkLogout{.window = 1}, kMorning);
    CHECK(h.window(1)->state == WindowState::closed);
    CHECK(h.window(1)->clerk.empty());

    SetProfile profile{.window = 1};
    run(h, ClerkLogin{.window = 1, .clerk = "c01"}, kMorning);  // may set profiles (small-hall.json)
    profile.profile = {"B", "Z"};
    CHECK(refused(h, profile, kMorning) == ErrorCode::unknown_queue);
    profile.profile = {"B", "B"};
    CHECK(refused(h, profile, kMorning) == ErrorCode::bad_field);
    profile.profile = {};
    CHECK(refused(h, profile, kMorning) == ErrorCode::bad_field);
    profile.profile = {"C", "A"};
    run(h, profile, kMorning);
    CHECK(h.window(1)->profile == std::vector<std::string>{"C", "A"});
}

TEST_CASE("lifecycle: only a clerk allowed to may change the profile of their window") {
    Hall h = open_hall({});
    SetProfile profile{.window = 2, .profile = {"C"}};
    CHECK(refused(h, profile, kMorning) == ErrorCode::no_clerk);
    ClerkLogin login{.window = 2, .clerk = "c02"};  // no can_set_profile
    run(h, login, kMorning);
    CHECK(refused(h, profile, kMorning) == ErrorCode::not_allowed);
    CHECK(h.window(2)->profile == std::vector<std::string>{"B", "A"});
    // c01 may, but only at the window they are logged in at: not at c02's window from elsewhere.
    run(h, ClerkLogin{.window = 1, .clerk = "c01"}, kMorning);
    CHECK(refused(h, profile, kMorning) == ErrorCode::not_allowed);
    run(h, ClerkLogout{.window = 2}, kMorning);
    run(h, ClerkLogout{.window = 1}, kMorning);
    login.clerk = "c01";
    run(h, login, kMorning);
    auto events = run(h, profile, kMorning);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::profile_changed);
    CHECK(h.window(2)->profile == std::vector<std::string>{"C"});
    CHECK(h.catalogue().clerk("c01")->can_set_profile);
    CHECK_FALSE(h.catalogue().clerk("c02")->can_set_profile);
}
