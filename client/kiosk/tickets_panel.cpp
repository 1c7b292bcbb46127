// tickets_panel.cpp - the ticket screen: the number in large type, people ahead, the wait, the
// time, the materials to have ready and how printing went; "done" below.
#include "kiosk_screens.h"
#include "kiosk_text.h"

namespace hallq {

TicketsPanel::TicketsPanel(wxWindow* parent, const KioskScreen& s, const KioskAct& act) : ScreenPanel(parent) {
    if (s.headline) sizer_->Add(look::label(this, say(*s.headline, s.lang), 38, look::kGreen, true), 0, wxALIGN_CENTRE | wxBOTTOM, 16);
    for (const ShownTicket& t : s.tickets) ticket_card(s, t);
    show_printing(s);
    sizer_->AddStretchSpacer();
    sizer_->Add(big_button("done", say(Text::done), 40, look::kBlue, 1, 120, [act] { act([](KioskSession& k) { k.done(); }); }, 360),
                0, wxALIGN_CENTRE);
}

void TicketsPanel::ticket_card(const KioskScreen& s, const ShownTicket& shown) {
    using namespace look;
    const IssuedTicket& tk = shown.ticket;
    int wrap = window_size(this).x - 160;
    auto* card = new wxPanel(this);
    card->SetBackgroundColour(*wxWHITE);
    auto* cs = new wxBoxSizer(wxVERTICAL);
    cs->Add(label(card, say(Text::your_number), 36, kInk), 0, wxALIGN_CENTRE | wxTOP, 20);
    wxColour colour = tk.klass == "green" ? kGreen : kBlue;
    cs->Add(label(card, wxString::FromUTF8(tk.number), 180, colour, true), 0, wxALIGN_CENTRE);
    if (tk.klass == "green") cs->Add(label(card, say(Text::green_ticket), 34, kGreen, true), 0, wxALIGN_CENTRE);
    if (tk.klass == "reservation")
        cs->Add(label(card, say(Text::reservation_ticket, {tk.slot_at ? clock_text(tk.slot_at) : tk.reservation}), 30, kBlue, true),
                0, wxALIGN_CENTRE);
    cs->Add(label(card, say(Text::queue_label, {tk.queue_name}), 34, kInk), 0, wxALIGN_CENTRE | wxTOP, 12);
    if (!tk.item_name.empty()) cs->Add(label(card, say(Text::item_label, {tk.item_name}), 30, kInk), 0, wxALIGN_CENTRE);
    wxString wait = tk.no_window_open               ? say(Text::no_window_open)
                    : tk.ahead == 0 && tk.minutes == 0 ? say(Text::called_soon)
                                                       : say(Text::people_ahead, {std::to_string(tk.ahead)}) + wxString::FromUTF8(" · ") +
                                                             say(Text::wait_minutes, {std::to_string(tk.minutes)});
    auto* w = label(card, "", 34, kInk, true);
    set_wrapped(w, wait, wrap);
    cs->Add(w, 0, wxALIGN_CENTRE | wxTOP, 12);
    cs->Add(label(card, say(Text::issued_at, {clock_text(tk.issued_at)}), 28, kInk), 0, wxALIGN_CENTRE | wxTOP, 8);
    if (!tk.materials.empty()) {
        std::string list;
        for (const std::string& m : tk.materials) list += (list.empty() ? "" : "、") + m;
        auto* m = label(card, "", 28, kInk);
        set_wrapped(m, say(Text::bring, {list}), wrap);
        cs->Add(m, 0, wxALIGN_CENTRE | wxTOP, 8);
    }
    printing_.push_back(label(card, "", 32, kGreen, true));
    cs->Add(printing_.back(), 0, wxALIGN_CENTRE | wxALL, 16);
    card->SetSizer(cs);
    sizer_->Add(card, 0, wxEXPAND | wxBOTTOM, 20);
}

void TicketsPanel::show_printing(const KioskScreen& s) {
    for (size_t i = 0; i < printing_.size() && i < s.tickets.size(); ++i) {
        const ShownTicket& t = s.tickets[i];
        wxString status;
        if (!t.print_done) status = s.has_printer ? say(Text::printing) : say(Text::no_printer);
        else if (t.print_failed)
            status = wxString::FromUTF8(s.lang == Lang::zh ? t.problem_zh : t.problem_en) + "\n" + say(Text::no_printer);
        else status = t.printed ? say(Text::take_ticket) : say(Text::no_printer);
        printing_[i]->SetForegroundColour(t.print_failed ? look::kRed : look::kGreen);
        look::set_wrapped(printing_[i], status, look::window_size(this).x - 160);
    }
}

}  // namespace hallq
