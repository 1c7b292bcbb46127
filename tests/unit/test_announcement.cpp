// test_announcement.cpp - composing calls: templates, ticket letters and digits, numbers 0–999 in
// zh and en.
#include <catch2/catch.hpp>

#include "core/announcement.h"

using namespace hallq;
using Words = std::vector<std::string>;

namespace {

// The clip words of the shipped voice packs (sounds/zh, sounds/en).
std::set<std::string> zh_pack() {
    std::set<std::string> w = {"chime", "请", "号", "到", "窗口", "办理", "业务", "零", "一", "二",
                               "三",    "四", "五", "六", "七",   "八",   "九",   "十", "百"};
    for (char c = 'A'; c <= 'Z'; ++c) w.insert(std::string(1, c));
    return w;
}

std::set<std::string> en_pack() {
    std::set<std::string> w = {"chime", "number", "please", "go", "to", "window", "hundred"};
    for (const char* n :
         {"zero",     "one",     "two",     "three",     "four",     "five",     "six",
          "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
          "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
          "thirty",   "forty",   "fifty",   "sixty",     "seventy",  "eighty",   "ninety"})
        w.insert(n);
    for (char c = 'A'; c <= 'Z'; ++c) w.insert(std::string(1, c));
    return w;
}

AnnouncementStyle en_style() {
    AnnouncementStyle s;
    s.language = "en";
    s.tmpl = "{chime} Number {ticket}, please go to window {window}.";
    return s;
}

}  // namespace

TEST_CASE("announcement: zh numbers read as a hall says them") {
    CHECK(number_words(0, "zh") == Words{"零"});
    CHECK(number_words(7, "zh") == Words{"七"});
    CHECK(number_words(10, "zh") == Words{"十"});
    CHECK(number_words(11, "zh") == Words{"十", "一"});
    CHECK(number_words(20, "zh") == Words{"二", "十"});
    CHECK(number_words(35, "zh") == Words{"三", "十", "五"});
    CHECK(number_words(100, "zh") == Words{"一", "百"});
    CHECK(number_words(105, "zh") == Words{"一", "百", "零", "五"});
    CHECK(number_words(110, "zh") == Words{"一", "百", "一", "十"});
    CHECK(number_words(115, "zh") == Words{"一", "百", "一", "十", "五"});
    CHECK(number_words(300, "zh") == Words{"三", "百"});
    CHECK(number_words(999, "zh") == Words{"九", "百", "九", "十", "九"});
    CHECK(number_words(-1, "zh").empty());
    CHECK(number_words(1000, "zh").empty());
}

TEST_CASE("announcement: en numbers") {
    CHECK(number_words(0, "en") == Words{"zero"});
    CHECK(number_words(13, "en") == Words{"thirteen"});
    CHECK(number_words(20, "en") == Words{"twenty"});
    CHECK(number_words(42, "en") == Words{"forty", "two"});
    CHECK(number_words(100, "en") == Words{"one", "hundred"});
    CHECK(number_words(105, "en") == Words{"one", "hundred", "five"});
    CHECK(number_words(110, "en") == Words{"one", "hundred", "ten"});
    CHECK(number_words(999, "en") == Words{"nine", "hundred", "ninety", "nine"});
    CHECK(number_words(5, "fr").empty());
}

TEST_CASE("announcement: every window 0–999 composes from the pack's words only") {
    for (const auto& [lang, pack] :
         {std::pair{std::string("zh"), zh_pack()}, std::pair{std::string("en"), en_pack()}}) {
        AnnouncementStyle style = lang == "zh" ? AnnouncementStyle{} : en_style();
        auto needed = number_and_letter_words(lang);
        for (const auto& w : needed) CHECK(pack.count(w) == 1);
        for (int n = 0; n <= 999; ++n) {
            auto words = number_words(n, lang);
            REQUIRE_FALSE(words.empty());
            for (const auto& w : words) REQUIRE(needed.count(w) == 1);
            auto c = compose_announcement("A" + std::to_string(n), n, style, pack);
            INFO(lang << " " << n << ": " << c.error);
            REQUIRE(c.error.empty());
            style.ticket_digits = !style.ticket_digits;  // both readings of the ticket
        }
    }
}

TEST_CASE("announcement: the default zh call, ticket digit by digit, said twice after one chime") {
    auto c = compose_announcement("A012", 3, AnnouncementStyle{}, zh_pack());
    REQUIRE(c.error.empty());
    Words sentence = {"请", "A", "零", "一", "二", "号", "到", "三", "号", "窗口", "办理"};
    Words expected = {"chime"};
    expected.insert(expected.end(), sentence.begin(), sentence.end());
    expected.insert(expected.end(), sentence.begin(), sentence.end());
    CHECK(c.words == expected);
    CHECK(c.sentence_starts == std::vector<size_t>{1, 12});
}

