// catalogue.cpp - catalogue lookups and consistency checks.
#include "catalogue.h"

#include <set>

namespace hallq {

namespace {
template <class T, class Key, class Get>
const T* find_by(const std::vector<T>& v, const Key& key, Get get) {
    for (const auto& x : v)
        if (get(x) == key) return &x;
    return nullptr;
}

Error problem(ErrorCode code, std::string detail) { return Error{code, std::move(detail)}; }
}  // namespace

const Queue* Catalogue::queue(const std::string& letter) const {
    return find_by(queues, letter, [](const Queue& q) -> const std::string& { return q.letter; });
}
const ServiceItem* Catalogue::item(const std::string& code) const {
    return find_by(items, code, [](const ServiceItem& i) -> const std::string& { return i.code; });
}
const WindowDef* Catalogue::window(int number) const {
    return find_by(windows, number, [](const WindowDef& w) { return w.number; });
}
const Clerk* Catalogue::clerk(const std::string& id) const {
    return find_by(clerks, id, [](const Clerk& c) -> const std::string& { return c.id; });
}

std::optional<Error> Catalogue::validate() const {
    std::set<std::string> letters, codes, clerk_ids;
    std::set<int> numbers;
    for (const auto& q : queues) {
        if (q.letter.size() != 1 || q.letter[0] < 'A' || q.letter[0] > 'Z')
            return problem(ErrorCode::bad_field, "queue letter must be one of A-Z: " + q.letter);
        if (!letters.insert(q.letter).second)
            return problem(ErrorCode::bad_field, "duplicate queue " + q.letter);
    }
    for (const auto& i : items) {
        if (i.code.empty() || !codes.insert(i.code).second)
            return problem(ErrorCode::bad_field, "empty or duplicate item code " + i.code);
        if (!letters.count(i.queue))
            return problem(ErrorCode::unknown_queue, "item " + i.code + " names queue " + i.queue);
        if (i.service_minutes <= 0)
            return problem(ErrorCode::bad_field, "item " + i.code + " needs service_minutes > 0");
    }
    for (const auto& w : windows) {
        if (w.number <= 0 || w.number > 9999 || !numbers.insert(w.number).second)
            return problem(ErrorCode::bad_field, "bad or duplicate window number (1…9999)");
        for (const auto& l : w.profile)
            if (!letters.count(l))
                return problem(ErrorCode::unknown_queue,
                               "window " + std::to_string(w.number) + " serves unknown queue " + l);
    }
    for (const auto& c : clerks)
        if (c.id.empty() || !clerk_ids.insert(c.id).second)
            return problem(ErrorCode::bad_field, "empty or duplicate clerk id " + c.id);
    return std::nullopt;
}

const char* to_string(HandlingMode v) { return v == HandlingMode::instant ? "instant" : "promised"; }
const char* to_string(Complexity v) { return v == Complexity::general ? "general" : "complex"; }
const char* to_string(WindowKind v) {
    switch (v) {
        case WindowKind::comprehensive: return "comprehensive";
        case WindowKind::specialised: return "specialised";
        case WindowKind::assisted: return "assisted";
        case WindowKind::complaint: return "complaint";
        case WindowKind::pickup: return "pickup";
    }
    return "comprehensive";
}
bool parse(const std::string& s, HandlingMode& out) {
    if (s == "instant") out = HandlingMode::instant;
    else if (s == "promised") out = HandlingMode::promised;
    else return false;
    return true;
}
bool parse(const std::string& s, Complexity& out) {
    if (s == "general") out = Complexity::general;
    else if (s == "complex") out = Complexity::complex;
    else return false;
    return true;
}
bool parse(const std::string& s, WindowKind& out) {
    for (auto k : {WindowKind::comprehensive, WindowKind::specialised, WindowKind::assisted,
                   WindowKind::complaint, WindowKind::pickup})
        if (s == to_string(k)) {
            out = k;
            return true;
        }
    return false;
}

}  // namespace hallq
