// read_tables.h - the tables a store keeps beside the event log for reports and lookups, and the
// event types each one projects.
//
// The event log is the truth; a read table is a projection of it, written in the same transaction
// as the events. Each table registers the event types it projects and a function that turns one
// event (with the state after it) into row writes on a RowSink, which every store engine
// implements with its own SQL. A new event type is projected by the tables that name it, or by
// none: `audit_only_events()` lists those only the log keeps, and a unit test checks that every
// event type is in exactly one of the two.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/hall.h"

namespace hallq {

// The row writes of the read tables, implemented by each engine inside the commit's transaction.
class RowSink {
public:
    virtual ~RowSink() = default;
    // tickets: the ticket's row as it is after event `seq` of service day `day` (insert or update).
    virtual void put_ticket(const Ticket& t, const std::string& day, uint64_t seq) = 0;
    // tickets: the rows of other days still open (waiting, called, serving, parked) are expired.
    virtual void expire_tickets_before(const std::string& day) = 0;
    // ratings: one row per rating given.
    struct Rating {
        std::string day;
        int64_t ticket_id = 0;
        std::string ticket_number;
        int window = 0;
        std::string clerk, item;
        int level = 0;
        std::string reasons;  // JSON array of reason codes
        std::string comment;
        int64_t at = 0;
        uint64_t seq = 0;
    };
    virtual void add_rating(const Rating& r) = 0;
};

struct ReadTable {
    const char* name;
    std::vector<EventType> projects;
    void (*project)(const Event& e, const Hall& after, RowSink& sink);
};

// Every read table, in the order their rows are written for one event.
const std::vector<ReadTable>& read_tables();
// The read tables that project events of type `t`, in registration order.
const std::vector<const ReadTable*>& read_tables_for(EventType t);
// The event types no read table projects: the event log alone keeps them.
const std::vector<EventType>& audit_only_events();

// Writes the read-table rows of `events` (numbered, and applied to `after`) to `sink`.
void project(std::span<const Event> events, const Hall& after, RowSink& sink);

}  // namespace hallq
