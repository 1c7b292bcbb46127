// utf8.h - text by character, not by byte: every place that counts, cuts or masks user text
// (names, ID numbers, phones, notes, passwords) goes through these functions.
//
// Input may be any bytes. A byte that does not begin a well-formed UTF-8 sequence (a stray
// continuation byte, an overlong form, a surrogate, a value above U+10FFFF, a sequence cut short)
// counts as one character, U+FFFD, so every function has an answer and every string it returns is
// valid UTF-8. Nothing here throws except std::bad_alloc.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace hallq::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// The character that starts at byte `at` of `text` (at < text.size()), and how many bytes it takes
// (at least 1): U+FFFD and 1 for a byte that starts no well-formed sequence.
char32_t next(std::string_view text, size_t at, size_t& bytes);

// The characters of `text`.
std::u32string decode(std::string_view text);

// UTF-8 of `chars`; a surrogate or a value above U+10FFFF is written as U+FFFD.
std::string encode(std::u32string_view chars);
void append(std::string& out, char32_t c);

bool valid(std::string_view text);

// How many characters `text` has.
size_t length(std::string_view text);

}  // namespace hallq::utf8
