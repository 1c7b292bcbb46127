// test_demo_catalogue.cpp - the demo district hall (hallserver/data/demo-hall.json) that
// `hallserver --demo` loads: it parses, validates, and is a plausible, fully staffed hall.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "protocol/codec.h"

using namespace hallq;

namespace {
Catalogue demo_catalogue() {
    std::ifstream in(std::string(HALLQ_DEMO_DATA) + "/demo-hall.json");
    REQUIRE(in.good());
    std::stringstream buf;
    buf << in.rdbuf();
    return catalogue_from_json(Json::parse(buf.str()));
}
}  // namespace

TEST_CASE("demo catalogue: parses and validates") {
    Catalogue c;
    REQUIRE_NOTHROW(c = demo_catalogue());
    CHECK_FALSE(c.validate().has_value());
    CHECK(c.hall_name == "汉台区政务服务中心");
    CHECK(c.area_code == "610702");
}

TEST_CASE("demo catalogue: sizes and the entries the README uses") {
    Catalogue c = demo_catalogue();
    CHECK(c.departments.size() >= 6u);
    CHECK(c.items.size() >= 30u);
    CHECK(c.queues.size() >= 8u);
    CHECK(c.windows.size() >= 20u);
    CHECK(c.window(22) != nullptr);
    REQUIRE(c.item("610702-RS-001") != nullptr);
    CHECK(c.item("610702-RS-001")->department == "RS");
    CHECK(c.queue("A") != nullptr);
    CHECK(c.queue("B") != nullptr);
    CHECK(c.clerk("c03") != nullptr);
}

TEST_CASE("demo catalogue: every window has a clerk and every queue a window") {
    Catalogue c = demo_catalogue();
    std::set<std::string> served;
    for (const auto& w : c.windows) {
        std::string id = (w.number < 10 ? "c0" : "c") + std::to_string(w.number);
        INFO("window " << w.number);
        CHECK(c.clerk(id) != nullptr);
        CHECK_FALSE(w.name.empty());
        CHECK_FALSE(w.profile.empty());
        served.insert(w.profile.begin(), w.profile.end());
    }
    for (const auto& q : c.queues) {
        INFO("queue " << q.letter);
        CHECK(served.count(q.letter) == 1u);
    }
}

TEST_CASE("demo catalogue: items are complete and unique") {
    Catalogue c = demo_catalogue();
    std::set<std::string> codes;
    for (const auto& i : c.items) {
        INFO("item " << i.code);
        CHECK(codes.insert(i.code).second);
        CHECK_FALSE(i.name.empty());
        CHECK_FALSE(i.materials.empty());
        CHECK(c.queue(i.queue) != nullptr);
    }
}

TEST_CASE("demo catalogue: window kinds") {
    Catalogue c = demo_catalogue();
    std::set<WindowKind> kinds;
    for (const auto& w : c.windows) kinds.insert(w.kind);
    for (auto k : {WindowKind::comprehensive, WindowKind::assisted, WindowKind::complaint, WindowKind::pickup}) {
        INFO("kind " << to_string(k));
        CHECK(kinds.count(k) == 1u);
    }
}

TEST_CASE("catalogue: window numbers outside 1…9999 are refused") {
    hallq::Json j = hallq::Json::parse(R"({"queues":[{"letter":"A"}],"windows":[{"number":10000,"profile":["A"]}]})");
    CHECK_THROWS_WITH(hallq::catalogue_from_json(j), Catch::Contains("window number"));
}
