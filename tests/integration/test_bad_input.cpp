// test_bad_input.cpp - malformed frames, bad JSON, unknown types, wrong versions, oversized
// messages and invalid ID numbers get a clear error reply and change nothing.
#include <catch2/catch.hpp>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "core/idnumber.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
// A CURVE client with this process's key (the local admin's, test_keys_dir()).
void secure(zmq::socket_t& s) {
    const DeviceKey& k = device_key();
    s.set(zmq::sockopt::curve_serverkey, k.server_key);
    s.set(zmq::sockopt::curve_publickey, k.public_key);
    s.set(zmq::sockopt::curve_secretkey, k.secret_key);
}

// Sends frames from a fresh DEALER and returns the parsed reply (REQUIREs one within 5 s).
Reply send_frames(zmq::context_t& ctx, const std::string& ep, const std::vector<std::string>& frames) {
    zmq::socket_t s(ctx, zmq::socket_type::dealer);
    s.set(zmq::sockopt::linger, 0);
    secure(s);
    s.connect(ep);
    std::vector<zmq::const_buffer> out;
    for (const auto& f : frames) out.push_back(zmq::buffer(f));
    REQUIRE(zmq::send_multipart(s, out));
    zmq::pollitem_t item{s.handle(), 0, ZMQ_POLLIN, 0};
    zmq::poll(&item, 1, std::chrono::milliseconds(5000));
    REQUIRE((item.revents & ZMQ_POLLIN));
    std::vector<zmq::message_t> reply;
    REQUIRE(zmq::recv_multipart(s, std::back_inserter(reply)));
    auto parsed = parse_reply(reply.back().to_string());
    REQUIRE(parsed.has_value());
    return *parsed;
}

std::string request(const std::string& type, const Json& body, int v = 1) {
    return Json{{"v", v}, {"type", type}, {"rid", "bad-input-test"}, {"body", body}}.dump();
}
}  // namespace

TEST_CASE("bad requests are refused with a reason and change nothing") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    zmq::context_t ctx;
    RequestClient client(server.requests(), "t");
    must_ok(client, "issue_ticket", Json{{"queue", "A"}});
    Json before = must_ok(client, "snapshot")["state"];

    struct Case {
        const char* name;
        std::vector<std::string> frames;
        ErrorCode expected;
        const char* detail = nullptr;  // checked when given
    };
    const std::string born_2100 = std::string("11010521000101001") + id_check_char("11010521000101001");
    std::string huge = request("issue_ticket", Json{{"queue", "A"}, {"note", std::string(70000, 'x')}});
    // 26,000 brackets in a field the command does not take: 52 KB, under the size limit.
    auto nested = [](const char* type, const char* body) {
        return std::string(R"({"v":1,"type":")") + type + R"(","rid":"deep","body":{)" + body + R"(,"foo":)" +
               std::string(26000, '[') + std::string(26000, ']') + "}}";
    };
    std::vector<Case> cases = {
        {"not JSON", {"{this is not json"}, ErrorCode::bad_json},
        {"a body nested 26,000 deep", {nested("issue_ticket", R"("queue":"A")")}, ErrorCode::bad_json,
         "nested deeper than 32 levels"},
        {"a window command nested 26,000 deep", {nested("window_open", R"("window":1)")}, ErrorCode::bad_json,
         "nested deeper than 32 levels"},
        {"JSON array", {"[1,2,3]"}, ErrorCode::bad_json},
        {"empty frame", {""}, ErrorCode::bad_json},
        {"wrong version", {request("issue_ticket", Json{{"queue", "A"}}, 2)}, ErrorCode::bad_version},
        {"missing version", {R"({"type":"issue_ticket","rid":"x","body":{"queue":"A"}})"}, ErrorCode::bad_version},
        {"missing request id", {R"({"v":1,"type":"issue_ticket","body":{"queue":"A"}})"}, ErrorCode::bad_field},
        {"unknown type", {request("launch_rocket", Json::object())}, ErrorCode::unknown_type},
        {"rollover from a client", {request("rollover", Json{{"day", "2030-01-01"}})}, ErrorCode::unknown_type},
        {"oversized", {huge}, ErrorCode::too_large},
        {"extra frame", {"a", request("issue_ticket", Json{{"queue", "A"}})}, ErrorCode::bad_frame},
        {"body not an object", {R"({"v":1,"type":"issue_ticket","rid":"y","body":[1]})"}, ErrorCode::bad_field},
        {"window of wrong type", {request("call_next", Json{{"window", "one"}})}, ErrorCode::bad_field},
        {"invalid ID number", {request("issue_ticket", Json{{"queue", "A"}, {"id_number", "110105194912310021"}})},
         ErrorCode::invalid_id_number},
        {"ID number of someone born in 2100", {request("issue_ticket", Json{{"queue", "A"}, {"id_number", born_2100}})},
         ErrorCode::invalid_id_number, "birth date"},
        {"unknown queue", {request("issue_ticket", Json{{"queue", "Z"}})}, ErrorCode::unknown_queue},
        {"unknown item", {request("issue_ticket", Json{{"item", "NOPE"}})}, ErrorCode::unknown_item},
        {"window number that would wrap", {request("call_next", Json{{"window", 4294967297LL}})}, ErrorCode::bad_field},
        {"query of a window that would wrap", {request("call_order", Json{{"window", 4294967297LL}})},
         ErrorCode::unknown_window},
        {"query without its window", {request("call_order", Json::object())}, ErrorCode::bad_field, "window"},
        {"ticket query without a ticket", {request("ticket", Json{{"ticket", true}})}, ErrorCode::bad_field, "ticket"},
        {"ticket query for no such ticket", {request("ticket", Json{{"ticket", "Q999"}})}, ErrorCode::unknown_ticket, "Q999"},
        {"version as text", {R"({"v":"1","type":"ping","rid":"z"})"}, ErrorCode::bad_version, "v must be a whole number"},
    };
    for (const auto& c : cases) {
        SECTION(c.name) {
            Reply r = send_frames(ctx, server.requests(), c.frames);
            CHECK_FALSE(r.ok);
            CHECK(to_string(r.error.code) == to_string(c.expected));
            if (c.detail) CHECK(r.error.detail == c.detail);
            CHECK_FALSE(r.message.empty());
            Json after = must_ok(client, "snapshot")["state"];
            CHECK(after == before);
        }
    }
}