TEST_CASE("announcement: ticket as a number, tickets above 999 digit by digit, lowercase letters") {
    AnnouncementStyle s;
    s.repeat = 1;
    s.ticket_digits = false;
    s.tmpl = "{ticket}";
    CHECK(compose_announcement("A012", 1, s, zh_pack()).words == Words{"A", "十", "二"});
    CHECK(compose_announcement("B000", 1, s, zh_pack()).words == Words{"B", "零"});
    CHECK(compose_announcement("A1000", 1, s, zh_pack()).words ==
          Words{"A", "一", "零", "零", "零"});
    s.ticket_digits = true;
    CHECK(compose_announcement("A1000", 1, s, zh_pack()).words ==
          Words{"A", "一", "零", "零", "零"});
    CHECK(compose_announcement("c7", 1, s, zh_pack()).words == Words{"C", "七"});
    CHECK(compose_announcement("AB12", 1, s, zh_pack()).words == Words{"A", "B", "一", "二"});
    auto bad = compose_announcement("A-12", 1, s, zh_pack());
    CHECK(bad.words.empty());
    CHECK_THAT(bad.error, Catch::Contains("A-12"));
    CHECK_FALSE(compose_announcement("A", 1, s, zh_pack()).error.empty());
}

TEST_CASE("announcement: en template, case-insensitive, punctuation skipped") {
    AnnouncementStyle s = en_style();
    s.repeat = 1;
    auto c = compose_announcement("B105", 12, s, en_pack());
    REQUIRE(c.error.empty());
    CHECK(c.words == Words{"chime", "number", "B", "one", "zero", "five", "please", "go", "to",
                           "window", "twelve"});
    s.ticket_digits = false;
    CHECK(compose_announcement("B105", 110, s, en_pack()).words ==
          Words{"chime", "number", "B", "one", "hundred", "five", "please", "go", "to", "window",
                "one", "hundred", "ten"});
    s.tmpl = "NUMBER {ticket}!  Please: GO to window {window}";
    CHECK(compose_announcement("C1", 2, s, en_pack()).words ==
          Words{"number", "C", "one", "please", "go", "to", "window", "two"});
}

TEST_CASE("announcement: zh literal text matched longest first, full-width punctuation skipped") {
    AnnouncementStyle s;
    s.repeat = 1;
    s.tmpl = "{chime}请 {ticket} 号，到{window}号窗口办理业务。";
    auto c = compose_announcement("A1", 5, s, zh_pack());
    REQUIRE(c.error.empty());
    CHECK(c.words ==
          Words{"chime", "请", "A", "一", "号", "到", "五", "号", "窗口", "办理", "业务"});
    // A longer word wins over its prefix.
    auto pack = zh_pack();
    pack.insert("窗");
    CHECK(compose_announcement("A1", 5, s, pack).words == c.words);
}

TEST_CASE("announcement: repeat and where the chime goes") {
    AnnouncementStyle s;
    s.tmpl = "{chime}{ticket}";
    s.repeat = 3;
    auto c = compose_announcement("A1", 1, s, zh_pack());
    CHECK(c.words == Words{"chime", "A", "一", "A", "一", "A", "一"});
    CHECK(c.sentence_starts == std::vector<size_t>{1, 3, 5});
    s.tmpl = "{ticket}{chime}";  // a chime inside the sentence repeats with it
    s.repeat = 2;
    CHECK(compose_announcement("A1", 1, s, zh_pack()).words ==
          Words{"A", "一", "chime", "A", "一", "chime"});
    s.tmpl = "请{ticket}";  // no chime at all
    s.repeat = 0;           // counts as once
    CHECK(compose_announcement("A1", 1, s, zh_pack()).words == Words{"请", "A", "一"});
}

TEST_CASE("announcement: errors name the text, the placeholder or the missing clip") {
    AnnouncementStyle s;
    s.tmpl = "{chime}请{ticket}号到{window}号柜台办理";
    auto c = compose_announcement("A1", 1, s, zh_pack());
    CHECK(c.words.empty());
    CHECK_THAT(c.error, Catch::Contains("柜台办理"));

    s = en_style();
    s.tmpl = "Numbers {ticket}";  // a Latin word must end at a word boundary
    CHECK_THAT(compose_announcement("A1", 1, s, en_pack()).error, Catch::Contains("Numbers"));
    s.tmpl = "{ticket} {counter}";
    CHECK_THAT(compose_announcement("A1", 1, s, en_pack()).error, Catch::Contains("{counter}"));
    s.tmpl = "{ticket";
    CHECK_THAT(compose_announcement("A1", 1, s, en_pack()).error, Catch::Contains("unclosed"));

    auto pack = zh_pack();
    pack.erase("七");
    auto missing = compose_announcement("A7", 1, AnnouncementStyle{}, pack);
    CHECK(missing.words.empty());
    CHECK_THAT(missing.error, Catch::Contains("七"));
    pack = zh_pack();
    pack.erase("chime");
    CHECK_THAT(compose_announcement("A1", 1, AnnouncementStyle{}, pack).error,
               Catch::Contains("{chime}"));

    CHECK_THAT(compose_announcement("A1", 1000, AnnouncementStyle{}, zh_pack()).error,
               Catch::Contains("1000"));
    AnnouncementStyle fr;
    fr.language = "fr";
    CHECK_THAT(compose_announcement("A1", 1, fr, zh_pack()).error, Catch::Contains("fr"));
}
