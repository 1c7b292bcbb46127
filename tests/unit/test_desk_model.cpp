// test_desk_model.cpp - the clerk desk's view: actions enabled exactly when the hall would accept
// them, the current ticket, the queue in calling order, parked tickets and the clerk's figures.
#include <random>
#include <string>
#include <vector>

#include "core/policy.h"
#include "desk_model.h"
#include "hall_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr DeskAction kAll[] = {DeskAction::next,   DeskAction::recall,  DeskAction::start,
                               DeskAction::finish, DeskAction::no_show, DeskAction::transfer,
                               DeskAction::park,   DeskAction::resume,  DeskAction::call_ticket,
                               DeskAction::pause,  DeskAction::reopen};
constexpr const char* kNames[] = {"next", "recall", "start",       "finish", "no_show", "transfer",
                                  "park", "resume", "call_ticket", "pause",  "reopen"};

// The enabled actions as "next call_ticket pause", in enum order.
std::string enabled(const DeskView& v) {
    std::string out;
    for (DeskAction a : kAll)
        if (action(v, a).enabled) out += (out.empty() ? "" : " ") + std::string(kNames[int(a)]);
    return out;
}

int64_t issue_id(Hall& h, const Command& c, int64_t now) {
    return run(h, c, now).front().issued->id;
}

void login(Hall& h, int window, const std::string& clerk, int64_t now) {
    run(h, ClerkLogin{.window = window, .clerk = clerk}, now);
}

void rate(Hall& h, int64_t ticket, int level, int64_t now) {
    run(h, Rate{.ticket = {.id = ticket}, .level = level}, now);
}

constexpr int64_t kSecond = 1000;
}  // namespace

TEST_CASE("desk: which actions are enabled in which state") {
    const int64_t t0 = kMorning, t1 = kMorning + 60 * kSecond;
    struct Row {
        std::string state, expect, next_why_not;
    };
    std::vector<Row> rows = {
        {"no clerk", "", "no_clerk"},
        {"closed", "reopen", "window_closed"},
        {"open idle, nobody waiting", "pause", "queue_empty"},
        {"open idle, tickets waiting", "next call_ticket pause", ""},
        {"paused", "reopen", "window_paused"},
        {"called", "recall start no_show transfer park", "window_busy"},
        {"serving", "finish transfer park", "window_busy"},
        {"after park", "resume pause", "queue_empty"},
    };
    for (const Row& row : rows) {
        SECTION(row.state) {
            Hall h = open_hall({2});
            if (row.state != "no clerk") login(h, 1, "c01", t0);
            if (row.state != "no clerk" && row.state != "closed")
                run(h, WindowOpen{.window = 1}, t0);
            if (row.state != "open idle, nobody waiting" && row.state != "no clerk" &&
                row.state != "closed")
                run(h, issue("A"), t0);
            if (row.state == "paused") run(h, WindowPause{.window = 1}, t0);
            if (row.state == "called" || row.state == "serving" || row.state == "after park")
                run(h, CallNext{.window = 1}, t0);
            if (row.state == "serving") run(h, Start{.window = 1}, t0);
            if (row.state == "after park") run(h, Park{.window = 1}, t0);

            DeskView v = desk_view(h, 1, "c01", t1);
            INFO(row.state);
            CHECK(enabled(v) == row.expect);
            CHECK(action(v, DeskAction::next).why_not == row.next_why_not);
            REQUIRE(v.actions.size() == std::size(kAll));
            for (size_t i = 0; i < v.actions.size(); ++i) {
                CHECK(v.actions[i].action == kAll[i]);
                CHECK(v.actions[i].enabled == v.actions[i].why_not.empty());
            }
        }
    }
}

TEST_CASE("desk: disabled actions say why") {
    Hall h = open_hall({1});
    DeskView idle = desk_view(h, 1, "c01", kMorning);
    CHECK(action(idle, DeskAction::start).why_not == "window_idle");
    CHECK(action(idle, DeskAction::transfer).why_not == "window_idle");
    CHECK(action(idle, DeskAction::call_ticket).why_not == "queue_empty");
    CHECK(action(idle, DeskAction::reopen).why_not == "window_state");
    run(h, issue("A"), kMorning);
    run(h, CallNext{.window = 1}, kMorning);
    DeskView called = desk_view(h, 1, "c01", kMorning);
    CHECK(action(called, DeskAction::finish).why_not == "bad_state");
    CHECK(action(called, DeskAction::pause).why_not == "window_busy");
    CHECK(action(called, DeskAction::call_ticket).why_not == "window_busy");

    DeskView unknown = desk_view(h, 99, "c01", kMorning);
    CHECK(enabled(unknown).empty());
    CHECK(action(unknown, DeskAction::next).why_not == "unknown_window");
    CHECK(unknown.queue.empty());
}

