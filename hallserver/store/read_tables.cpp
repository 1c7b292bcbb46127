// read_tables.cpp - which events each read table projects, and the rows it writes for them.
#include "read_tables.h"

#include <array>

#include "protocol/json.h"

namespace hallq {

namespace {
constexpr size_t kEventTypes = 0
#define HALLQ_EVENT(name, since) +1
#include "protocol/messages.def"
    ;

// tickets: one row per ticket of the day, as it is now; a new day expires the open rows of others.
void project_ticket(const Event& e, const Hall& after, RowSink& sink) {
    if (e.type == EventType::day_rollover) return sink.expire_tickets_before(e.day);
    if (const Ticket* t = e.ticket ? after.ticket(e.ticket) : nullptr) sink.put_ticket(*t, after.day(), e.seq);
}

// ratings: one row per rating, with the clerk and item it rates.
void project_rating(const Event& e, const Hall& after, RowSink& sink) {
    const Ticket* t = after.ticket(e.ticket);
    if (!t) return;
    RowSink::Rating r;
    r.day = after.day();
    r.ticket_id = t->id;
    r.ticket_number = t->number;
    r.window = e.window;
    r.clerk = e.clerk;
    r.item = e.item;
    r.level = e.level;
    r.reasons = Json(e.reasons).dump();
    r.comment = e.comment;
    r.at = e.at;
    r.seq = e.seq;
    sink.add_rating(r);
}

using E = EventType;
}  // namespace

const std::vector<ReadTable>& read_tables() {
    static const std::vector<ReadTable> tables = {
        {"tickets",
         {E::day_rollover, E::ticket_issued, E::ticket_cancelled, E::ticket_called, E::ticket_recalled,
          E::ticket_started, E::ticket_finished, E::ticket_no_show, E::ticket_transferred, E::ticket_parked,
          E::ticket_resumed, E::ticket_rated},
         &project_ticket},
        {"ratings", {E::ticket_rated}, &project_rating},
    };
    return tables;
}

const std::vector<EventType>& audit_only_events() {
    static const std::vector<EventType> events = {E::hall_setup,     E::clerk_logged_in, E::clerk_logged_out,
                                                  E::window_opened,  E::window_paused,   E::window_closed,
                                                  E::profile_changed};
    return events;
}

const std::vector<const ReadTable*>& read_tables_for(EventType t) {
    static const auto index = [] {
        std::array<std::vector<const ReadTable*>, kEventTypes> by_type;
        for (const ReadTable& table : read_tables())
            for (EventType e : table.projects) by_type[size_t(e)].push_back(&table);
        return by_type;
    }();
    static const std::vector<const ReadTable*> none;
    return size_t(t) < index.size() ? index[size_t(t)] : none;
}

void project(std::span<const Event> events, const Hall& after, RowSink& sink) {
    for (const Event& e : events)
        for (const ReadTable* table : read_tables_for(e.type)) table->project(e, after, sink);
}

}  // namespace hallq
