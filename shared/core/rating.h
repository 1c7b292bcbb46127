// rating.h - 好差评: the five satisfaction levels, their grades, and the reasons a citizen may
// give for a low rating, with labels in Chinese and English for every screen that shows them.
#pragma once
#include <array>
#include <string_view>

namespace hallq {

// 0: the citizen did not rate before the window screen timed out (未评价).
constexpr int kNotRated = 0;
constexpr int kLowestLevel = 1, kHighestLevel = 5;

enum class RatingGrade { not_rated, bad, neutral, good };  // 未评价, 差评 1–2, 中评 3, 好评 4–5

// 1–2 are 差评 everywhere; whether 3 (基本满意) counts toward 好评 or apart as 中评 is the
// province's choice (policy.rating_level3: "neutral", the default, or "good").
inline RatingGrade rating_grade(int level, bool three_is_good = false) {
    if (level >= 4) return RatingGrade::good;
    if (level == 3) return three_is_good ? RatingGrade::good : RatingGrade::neutral;
    if (level >= 1) return RatingGrade::bad;
    return RatingGrade::not_rated;
}

// The default of policy.rating_reasons_up_to: reasons are asked for 差评 (1–2) only.
constexpr int kDefaultReasonsUpTo = 2;

// Reasons may be given with levels 1 … up_to (policy.rating_reasons_up_to, 0–4).
inline bool reasons_allowed(int level, int up_to) {
    return level >= kLowestLevel && level <= up_to;
}

struct RatingLevel {
    int level;
    std::string_view zh, en;
};

inline constexpr std::array<RatingLevel, 6> kRatingLevels = {{
    {0, "未评价", "Not rated"},
    {1, "非常不满意", "Very dissatisfied"},
    {2, "不满意", "Dissatisfied"},
    {3, "基本满意", "Fairly satisfied"},
    {4, "满意", "Satisfied"},
    {5, "非常满意", "Very satisfied"},
}};

// The level's labels, or nullptr outside 0–5.
inline const RatingLevel* rating_level(int level) {
    for (const auto& l : kRatingLevels)
        if (l.level == level) return &l;
    return nullptr;
}

struct RatingReason {
    std::string_view code, zh, en;
};

// The fixed set of reason codes (wire strings, part of the protocol).
inline constexpr std::array<RatingReason, 6> kRatingReasons = {{
    {"attitude", "态度不好", "Unfriendly attitude"},
    {"efficiency", "效率低", "Slow service"},
    {"guidance", "指引不清", "Unclear guidance"},
    {"materials", "材料要求不明", "Unclear document requirements"},
    {"environment", "环境设施", "Facilities and environment"},
    {"other", "其他", "Other"},
}};

// The reason with this code, or nullptr.
inline const RatingReason* rating_reason(std::string_view code) {
    for (const auto& r : kRatingReasons)
        if (r.code == code) return &r;
    return nullptr;
}

// A window's ratings of the day, by grade.
struct RatingTally {
    int good = 0, neutral = 0, bad = 0, not_rated = 0;
    void count(int level, bool three_is_good) {
        switch (rating_grade(level, three_is_good)) {
            case RatingGrade::good: ++good; break;
            case RatingGrade::neutral: ++neutral; break;
            case RatingGrade::bad: ++bad; break;
            case RatingGrade::not_rated: ++not_rated; break;
        }
    }
    bool operator==(const RatingTally& o) const {
        return good == o.good && neutral == o.neutral && bad == o.bad && not_rated == o.not_rated;
    }
};

}  // namespace hallq
