// kiosk_text.cpp - the kiosk's texts. Short sentences, plain words: many visitors are elderly.
#include "kiosk_text.h"

#include <wx/translation.h>

namespace hallq {

namespace {
wxString pattern(Text t) {
    switch (t) {
        case Text::title: return _("Take a ticket");
        case Text::choose_service: return _("Choose a service");
        case Text::choose_item: return _("{} · choose an item");
        case Text::swipe_hint: return _("Swipe your ID card or scan your reservation code to check in");
        case Text::back: return _("Back");
        case Text::start_over: return _("Start over");
        case Text::your_number: return _("Your number");
        case Text::people_ahead: return _("{} people ahead of you");
        case Text::wait_minutes: return _("About {} minutes' wait");
        case Text::called_soon: return _("You will be called shortly");
        case Text::no_window_open: return _("No window is open yet; numbers are called in order once one opens");
        case Text::bring: return _("Please have ready: {}");
        case Text::issued_at: return _("Issued at {}");
        case Text::take_ticket: return _("Please take your ticket and listen for your number");
        case Text::printing: return _("Printing your ticket…");
        case Text::no_printer: return _("Please remember your number and listen for it");
        case Text::done: return _("Done");
        case Text::already_have: return _("You already have a ticket for this; please wait to be called");
        case Text::checked_in: return _("Checked in for your reservation");
        case Text::late_ticket: return _("You are past your reservation time, so this is a normal ticket");
        case Text::early: return _("Your reservation for {} is at {}; please check in from {}");
        case Text::no_reservation_today: return _("No reservation for today; please choose a service");
        case Text::reservation_on: return _("Your reservation is on {}");
        case Text::green_channel: return _("Green channel for seniors ({}+): you will be called first");
        case Text::reading_card: return _("Reading your ID card…");
        case Text::card_failed: return _("The card could not be read; please place it on the reader again");
        case Text::card_unsupported: return _("This kind of card is not supported here; please ask at the help desk");
        case Text::invalid_id: return _("The ID number is not valid; please ask at the help desk");
        case Text::unreachable: return _("Cannot reach the hall server; please try again or ask at the help desk");
        case Text::waiting_reply: return _("One moment…");
        case Text::scan_unknown: return _("This code is not a reservation code");
        case Text::connecting: return _("Connecting to the hall server…");
        case Text::card_read: return _("ID card read: {}");
        case Text::queue_label: return _("Queue: {}");
        case Text::item_label: return _("Item: {}");
        case Text::green_ticket: return _("Green channel: priority");
        case Text::reservation_ticket: return _("Reservation · booked for {}");
        case Text::demo_swipe: return _("Demo: swipe a card");
    }
    return "";
}
}  // namespace

wxString say(Text t, const std::vector<std::string>& args) {
    wxString p = pattern(t), out;
    auto arg = args.begin();
    for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '{' && i + 1 < p.size() && p[i + 1] == '}' && arg != args.end()) {
            out += wxString::FromUTF8(*arg++);
            ++i;
        } else {
            out += p[i];
        }
    }
    return out;
}

wxString say(const KioskLine& line, Lang lang) {
    if (!line.refusal) return say(line.text, line.args);
    ErrorCode code = *line.refusal;
    wxString text = wxString::FromUTF8(std::string(lang == Lang::zh ? message_zh(code) : message_en(code)));
    wxString detail = line.args.empty() ? wxString() : wxString::FromUTF8(line.args.front());
    if (code == ErrorCode::too_early && !detail.empty())
        text += wxString::Format(_(" (check-in opens at %s)"), detail);
    else if (code == ErrorCode::reservation_not_today && !detail.empty())
        text += wxString::Format(_(" (booked for %s)"), detail);
    return text;
}

}  // namespace hallq
