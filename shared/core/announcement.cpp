// announcement.cpp - composes calls from templates, ticket letters and numbers read in zh or en.
#include "announcement.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace hallq {

namespace {

constexpr std::array<const char*, 10> kZhDigits = {"零", "一", "二", "三", "四",
                                                   "五", "六", "七", "八", "九"};
constexpr std::array<const char*, 20> kEnOnes = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<const char*, 10> kEnTens = {"",      "",      "twenty",  "thirty", "forty",
                                                 "fifty", "sixty", "seventy", "eighty", "ninety"};

// Spaces and punctuation skipped between the words of a template's literal text.
constexpr std::array<const char*, 18> kSeparators = {" ",  "\t", "\r", "\n", "，", "。",
                                                     "、", ",",  ".",  "!",  "！", ":",
                                                     "：", ";",  "；", "?",  "？", "\u3000"};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string lower(std::string s) {
    for (char& c : s) c = ascii_lower(c);
    return s;
}

// Length of the separator at `pos` of `text`, 0 if none.
size_t separator_at(const std::string& text, size_t pos) {
    for (const char* sep : kSeparators) {
        std::string_view s(sep);
        if (text.compare(pos, s.size(), s) == 0) return s.size();
    }
    return 0;
}

enum class Part { chime, ticket, window, word };
struct Token {
    Part part;
    std::string word;  // for Part::word: the pack's spelling
};

// Splits `literal` into known words (longest first). False with `error` naming the unmatched text.
bool match_literal(const std::string& literal, const std::set<std::string>& known,
                   std::vector<Token>& out, std::string& error) {
    std::vector<std::pair<std::string, std::string>> words;  // (lowercase, pack spelling)
    for (const auto& w : known)
        if (!w.empty()) words.emplace_back(lower(w), w);
    std::stable_sort(words.begin(), words.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    const std::string text = lower(literal);
    size_t pos = 0;
    while (pos < text.size()) {
        if (size_t sep = separator_at(text, pos)) {
            pos += sep;
            continue;
        }
        const std::pair<std::string, std::string>* hit = nullptr;
        for (const auto& w : words) {
            if (text.compare(pos, w.first.size(), w.first) != 0) continue;
            size_t end = pos + w.first.size();
            // A Latin word ends at a word boundary: "Numbers" is not "number" + "s".
            if (is_ascii_letter(w.first.back()) && end < text.size() && is_ascii_letter(text[end]))
                continue;
            hit = &w;
            break;
        }
        if (!hit) {
            size_t end = pos;
            while (end < literal.size() && !separator_at(literal, end)) ++end;
            error =
                "template text \"" + literal.substr(pos, end - pos) + "\" matches no voice clip";
            return false;
        }
        out.push_back({Part::word, hit->second});
        pos += hit->first.size();
    }
    return true;
}

bool parse_template(const std::string& tmpl, const std::set<std::string>& known,
                    std::vector<Token>& out, std::string& error) {
    size_t pos = 0;
    while (pos < tmpl.size()) {
        size_t open = tmpl.find('{', pos);
        if (!match_literal(
                tmpl.substr(pos, open == std::string::npos ? std::string::npos : open - pos), known,
                out, error))
            return false;
        if (open == std::string::npos) break;
        size_t close = tmpl.find('}', open);
        if (close == std::string::npos) {
            error = "template has an unclosed \"{\": " + tmpl.substr(open);
            return false;
        }
        std::string name = tmpl.substr(open + 1, close - open - 1);
        if (name == "chime")
            out.push_back({Part::chime, "chime"});
        else if (name == "ticket")
            out.push_back({Part::ticket, {}});
        else if (name == "window")
            out.push_back({Part::window, {}});
        else {
            error = "unknown placeholder {" + name + "} (use {chime}, {ticket}, {window})";
            return false;
        }
        pos = close + 1;
    }
    return true;
}

// The words reading `ticket`: its letters, then its digits one by one or as a number.
bool ticket_words(const std::string& ticket, const AnnouncementStyle& style,
                  std::vector<std::string>& out, std::string& error) {
    size_t i = 0;
    for (; i < ticket.size() && is_ascii_letter(ticket[i]); ++i)
        out.emplace_back(1, ascii_upper(ticket[i]));
    std::string digits = ticket.substr(i);
    bool all_digits = !digits.empty() && std::all_of(digits.begin(), digits.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
    if (!all_digits) {
        error = "ticket \"" + ticket + "\" is not letters followed by digits";
        return false;
    }
    size_t first = digits.find_first_not_of('0');
    size_t significant = first == std::string::npos ? 0 : digits.size() - first;
    if (!style.ticket_digits && significant <= 3) {
        int value = significant == 0 ? 0 : std::stoi(digits.substr(first));
        for (auto& w : number_words(value, style.language)) out.push_back(std::move(w));
        return true;
    }
    for (char c : digits)
        for (auto& w : number_words(c - '0', style.language)) out.push_back(std::move(w));
    return true;
}

}  // namespace

std::vector<std::string> number_words(int n, const std::string& language) {
    std::vector<std::string> out;
    if (n < 0 || n > 999) return out;
    int h = n / 100, t = (n / 10) % 10, u = n % 10;
    if (language == "zh") {
        if (h > 0) {
            out = {kZhDigits[h], "百"};
            if (t == 0 && u == 0) return out;
            if (t == 0) out.push_back("零");  // 105 → 一百零五
        }
        if (t > 0) {
            if (h > 0 || t > 1) out.push_back(kZhDigits[t]);  // 10 → 十, 110 → 一百一十
            out.push_back("十");
        }
        if (u > 0 || n == 0) out.push_back(kZhDigits[u]);
    } else if (language == "en") {
        int rest = n % 100;
        if (h > 0) {
            out = {kEnOnes[h], "hundred"};  // 105 → one hundred five
            if (rest == 0) return out;
        }
        if (rest < 20) {
            out.push_back(kEnOnes[rest]);
        } else {
            out.push_back(kEnTens[rest / 10]);
            if (u > 0) out.push_back(kEnOnes[u]);
        }
    }
    return out;
}

std::set<std::string> number_and_letter_words(const std::string& language) {
    std::set<std::string> out;
    if (language != "zh" && language != "en") return out;
    for (char c = 'A'; c <= 'Z'; ++c) out.insert(std::string(1, c));
    for (int n = 0; n <= 999; ++n)
        for (auto& w : number_words(n, language)) out.insert(std::move(w));
    return out;
}

Composition compose_announcement(const std::string& ticket, int window,
                                 const AnnouncementStyle& style,
                                 const std::set<std::string>& known) {
    Composition c;
    if (style.language != "zh" && style.language != "en") {
        c.error = "unknown announcement language \"" + style.language + "\" (zh or en)";
        return c;
    }
    std::vector<Token> tokens;
    if (!parse_template(style.tmpl, known, tokens, c.error)) return c;
    if (tokens.empty()) {
        c.error = "the announcement template says nothing";
        return c;
    }
    if (window < 0 || window > 999) {
        c.error = "window " + std::to_string(window) + " cannot be announced (0…999)";
        return c;
    }
    // A leading {chime} sounds once; the rest is the sentence, spoken `repeat` times.
    std::vector<std::string> lead, sentence;
    size_t from = 0;
    if (tokens.front().part == Part::chime) {
        lead.push_back("chime");
        from = 1;
    }
    for (size_t i = from; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.part == Part::word || t.part == Part::chime) {
            sentence.push_back(t.word);
        } else if (t.part == Part::ticket) {
            if (!ticket_words(ticket, style, sentence, c.error)) return c;
        } else {
            for (auto& w : number_words(window, style.language)) sentence.push_back(std::move(w));
        }
    }
    std::vector<std::string> words = lead;
    int repeat = std::max(1, style.repeat);
    for (int r = 0; r < repeat && !sentence.empty(); ++r) {
        c.sentence_starts.push_back(words.size());
        words.insert(words.end(), sentence.begin(), sentence.end());
    }
    for (const auto& w : words)
        if (!known.count(w)) {
            c.error =
                w == "chime" ? "no voice clip for {chime}" : "no voice clip for \"" + w + "\"";
            c.sentence_starts.clear();
            return c;
        }
    c.words = std::move(words);
    return c;
}

}  // namespace hallq
