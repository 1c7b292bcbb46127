// commands.cpp - decodes a command body into its type's body, checking each field it takes.
#include "protocol/commands.h"

#include <cstdint>
#include <initializer_list>
#include <utility>

#include "core/idnumber.h"
#include "protocol/field_checks.h"
#include "protocol/messages.h"

namespace hallq {

namespace {
constexpr size_t kMaxText = 500;     // characters (code points), not bytes: Chinese notes count fairly
constexpr size_t kMaxComment = 200;  // a rating's comment, in characters
constexpr size_t kMaxPassword = 128;  // characters
constexpr int64_t kMaxWindow = 9999;  // window numbers are small; larger values are refused, never wrapped

Error bad_field(std::string name) { return Error{ErrorCode::bad_field, std::move(name)}; }

struct Fields {
    const Json& body;
    std::string bad;  // first bad field

    std::string text(const char* key, size_t max = kMaxText) {
        auto it = body.find(key);
        if (it == body.end() || it->is_null()) return "";
        if (!it->is_string() || characters(it->get_ref<const std::string&>()) > max) {
            if (bad.empty()) bad = key;
            return "";
        }
        return it->get<std::string>();
    }
    int64_t integer(const char* key, int64_t min = 0, int64_t max = INT64_MAX) {
        auto it = body.find(key);
        if (it == body.end() || it->is_null()) return 0;
        if (!it->is_number_integer() || it->get<int64_t>() < min || it->get<int64_t>() > max) {
            if (bad.empty()) bad = key;
            return 0;
        }
        return it->get<int64_t>();
    }
    std::vector<std::string> list(const char* key) {
        auto it = body.find(key);
        std::vector<std::string> out;
        if (it == body.end() || it->is_null()) return out;
        if (!it->is_array() || it->size() > 50) {
            if (bad.empty()) bad = key;
            return out;
        }
        for (const auto& x : *it) {
            if (!x.is_string()) {
                if (bad.empty()) bad = key;
                return {};
            }
            out.push_back(x.get<std::string>());
        }
        return out;
    }
    int window(const char* key = "window") { return int(integer(key, 1, kMaxWindow)); }
    TicketRef ticket() {  // an id, or today's number
        if (auto it = body.find("ticket"); it != body.end() && it->is_string()) return {0, text("ticket")};
        return {integer("ticket", 1), ""};
    }
    bool has(const char* key) const { return body.contains(key) && !body[key].is_null(); }

