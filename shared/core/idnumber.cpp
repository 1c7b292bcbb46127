// idnumber.cpp - GB 11643 validation and the masking conventions used on every screen and log.
#include "idnumber.h"

#include "core/utf8.h"

namespace hallq {

namespace {
constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int number(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool valid_date(int y, int m, int d) {
    if (y < 1850 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
    return d <= max;
}

std::optional<IdNumberInfo> fail(IdNumberProblem* out, IdNumberProblem p) {
    if (out) *out = p;
    return std::nullopt;
}

// `text` with all but its first `front` and last `back` characters starred, by character (UTF-8);
// entirely starred when it has no more than `front + back` characters. Any bytes in, valid UTF-8
// out: a byte that is not UTF-8 counts as one character (U+FFFD when kept).
std::string keep_ends(std::string_view text, size_t front, size_t back) {
    std::u32string chars = utf8::decode(text);
    if (chars.size() <= front + back) return std::string(chars.size(), '*');
    std::u32string_view all(chars);
    return utf8::encode(all.substr(0, front)) + std::string(chars.size() - front - back, '*') +
           utf8::encode(all.substr(chars.size() - back));
}
}  // namespace

namespace {
std::optional<IdNumberInfo> parse_id_number_rules(std::string_view text, IdNumberProblem* problem);
}  // namespace

char id_check_char(std::string_view first17) {
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
    return kCheck[sum % 11];
}

std::optional<IdNumberInfo> parse_id_number(std::string_view text, IdNumberProblem* problem, std::string_view today) {
    auto parsed = parse_id_number_rules(text, problem);
    if (!parsed || today.size() != 10) return parsed;
    int born = parsed->birth_year * 10000 + parsed->birth_month * 100 + parsed->birth_day;
    int day = number(today.substr(0, 4)) * 10000 + number(today.substr(5, 2)) * 100 + number(today.substr(8, 2));
    if (born > day) return fail(problem, IdNumberProblem::bad_birth_date);
    return parsed;
}

namespace {
std::optional<IdNumberInfo> parse_id_number_rules(std::string_view text, IdNumberProblem* problem) {
    if (problem) *problem = IdNumberProblem::none;
    IdNumberInfo info;
    if (text.size() == 15) {
        if (!all_digits(text)) return fail(problem, IdNumberProblem::bad_characters);
        if (int province = number(text.substr(0, 2)); province < 11 || province > 82)
            return fail(problem, IdNumberProblem::bad_area);
        info.birth_year = 1900 + number(text.substr(6, 2));
        info.birth_month = number(text.substr(8, 2));
        info.birth_day = number(text.substr(10, 2));
        if (!valid_date(info.birth_year, info.birth_month, info.birth_day))
            return fail(problem, IdNumberProblem::bad_birth_date);
        std::string first17 = std::string(text.substr(0, 6)) + "19" + std::string(text.substr(6));
        info.normalized = first17 + id_check_char(first17);
        info.male = (text[14] - '0') % 2 == 1;
        info.legacy15 = true;
        return info;
    }
    if (text.size() != 18) return fail(problem, IdNumberProblem::bad_length);
    std::string_view first17 = text.substr(0, 17);
    char last = text[17] == 'x' ? 'X' : text[17];
    if (!all_digits(first17) || !(last == 'X' || (last >= '0' && last <= '9')))
        return fail(problem, IdNumberProblem::bad_characters);
    // The area code starts with a province code, 11 (Beijing) to 82 (Macao); 000000 is none.
    if (int province = number(text.substr(0, 2)); province < 11 || province > 82)
        return fail(problem, IdNumberProblem::bad_area);
    info.birth_year = number(text.substr(6, 4));
    info.birth_month = number(text.substr(10, 2));
    info.birth_day = number(text.substr(12, 2));
    if (!valid_date(info.birth_year, info.birth_month, info.birth_day))
        return fail(problem, IdNumberProblem::bad_birth_date);
    if (id_check_char(first17) != last) return fail(problem, IdNumberProblem::bad_check_digit);
    info.normalized = std::string(first17) + last;
    info.male = (text[16] - '0') % 2 == 1;
    return info;
}

}  // namespace

int age_on(const IdNumberInfo& id, int year, int month, int day) {
    int age = year - id.birth_year;
    if (month < id.birth_month || (month == id.birth_month && day < id.birth_day)) --age;
    return age;
}

std::string mask_id_number(std::string_view id) { return keep_ends(id, 6, 4); }

std::string mask_id_tail(std::string_view id) { return keep_ends(id, 0, 4); }

std::string mask_name(std::string_view name) {
    std::u32string chars = utf8::decode(name);
    if (chars.size() <= 1) return std::string(chars.size(), '*');
    std::string out = utf8::encode(chars.substr(0, 1)) + "*";
    return chars.size() == 2 ? out : out + utf8::encode(chars.substr(chars.size() - 1));
}

std::string mask_phone(std::string_view phone) { return keep_ends(phone, 3, 4); }

}  // namespace hallq
