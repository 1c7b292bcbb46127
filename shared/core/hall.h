// hall.h - the live state of one hall and the commands and events that change it.
//
// Commands in, events out: Hall::decide() checks a command against the state and the time it is
// given and returns the events it causes (or the reason it is refused); Hall::apply() folds an
// event into the state. The server commits the events before it applies them; a replica applies
// the same events from the wire, so both end in the same state. No clock, no I/O.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "catalogue.h"
#include "command.h"
#include "errors.h"
#include "rating.h"

namespace hallq {

// parked: on hold at a window (e.g. waiting for a photocopy); resumed by that window.
enum class TicketState { waiting, called, serving, parked, done, no_show, cancelled };
enum class WindowState { closed, open, paused };

struct Ticket {
    int64_t id = 0;
    std::string number;  // A001
    std::string queue;   // letter
    int serial = 0;      // daily counter of the letter
    TicketClass klass = TicketClass::normal;
    TicketState state = TicketState::waiting;
    std::string item;         // service item asked for, optional
    std::string reservation;  // linked reservation id, optional
    int64_t slot_at = 0;      // reservation slot time (ms), due from then
    std::string holder;       // masked holder (440401********1768 or 张*三), optional
    // Pseudonymous key of the ID-card holder (hex of the first 16 bytes of the server's keyed
    // hash of the ID number), optional: one active ticket per person and item. Set by the server.
    std::string holder_key;
    int64_t issued_at = 0, called_at = 0, started_at = 0, finished_at = 0;
    int64_t last_called_at = 0;  // first call or latest recall
    int window = 0;         // window calling/serving/holding it
    int target_window = 0;  // transferred to this window only
    int recalls = 0, transfers = 0;
    int estimate_min = 0;  // wait estimate given at issue
    std::string outcome;   // set when done
    std::vector<std::string> items;  // service items handled, set when done
    std::string clerk;     // clerk who served it: set on start, resume and finish
    int rating = -1;       // -1 not rated yet; 0 not rated (the screen timed out); 1–5 the level
    bool operator==(const Ticket&) const = default;
};

struct WindowStatus {
    int number = 0;
    WindowState state = WindowState::closed;
    std::string clerk;
    std::string device;       // the desk the clerk logged in from: their session (authorize.h)
    std::vector<std::string> profile;
    int64_t current = 0;      // ticket being called or served
    int priority_streak = 0;  // priority calls in a row while normal tickets waited
    int served = 0;           // finished today
    RatingTally ratings;      // ratings of today's tickets finished here
};

// Calling and recall rules; see docs/protocol.md and the defaults in the server config.
struct Policy {
    int max_priority_streak = 3;  // at most N priority calls in a row while normal tickets wait; <=0: no limit
    int aging_minutes = 30;       // a normal ticket waiting this long counts as priority; 0: off
    int recall_limit = 3;
    int recall_cooldown_s = 20;
    double learning_rate = 0.2;  // weight of the newest service time in the learned mean
    int max_serial = 9999;       // per letter per day
    bool rating_three_good = false;                 // rating_level3 "good": 基本满意 counts as 好评
    int rating_reasons_up_to = kDefaultReasonsUpTo;  // reasons asked for levels 1 … N (0–4)
};

enum class EventType {
#define HALLQ_EVENT(name, since) name,
#include "protocol/messages.def"
};

struct Event {
    EventType type = EventType::ticket_issued;
    uint64_t seq = 0;  // assigned by the server's event log
    int64_t at = 0;    // ms since epoch
    int window = 0;
    int64_t ticket = 0;
    std::string clerk, reason, note, outcome, day, queue;
    std::string device;  // clerk_logged_in: the desk the clerk logged in from
    int target_window = 0;
    bool out_of_order = false;  // call_ticket: a chosen ticket, not "next"
    int streak = 0;             // ticket_called: window's priority streak after the call
    std::vector<std::string> items, profile;
    std::string item;                  // ticket_rated: the ticket's item, else the first handled
    int level = 0;                     // ticket_rated
    std::vector<std::string> reasons;  // ticket_rated
    std::string comment;               // ticket_rated
    std::shared_ptr<const Ticket> issued;  // ticket_issued
    std::shared_ptr<const Catalogue> catalogue;  // hall_setup
    std::shared_ptr<const Policy> policy;        // hall_setup
};

struct Decision {
    std::vector<Event> events;
    Error error;
    bool ok() const { return !events.empty(); }
};

// The hall's state: what a snapshot holds and apply() changes. The Hall keeps one, with indexes
// over it; the codec writes and reads it.
struct HallState {
    std::shared_ptr<const Catalogue> catalogue = std::make_shared<Catalogue>();
    std::shared_ptr<const Policy> policy = std::make_shared<Policy>();
    std::string day;
    int64_t next_ticket_id = 1;
    std::map<std::string, int> counters;  // letter → last serial given today
    std::map<int, WindowStatus> windows;
    std::map<int64_t, Ticket> tickets;    // today's, by id
    std::map<std::string, double> learned;  // item → learned mean service seconds
    uint64_t seq = 0;
};

class Hall;
// The wait printed on a new ticket, in minutes (estimator.h's wait_minutes, in the server). The
// estimate is built on top of the hall, so the hall is given it; a ticket issued without one gets
// estimate_min 0.
using WaitEstimator = int (*)(const Hall& hall, const Ticket& ticket, int64_t now);

class Hall {
public:
    Hall() = default;
    // A hall in a state written by the protocol codec (snapshot); the indexes are rebuilt.
    explicit Hall(HallState state);