TEST_CASE("desk: recall is disabled during the cooldown and after the limit") {
    Policy p;
    p.recall_limit = 2;
    p.recall_cooldown_s = 20;
    Hall h = open_hall({1}, p);
    run(h, issue("A"), kMorning);
    run(h, CallNext{.window = 1}, kMorning);
    int64_t t = kMorning;

    DeskView v = desk_view(h, 1, "c01", t + 19 * kSecond);
    CHECK_FALSE(action(v, DeskAction::recall).enabled);
    CHECK(action(v, DeskAction::recall).why_not == "recall_cooldown");
    CHECK(v.current.recalls_left == 2);
    CHECK(action(desk_view(h, 1, "c01", t + 20 * kSecond), DeskAction::recall).enabled);

    for (int i = 0; i < 2; ++i) {
        t += 30 * kSecond;
        run(h, Recall{.window = 1}, t);
    }
    v = desk_view(h, 1, "c01", t + 600 * kSecond);
    CHECK_FALSE(action(v, DeskAction::recall).enabled);
    CHECK(action(v, DeskAction::recall).why_not == "recall_limit");
    CHECK(v.current.recalls == 2);
    CHECK(v.current.recalls_left == 0);
}

TEST_CASE("desk: the current ticket") {
    Hall h = open_hall({1});
    IssueTicket c = issue("A", TicketClass::reservation);
    c.item = "T-SJ-002";
    c.holder = "张*三";
    c.slot_at = kMorning + 600 * kSecond;
    int64_t id = issue_id(h, c, kMorning);
    run(h, CallNext{.window = 1}, kMorning + 90 * kSecond);

    DeskView v = desk_view(h, 1, "c01", kMorning + 100 * kSecond);
    CHECK(v.window_name == "综合窗口1");
    CHECK(v.clerk == "c01");
    CHECK(v.clerk_name == "王芳");
    CHECK(v.window_state == WindowState::open);
    CHECK(v.profile == std::vector<std::string>{"A", "B"});
    CHECK(v.current.id == id);
    CHECK(v.current.number == "A001");
    CHECK(v.current.queue == "A");
    CHECK(v.current.klass == "reservation");
    CHECK(v.current.state == TicketState::called);
    CHECK(v.current.waited_s == 90);
    CHECK(v.current.at_window_s == 10);
    CHECK(v.current.items == std::vector<std::string>{"T-SJ-002"});
    CHECK(v.current.item_names == std::vector<std::string>{"食品经营许可"});
    CHECK(v.current.reservation == "R-1");
    CHECK(v.current.holder == "张*三");
    CHECK(v.current.slot_at == kMorning + 600 * kSecond);
    CHECK(v.current.recalls_left == 3);

    run(h, Start{.window = 1}, kMorning + 120 * kSecond);
    v = desk_view(h, 1, "c01", kMorning + 150 * kSecond);
    CHECK(v.current.state == TicketState::serving);
    CHECK(v.current.at_window_s == 30);
    CHECK(v.current.waited_s == 90);

    run(h, Park{.window = 1}, kMorning + 160 * kSecond);
    v = desk_view(h, 1, "c01", kMorning + 170 * kSecond);
    CHECK(v.current.id == 0);
    REQUIRE(v.parked.size() == 1);
    CHECK(v.parked[0].id == id);
    CHECK(v.parked[0].item_name == "食品经营许可");
    CHECK(desk_view(h, 2, "c02", kMorning).parked.empty());
}

TEST_CASE("desk: the queue is in the order next would call it, green first") {
    Hall h = open_hall({1});
    int64_t a1 = issue_id(h, issue("A"), kMorning);
    int64_t b1 = issue_id(h, issue("B"), kMorning + kSecond);
    int64_t a2 = issue_id(h, issue("A"), kMorning + 2 * kSecond);
    int64_t g = issue_id(h, issue("B", TicketClass::green), kMorning + 3 * kSecond);
    issue_id(h, issue("C"), kMorning + 4 * kSecond);  // not served at window 1
    int64_t now = kMorning + 10 * kSecond;

    DeskView v = desk_view(h, 1, "c01", now);
    std::vector<int64_t> ids;
    for (const auto& q : v.queue) ids.push_back(q.id);
    CHECK(ids == std::vector<int64_t>{g, a1, a2, b1});
    CHECK(ids == call_order(h, *h.window(1), now, 50));
    CHECK(v.queue[0].klass == "green");
    CHECK(v.queue[0].number == "B002");
    CHECK(v.queue[0].waited_s == 7);
    CHECK(v.queue[1].klass == "normal");
    CHECK(desk_view(h, 1, "c01", now, 2).queue.size() == 2);

    // "next" takes the head of the list.
    auto events = run(h, CallNext{.window = 1}, now);
    CHECK(events.front().ticket == g);
}

