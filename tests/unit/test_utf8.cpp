// test_utf8.cpp - the UTF-8 helper: well-formed text decodes as written, every malformed byte is
// one U+FFFD, and what it encodes is always valid.
#include <catch2/catch.hpp>

#include "core/utf8.h"

using namespace hallq;

TEST_CASE("utf8: well-formed text of 1 to 4 bytes a character decodes and re-encodes as written") {
    const std::string text = "A\u00e9\u4e2d\U0001F600\uFF11";  // A é 中 😀 １
    CHECK(utf8::decode(text) ==
          std::u32string{U'A', U'\u00e9', U'\u4e2d', U'\U0001F600', U'\uFF11'});
    CHECK(utf8::encode(utf8::decode(text)) == text);
    CHECK(utf8::length(text) == 5);
    CHECK(utf8::valid(text));
    CHECK(utf8::length("") == 0);
    CHECK(utf8::valid(""));
    CHECK(utf8::decode("\xEF\xBF\xBD") == std::u32string{utf8::kReplacement});  // U+FFFD itself
    CHECK(utf8::valid("\xEF\xBF\xBD"));
    CHECK(utf8::decode("\xF4\x8F\xBF\xBF") == std::u32string{U'\U0010FFFF'});  // the last one
}

TEST_CASE("utf8: each byte that starts no well-formed sequence is one U+FFFD") {
    const char32_t R = utf8::kReplacement;
    struct Case {
        const char* what;
        std::string bytes;
        std::u32string chars;
    };
    const Case cases[] = {
        {"stray continuation", "a\x80z", {U'a', R, U'z'}},
        {"lead byte cut off at the end", "a\xE4\xB8", {U'a', R, R}},
        {"lead byte followed by ASCII", "\xE4Xb", {R, U'X', U'b'}},
        {"overlong slash", "\xC0\xAF", {R, R}},
        {"overlong 3-byte", "\xE0\x80\xAF", {R, R, R}},
        {"surrogate D800", "\xED\xA0\x80", {R, R, R}},
        {"above U+10FFFF", "\xF4\x90\x80\x80", {R, R, R, R}},
        {"F5 and FF", "\xF5\xFF", {R, R}},
        {"4-byte cut to 3", "\xF0\x9F\x98", {R, R, R}},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(utf8::decode(c.bytes) == c.chars);
        CHECK(utf8::length(c.bytes) == c.chars.size());
        CHECK_FALSE(utf8::valid(c.bytes));
        CHECK(utf8::valid(utf8::encode(utf8::decode(c.bytes))));
    }
}

TEST_CASE("utf8: encoding never writes a surrogate or a value above U+10FFFF") {
    CHECK(utf8::encode(std::u32string{char32_t(0xD800), char32_t(0x110000), U'x'}) ==
          "\xEF\xBF\xBD\xEF\xBF\xBDx");
    size_t n = 0;
    CHECK(utf8::next("\xE4\xB8\xAD!", 0, n) == U'\u4e2d');
    CHECK(n == 3);
    CHECK(utf8::next("\xE4\xB8\xAD!", 3, n) == U'!');
    CHECK(n == 1);
}
