// announcement.h - turns a call into the sequence of voice clips that announce it.
//
// A template is text with placeholders, e.g. 「{chime}请{ticket}号到{window}号窗口办理」 or
// "{chime} Number {ticket}, please go to window {window}". Literal text is matched against the
// voice pack's words, longest first, skipping spaces and punctuation, so a hall can write its
// template in plain Chinese. {ticket} reads the letter, then the digits one by one (A 零 一 二) or
// as a number (A 十二); {window} reads the window number as a number (三 / twelve).
// Pure: no I/O; the pack's words are passed in.
#pragma once
#include <set>
#include <string>
#include <vector>

namespace hallq {

struct AnnouncementStyle {
    std::string language = "zh";  // "zh" (Mandarin) or "en"
    std::string tmpl = "{chime}请{ticket}号到{window}号窗口办理";
    int repeat = 2;                // the whole sentence, after one chime
    bool ticket_digits = true;     // A012 → A 零 一 二 (true) or A 十二 (false)
};

struct Composition {
    std::vector<std::string> words;  // clip words in play order; empty on error
    std::string error;               // names the text that no clip matches
};

// The words that read `n` (0…999) in `language`: zh 105 → 一 百 零 五; en 105 → one hundred five.
std::vector<std::string> number_words(int n, const std::string& language);

// The clip words announcing `ticket` (e.g. "A012") at `window` with `style`, using only words in
// `known` (the pack's clip words; "chime" for {chime}).
Composition compose_announcement(const std::string& ticket, int window, const AnnouncementStyle& style,
                                 const std::set<std::string>& known);

}  // namespace hallq
