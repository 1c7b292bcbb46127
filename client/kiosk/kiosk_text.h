// kiosk_text.h - every line the kiosk shows, in Chinese and English. The kiosk switches language
// at a touch, for one visitor, so its texts are a table rather than a gettext catalog.
#pragma once
#include <initializer_list>
#include <string>

namespace hallq {

enum class Lang { zh, en };

enum class Text {
    title, choose_service, choose_item, swipe_hint, back, start_over, other_language, your_number,
    people_ahead, wait_minutes, called_soon, no_window_open, bring, issued_at, take_ticket, printing, no_printer,
    done, already_have, checked_in, late_ticket, early, no_reservation_today, reservation_on,
    green_channel, reading_card, card_failed, card_unsupported, invalid_id, unreachable, waiting_reply,
    scan_unknown, connecting, card_read, queue_label, item_label, green_ticket, reservation_ticket,
};

// The text in `lang`; "{}" placeholders are filled from `args` in order.
std::string tr(Text t, Lang lang, std::initializer_list<std::string> args = {});

}  // namespace hallq
