// test_fingerprint.cpp - request fingerprints: FNV-1a 64 against its published test vectors, the
// documented recipe, personal data masked as parsed, and replies stored under the legacy recipe.
#include "core/idnumber.h"
#include "protocol/fingerprint.h"
#include "service_fixture.h"

using namespace hallq;
using namespace hallq::test;

TEST_CASE("fingerprint: FNV-1a 64 gives the published test vectors") {
    CHECK(fnv1a64("") == 0xcbf29ce484222325ull);
    CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cull);
    CHECK(fnv1a64("foobar") == 0x85944171f73967e8ull);
}

TEST_CASE("fingerprint: the documented recipe, with ID numbers masked as parsed") {
    Json body{{"queue", "A"}, {"item", "T-SJ-001"}};
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(fnv1a64(std::string("issue_ticket\n") + body.dump())));
    CHECK(request_fingerprint("issue_ticket", body) == hex);
    CHECK(request_fingerprint("issue_ticket", body) != request_fingerprint("issue_ticket", Json{{"queue", "B"}}));

    // A 15-digit number enters as the 18-character number it stands for, masked: no birth-date digit
    // that the stored holder does not show; a final x as X.
    std::string old15 = "110105491231002";
    std::string full = parse_id_number(old15)->normalized;
    CHECK(fingerprint_body(Json{{"id_number", old15}})["id_number"] == mask_id_number(full));
    CHECK(fingerprint_body(Json{{"id_number", old15}})["id_number"] != mask_id_number(old15));
    std::string with_x = "11010519491231002x";
    REQUIRE(parse_id_number(with_x));
    std::string masked = fingerprint_body(Json{{"id_number", with_x}})["id_number"].get<std::string>();
    CHECK(masked.back() == 'X');
    CHECK(request_fingerprint("issue_ticket", Json{{"id_number", with_x}}) ==
          request_fingerprint("issue_ticket", Json{{"id_number", with_x.substr(0, 17) + "X"}}));
    // A number that does not parse is masked as sent; passwords never enter.
    CHECK(fingerprint_body(Json{{"id_number", "12345678901"}})["id_number"] == mask_id_number("12345678901"));
    CHECK(fingerprint_body(Json{{"clerk", "c01"}, {"password", "secret"}})["password"] == "*");
}

TEST_CASE("fingerprint: a reply stored under the legacy recipe still answers its retry") {
    TempDb db("fingerprint");
    {
        ServerConfig cfg;
        SqliteStore store(db.path.string());
        HallService svc(store, cfg);
        svc.start(small_catalogue(), kMorning);
        Json body{{"queue", "A"}};
        std::string legacy = legacy_request_fingerprint("issue_ticket", body);
        REQUIRE(legacy != request_fingerprint("issue_ticket", body));
        // What an earlier release stored for request "old-1", 10 hours ago.
        commit_events(store, {}, svc.hall(), "old-1", make_reply("old-1", Json{{"stored", true}}), false, legacy);
        auto retry = parse_reply(svc.handle(make_request("issue_ticket", "old-1", body), kMorning).reply);
        REQUIRE(retry);
        CHECK(retry->ok);
        CHECK(retry->body["stored"] == true);
        CHECK(svc.hall().tickets().empty());  // answered from the log, nothing issued
        // Another body under that rid is still refused.
        auto other = parse_reply(svc.handle(make_request("issue_ticket", "old-1", Json{{"queue", "B"}}), kMorning).reply);
        REQUIRE(other);
        CHECK(other->error.code == ErrorCode::rid_reused);
    }
}
