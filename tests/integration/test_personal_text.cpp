// test_personal_text.cpp - personal fields in any script (full-width digits, CJK, emoji) are masked
// by character on the way into the request fingerprint: the server answers and keeps running.
#include <catch2/catch.hpp>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

TEST_CASE("personal text in any script gets an answer, and the server stays up") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    std::string ctl =
        std::string(HALLCTL_BIN) + " --server " + server.requests() + " --timeout 3000 ";
    std::string out;
    // The request of the security finding: a phone of three CJK characters (9 bytes).
    CHECK(run_command(ctl + R"(raw issue_ticket '{"queue":"A","phone":"中中中"}')", &out) == 0);
    CHECK(Json::parse(out)["ticket"]["number"] == "A001");

    RequestClient c(server.requests(), "kiosk");
    const std::string full_width_id = "１１０１０５１９４９１２３１００２Ｘ";
    for (const Json& body :
         {Json{{"queue", "A"}, {"id_number", full_width_id}},
          Json{{"queue", "A"}, {"id_number", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"}},
          Json{{"queue", "A"}, {"id_number", ""}},
          Json{{"queue", "A"}, {"holder_name", "😀"}, {"phone", "１３８１２３４５６７８"}}}) {
        INFO(body.dump());
        Reply r = must_reply(c, "issue_ticket", body);
        if (!r.ok) CHECK(r.error.code == ErrorCode::invalid_id_number);  // refused with a reason
    }
    Json entry{{"id", "R-中"},
               {"item", "T-RS-001"},
               {"date", "2030-01-02"},
               {"slot", "09:00"},
               {"name", "欧阳😀明"},
               {"phone", "13800138000"},
               {"id_number", "11010519491231002X"}};
    CHECK(must_reply(c, "import_reservations", Json{{"reservations", Json::array({entry})}}).ok);
    entry["phone"] = "中中中";
    entry["id_number"] = full_width_id;
    CHECK_FALSE(
        must_reply(c, "import_reservations", Json{{"reservations", Json::array({entry})}}).ok);
    // A retry of the first request under the same request id is recognised as the same request.
    Json body{{"queue", "A"}, {"phone", "中中中"}, {"holder_name", "张三"}};
    Reply first = must_reply(c, "issue_ticket", body, "rid-cjk");
    Reply again = must_reply(c, "issue_ticket", body, "rid-cjk");
    REQUIRE(first.ok);
    CHECK(again.body == first.body);
    CHECK(must_ok(c, "ping").is_object());  // still up
}
