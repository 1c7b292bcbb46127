// announcement.h - turns a call into the sequence of voice clips that announce it.
//
// A template is text with placeholders, e.g. 「{chime}请{ticket}号到{window}号窗口办理」 or
// "{chime} Number {ticket}, please go to window {window}". Literal text is matched against the
// voice pack's words, longest first, ASCII case-insensitive, skipping spaces and punctuation
// (，。、,.!！:：;；?？), so a hall can write its template in plain Chinese. A Latin word must end
// at a word boundary ("Numbers" is not "number" + "s"). {ticket} reads the letter, then the digits
// one by one (A 零 一 二) or as a number (A 十二; tickets above 999 are read digit by digit);
// {window} reads the window number as a number (三 / twelve).
// Pure: no I/O; the pack's words are passed in.
#pragma once
#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace hallq {

struct AnnouncementStyle {
    std::string language = "zh";  // "zh" (Mandarin) or "en"
    std::string tmpl = "{chime}请{ticket}号到{window}号窗口办理";
    // How often the sentence is spoken. A {chime} that opens the template sounds once, before the
    // first sentence; a {chime} elsewhere belongs to the sentence and repeats with it. Values
    // below 1 count as 1.
    int repeat = 2;
    bool ticket_digits = true;  // A012 → A 零 一 二 (true) or A 十二 (false)
};

struct Composition {
    std::vector<std::string> words;       // clip words in play order; empty on error
    std::vector<size_t> sentence_starts;  // index in `words` where each spoken sentence begins
    std::string error;                    // names the text that no clip matches
};

// The words that read `n` (0…999) in `language`: zh 105 → 一 百 零 五; en 105 → one hundred five.
// Empty for a number out of range or an unknown language.
std::vector<std::string> number_words(int n, const std::string& language);

// The words a pack of `language` needs so that any ticket (letters A–Z, digits) and any window
// 0…999 can be read: the letters and every word number_words() uses. Empty for an unknown language.
std::set<std::string> number_and_letter_words(const std::string& language);

// The clip words announcing `ticket` (e.g. "A012") at `window` with `style`, using only words in
// `known` (the pack's clip words; "chime" for {chime}). On error `words` is empty and `error`
// names the problem: the template text no word matches, an unknown placeholder, a missing clip
// word, a ticket that is not letters followed by digits, a window outside 0…999.
Composition compose_announcement(const std::string& ticket, int window,
                                 const AnnouncementStyle& style,
                                 const std::set<std::string>& known);

}  // namespace hallq
