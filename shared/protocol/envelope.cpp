// envelope.cpp - parsing and building protocol envelopes.
#include "protocol/envelope.h"

namespace hallq {

namespace {
Error err(ErrorCode code, std::string detail = {}) { return Error{code, std::move(detail)}; }
}  // namespace

std::variant<Request, Error> parse_request(std::string_view bytes, std::string* rid_out) {
    if (bytes.size() > kMaxMessageBytes)
        return err(ErrorCode::too_large, std::to_string(bytes.size()) + " bytes");
    // Nesting is bounded before anything walks the body: the code after the parser (field checks,
    // masking, fingerprints) recurses, and a body of 50,000 brackets must not exhaust its stack.
    bool too_deep = false;
    auto depth = [&too_deep](int d, Json::parse_event_t, Json&) {
        if (d > kMaxNesting) too_deep = true;
        return !too_deep;
    };
    // JSON text never holds a raw NUL (strings escape control characters); the parser would stop
    // at one and ignore whatever follows.
    if (bytes.find('\0') != std::string_view::npos) return err(ErrorCode::bad_json, "NUL byte");
    Json j = Json::parse(bytes.begin(), bytes.end(), depth, false);
    if (too_deep) return err(ErrorCode::bad_json, "nested deeper than " + std::to_string(kMaxNesting) + " levels");
    if (j.is_discarded()) return err(ErrorCode::bad_json);
    if (!j.is_object()) return err(ErrorCode::bad_json, "not an object");
    Request r;
    if (auto it = j.find("rid"); it != j.end() && it->is_string()) {
        r.rid = it->get<std::string>();
        if (r.rid.size() > kMaxRequestIdBytes) {
            r.rid.clear();
            return err(ErrorCode::bad_field, "rid too long");
        }
        if (rid_out) *rid_out = r.rid;
    }
    auto v = j.find("v");
    if (v == j.end()) return err(ErrorCode::bad_version, "missing v");
    if (!v->is_number_integer()) return err(ErrorCode::bad_version, "v must be a whole number");
    // Compared whole: 4294967297 is not 1 (as an int it would wrap to it).
    bool supported = v->is_number_unsigned() ? v->get<uint64_t>() == uint64_t(kProtocolVersion)
                                             : v->get<int64_t>() == int64_t(kProtocolVersion);
    if (!supported) return err(ErrorCode::bad_version, "v=" + v->dump());
    auto t = j.find("type");
    if (t == j.end() || !t->is_string() || t->get<std::string>().empty())
        return err(ErrorCode::bad_field, "type");
    r.type = t->get<std::string>();
    if (r.rid.empty()) return err(ErrorCode::bad_field, "rid");
    if (auto b = j.find("body"); b != j.end() && !b->is_null()) {  // null counts as absent
        if (!b->is_object()) return err(ErrorCode::bad_field, "body must be an object");
        r.body = *b;
    }
    return r;
}

std::string make_request(const std::string& type, const std::string& rid, const Json& body) {
    return wire_text(Json{{"v", kProtocolVersion}, {"type", type}, {"rid", rid}, {"body", body}});
}

std::string make_reply(const std::string& rid, const Json& body) {
    return wire_text(Json{{"v", kProtocolVersion}, {"type", "reply"}, {"rid", rid}, {"ok", true}, {"body", body}});
}

Json error_json(const Error& e) {
    return Json{{"code", std::string(to_string(e.code))},
                {"message", std::string(message_zh(e.code))},
                {"message_en", std::string(message_en(e.code))},
                {"detail", e.detail}};
}

std::string make_error_reply(const std::string& rid, const Error& e) {
    return wire_text(
        Json{{"v", kProtocolVersion}, {"type", "reply"}, {"rid", rid}, {"ok", false}, {"error", error_json(e)}});
}

std::optional<Reply> parse_reply(std::string_view bytes) {
    Json j = Json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (!j.is_object() || json_get<int>(j, "v", 0) != kProtocolVersion ||
        json_get<std::string>(j, "type", "") != "reply")
        return std::nullopt;
    Reply r;
    r.rid = json_get<std::string>(j, "rid", "");
    r.ok = json_get<bool>(j, "ok", false);
    if (r.ok) {
        r.body = j.contains("body") ? j["body"] : Json::object();
    } else {
        Json e = j.contains("error") ? j["error"] : Json::object();
        if (!parse_error_code(json_get<std::string>(e, "code", ""), r.error.code))
            r.error.code = ErrorCode::internal;
        r.error.detail = json_get<std::string>(e, "detail", "");
        r.message = json_get<std::string>(e, "message", "");
    }
    return r;
}

}  // namespace hallq