TEST_CASE("desk: a ticket transferred to this window shows as transferred here") {
    Hall h = open_hall({1, 2});
    int64_t a = issue_id(h, issue("A"), kMorning);
    int64_t b = issue_id(h, issue("B"), kMorning);
    run(h, CallNext{.window = 2}, kMorning);  // B first at window 2
    CHECK(action(desk_view(h, 2, "c02", kMorning), DeskAction::transfer).enabled);
    run(h, Transfer{.window = 2, .target_window = 1}, kMorning + kSecond);

    DeskView v1 = desk_view(h, 1, "c01", kMorning + 5 * kSecond);
    REQUIRE(v1.queue.size() == 2);
    CHECK(v1.queue[0].id == b);
    CHECK(v1.queue[0].transferred_here);
    CHECK(v1.queue[1].id == a);
    CHECK_FALSE(v1.queue[1].transferred_here);
    for (const auto& q : desk_view(h, 2, "c02", kMorning + 5 * kSecond).queue) CHECK(q.id != b);
}

TEST_CASE("desk: figures count only this clerk's finished tickets") {
    Hall h = open_hall({1, 2});
    int64_t t = kMorning;
    // Serves one ticket at `window`: called, started, finished after `seconds`; returns its id.
    auto serve = [&](int window, int64_t seconds) {
        int64_t id = issue_id(h, issue(window == 1 ? "A" : "B"), t);
        run(h, CallNext{.window = window}, t);
        run(h, Start{.window = window}, t + kSecond);
        run(h, Finish{.window = window}, t + kSecond + seconds * kSecond);
        t += (seconds + 10) * kSecond;
        return id;
    };
    int64_t good = serve(1, 120), silent = serve(1, 60), unasked = serve(1, 30);
    int64_t bad = serve(1, 90);
    int64_t other = serve(2, 500);
    issue_id(h, issue("A"), t);
    run(h, CallNext{.window = 1}, t);
    run(h, NoShow{.window = 1}, t);
    rate(h, good, 5, t);
    rate(h, silent, 0, t);
    rate(h, bad, 2, t);
    rate(h, other, 4, t);
    (void)unasked;

    ClerkFigures f = desk_view(h, 1, "c01", t).figures;
    CHECK(f.served == 4);
    CHECK(f.average_handling_s == (120 + 60 + 30 + 90) / 4);
    CHECK(f.good == 1);
    CHECK(f.neutral == 0);
    CHECK(f.bad == 1);
    CHECK(f.not_rated == 1);

    ClerkFigures f2 = desk_view(h, 2, "c02", t).figures;
    CHECK(f2.served == 1);
    CHECK(f2.average_handling_s == 500);
    CHECK(f2.good == 1);
    CHECK(desk_view(h, 3, "c03", t).figures.served == 0);
}

TEST_CASE("desk: keys and labels") {
    CHECK(std::string(action_key(DeskAction::next)) == "F1");
    CHECK(std::string(action_key(DeskAction::call_ticket)) == "F9");
    CHECK(std::string(action_key(DeskAction::pause)) == "F11");
    CHECK(std::string(action_key(DeskAction::reopen)) == "F12");
    CHECK(std::string(action_label_zh(DeskAction::no_show)) == "过号");
    CHECK(std::string(action_label_zh(DeskAction::resume)) == "恢复办理");
    CHECK(std::string(action_label_en(DeskAction::call_ticket)) == "Call ticket");
    CHECK(std::string(action_label_en(DeskAction::reopen)) == "Reopen");
}

