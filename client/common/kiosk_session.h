// kiosk_session.h - one visitor's session at the ticket kiosk, without a screen: intents in
// (a touch, an ID card, a scanned code — voice later — the server's replies, the printer's results,
// the idle timer), the screen state out. The wx frame renders KioskScreen and forwards intents;
// requests and prints go out through KioskPorts, their answers come back as intents.
//
// Texts are ids with arguments (KioskLine), said in the visitor's language by the UI's catalog.
// Trace lines of what the visitor did and what the server answered (--trace) are written here.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.h"
#include "kiosk_model.h"
#include "protocol/envelope.h"

namespace hallq {

namespace idcard {
struct CardText;
enum class ReadError;
}  // namespace idcard

enum class Lang { zh, en };

// Every line the kiosk shows; the UI says each in the visitor's language.
enum class Text {
    title, choose_service, choose_item, swipe_hint, back, start_over, your_number,
    people_ahead, wait_minutes, called_soon, no_window_open, bring, issued_at, take_ticket, printing, no_printer,
    done, already_have, checked_in, late_ticket, late_green_ticket, early, no_reservation_today, reservation_on,
    green_channel, reading_card, card_failed, card_unsupported, invalid_id, unreachable, waiting_reply,
    scan_unknown, connecting, card_read, queue_label, item_label, green_ticket, reservation_ticket, demo_swipe,
};

// A line to show: a text with its "{}" arguments in order, or a refusal from the server.
struct KioskLine {
    Text text = Text::unreachable;
    std::vector<std::string> args;
    std::optional<ErrorCode> refusal;  // set: the server's reason, `args` holds its detail
};

// A ticket on the screen and how its printing went.
struct ShownTicket {
    IssuedTicket ticket;
    bool print_done = false, print_failed = false, printed = false;
    std::string problem_zh, problem_en;  // the printer's problem
};

struct KioskScreen {
    enum class Kind { home, items, busy, tickets, message };
    enum class Tone { red, blue, green, amber };
    Kind kind = Kind::message;
    Lang lang = Lang::zh;
    bool connected = false;
    std::string hall_name;
    std::string missed_call = kDefaultMissedCall;
    KioskMenu menu;
    Catalogue catalogue;
    size_t category = 0;               // items: the department shown
    std::vector<ShownTicket> tickets;  // tickets: what was issued or found
    std::optional<KioskLine> headline; // tickets: above them
    KioskLine message;                 // message
    std::vector<KioskLine> banner;     // what just happened; empty: no banner
    Tone banner_tone = Tone::red;
    bool visitor = false;              // a card was swiped and the visitor has not left
    bool has_printer = false;
    // Bumped whenever the screen is shown anew (`shown`), the banner changes (`banner_shown`) or
    // the printer answers for a ticket on the screen (`printing_shown`): the UI redraws only what
    // changed — a printing line in place, so the buttons under the visitor's finger stay put.
    uint64_t shown = 0, banner_shown = 0, printing_shown = 0;
    // The screen name as traced: "home", "connecting", "items RS", "tickets A001:normal", …
    std::string trace_name() const;
};

// What the session needs done; the answers come back as intents with the generation they were
// asked for (a reset between asking and answering drops the answer).
class KioskPorts {
public:
    virtual ~KioskPorts() = default;
    virtual void send(const std::string& type, const Json& body, uint64_t generation) = 0;
    // `missed_call`: the hall's rule for a missed call (catalogue hall.missed_call), printed as on its screens.
    virtual void print(const IssuedTicket& ticket, const std::string& hall_name, const std::string& missed_call) = 0;
};

class KioskSession {
public:
    KioskSession(KioskPorts& ports, Lang lang, bool has_printer, const std::string& scan_format);

    const KioskScreen& screen() const { return s_; }
    uint64_t generation() const { return generation_; }
    // The idle timer runs on every screen but the start screen of a visitor not identified.
    bool idle_timer_wanted() const { return s_.kind != KioskScreen::Kind::home || s_.visitor; }

    // From the hall feed.
    void catalogue(const Catalogue& c);
    void connection(bool connected);
    // Touches.
    void choose_category(size_t index);
    void choose_item(const std::string& code);
    void back();
    void done();
    void start_over();
    void switch_language();
    // The ID-card reader, the scanner (one character at a time; '\n' ends a code), the idle timer.
    void card(const idcard::CardText& card);
    // Returns whether the visitor is told (a read that failed; not a missing or broken reader).
    bool card_error(idcard::ReadError error);
    void scanned(char32_t c, std::chrono::steady_clock::time_point at);
    // Returns false when the screen waits for the server (the timer should run on).
    bool idle_timeout();
    // Answers: to a request sent through the ports (its type, body and generation as sent), and
    // the printer's, for a ticket's number.
    void reply(const std::string& type, const Json& body, uint64_t generation, const std::optional<Reply>& reply);
    void print_result(const std::string& number, const PrintResult& result);

private:
    void issue_reply(uint64_t generation, const std::optional<Reply>& reply);
    void check_in_reply(uint64_t generation, const std::optional<Reply>& reply, bool by_code);
    void show(KioskScreen::Kind kind);
    void show_home();
    void show_message(KioskLine line);
    void show_tickets(std::vector<IssuedTicket> tickets, std::optional<KioskLine> headline);
    void set_banner(std::vector<KioskLine> lines, KioskScreen::Tone tone);
    void reset_visitor();
    void check_in(const Json& body, const std::string& what);
    void print_all();

    KioskPorts& ports_;
    KioskScreen s_;
    ScanDecoder scan_;
    // The visitor who swiped their card, until the ticket is taken or the kiosk resets. The full
    // number stays in memory only, to be sent with the ticket request; the screen shows it masked.
    struct Visitor {
        std::string id_number, name, masked;
        bool green = false;
    };
    std::optional<Visitor> visitor_;
    uint64_t generation_ = 0;  // bumped on reset: late replies for an earlier visitor are dropped
};

}  // namespace hallq
