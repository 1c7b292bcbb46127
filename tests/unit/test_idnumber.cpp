// test_idnumber.cpp - GB 11643 check digit, birth date, legacy numbers, age and masking.
#include <catch2/catch.hpp>

#include "core/idnumber.h"
#include "core/utf8.h"
#include "protocol/commands.h"

using namespace hallq;

namespace {
IdNumberProblem problem_of(const std::string& text) {
    IdNumberProblem p = IdNumberProblem::none;
    CHECK_FALSE(parse_id_number(text, &p).has_value());
    return p;
}
}  // namespace

TEST_CASE("id number: the published examples are valid") {
    auto a = parse_id_number("11010519491231002X");
    REQUIRE(a);
    CHECK(a->birth_year == 1949);
    CHECK(a->birth_month == 12);
    CHECK(a->birth_day == 31);
    CHECK_FALSE(a->male);  // sequence 002: even
    auto b = parse_id_number("440524188001010014");
    REQUIRE(b);
    CHECK(b->birth_year == 1880);
    CHECK(b->male);  // 001: odd
    CHECK(id_check_char("11010519491231002") == 'X');
    CHECK(id_check_char("44052418800101001") == '4');
}

TEST_CASE("id number: a lower-case x is accepted and normalised") {
    auto a = parse_id_number("11010519491231002x");
    REQUIRE(a);
    CHECK(a->normalized == "11010519491231002X");
}

TEST_CASE("id number: every check character 0-10 is computed") {
    // Vary the sequence digits until each check character has been seen, and confirm that
    // any other final character is refused.
    std::string seen;
    for (int seq = 0; seq < 200 && seen.size() < 11; ++seq) {
        std::string first17 = "11010519800101" + std::to_string(100 + seq).substr(0, 3);
        char c = id_check_char(first17);
        if (seen.find(c) == std::string::npos) seen += c;
        CHECK(parse_id_number(first17 + c).has_value());
        char wrong = c == '0' ? '1' : '0';
        CHECK(problem_of(first17 + wrong) == IdNumberProblem::bad_check_digit);
    }
    CHECK(seen.size() == 11);
}

TEST_CASE("id number: invalid numbers are refused with the reason") {
    CHECK(problem_of("") == IdNumberProblem::bad_length);
    CHECK(problem_of("1101051949123100") == IdNumberProblem::bad_length);
    CHECK(problem_of("11010519491231002X1") == IdNumberProblem::bad_length);
    CHECK(problem_of("1101051949123100ZX") == IdNumberProblem::bad_characters);
    CHECK(problem_of("11010519491231002Y") == IdNumberProblem::bad_characters);
    CHECK(problem_of("11010519491331002X") == IdNumberProblem::bad_birth_date);  // month 13
    CHECK(problem_of("110105190002290013") == IdNumberProblem::bad_birth_date);  // 1900 not leap
    CHECK(problem_of("110105200002300013") == IdNumberProblem::bad_birth_date);  // Feb 30
    CHECK(problem_of("11010519491231002") == IdNumberProblem::bad_length);
    CHECK(problem_of("11010519491231003X") == IdNumberProblem::bad_check_digit);
    // No province 00 (nor 10, 83, 99): refused whatever its check digit.
    for (std::string area : {"000000", "100105", "830105", "990105"}) {
        std::string first17 = area + "19491231002";
        CHECK(problem_of(first17 + id_check_char(first17)) == IdNumberProblem::bad_area);
    }
    CHECK(problem_of("000000491231002") == IdNumberProblem::bad_area);  // 15 digits
    CHECK(parse_id_number("11010520000229" + std::string("001") + id_check_char("11010520000229001")).has_value());
}

TEST_CASE("id number: legacy 15-digit numbers are upgraded to 18") {
    auto a = parse_id_number("110105491231002");
    REQUIRE(a);
    CHECK(a->legacy15);
    CHECK(a->normalized == "11010519491231002X");
    CHECK(a->birth_year == 1949);
    CHECK_FALSE(a->male);
    CHECK(problem_of("11010549123100A") == IdNumberProblem::bad_characters);
    CHECK(problem_of("110105491331002") == IdNumberProblem::bad_birth_date);
}

TEST_CASE("id number: age in whole years") {
    auto a = parse_id_number("11010519491231002X");
    REQUIRE(a);
    CHECK(age_on(*a, 2026, 12, 30) == 76);
    CHECK(age_on(*a, 2026, 12, 31) == 77);
    CHECK(age_on(*a, 2027, 1, 1) == 77);
}