TEST_CASE("desk: over random halls every action is enabled exactly when the hall accepts it") {
    const CommandType kDirect[] = {
        CommandType::call_next,    CommandType::recall,     CommandType::start,
        CommandType::finish,       CommandType::no_show,    CommandType::transfer,
        CommandType::park,         CommandType::resume,     CommandType::call_ticket,
        CommandType::window_pause, CommandType::window_open};
    const std::vector<CommandType> kSteps = {
        CommandType::issue_ticket, CommandType::issue_ticket, CommandType::clerk_login,
        CommandType::clerk_logout, CommandType::window_open,  CommandType::window_pause,
        CommandType::window_close, CommandType::call_next,    CommandType::call_next,
        CommandType::call_ticket,  CommandType::recall,       CommandType::start,
        CommandType::finish,       CommandType::no_show,      CommandType::transfer,
        CommandType::park,         CommandType::resume,       CommandType::cancel_ticket,
        CommandType::rate};
    const std::vector<std::string> kQueues = {"A", "B", "C"};
    int times_enabled[std::size(kAll)] = {}, times_disabled[std::size(kAll)] = {};

    for (unsigned seed = 1; seed <= 12; ++seed) {
        std::mt19937 rng(seed);
        auto pick = [&](int n) { return int(rng() % unsigned(n)); };
        Hall h = open_hall({});
        int64_t now = kMorning;
        for (int step = 0; step < 150; ++step) {
            now += pick(25) * kSecond;
            Command c = cmd(kSteps[size_t(pick(int(kSteps.size())))], 1 + pick(4));
            // Every field drawn for every step (the same walk whatever the type), then given to
            // the commands that take it.
            std::string clerk = "c0" + std::to_string(1 + pick(4));
            std::string queue = kQueues[size_t(pick(3))];
            TicketClass klass = TicketClass(pick(3));
            std::string reservation;
            int64_t slot_at = 0;
            if (klass == TicketClass::reservation) {
                reservation = "R-9";
                slot_at = now + pick(600) * kSecond;
            }
            int64_t ticket = h.next_ticket_id() > 1 ? 1 + pick(int(h.next_ticket_id() - 1)) : 0;
            int level = pick(6);
            std::string target_queue;
            int target_window = 0;
            if (pick(2))
                target_queue = kQueues[size_t(pick(3))];
            else
                target_window = 1 + pick(4);
            std::visit(
                [&](auto& b) {
                    if constexpr (requires { b.clerk; }) b.clerk = clerk;
                    if constexpr (requires { b.klass; }) {
                        b.queue = queue;
                        b.klass = klass;
                        b.reservation = reservation;
                        b.slot_at = slot_at;
                    }
                    if constexpr (requires { b.ticket; }) b.ticket = {.id = ticket};
                    if constexpr (requires { b.reason; }) b.reason = "x";
                    if constexpr (requires { b.level; }) b.level = level;
                    if constexpr (requires { b.target_queue; }) {
                        b.target_queue = target_queue;
                        b.target_window = target_window;
                    }
                },
                c);
            Decision d = h.decide(c, now);
            for (Event& e : d.events) {
                e.seq = h.seq() + 1;
                h.apply(e);
            }

            for (int w = 1; w <= 4; ++w) {
                DeskView v = desk_view(h, w, "c0" + std::to_string(w), now);
                INFO("seed " << seed << " step " << step << " window " << w);
                REQUIRE(v.actions.size() == std::size(kAll));
                for (size_t i = 0; i < std::size(kAll); ++i) {
                    const ActionState& s = v.actions[i];
                    bool accepted = false;
                    if (kDirect[i] == CommandType::transfer) {
                        for (const auto& q : kQueues)
                            accepted = accepted || h.decide(Transfer{.window = w, .target_queue = q}, now).ok();
                        for (int o = 1; o <= 4; ++o)
                            accepted = accepted || h.decide(Transfer{.window = w, .target_window = o}, now).ok();
                    } else if (kDirect[i] == CommandType::resume ||
                               kDirect[i] == CommandType::call_ticket) {
                        for (const auto& [id, t] : h.tickets()) {
                            Command k = kDirect[i] == CommandType::resume
                                            ? Command(Resume{.window = w, .ticket = {.id = id}})
                                            : Command(CallTicket{.window = w, .ticket = {.id = id}, .reason = "x"});
                            accepted = accepted || h.decide(k, now).ok();
                        }
                    } else {
                        Decision dd = h.decide(cmd(kDirect[i], w), now);
                        accepted = dd.ok();
                        if (!accepted) CHECK(s.why_not == to_string(dd.error.code));
                    }
                    INFO("action " << kNames[i]);
                    CHECK(s.enabled == accepted);
                    CHECK(s.enabled == s.why_not.empty());
                    ++(s.enabled ? times_enabled : times_disabled)[i];
                }
                std::vector<int64_t> ids;
                for (const auto& q : v.queue) ids.push_back(q.id);
                CHECK(ids == call_order(h, *h.window(w), now, 50));
            }
        }
    }
    // The random halls reached every action both ways.
    for (size_t i = 0; i < std::size(kAll); ++i) {
        INFO("action " << kNames[i] << " enabled " << times_enabled[i] << " disabled "
                       << times_disabled[i]);
        CHECK(times_enabled[i] > 0);
        CHECK(times_disabled[i] > 0);
    }
}
