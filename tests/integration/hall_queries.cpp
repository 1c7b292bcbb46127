// hall_queries.cpp - the hall's queries over RequestClient; the events through open_store().
#include "hall_queries.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "store/store.h"

namespace hallq::test {

HallQueries::HallQueries(const ServerProcess& server) : server_(server) {}

HallQueries::~HallQueries() = default;

Json HallQueries::ok(const std::string& type, const Json& body) {
    if (!client_) {
        REQUIRE(server_.running());
        client_ = std::make_unique<RequestClient>(server_.requests(), "hall-queries");
    }
    return must_ok(*client_, type, body);
}

Json HallQueries::ticket(const std::string& number) { return ok("ticket", Json{{"ticket", number}})["ticket"]; }

Json HallQueries::ticket(int64_t id) { return ok("ticket", Json{{"ticket", id}})["ticket"]; }

std::vector<Json> HallQueries::tickets() {
    Json snapshot = ok("snapshot", Json::object());
    std::vector<Json> out(snapshot["state"]["tickets"].begin(), snapshot["state"]["tickets"].end());
    std::sort(out.begin(), out.end(),
              [](const Json& a, const Json& b) { return a["id"].get<int64_t>() < b["id"].get<int64_t>(); });
    return out;
}

std::vector<Json> HallQueries::reservations(const std::string& date) {
    Json body = date.empty() ? Json::object() : Json{{"date", date}};
    Json reply = ok("reservations", body);
    return std::vector<Json>(reply["reservations"].begin(), reply["reservations"].end());
}

Json HallQueries::reservation(const std::string& id, const std::string& date) {
    for (auto& r : reservations(date))
        if (r["id"] == id) return r;
    FAIL("no reservation " << id << " on " << (date.empty() ? "the service day" : date));
    return {};
}

std::vector<Json> HallQueries::events() {
    uint64_t seq = ok("snapshot", Json::object())["seq"].get<uint64_t>();
    std::vector<std::string> stored = open_store(server_.db().string())->events_after(0, int(seq));
    INFO("the snapshot is at seq " << seq);
    REQUIRE(stored.size() == seq);
    std::vector<Json> out;
    for (uint64_t i = 0; i < seq; ++i) {
        out.push_back(Json::parse(stored[i]));
        REQUIRE(out.back()["seq"] == i + 1);
    }
    return out;
}

std::vector<Json> HallQueries::events(const std::string& type) {
    std::vector<Json> out;
    for (auto& e : events())
        if (e["type"] == type) out.push_back(std::move(e));
    return out;
}

std::string fields(const Json& j, std::initializer_list<const char*> keys) {
    std::string out;
    bool first = true;
    for (const char* k : keys) {
        if (!first) out += ' ';
        first = false;
        auto it = j.find(k);
        if (it == j.end() || it->is_null()) continue;
        out += it->is_string() ? it->get<std::string>() : it->dump();
    }
    return out;
}

std::string lines(const std::vector<Json>& list, std::initializer_list<const char*> keys) {
    std::string out;
    for (const auto& j : list) out += fields(j, keys) + "\n";
    return out;
}

}  // namespace hallq::test
