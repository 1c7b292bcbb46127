// commands.cpp - checks every field of a command body before the hall sees it.
#include "protocol/commands.h"

#include <cstdint>

#include "core/idnumber.h"
#include "protocol/field_checks.h"
#include "protocol/messages.h"

namespace hallq {

namespace {
constexpr size_t kMaxText = 500;     // characters (code points), not bytes: Chinese notes count fairly
constexpr size_t kMaxComment = 200;  // a rating's comment, in characters
constexpr size_t kMaxPassword = 128;  // characters
constexpr int64_t kMaxWindow = 9999;  // window numbers are small; larger values are refused, never wrapped

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
};

Error bad_field(std::string name) { return Error{ErrorCode::bad_field, std::move(name)}; }
}  // namespace

bool is_query_type(const std::string& type) {
    const MessageInfo* m = find_message(type);
    return m && m->kind == MessageKind::query;
}

std::variant<Command, Error> decode_command(const std::string& type, const Json& body) {
    Command c;
    if (!parse(type, c.type) || c.type == CommandType::rollover)
        return Error{ErrorCode::unknown_type, type};
    Fields f{body, {}};
    c.window = int(f.integer("window", 1, kMaxWindow));
    c.target_window = int(f.integer("target_window", 1, kMaxWindow));
    c.slot_at = f.integer("slot_at", 0);
    if (auto it = body.find("ticket"); it != body.end() && it->is_string())
        c.ticket_number = f.text("ticket");
    else
        c.ticket = f.integer("ticket", 1);
    c.queue = f.text("queue");
    c.item = f.text("item");
    c.clerk = f.text("clerk");
    c.reason = f.text("reason");
    c.note = f.text("note");
    c.reservation = f.text("reservation");
    c.outcome = f.text("outcome");
    c.target_queue = f.text("target_queue");
    c.items = f.list("items");
    c.profile = f.list("profile");
    c.level = int(f.integer("level", kNotRated, kHighestLevel));
    c.reasons = f.list("reasons");
    c.comment = f.text("comment", kMaxComment);
    if (c.type == CommandType::clerk_login) c.password = f.text("password", kMaxPassword);
    std::string klass = f.text("class");
    if (!klass.empty() && !parse(klass, c.klass) && f.bad.empty()) f.bad = "class";
    std::string id_number = f.text("id_number");
    std::string holder_name = f.text("holder_name");
    if (!f.bad.empty()) return bad_field(f.bad);

    bool needs_window = c.type != CommandType::issue_ticket && c.type != CommandType::cancel_ticket &&
                        c.type != CommandType::rate;
    if (needs_window && !c.window) return bad_field("window");
    bool needs_ticket = c.type == CommandType::cancel_ticket || c.type == CommandType::call_ticket ||
                        c.type == CommandType::resume || c.type == CommandType::rate;
    if (needs_ticket && !c.ticket && c.ticket_number.empty()) return bad_field("ticket");
    if ((c.type == CommandType::clerk_login) && c.clerk.empty()) return bad_field("clerk");
    if ((c.type == CommandType::clerk_login) && c.password.empty()) return bad_field("password");
    if (c.type == CommandType::rate && (!body.contains("level") || body["level"].is_null()))
        return bad_field("level");  // absent is not "not rated": the screen sends 0 for that
    if (!id_number.empty()) {
        IdNumberProblem problem;
        auto info = parse_id_number(id_number, &problem);
        if (!info) return Error{ErrorCode::invalid_id_number, id_problem(problem)};
        c.holder = mask_id_number(info->normalized);
    }
    if (!holder_name.empty()) c.holder = mask_name(holder_name);
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
