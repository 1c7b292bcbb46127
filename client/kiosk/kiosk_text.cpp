// kiosk_text.cpp - the kiosk's texts. Short sentences, plain words: many visitors are elderly.
#include "kiosk_text.h"

#include "translation.h"

namespace hallq {

namespace {
wxString pattern(Text t) {
    switch (t) {
        case Text::title: return tr("Take a ticket");
        case Text::choose_service: return tr("Choose a service");
        case Text::choose_item: return tr("{} · choose an item");
        case Text::swipe_hint: return tr("Swipe your ID card or scan your reservation code to check in");
        case Text::back: return tr("Back");
        case Text::start_over: return tr("Start over");
        case Text::your_number: return tr("Your number");
        case Text::people_ahead: return tr("{} people ahead of you");
        case Text::wait_minutes: return tr("About {} minutes' wait");
        case Text::called_soon: return tr("You will be called shortly");
        case Text::no_window_open: return tr("No window is open yet; numbers are called in order once one opens");
        case Text::bring: return tr("Please have ready: {}");
        case Text::issued_at: return tr("Issued at {}");
        case Text::take_ticket: return tr("Please take your ticket and listen for your number");
        case Text::printing: return tr("Printing your ticket…");
        case Text::no_printer: return tr("Please remember your number and listen for it");
        case Text::done: return tr("Done");
        case Text::already_have: return tr("You already have a ticket for this; please wait to be called");
        case Text::checked_in: return tr("Checked in for your reservation");
        case Text::late_ticket: return tr("You are past your reservation time, so this is a normal ticket");
        case Text::late_green_ticket: return tr("You are past your reservation time; your green-channel ticket is called first");
        case Text::early: return tr("Your reservation for {} is at {}; please check in from {}");
        case Text::no_reservation_today: return tr("ID card read; please choose a service");
        case Text::reservation_on: return tr("Your reservation is on {}");
        case Text::green_channel: return tr("Green channel for seniors ({}+): you will be called first");
        case Text::reading_card: return tr("Reading your ID card…");
        case Text::card_failed: return tr("The card could not be read; please place it on the reader again");
        case Text::card_unsupported: return tr("This kind of card is not supported here; please ask at the help desk");
        case Text::invalid_id: return tr("The ID number is not valid; please ask at the help desk");
        case Text::unreachable: return tr("Cannot reach the hall server; please try again or ask at the help desk");
        case Text::waiting_reply: return tr("One moment…");
        case Text::scan_unknown: return tr("This code is not a reservation code");
        case Text::connecting: return tr("Connecting to the hall server…");
        case Text::card_read: return tr("ID card read: {}");
        case Text::queue_label: return tr("Queue: {}");
        case Text::item_label: return tr("Item: {}");
        case Text::green_ticket: return tr("Green channel: priority");
        case Text::reservation_ticket: return tr("Reservation · booked for {}");
        case Text::demo_swipe: return tr("Demo: swipe a card");
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
        text += wxString::Format(tr(" (check-in opens at %s)"), detail);
    else if (code == ErrorCode::reservation_not_today && !detail.empty())
        text += wxString::Format(tr(" (booked for %s)"), detail);
    return text;
}

}  // namespace hallq