TEST_CASE("masking: ID numbers, names and phones") {
    CHECK(mask_id_number("440401199001011768") == "440401********1768");
    CHECK(mask_id_number("110105491231002") == "110105*****1002");
    CHECK(mask_id_number("12345") == "*****");
    CHECK(mask_name("张三丰") == "张*丰");
    CHECK(mask_name("欧阳小明") == "欧*明");
    CHECK(mask_name("张三") == "张*");
    CHECK(mask_name("张") == "*");
    CHECK(mask_name("") == "");
    CHECK(mask_name("Li Lei") == "L*i");
    CHECK(mask_phone("13812345678") == "138****5678");
    CHECK(mask_phone("12345") == "*****");
}

TEST_CASE("id number: nobody is born after the service day") {
    std::string first17 = "11010521000101001";  // born 2100-01-01
    std::string future = first17 + id_check_char(first17);
    CHECK(parse_id_number(future));  // the number itself follows every rule
    IdNumberProblem p = IdNumberProblem::none;
    CHECK_FALSE(parse_id_number(future, &p, "2026-11-23"));
    CHECK(p == IdNumberProblem::bad_birth_date);
    std::string today17 = "11010520261123001";  // born on the service day itself: valid
    CHECK(parse_id_number(today17 + id_check_char(today17), &p, "2026-11-23"));
    CHECK_FALSE(parse_id_number(today17 + id_check_char(today17), &p, "2026-11-22"));
    // In a request body, at any depth, with its place.
    Json list{{"reservations", Json::array({Json{{"id_number", "110105194912310021"}}, Json{{"id_number", future}}})}};
    auto e = check_birth_dates(list, "2026-11-23");
    REQUIRE(e);
    CHECK(e->code == ErrorCode::invalid_id_number);
    CHECK(e->detail == "reservations[1].id_number: birth date");
    CHECK(check_birth_dates(Json{{"id_number", future}}, "2026-11-23")->detail == "birth date");
    CHECK_FALSE(check_birth_dates(Json{{"id_number", future}}, "2100-01-01"));
}

TEST_CASE("masking counts characters: any input gives valid UTF-8 and never throws") {
    // Full-width digits, CJK, emoji: kept and starred by character, never cut inside one.
    CHECK(mask_id_number("\uFF14\uFF14\uFF10\uFF14\uFF10\uFF11\uFF11\uFF19\uFF19\uFF10\uFF10\uFF11"
                         "\uFF10\uFF11\uFF11\uFF17\uFF16\uFF18") ==
          "\uFF14\uFF14\uFF10\uFF14\uFF10\uFF11********\uFF11\uFF17\uFF16\uFF18");
    CHECK(mask_phone("\u4e2d\u4e2d\u4e2d") == "***");
    CHECK(mask_phone("\uFF11\uFF13\uFF18\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18") ==
          "\uFF11\uFF13\uFF18****\uFF15\uFF16\uFF17\uFF18");
    CHECK(mask_phone("\U0001F600\U0001F600\U0001F6001\U0001F4DE\U0001F4DE\U0001F4DE\U0001F4DE") ==
          "\U0001F600\U0001F600\U0001F600*\U0001F4DE\U0001F4DE\U0001F4DE\U0001F4DE");  // 8 characters
    CHECK(mask_id_number("\u5f20\u4e09\u4e30") == "***");
    CHECK(mask_name("\U0001F600\U0001F601\U0001F602") == "\U0001F600*\U0001F602");
    CHECK(mask_name("\u00e9") == "*");
    CHECK(mask_id_number("").empty());
    CHECK(mask_phone("").empty());
    // Bytes that are not UTF-8 count as one character each and are kept as U+FFFD.
    CHECK(mask_phone("\xFF\xFE" "123456") == "\xEF\xBF\xBD\xEF\xBF\xBD" "1*3456");
    CHECK(mask_phone("\xE4\xB8" "1234567") == "\xEF\xBF\xBD\xEF\xBF\xBD" "1**4567");
    CHECK(mask_name("\x80\x80\x80") == "\xEF\xBF\xBD*\xEF\xBF\xBD");
    const std::string nasty[] = {"", "\x80", "\xC0\xAF\xC0\xAF\xC0\xAF\xC0\xAF\xC0\xAF\xC0\xAF",
                                 "\xED\xA0\x80\xED\xA0\x80\xED\xA0\x80\xED\xA0\x80",
                                 "\u4e2d\xE4\xB8", std::string(200, '\xE4'),
                                 "1101051949123100\xF0\x9F\x98", std::string(3, '\0')};
    for (const std::string& s : nasty) {
        INFO(s.size() << " bytes");
        for (const std::string& masked : {mask_id_number(s), mask_phone(s)}) {
            CHECK(utf8::valid(masked));
            CHECK(utf8::length(masked) == utf8::length(s));  // one character or star for each
        }
        CHECK(utf8::valid(mask_name(s)));
        CHECK(utf8::length(mask_name(s)) == std::min<size_t>(utf8::length(s), 3));
    }
}
