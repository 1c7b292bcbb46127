// desk_model.cpp - the clerk desk's view of one window: which actions the hall would accept now,
// the current ticket, the queue in calling order, tickets parked here and the clerk's day.
#include "desk_model.h"

#include <algorithm>

#include "core/policy.h"

namespace hallq {

namespace {
struct ActionText {
    const char *key, *zh, *en;
};

// Indexed by DeskAction.
constexpr ActionText kActions[] = {
    {"F1", "叫号", "Next"},       {"F2", "重呼", "Recall"},      {"F3", "开始办理", "Start"},
    {"F4", "办结", "Finish"},     {"F5", "过号", "No-show"},     {"F6", "转移", "Transfer"},
    {"F7", "挂起", "Park"},       {"F8", "恢复办理", "Resume"},  {"F9", "指定叫号", "Call ticket"},
    {"F11", "暂停服务", "Pause"}, {"F12", "恢复服务", "Reopen"},
};
constexpr size_t kActionCount = sizeof kActions / sizeof kActions[0];
static_assert(kActionCount == static_cast<size_t>(DeskAction::reopen) + 1, "one text per action");

const ActionText& text(DeskAction a) {
    auto i = static_cast<size_t>(a);
    return kActions[i < kActionCount ? i : 0];
}

// Enabled when at least one of the candidate commands is accepted; otherwise the reason of the
// first refusal (or `fallback` when there is no candidate at all).
ActionState first_accepted(DeskAction a, const Hall& hall, const std::vector<Command>& candidates,
                           int64_t now, const Command& fallback) {
    ActionState s{a, false, {}};
    std::string first_reason;
    for (const Command& c : candidates) {
        Decision d = hall.decide(c, now);
        if (d.ok()) {
            s.enabled = true;
            return s;
        }
        if (first_reason.empty()) first_reason = std::string(to_string(d.error.code));
    }
    if (first_reason.empty()) {
        Decision d = hall.decide(fallback, now);
        if (d.ok()) {
            // Cannot happen for the fallbacks used below; stay disabled rather than guess.
            first_reason = std::string(to_string(ErrorCode::internal));
        } else {
            first_reason = std::string(to_string(d.error.code));
        }
    }
    s.why_not = std::move(first_reason);
    return s;
}

ActionState direct(DeskAction a, const Hall& hall, const Command& c, int64_t now) {
    return first_accepted(a, hall, {c}, now, {});
}

std::string item_name(const Hall& hall, const std::string& code) {
    const ServiceItem* i = hall.catalogue().item(code);
    return i ? i->name : std::string();
}

QueueEntry queue_entry(const Hall& hall, const Ticket& t, int window, int64_t now) {
    QueueEntry q;
    q.id = t.id;
    q.number = t.number;
    q.klass = to_string(t.klass);
    q.item_name = item_name(hall, t.item);
    q.waited_s = std::max<int64_t>(0, (now - t.issued_at) / 1000);
    q.transferred_here = t.target_window != 0 && t.target_window == window;
    return q;
}

std::vector<ActionState> actions(const Hall& hall, const WindowStatus* w, int window, int64_t now) {
    std::vector<ActionState> out;
    out.push_back(direct(DeskAction::next, hall, CallNext{.window = window}, now));
    out.push_back(direct(DeskAction::recall, hall, Recall{.window = window}, now));
    out.push_back(direct(DeskAction::start, hall, Start{.window = window}, now));
    out.push_back(direct(DeskAction::finish, hall, Finish{.window = window}, now));
    out.push_back(direct(DeskAction::no_show, hall, NoShow{.window = window}, now));

    // Transfer: to any other queue, or to any other window.
    std::vector<Command> transfers;
    const Ticket* cur = w && w->current ? hall.ticket(w->current) : nullptr;
    for (const Queue& q : hall.catalogue().queues) {
        if (cur && q.letter == cur->queue && !cur->target_window) continue;
        transfers.push_back(Transfer{.window = window, .target_queue = q.letter});
    }
    for (const auto& [n, other] : hall.windows()) {
        if (n == window) continue;
        transfers.push_back(Transfer{.window = window, .target_window = n});
    }
    out.push_back(first_accepted(DeskAction::transfer, hall, transfers, now, Transfer{.window = window}));

    out.push_back(direct(DeskAction::park, hall, Park{.window = window}, now));

    // Resume: a ticket parked at this window. call_ticket: a waiting ticket this window serves.
    std::vector<Command> resumes, calls;
    for (const auto& [id, t] : hall.tickets()) {
        if (t.state == TicketState::parked && t.window == window) {
            resumes.push_back(Resume{.window = window, .ticket = {.id = id}});
        } else if (t.state == TicketState::waiting && w && window_serves(*w, t) && calls.empty()) {
            calls.push_back(CallTicket{.window = window, .ticket = {.id = id}, .reason = "x"});
        }
    }
    out.push_back(first_accepted(DeskAction::resume, hall, resumes, now, Resume{.window = window}));
    // With nothing to call, a window otherwise ready hears "queue empty", as for "next".
    ActionState call =
        first_accepted(DeskAction::call_ticket, hall, calls, now, CallTicket{.window = window, .reason = "x"});
    if (calls.empty() && call.why_not == to_string(ErrorCode::unknown_ticket))
        call.why_not = std::string(to_string(ErrorCode::queue_empty));
    out.push_back(std::move(call));

    out.push_back(direct(DeskAction::pause, hall, WindowPause{.window = window}, now));
    out.push_back(direct(DeskAction::reopen, hall, WindowOpen{.window = window}, now));
    return out;
}

CurrentTicketView current_view(const Hall& hall, const Ticket& t, int64_t now) {
    CurrentTicketView c;
    c.id = t.id;
    c.number = t.number;
    c.queue = t.queue;
    c.klass = to_string(t.klass);
    c.state = t.state;
    c.waited_s = t.called_at ? std::max<int64_t>(0, (t.called_at - t.issued_at) / 1000) : 0;
    int64_t since =
        t.state == TicketState::serving && t.started_at ? t.started_at : t.last_called_at;
    c.at_window_s = since ? std::max<int64_t>(0, (now - since) / 1000) : 0;
    if (!t.item.empty()) c.items.push_back(t.item);
    for (const auto& i : t.items)
        if (std::find(c.items.begin(), c.items.end(), i) == c.items.end()) c.items.push_back(i);
    for (const auto& i : c.items) c.item_names.push_back(item_name(hall, i));
    c.reservation = t.reservation;
    c.holder = t.holder;
    c.slot_at = t.slot_at;
    c.recalls = t.recalls;
    c.recalls_left = std::max(0, hall.policy().recall_limit - t.recalls);
    c.transfers = t.transfers;
    return c;
}

ClerkFigures figures(const Hall& hall, const std::string& clerk) {
    ClerkFigures f;
    if (clerk.empty()) return f;
    int64_t handling_ms = 0;
    RatingTally tally;
    for (const auto& [id, t] : hall.tickets()) {
        if (t.state != TicketState::done || t.clerk != clerk) continue;
        ++f.served;
        if (t.started_at && t.finished_at > t.started_at)
            handling_ms += t.finished_at - t.started_at;
        if (t.rating >= 0) tally.count(t.rating, hall.policy().rating_three_good);  // -1: the citizen has not been asked yet
    }
    if (f.served) f.average_handling_s = handling_ms / f.served / 1000;
    f.good = tally.good;
    f.neutral = tally.neutral;
    f.bad = tally.bad;
    f.not_rated = tally.not_rated;
    return f;
}
}  // namespace

DeskView desk_view(const Hall& hall, int window, const std::string& clerk, int64_t now,
                   size_t queue_limit) {
    DeskView v;
    v.window = window;
    if (const WindowDef* d = hall.catalogue().window(window)) v.window_name = d->name;
    const WindowStatus* w = hall.window(window);
    if (w) {
        v.clerk = w->clerk;
        if (const Clerk* c = hall.catalogue().clerk(w->clerk)) v.clerk_name = c->name;
        v.window_state = w->state;
        v.profile = w->profile;
    }
    v.actions = actions(hall, w, window, now);
    if (w && w->current)
        if (const Ticket* t = hall.ticket(w->current)) v.current = current_view(hall, *t, now);
    if (w)
        for (int64_t id : call_order(hall, *w, now, queue_limit))
            if (const Ticket* t = hall.ticket(id))
                v.queue.push_back(queue_entry(hall, *t, window, now));
    for (const auto& [id, t] : hall.tickets())
        if (t.state == TicketState::parked && t.window == window)
            v.parked.push_back(queue_entry(hall, t, window, now));
    v.figures = figures(hall, clerk);
    return v;
}

const ActionState& action(const DeskView& v, DeskAction a) {
    auto i = static_cast<size_t>(a);
    if (i < v.actions.size() && v.actions[i].action == a) return v.actions[i];
    for (const auto& s : v.actions)
        if (s.action == a) return s;
    static const ActionState kMissing{DeskAction::next, false, "internal"};
    return kMissing;
}

const char* action_key(DeskAction a) { return text(a).key; }
const char* action_label_zh(DeskAction a) { return text(a).zh; }
const char* action_label_en(DeskAction a) { return text(a).en; }

}  // namespace hallq
