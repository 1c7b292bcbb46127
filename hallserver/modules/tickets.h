// tickets.h - the tickets module: the hall commands (issue, call, serve, windows, ratings) decided
// by Hall::decide, and tickets issued with a swiped ID number (one active ticket per person and item).
#pragma once
#include <map>
#include <string>
#include "core/idnumber.h"
#include "modules/module.h"

namespace hallq {

// The work of a decided hall command: its events, and the reply body with the ticket and window
// it touched. Refused: the hall's reason.
CommandResult decide_command(const Hall& hall, const Command& cmd, int64_t now);

// Age in whole years on the hall's service day; -1 if the day is not set.
int age_on_service_day(const Hall& hall, const IdNumberInfo& id);
inline bool green_by_age(const ServerConfig& cfg, int age) {
    return cfg.green_channel_age > 0 && age >= cfg.green_channel_age;
}

class TicketsModule {
public:
    TicketsModule(ServiceState& st, HandlerTable& table);

private:
    CommandResult handle(const Call& c);
    // issue_ticket with an ID number: the holder key on the command, green class by age; returns
    // the holder's active ticket for the same item, if any (then nothing is issued).
    const Ticket* prepare_id_issue(const Request& req, IssueTicket& cmd);
    // Warns once a day per queue when its numbers are 90% used.
    void warn_numbers_running_out(const Work& w);
    ServiceState& st_;
    std::map<std::string, std::string> warned_;  // queue → the day it was warned about
};

}  // namespace hallq
