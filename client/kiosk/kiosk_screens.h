// kiosk_screens.h - the kiosk's screens, one panel each (one .cpp each), built from scratch from
// the session's screen state whenever it shows a screen anew: few controls, huge buttons,
// nothing left over from the previous visitor. A touch is forwarded to the session as an intent.
#pragma once
#include <functional>

#include "kiosk_look.h"
#include "kiosk_session.h"

namespace hallq {

// Forwards an intent to the session; the frame then renders what changed.
using KioskAct = std::function<void(const std::function<void(KioskSession&)>&)>;

// The departments (or "connecting" until the hall is known): home_panel.cpp.
class HomePanel : public ScreenPanel {
public:
    HomePanel(wxWindow* parent, const KioskScreen& s, const KioskAct& act);
};

// A department's items and "back": items_panel.cpp.
class ItemsPanel : public ScreenPanel {
public:
    ItemsPanel(wxWindow* parent, const KioskScreen& s, const KioskAct& act);
};

// The tickets issued or found, with how their printing went, and "done": tickets_panel.cpp.
class TicketsPanel : public ScreenPanel {
public:
    TicketsPanel(wxWindow* parent, const KioskScreen& s, const KioskAct& act);
    // The printing line of every ticket, again, in place (the printer answered).
    void show_printing(const KioskScreen& s);

private:
    void ticket_card(const KioskScreen& s, const ShownTicket& t);

    std::vector<wxStaticText*> printing_;  // one per ticket, in order
};

// A message (a refusal, the server unreachable) or "one moment" while a request is out:
// message_panel.cpp.
class MessagePanel : public ScreenPanel {
public:
    MessagePanel(wxWindow* parent, const KioskScreen& s);
};

}  // namespace hallq