    // Events to (re)configure the hall: catalogue and policy. Windows keep their state where they
    // still exist.
    static Event setup(Catalogue catalogue, Policy policy, int64_t now);

    // The events of a command (one body type per command: command.h), or why it is refused.
    // A new ticket's printed wait comes from `estimate`.
    Decision decide(const Command& cmd, int64_t now, WaitEstimator estimate = nullptr) const;
    void apply(const Event& e);

    const HallState& state() const { return s_; }
    const Catalogue& catalogue() const { return *s_.catalogue; }
    const Policy& policy() const { return *s_.policy; }
    const std::string& day() const { return s_.day; }
    int64_t next_ticket_id() const { return s_.next_ticket_id; }
    const std::map<std::string, int>& counters() const { return s_.counters; }
    const std::map<int, WindowStatus>& windows() const { return s_.windows; }
    const std::map<int64_t, Ticket>& tickets() const { return s_.tickets; }
    const std::map<std::string, double>& learned_seconds() const { return s_.learned; }
    uint64_t seq() const { return s_.seq; }

    const Ticket* ticket(int64_t id) const;
    const Ticket* ticket_by_number(const std::string& number) const;
    const Ticket* find_ticket(const TicketRef& ref) const;  // by id, else by today's number
    const WindowStatus* window(int number) const;
    // The holder's ticket for `item` that is still waiting, called, serving or parked, if any.
    const Ticket* active_ticket(const std::string& holder_key, const std::string& item) const;
    // Mean service seconds for an item (learned, else from the catalogue), or the queue average.
    double service_seconds(const std::string& item, const std::string& queue) const;

    // Indexes kept by apply(), so that the estimate and the calling policy read the waiting
    // tickets (or a summary of them) instead of the whole day.
    struct Backlog {  // one queue's waiting tickets that were not transferred to a window
        std::set<std::pair<int64_t, int64_t>> by_issue;  // (issued_at, id), oldest first
        std::map<std::string, int> items;                // item → waiting tickets
        int green = 0;                                   // green-channel ones among them
        std::set<int64_t> slotted;  // the others with a reservation slot (due from slot_at)
    };
    struct DayCalls {  // sums over today's called tickets: walks to the window and no-shows
        int64_t walk_ms = 0, no_show_ms = 0;
        int started = 0, no_shows = 0;
        void count(const Ticket& t, int sign);
    };
    const std::set<int64_t>& waiting() const { return waiting_; }  // ids of every waiting ticket
    const std::map<std::string, Backlog>& backlogs() const { return backlogs_; }
    const std::set<int64_t>& waiting_targeted() const { return targeted_; }  // transferred to a window
    const DayCalls& day_calls() const { return calls_; }
    const std::map<std::string, int>& done_by_queue() const { return done_; }  // finished today, per queue

    void set_seq(uint64_t s) { s_.seq = s; }

private:
    // One per command body: hall.cpp (issue, rollover, clerks and windows), hall_tickets.cpp
    // (calling, the window's current ticket, cancelling, rating).
    Decision decide_one(const IssueTicket& c, int64_t now, WaitEstimator estimate) const;
    Decision decide_one(const CancelTicket& c, int64_t now) const;
    Decision decide_one(const ClerkLogin& c, int64_t now) const;
    Decision decide_one(const ClerkLogout& c, int64_t now) const;
    Decision decide_one(const WindowOpen& c, int64_t now) const;
    Decision decide_one(const WindowPause& c, int64_t now) const;
    Decision decide_one(const WindowClose& c, int64_t now) const;
    Decision decide_one(const SetProfile& c, int64_t now) const;
    Decision decide_one(const CallNext& c, int64_t now) const;
    Decision decide_one(const CallTicket& c, int64_t now) const;
    Decision decide_one(const Recall& c, int64_t now) const;
    Decision decide_one(const Start& c, int64_t now) const;
    Decision decide_one(const Finish& c, int64_t now) const;
    Decision decide_one(const NoShow& c, int64_t now) const;
    Decision decide_one(const Transfer& c, int64_t now) const;
    Decision decide_one(const Park& c, int64_t now) const;
    Decision decide_one(const Resume& c, int64_t now) const;
    Decision decide_one(const Rollover& c, int64_t now) const;
    Decision decide_one(const Rate& c, int64_t now) const;
    void apply_ticket_event(const Event& e);
    void index(const Ticket& t, int sign);  // adds (+1) or removes (-1) a ticket from the indexes
    void clear_indexes();

    HallState s_;
    // Indexes over s_, kept by apply().
    std::map<std::string, int64_t> by_number_;
    std::map<std::string, std::set<int64_t>> by_holder_;  // holder key → tickets
    std::set<int64_t> waiting_, targeted_;
    std::map<std::string, Backlog> backlogs_;
    std::map<std::string, int> done_;
    DayCalls calls_;
};

const char* to_string(TicketClass v);
const char* to_string(TicketState v);
const char* to_string(WindowState v);
const char* to_string(CommandType v);
const char* to_string(EventType v);
bool parse(const std::string& s, TicketClass& out);
bool parse(const std::string& s, TicketState& out);
bool parse(const std::string& s, WindowState& out);
bool parse(const std::string& s, CommandType& out);
bool parse(const std::string& s, EventType& out);

// The ticket's number for a letter and serial: A001 … A999, A1000 ….
std::string format_ticket_number(const std::string& letter, int serial);

}  // namespace hallq