    // The first bad field, else the first of `required` that is missing.
    std::optional<Error> check(std::initializer_list<std::pair<bool, const char*>> required = {}) const {
        if (!bad.empty()) return bad_field(bad);
        for (const auto& [present, key] : required)
            if (!present) return bad_field(key);
        return std::nullopt;
    }
};

// Each body reads only its own fields (in one order for all: window, target_window, slot_at,
// ticket, queue, item, clerk, reason, note, reservation, outcome, target_queue, items, profile,
// level, reasons, comment, password, class, id_number, holder_name), then checks the ones it needs.
std::optional<Error> read(Fields& f, IssueTicket& c) {
    c.slot_at = f.integer("slot_at", 0);
    c.queue = f.text("queue");
    c.item = f.text("item");
    c.reservation = f.text("reservation");
    std::string klass = f.text("class");
    if (!klass.empty() && !parse(klass, c.klass) && f.bad.empty()) f.bad = "class";
    std::string id_number = f.text("id_number");
    std::string holder_name = f.text("holder_name");
    if (auto e = f.check()) return e;
    if (!id_number.empty()) {
        IdNumberProblem problem;
        auto info = parse_id_number(id_number, &problem);
        if (!info) return Error{ErrorCode::invalid_id_number, id_problem(problem)};
        c.holder = mask_id_tail(info->normalized);
    }
    if (!holder_name.empty()) c.holder = mask_name(holder_name);
    return std::nullopt;  // holder_key stays empty: only the server sets it
}

std::optional<Error> read(Fields& f, CancelTicket& c) {
    c.ticket = f.ticket();
    c.reason = f.text("reason");
    return f.check({{!c.ticket.empty(), "ticket"}});
}

std::optional<Error> read(Fields& f, ClerkLogin& c) {
    c.window = f.window();
    c.clerk = f.text("clerk");
    c.password = f.text("password", kMaxPassword);
    return f.check({{c.window != 0, "window"}, {!c.clerk.empty(), "clerk"}, {!c.password.empty(), "password"}});
}

template <CommandType T>
std::optional<Error> read(Fields& f, WindowBody<T>& c) {
    c.window = f.window();
    return f.check({{c.window != 0, "window"}});
}

std::optional<Error> read(Fields& f, SetProfile& c) {
    c.window = f.window();
    c.profile = f.list("profile");
    return f.check({{c.window != 0, "window"}});
}

std::optional<Error> read(Fields& f, CallTicket& c) {
    c.window = f.window();
    c.ticket = f.ticket();
    c.reason = f.text("reason");
    return f.check({{c.window != 0, "window"}, {!c.ticket.empty(), "ticket"}});
}

std::optional<Error> read(Fields& f, Finish& c) {
    c.window = f.window();
    c.outcome = f.text("outcome");
    c.items = f.list("items");
    return f.check({{c.window != 0, "window"}});
}

std::optional<Error> read(Fields& f, Transfer& c) {
    c.window = f.window();
    c.target_window = f.window("target_window");
    c.note = f.text("note");
    c.target_queue = f.text("target_queue");
    return f.check({{c.window != 0, "window"}});
}

std::optional<Error> read(Fields& f, Park& c) {
    c.window = f.window();
    c.note = f.text("note");
    return f.check({{c.window != 0, "window"}});
}

std::optional<Error> read(Fields& f, Resume& c) {
    c.window = f.window();
    c.ticket = f.ticket();
    return f.check({{c.window != 0, "window"}, {!c.ticket.empty(), "ticket"}});
}

std::optional<Error> read(Fields&, Rollover&) {  // never from a client: refused before
    return Error{ErrorCode::unknown_type, "rollover"};
}

std::optional<Error> read(Fields& f, Rate& c) {
    c.window = f.window();  // optional
    c.ticket = f.ticket();
    c.level = int(f.integer("level", kNotRated, kHighestLevel));
    c.reasons = f.list("reasons");
    c.comment = f.text("comment", kMaxComment);
    // An absent level is not "not rated": the screen sends 0 for that.
    return f.check({{!c.ticket.empty(), "ticket"}, {f.has("level"), "level"}});
}
}  // namespace

bool is_query_type(const std::string& type) {
    const MessageInfo* m = find_message(type);
    return m && m->kind == MessageKind::query;
}

std::variant<Command, Error> decode_command(const std::string& type, const Json& body) {
    CommandType t;
    if (!parse(type, t) || t == CommandType::rollover) return Error{ErrorCode::unknown_type, type};
    Command c = empty_command(t);
    Fields f{body, {}};
    if (auto e = std::visit([&](auto& b) { return read(f, b); }, c)) return *e;
    return c;
}

std::variant<PasswordChange, Error> decode_password_change(const Json& body) {
    Fields f{body, {}};
    PasswordChange p;
    p.clerk = f.text("clerk");
    p.old_password = f.text("old_password", kMaxPassword);
    p.new_password = f.text("new_password", kMaxPassword);
    if (!f.bad.empty()) return bad_field(f.bad);
    if (p.clerk.empty()) return bad_field("clerk");
    if (p.old_password.empty()) return bad_field("old_password");
    if (characters(p.new_password) < kMinPasswordLength) return bad_field("new_password");
    return p;
}

namespace {
std::optional<Error> birth_dates_in(const Json& j, const std::string& today, const std::string& path) {
    if (j.is_array()) {
        for (size_t i = 0; i < j.size(); ++i)
            if (auto e = birth_dates_in(j[i], today, path + "[" + std::to_string(i) + "]")) return e;
        return std::nullopt;
    }
    if (!j.is_object()) return std::nullopt;
    for (auto it = j.begin(); it != j.end(); ++it) {
        std::string here = path.empty() ? it.key() : path + "." + it.key();
        if (it.key() == "id_number" && it->is_string()) {
            const std::string& text = it->get_ref<const std::string&>();
            IdNumberProblem problem;
            if (parse_id_number(text) && !parse_id_number(text, &problem, today))
                return Error{ErrorCode::invalid_id_number,
                             path.empty() ? id_problem(problem) : here + ": " + id_problem(problem)};
        } else if (auto e = birth_dates_in(*it, today, here)) {
            return e;
        }
    }
    return std::nullopt;
}
}  // namespace

std::optional<Error> check_birth_dates(const Json& body, const std::string& today) {
    return birth_dates_in(body, today, "");
}

bool is_password_field(const std::string& key) {
    return key == "password" || key == "old_password" || key == "new_password";
}

}  // namespace hallq
