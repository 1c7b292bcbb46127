// utf8.cpp - a UTF-8 decoder that takes any bytes (well-formedness per Unicode table 3-7) and the
// counting and cutting built on it.
#include "core/utf8.h"

namespace hallq::utf8 {

namespace {
bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

char32_t next(std::string_view text, size_t at, size_t& bytes) {
    bytes = 1;
    const auto b = [&](size_t k) { return static_cast<unsigned char>(text[at + k]); };
    const unsigned char lead = b(0);
    if (lead < 0x80) return lead;
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF)
        n = 2;
    else if (lead == 0xE0)
        n = 3, lo = 0xA0;  // no overlong forms
    else if (lead == 0xED)
        n = 3, hi = 0x9F;  // no surrogates
    else if (lead >= 0xE1 && lead <= 0xEF)
        n = 3;
    else if (lead == 0xF0)
        n = 4, lo = 0x90;  // no overlong forms
    else if (lead >= 0xF1 && lead <= 0xF3)
        n = 4;
    else if (lead == 0xF4)
        n = 4, hi = 0x8F;  // nothing above U+10FFFF
    else
        return kReplacement;  // C0, C1, F5…FF, or a continuation byte
    if (at + n > text.size() || b(1) < lo || b(1) > hi) return kReplacement;
    char32_t c = lead & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n; ++k) {
        if (!continuation(b(k))) return kReplacement;
        c = (c << 6) | (b(k) & 0x3F);
    }
    bytes = n;
    return c;
}

std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t i = 0, n = 0; i < text.size(); i += n) out.push_back(next(text, i, n));
    return out;
}

void append(std::string& out, char32_t c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = kReplacement;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string encode(std::u32string_view chars) {
    std::string out;
    out.reserve(chars.size());
    for (char32_t c : chars) append(out, c);
    return out;
}

bool valid(std::string_view text) {
    for (size_t i = 0, n = 0; i < text.size(); i += n)
        if (next(text, i, n) == kReplacement && n == 1) return false;
    return true;
}

size_t length(std::string_view text) {
    size_t count = 0;
    for (size_t i = 0, n = 0; i < text.size(); i += n, ++count) next(text, i, n);
    return count;
}

}  // namespace hallq::utf8
