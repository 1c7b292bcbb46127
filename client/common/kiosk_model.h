// kiosk_model.h - what the ticket kiosk decides without a screen: the touch menu built from the
// catalogue, the tickets and check-in outcomes read from the server's replies, the ticket as it
// is printed, and the keyboard-wedge scanner's input turned into reservation codes.
#pragma once
#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "core/catalogue.h"
#include "printer/escpos.h"
#include "protocol/json.h"
#include "protocol/replies.h"

namespace hallq {

// Departments that have at least one item a ticket can be taken for, in catalogue order.
struct KioskMenu {
    struct Category {
        std::string code, name;
        std::vector<std::string> items;  // item codes
    };
    std::vector<Category> categories;
};
KioskMenu build_menu(const Catalogue& catalogue);

// A ticket as the kiosk shows and prints it, from the ticket view of a reply (protocol/replies.h).
struct IssuedTicket {
    int64_t id = 0;
    std::string number, queue, queue_name, item, item_name, klass, reservation, holder;
    std::vector<std::string> materials;
    int ahead = 0, minutes = 0;
    bool no_window_open = false;
    int64_t issued_at = 0;  // ms
    int64_t slot_at = 0;    // ms, reservation tickets: the booked time
    bool existing = false;  // the person already held it: nothing new was issued
    bool late = false;      // checked in after the reservation's late window: a normal ticket
};
IssuedTicket issued_ticket(const TicketView& v);
// The `ticket` object of a reply; nothing when it is not a ticket view.
std::optional<IssuedTicket> read_ticket(const Json& ticket);

// The body of a check_in reply (CheckInView) as the kiosk uses it: tickets issued or found,
// reservations too early to check in, and what the ID card told.
struct CheckInOutcome {
    std::vector<IssuedTicket> tickets;
    using Early = CheckInView::Early;
    std::vector<Early> early;
    std::string holder;  // masked ID number
    int age = -1;
    bool green = false;
    std::vector<std::string> other_days;
};
CheckInOutcome read_check_in(const Json& body);

// "09:05" in local time for a time in ms.
std::string clock_text(int64_t ms);

// The printed ticket: hall name, number, queue, item, people ahead, wait, time, materials, and a
// QR code with the ticket's lookup text (hallq:ticket:<day-id>) for checking its status later.
TicketPrint ticket_print(const IssuedTicket& t, const std::string& hall_name,
                         const std::string& missed_call = kDefaultMissedCall);

// How printing a ticket went (client/kiosk's print queue).
struct PrintResult {
    bool ok = true;
    bool printed = false;  // something came out of a printer or was written to a file
    std::string fault;     // paper-out, cover-open, offline, not-responding, device-error, system
    std::string zh, en;    // the problem, for the screen
    std::string where;     // device or file
};

// A keyboard-wedge scanner types a code as fast keystrokes ending in Enter. `format` is an
// ECMAScript pattern the whole text must match; its first group (or the whole text) is the
// reservation code. Keys further apart than `max_gap` start over, so stray presses never join a
// scan. Codes longer than 128 characters are dropped.
class ScanDecoder {
public:
    static constexpr const char* kDefaultFormat = "(?:HQYY:)?([A-Za-z0-9-]{4,64})";
    explicit ScanDecoder(const std::string& format = kDefaultFormat,
                         std::chrono::milliseconds max_gap = std::chrono::milliseconds(300));

    enum class Result { more, code, rejected };
    // Feeds one typed character ('\r' or '\n' ends the scan). On `code`, code() holds it; on
    // `rejected` (Enter after text that does not match) rejected_text() holds what was read.
    Result feed(char32_t c, std::chrono::steady_clock::time_point at);
    const std::string& code() const { return code_; }
    const std::string& rejected_text() const { return rejected_; }

private:
    std::regex format_;
    std::chrono::milliseconds max_gap_;
    std::string buffer_, code_, rejected_;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace hallq
