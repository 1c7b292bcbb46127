// kiosk_frame.h - the kiosk's one window: a header with the hall's name and the language switch,
// a banner for what just happened (green channel, a card that could not be read), the screen of
// the moment (services → items → ticket), and a footer with the swipe hint and "start over".
//
// Screens are rebuilt from scratch each time they change: few controls, huge buttons, nothing
// left over from the previous visitor. Requests go through the hall feed's sender thread; card
// reads come from the card watcher's thread; both are brought onto the UI thread with CallAfter.
#pragma once
#include <wx/frame.h>
#include <wx/timer.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk_model.h"
#include "kiosk_options.h"
#include "kiosk_text.h"
#include "protocol/envelope.h"

class wxPanel;
class wxStaticText;
class wxButton;
class wxBoxSizer;
class wxKeyEvent;

namespace hallq {

class HallFeed;
class PrintQueue;
namespace idcard {
struct CardText;
enum class ReadError;
}

class KioskFrame : public wxFrame {
public:
    KioskFrame(const KioskOptions& opt, HallFeed& feed, PrintQueue& printer);

    // From the feed (UI thread): the catalogue when it changed, and the connection state.
    void on_catalogue(const Catalogue& catalogue);
    void on_connection(bool connected);
    // From the card watcher (UI thread).
    void on_card(const idcard::CardText& card);
    void on_card_error(idcard::ReadError error);
    // Any touch or key: the visitor is still there.
    void touched();
    // Demo kiosks (--reader demo): a footer button that puts the next demo card on the simulated
    // reader; `swipe` does it and returns who the card belongs to.
    void enable_demo_swipe(std::function<std::string()> swipe);

private:
    enum class Screen { home, items, busy, tickets, message };
    struct Shown {
        IssuedTicket ticket;
        bool print_done = false, print_failed = false, printed = false;
        std::string problem_zh, problem_en;  // the printer's problem
        wxStaticText* status = nullptr;      // the printing line on the drawn ticket screen
    };

    // Screens (kiosk_frame.cpp).
    void show_home();
    void show_items(size_t category);
    void show_busy();
    void show_tickets(std::vector<IssuedTicket> tickets, const std::string& headline);
    void draw_tickets();
    void show_message(const std::string& text);
    void begin_screen(Screen s);
    void finish_screen(const std::string& trace_name);
    void trace_screen();
    wxButton* big_button(const std::string& label, int font_px, const wxColour& colour, int columns = 1);
    void set_banner(const std::string& text, const wxColour& colour);
    void refresh_chrome();
    void ticket_card(Shown& s);
    // The printing line of a ticket on the screen: updated in place when the printer answers, so
    // the buttons under the visitor's finger stay where they are.
    void show_print_status(Shown& s);

    // What the visitor does (kiosk_flow.cpp).
    void take_ticket(const std::string& item);
    void check_in(const Json& body, const std::string& what);
    void on_check_in_reply(const std::optional<Reply>& reply, bool by_code);
    void print_all();
    void on_key(wxKeyEvent& e);
    void on_idle_timeout();
    void reset_visitor();
    std::string error_text(const Reply& r) const;
    std::string t(Text id, std::initializer_list<std::string> args = {}) const { return tr(id, lang_, args); }

    KioskOptions opt_;
    HallFeed& feed_;
    PrintQueue& printer_;
    Lang lang_;
    Catalogue catalogue_;
    KioskMenu menu_;
    bool connected_ = false;
    ScanDecoder scan_;

    Screen screen_ = Screen::home;
    size_t category_ = 0;
    std::vector<Shown> shown_;
    std::string headline_, message_;
    std::string screen_name_;  // as traced
    // The visitor who swiped their card, until the ticket is taken or the kiosk resets. The full
    // number stays in memory only, to be sent with the ticket request; the screen shows it masked.
    struct Visitor {
        std::string id_number, name, masked;
        bool green = false;
    };
    std::optional<Visitor> visitor_;
    uint64_t generation_ = 0;  // bumped on reset: late replies for an earlier visitor are dropped

    wxPanel* root_ = nullptr;
    wxPanel* content_ = nullptr;
    wxBoxSizer* content_sizer_ = nullptr;
    wxPanel* banner_panel_ = nullptr;
    wxStaticText* title_ = nullptr;
    wxStaticText* banner_ = nullptr;
    wxStaticText* hint_ = nullptr;
    wxButton* lang_button_ = nullptr;
    wxButton* home_button_ = nullptr;
    wxButton* demo_button_ = nullptr;
    std::string banner_text_;
    wxColour banner_colour_;
    std::vector<std::pair<std::string, wxButton*>> buttons_;  // for the trace: code → button
    wxTimer idle_;
};

}  // namespace hallq
