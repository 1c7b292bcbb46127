// codec_state.cpp - catalogue, policy, windows and whole-state snapshots to and from JSON.
#include "protocol/codec.h"

namespace hallq {

namespace {
std::string req_string(const Json& j, const char* key, const char* what) {
    auto s = json_get<std::string>(j, key, "");
    if (s.empty()) throw CodecError(std::string(what) + " needs " + key);
    return s;
}

const Json& array_at(const Json& j, const char* key) {
    static const Json empty = Json::array();
    auto it = j.find(key);
    if (it == j.end()) return empty;
    if (!it->is_array()) throw CodecError(std::string(key) + " must be an array");
    return *it;
}

template <class E>
E enum_of(const Json& j, const char* key, E fallback) {
    auto s = json_get<std::string>(j, key, "");
    if (s.empty()) return fallback;
    E out;
    if (!parse(s, out)) throw CodecError(std::string("bad value for ") + key + ": " + s);
    return out;
}
}  // namespace

Json to_json(const Catalogue& c) {
    Json j{{"hall", {{"name", c.hall_name}, {"area_code", c.area_code}, {"missed_call", c.missed_call}}}};
    j["departments"] = Json::array();
    for (const auto& d : c.departments) j["departments"].push_back({{"code", d.code}, {"name", d.name}});
    j["queues"] = Json::array();
    for (const auto& q : c.queues)
        j["queues"].push_back({{"letter", q.letter}, {"name", q.name}, {"name_en", q.name_en}});
    j["items"] = Json::array();
    for (const auto& i : c.items)
        j["items"].push_back({{"code", i.code}, {"name", i.name}, {"type", i.type},
                              {"department", i.department}, {"mode", to_string(i.mode)},
                              {"promised_days", i.promised_days},
                              {"complexity", to_string(i.complexity)},
                              {"service_minutes", i.service_minutes}, {"queue", i.queue},
                              {"materials", i.materials}});
    j["windows"] = Json::array();
    for (const auto& w : c.windows)
        j["windows"].push_back({{"number", w.number}, {"name", w.name},
                                {"kind", to_string(w.kind)}, {"profile", w.profile}});
    j["clerks"] = Json::array();
    for (const auto& k : c.clerks)
        j["clerks"].push_back({{"id", k.id}, {"name", k.name}, {"can_set_profile", k.can_set_profile}});
    return j;
}

Catalogue catalogue_from_json(const Json& j) {
    if (!j.is_object()) throw CodecError("catalogue must be an object");
    Catalogue c;
    if (j.contains("hall")) {
        c.hall_name = json_get<std::string>(j["hall"], "name", "");
        c.area_code = json_get<std::string>(j["hall"], "area_code", "");
        c.missed_call = json_get<std::string>(j["hall"], "missed_call", kDefaultMissedCall);
        if (c.missed_call.empty() || c.missed_call.size() > 120) throw CodecError("hall.missed_call must be 1-120 bytes");
    }
    for (const auto& d : array_at(j, "departments"))
        c.departments.push_back({req_string(d, "code", "department"), json_get<std::string>(d, "name", "")});
    for (const auto& q : array_at(j, "queues"))
        c.queues.push_back({req_string(q, "letter", "queue"), json_get<std::string>(q, "name", ""),
                            json_get<std::string>(q, "name_en", "")});
    for (const auto& i : array_at(j, "items")) {
        ServiceItem s;
        s.code = req_string(i, "code", "item");
        s.name = json_get<std::string>(i, "name", "");
        s.type = json_get<std::string>(i, "type", "20");
        s.department = json_get<std::string>(i, "department", "");
        s.mode = enum_of(i, "mode", HandlingMode::instant);
        s.promised_days = json_get<int>(i, "promised_days", 0);
        s.complexity = enum_of(i, "complexity", Complexity::general);
        s.service_minutes = json_get<int>(i, "service_minutes", 10);
        s.queue = req_string(i, "queue", "item");
        s.materials = json_get<std::vector<std::string>>(i, "materials", {});
        c.items.push_back(std::move(s));
    }
    for (const auto& w : array_at(j, "windows")) {
        WindowDef d;
        d.number = json_get<int>(w, "number", 0);
        d.name = json_get<std::string>(w, "name", "");
        d.kind = enum_of(w, "kind", WindowKind::comprehensive);
        d.profile = json_get<std::vector<std::string>>(w, "profile", {});
        c.windows.push_back(std::move(d));
    }
    for (const auto& k : array_at(j, "clerks"))
        c.clerks.push_back({req_string(k, "id", "clerk"), json_get<std::string>(k, "name", ""),
                            json_get<bool>(k, "can_set_profile", false)});
    if (auto problem = c.validate())
        throw CodecError(std::string(to_string(problem->code)) + ": " + problem->detail);
    return c;
}

Json to_json(const Policy& p) {
    return Json{{"max_priority_streak", p.max_priority_streak}, {"aging_minutes", p.aging_minutes},
                {"recall_limit", p.recall_limit},   {"recall_cooldown_s", p.recall_cooldown_s},
                {"learning_rate", p.learning_rate}, {"max_serial", p.max_serial},
                {"rating_level3", p.rating_three_good ? "good" : "neutral"},
                {"rating_reasons_up_to", p.rating_reasons_up_to}};
}

Policy policy_from_json(const Json& j, Policy d) {
    Policy p;
    p.max_priority_streak = json_get<int>(j, "max_priority_streak", d.max_priority_streak);
    p.aging_minutes = json_get<int>(j, "aging_minutes", d.aging_minutes);
    p.recall_limit = json_get<int>(j, "recall_limit", d.recall_limit);
    p.recall_cooldown_s = json_get<int>(j, "recall_cooldown_s", d.recall_cooldown_s);
    p.learning_rate = json_get<double>(j, "learning_rate", d.learning_rate);
    p.max_serial = json_get<int>(j, "max_serial", d.max_serial);
    std::string three = json_get<std::string>(j, "rating_level3", d.rating_three_good ? "good" : "neutral");
    if (three != "good" && three != "neutral") throw CodecError("policy.rating_level3 must be \"neutral\" or \"good\"");
    p.rating_three_good = three == "good";
    p.rating_reasons_up_to = json_get<int>(j, "rating_reasons_up_to", d.rating_reasons_up_to);
    if (p.rating_reasons_up_to < 0 || p.rating_reasons_up_to > 4)
        throw CodecError("policy.rating_reasons_up_to must be 0–4");
    if (p.recall_limit < 0 || p.recall_cooldown_s < 0 || p.aging_minutes < 0 ||
        p.learning_rate <= 0 || p.learning_rate > 1 || p.max_serial < 1)
        throw CodecError("policy values out of range");
    return p;
}

Json to_json(const WindowStatus& w) {
    std::string state = w.state == WindowState::open && w.current ? "serving" : to_string(w.state);
    Json j{{"number", w.number}, {"state", state},     {"clerk", w.clerk},
           {"profile", w.profile}, {"current", w.current}, {"priority_streak", w.priority_streak},
           {"served", w.served},
           {"ratings", {{"good", w.ratings.good}, {"neutral", w.ratings.neutral},
                        {"bad", w.ratings.bad}, {"not_rated", w.ratings.not_rated}}}};
    if (!w.device.empty()) j["device"] = w.device;
    return j;
}

Json snapshot_json(const Hall& h, bool with_tickets) {
    Json j{{"v", 1}, {"seq", h.seq()}, {"day", h.day()}, {"next_ticket_id", h.next_ticket_id()},
           {"catalogue", to_json(h.catalogue())}, {"policy", to_json(h.policy())}};
    j["counters"] = h.counters();
    j["learned_seconds"] = h.learned_seconds();
    j["windows"] = Json::array();
    for (const auto& [n, w] : h.windows()) j["windows"].push_back(to_json(w));
    if (!with_tickets) return j;
    j["tickets"] = Json::array();
    for (const auto& [id, t] : h.tickets()) j["tickets"].push_back(to_json(t));
    return j;
}

Hall hall_from_snapshot(const Json& j) {
    if (!j.is_object()) throw CodecError("snapshot must be an object");
    HallState p;
    p.seq = json_get<uint64_t>(j, "seq", 0);
    p.day = json_get<std::string>(j, "day", "");
    p.next_ticket_id = json_get<int64_t>(j, "next_ticket_id", 1);
    p.catalogue = std::make_shared<const Catalogue>(
        catalogue_from_json(j.contains("catalogue") ? j["catalogue"] : Json::object()));
    p.policy = std::make_shared<const Policy>(
        policy_from_json(j.contains("policy") ? j["policy"] : Json::object()));
    p.counters = json_get<std::map<std::string, int>>(j, "counters", {});
    p.learned = json_get<std::map<std::string, double>>(j, "learned_seconds", {});
    for (const auto& w : array_at(j, "windows")) {
        WindowStatus s;
        s.number = json_get<int>(w, "number", 0);
        auto state = json_get<std::string>(w, "state", "closed");
        if (state == "serving") state = "open";
        if (!parse(state, s.state)) throw CodecError("bad window state " + state);
        s.clerk = json_get<std::string>(w, "clerk", "");
        s.device = json_get<std::string>(w, "device", "");
        s.profile = json_get<std::vector<std::string>>(w, "profile", {});
        s.current = json_get<int64_t>(w, "current", 0);
        s.priority_streak = json_get<int>(w, "priority_streak", 0);
        s.served = json_get<int>(w, "served", 0);
        if (auto r = w.find("ratings"); r != w.end() && r->is_object()) {
            s.ratings.good = json_get<int>(*r, "good", 0);
            s.ratings.neutral = json_get<int>(*r, "neutral", 0);
            s.ratings.bad = json_get<int>(*r, "bad", 0);
            s.ratings.not_rated = json_get<int>(*r, "not_rated", 0);
        }
        p.windows[s.number] = std::move(s);
    }
    for (const auto& t : array_at(j, "tickets")) {
        Ticket x = ticket_from_json(t);
        p.tickets[x.id] = std::move(x);
    }
    return Hall(std::move(p));
}

}  // namespace hallq
