// commands.cpp - maps hallctl verbs to protocol requests, and events to readable lines.
#include "commands.h"

#include <filesystem>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "core/rating.h"
#include "protocol/messages.h"
#include "terminal/secret_input.h"

namespace hallq::ctl {

namespace {
Json ticket_ref(const std::string& s) {
    bool digits = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
    return digits ? Json(std::stoll(s)) : Json(s);
}

int64_t today_at(const std::string& hhmm) {
    int h = 0, m = 0;
    if (std::sscanf(hhmm.c_str(), "%d:%d", &h, &m) != 2) throw UsageError("--slot needs HH:MM");
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    tm.tm_hour = h;
    tm.tm_min = m;
    tm.tm_sec = 0;
    return int64_t(std::mktime(&tm)) * 1000;
}
std::string password_for(const Args& a, const std::string& clerk) {
    if (a.has("password")) return a.get("password");
    const char* env = std::getenv("HALLQ_PASSWORD");
    if (env && *env) return env;
    return read_secret("工作人员 " + clerk + " 的密码 / password of clerk " + clerk + ": ");
}
}  // namespace

std::string read_secret(const std::string& prompt) { return read_secret_line(prompt); }

Built build_request(const std::string& verb, const Args& a) {
    Built b;
    if (verb == "raw") {
        b.type = a.word(1, "message type");
        std::string body = a.words.size() > 2 ? a.words[2] : "{}";
        b.body = Json::parse(body, nullptr, false);
        if (!b.body.is_object()) throw UsageError("raw body must be a JSON object");
        return b;
    }
    // The verb names its message in the message table (protocol/messages.def).
    const MessageInfo* m = find_verb(verb == "no-show" ? "noshow" : verb);
    if (!m) throw UsageError("unknown command " + verb);
    b.type = std::string(m->name);
    auto window = [&] { b.body["window"] = to_int(a.word(1, "window number"), "window"); };
    auto optional_text = [&](const char* option, const char* field) {
        if (a.has(option)) b.body[field] = a.get(option);
    };
    switch (m->type) {
        case MessageType::issue_ticket:
            optional_text("queue", "queue");
            optional_text("item", "item");
            if (!a.has("queue") && !a.has("item")) throw UsageError("issue needs --queue or --item");
            optional_text("class", "class");
            if (a.has("reservation")) {
                b.body["class"] = "reservation";
                b.body["reservation"] = a.get("reservation");
                if (a.has("slot")) b.body["slot_at"] = today_at(a.get("slot"));
            }
            optional_text("id-number", "id_number");
            optional_text("name", "holder_name");
            return b;
        case MessageType::cancel_ticket:
            b.body["ticket"] = ticket_ref(a.word(1, "ticket"));
            optional_text("reason", "reason");
            return b;
        case MessageType::clerk_login:
            window();
            b.body["clerk"] = a.word(2, "clerk id");
            b.body["password"] = password_for(a, a.word(2, "clerk id"));
            return b;
        case MessageType::change_password: {  // old and new password: --password / --new-password, else asked for
            std::string clerk = a.word(1, "clerk id");
            b.body["clerk"] = clerk;
            b.body["old_password"] = password_for(a, clerk);
            b.body["new_password"] = a.has("new-password") ? a.get("new-password") : read_secret("新密码 / new password: ");
            return b;
        }
        case MessageType::clerk_logout:
        case MessageType::window_open:
        case MessageType::window_pause:
        case MessageType::window_close:
        case MessageType::call_next:
        case MessageType::recall:
        case MessageType::start:
        case MessageType::no_show:
        case MessageType::call_order: window(); return b;
        case MessageType::set_profile:
            window();
            b.body["profile"] = split_list(a.word(2, "queue letters, e.g. A,B"));
            return b;
        case MessageType::call_ticket:
            window();
            b.body["ticket"] = ticket_ref(a.word(2, "ticket"));
            b.body["reason"] = a.get("reason");
            return b;
        case MessageType::finish:
            window();
            if (a.has("items")) b.body["items"] = split_list(a.get("items"));
            optional_text("outcome", "outcome");
            return b;
        case MessageType::transfer:
            window();
            optional_text("queue", "target_queue");
            if (a.has("window")) b.body["target_window"] = to_int(a.get("window"), "--window");
            optional_text("note", "note");
            return b;
        case MessageType::park:
            window();
            optional_text("note", "note");
            return b;
        case MessageType::resume:
            window();
            b.body["ticket"] = ticket_ref(a.word(2, "ticket"));
            return b;
        case MessageType::rate:
            b.body["ticket"] = ticket_ref(a.word(1, "ticket"));
            b.body["level"] = to_int(a.word(2, "level (1-5, or 0 for not rated)"), "level");
            if (a.has("reasons")) b.body["reasons"] = split_list(a.get("reasons"));
            optional_text("comment", "comment");
            if (a.has("window")) b.body["window"] = to_int(a.get("window"), "--window");
            return b;
        case MessageType::ticket: b.body["ticket"] = ticket_ref(a.word(1, "ticket")); return b;
        case MessageType::status:
        case MessageType::snapshot:
        case MessageType::ping: return b;
        case MessageType::backup: {
            std::filesystem::path p(a.word(1, "FILE"));
            b.body["path"] = std::filesystem::absolute(p).lexically_normal().string();  // the server's machine
            return b;
        }
        default: break;  // verbs with their own command (check-in, reservations) or none
    }
    throw UsageError("unknown command " + verb);
}

std::string describe_event(const Json& e) {
    std::string type = json_get<std::string>(e, "type", "");
    std::string number = json_get<std::string>(e, "number", "");
    int window = json_get<int>(e, "window", 0);
    char win[16];
    std::snprintf(win, sizeof win, "%02d", window);
    std::time_t t = std::time_t(json_get<int64_t>(e, "at", 0) / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char stamp[16];
    std::strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
    std::string prefix = std::string(stamp) + "  ";
    if (type == "ticket_called")
        return prefix + "叫号 " + number + " 请到 " + win + " 号窗口" +
               (json_get<bool>(e, "out_of_order", false) ? " (指定叫号)" : "");
    if (type == "ticket_recalled") return prefix + "重呼 " + number + " 请到 " + win + " 号窗口";
    if (type == "ticket_issued") {
        Json t = e.contains("issued") ? e["issued"] : Json::object();
        std::string klass = json_get<std::string>(t, "class", "normal");
        return prefix + "取号 " + number + (klass == "green" ? " [绿色通道]" : klass == "reservation" ? " [预约]" : "") +
               "  预计等候 " + std::to_string(json_get<int>(t, "estimate_min", 0)) + " 分钟";
    }
    if (type == "ticket_finished") return prefix + "办结 " + number + " (" + win + " 号窗口)";
    if (type == "ticket_no_show") return prefix + "过号 " + number + " (" + win + " 号窗口)";
    if (type == "ticket_transferred") return prefix + "转移 " + number + " 从 " + win + " 号窗口";
    if (type == "ticket_rated") {
        const RatingLevel* level = rating_level(json_get<int>(e, "level", 0));
        std::string line = prefix + "评价 " + number + " (" + win + " 号窗口): " +
                           std::string(level ? level->zh : "?");
        std::string reasons;
        for (const auto& code : json_get<std::vector<std::string>>(e, "reasons", {})) {
            const RatingReason* r = rating_reason(code);
            reasons += (reasons.empty() ? "" : "、") + std::string(r ? r->zh : code);
        }
        return reasons.empty() ? line : line + " [" + reasons + "]";
    }
    if (type == "day_rollover") return prefix + "新的一天 " + json_get<std::string>(e, "day", "") + "，号码从头开始";
    return "";
}

}  // namespace hallq::ctl