TEST_CASE("a REQ socket (empty delimiter frame) is answered too") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    zmq::context_t ctx;
    zmq::socket_t req(ctx, zmq::socket_type::req);
    req.set(zmq::sockopt::linger, 0);
    secure(req);
    req.connect(server.requests());
    std::string ping = request("ping", Json::object());
    req.send(zmq::buffer(ping));
    zmq::message_t reply;
    zmq::pollitem_t item{req.handle(), 0, ZMQ_POLLIN, 0};
    zmq::poll(&item, 1, std::chrono::milliseconds(5000));
    REQUIRE((item.revents & ZMQ_POLLIN));
    REQUIRE(req.recv(reply));
    auto r = parse_reply(reply.to_string());
    REQUIRE(r.has_value());
    CHECK(r->ok);
    CHECK(r->rid == "bad-input-test");
}

TEST_CASE("an invalid ID number is never stored or logged in full") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient client(server.requests(), "t");
    Json ok = must_ok(client, "issue_ticket", Json{{"queue", "A"}, {"id_number", "11010519491231002X"}});
    CHECK(ok["ticket"]["holder"] == "**************002X");
    // Another person whose number masks the same way: the remembered requests must not tell the
    // two apart, or the full number could be recovered from the database by trying birth dates.
    Reply other = must_reply(client, "issue_ticket", Json{{"queue", "A"}, {"id_number", "11010519500118002X"}}, "second-person");
    REQUIRE(other.ok);
    Reply first_again = must_reply(client, "issue_ticket", Json{{"queue", "A"}, {"id_number", "11010519491231002X"}}, "first-person");
    REQUIRE(first_again.ok);
    server.terminate();
    std::string prints;
    // The stored form: the fingerprints stored with the replies cannot tell the two apart.
    REQUIRE(run_command("sqlite3 '" + (dir.path / "hall.db").string() +
                            "' \"SELECT COUNT(DISTINCT fingerprint) FROM requests WHERE rid LIKE '%first-person' OR rid LIKE '%second-person'\"",
                        &prints) == 0);
    CHECK(prints == "1\n");
    std::string db_text, log_text;
    run_command("strings '" + (dir.path / "hall.db").string() + "'* 2>/dev/null", &db_text);
    run_command("cat '" + server.log_path() + "'", &log_text);
    CHECK(db_text.find("11010519491231002X") == std::string::npos);
    CHECK(log_text.find("11010519491231002X") == std::string::npos);
    CHECK(db_text.find("**************002X") != std::string::npos);
}

TEST_CASE("the request client hands back refusals of requests the server could not read") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient client(server.requests(), "kiosk");
    client.set_retries(0);
    auto r = client.request("issue_ticket", Json{{"queue", "A"}, {"note", std::string(70000, 'x')}});
    REQUIRE(r.has_value());  // a refusal, not "unreachable"
    CHECK(r->error.code == ErrorCode::too_large);
    // The next request on the same client gets its own answer.
    auto ok = client.request("issue_ticket", Json{{"queue", "A"}});
    REQUIRE(ok.has_value());
    CHECK(ok->ok);
    CHECK(ok->body["ticket"]["number"] == "A001");
}
