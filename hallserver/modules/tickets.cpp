// tickets.cpp - hall commands: decode, the ID-number side of issue_ticket, decide.
#include "modules/tickets.h"

#include <cstdio>

#include "core/estimator.h"
#include "core/idnumber.h"
#include "log.h"
#include "modules/queries.h"
#include "protocol/commands.h"

namespace hallq {

CommandResult decide_command(const Hall& hall, const Command& cmd, int64_t now) {
    Decision d = hall.decide(cmd, now, &wait_minutes);
    if (!d.ok()) return d.error;
    Work w;
    int64_t ticket = d.events.front().ticket;
    int window = d.events.front().window;
    w.events = std::move(d.events);
    w.reply = [ticket, window, now](const Hall& after) { return command_result(after, ticket, window, now); };
    return w;
}

int age_on_service_day(const Hall& hall, const IdNumberInfo& id) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(hall.day().c_str(), "%d-%d-%d", &y, &m, &d) != 3) return -1;
    return age_on(id, y, m, d);
}

TicketsModule::TicketsModule(ServiceState& st, HandlerTable& table) : st_(st) {
    for (const MessageInfo& m : message_table())
        if (m.kind == MessageKind::command && m.module == "tickets")
            table.on_command(m.type, [this](const Call& c) { return handle(c); });
}

CommandResult TicketsModule::handle(const Call& c) {
    auto decoded = decode_command(std::string(c.msg.name), c.req.body);
    if (auto* err = std::get_if<Error>(&decoded)) return *err;
    Command& cmd = std::get<Command>(decoded);
    if (auto* issue = std::get_if<IssueTicket>(&cmd)) {
        if (const Ticket* held = prepare_id_issue(c.req, *issue)) {  // one active ticket per person and item
            // The kiosk it was issued at reprints it; staff see it; another kiosk learns no more
            // than that one is held (else any kiosk could find out who is in the hall, and where).
            if (!st_.holder_tickets.may_see(c.device, held->id)) return Error{ErrorCode::already_queued, ""};
            Work w;
            int64_t id = held->id;
            int64_t now = c.now;
            w.reply = [id, now](const Hall& after) { return command_result(after, id, 0, now, true); };
            w.summary = "existing ticket " + held->number;
            return w;
        }
    }
    CommandResult r = decide_command(st_.hall, cmd, c.now);
    if (auto* w = std::get_if<Work>(&r)) {
        warn_numbers_running_out(*w);
        auto* issue = std::get_if<IssueTicket>(&cmd);
        if (issue && !issue->holder_key.empty() && c.device && !w->events.empty())
            st_.holder_tickets.note(st_.hall.day(), w->events.front().ticket, c.device->name());
    }
    return r;
}

void TicketsModule::warn_numbers_running_out(const Work& w) {
    int max = st_.hall.policy().max_serial;
    for (const Event& e : w.events) {
        if (!e.issued || e.issued->serial < max - max / 10) continue;
        std::string& day = warned_[e.issued->queue];
        if (day == st_.hall.day()) continue;
        day = st_.hall.day();
        HALLQ_LOG(warn, "ALERT queue " << e.issued->queue << " has issued " << e.issued->serial << " of its " << max
                                       << " numbers today (policy.max_serial); past it the kiosks get number_exhausted");
    }
}

const Ticket* TicketsModule::prepare_id_issue(const Request& req, IssueTicket& cmd) {
    auto it = req.body.find("id_number");
    if (it == req.body.end() || !it->is_string()) return nullptr;
    auto id = parse_id_number(it->get<std::string>());
    if (!id) return nullptr;  // decode_command has refused it already
    if (cmd.klass == TicketClass::normal && green_by_age(st_.cfg, age_on_service_day(st_.hall, *id)))
        cmd.klass = TicketClass::green;
    if (!st_.vault) return nullptr;
    if (cmd.item.empty() && cmd.queue.empty()) return nullptr;  // the hall refuses it: bad_field
    cmd.holder_key = IdentityVault::holder_key(st_.vault->hash(id->normalized));
    const Ticket* held = st_.hall.active_ticket(cmd.holder_key, cmd.item);
    if (held && cmd.item.empty() && !cmd.queue.empty() && held->queue != cmd.queue) return nullptr;
    return held;
}

}  // namespace hallq
