// idnumber.h - resident ID number rules (GB 11643-1999) and masking of personal data.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace hallq {

enum class IdNumberProblem { none, bad_length, bad_characters, bad_birth_date, bad_check_digit, bad_area };

struct IdNumberInfo {
    std::string normalized;  // 18 characters, upper-case X; 15-digit numbers are upgraded
    int birth_year = 0, birth_month = 0, birth_day = 0;
    bool male = false;
    bool legacy15 = false;  // was an old 15-digit number
};

// Check digit for the first 17 digits (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2).
// Precondition: `first17` holds 17 ASCII digits.
char id_check_char(std::string_view first17);

// Validates an 18-character number (check digit, birth date) or a legacy 15-digit one (birth date,
// 19xx century). Returns the parsed facts, or nullopt with `problem` set. With `today`
// ("YYYY-MM-DD"), a birth date after it is bad_birth_date too.
std::optional<IdNumberInfo> parse_id_number(std::string_view text, IdNumberProblem* problem = nullptr,
                                            std::string_view today = {});

// Age in whole years on the given date.
int age_on(const IdNumberInfo& id, int year, int month, int day);

// Masking counts characters, not bytes: any input (full-width digits, CJK, emoji, bytes that are
// not UTF-8, the empty string) gives valid UTF-8, and none throws.

// 440401********1768: first 6 and last 4 characters kept, the rest starred; ten or fewer: all.
// Not shown anywhere any more: with the area and the check digit known, only the birth date is
// missing, about 4,000 candidates. Request fingerprints hash it (protocol/fingerprint.h).
std::string mask_id_number(std::string_view id);

// **************1768: the last 4 kept, the rest starred; four or fewer: all. The screen form:
// tickets, kiosks, desks, replies and log lines (../shared/docs/domain-facts.md).
std::string mask_id_tail(std::string_view id);

// 张*三 for three or more characters, 张* for two, * for one: first and last kept.
std::string mask_name(std::string_view name);

// 138****5678: first 3 and last 4 characters kept; fewer than 8: all starred.
std::string mask_phone(std::string_view phone);

}  // namespace hallq
