// test_protocol.cpp - the envelope, command decoding and the JSON codec of the hall state.
#include "hall_fixture.h"
#include "protocol/commands.h"
#include "protocol/envelope.h"
#include "protocol/messages.h"

using namespace hallq;
using namespace hallq::test;

namespace {
ErrorCode request_error(const std::string& bytes) {
    auto r = parse_request(bytes);
    REQUIRE(std::holds_alternative<Error>(r));
    return std::get<Error>(r).code;
}

Error command_error(const std::string& type, const Json& body) {
    auto r = decode_command(type, body);
    REQUIRE(std::holds_alternative<Error>(r));
    return std::get<Error>(r);
}

// The body of type B that `body` decodes to.
template <class B>
B command(const std::string& type, const Json& body) {
    auto r = decode_command(type, body);
    if (auto* e = std::get_if<Error>(&r)) FAIL(to_string(e->code) << " " << e->detail);
    REQUIRE(std::holds_alternative<B>(std::get<Command>(r)));
    return std::get<B>(std::get<Command>(r));
}
}  // namespace

TEST_CASE("envelope: a request round-trips and a reply carries its error in both languages") {
    auto r = parse_request(make_request("call_next", "desk3-000042", Json{{"window", 3}}));
    REQUIRE(std::holds_alternative<Request>(r));
    CHECK(std::get<Request>(r).type == "call_next");
    CHECK(std::get<Request>(r).rid == "desk3-000042");
    CHECK(std::get<Request>(r).body["window"].get<int>() == 3);

    auto reply = parse_reply(make_error_reply("x1", Error{ErrorCode::queue_empty, "w3"}));
    REQUIRE(reply);
    CHECK_FALSE(reply->ok);
    CHECK(reply->rid == "x1");
    CHECK(reply->error.code == ErrorCode::queue_empty);
    CHECK(reply->error.detail == "w3");
    CHECK(reply->message == "没有可叫的号");
    Json wire = Json::parse(make_error_reply("x1", Error{ErrorCode::queue_empty, ""}));
    CHECK(wire["error"]["message_en"].get<std::string>() == "No ticket is waiting for this window");
    CHECK_FALSE(parse_reply("{\"v\":2,\"type\":\"reply\"}"));
    CHECK_FALSE(parse_reply("not json"));
}

TEST_CASE("envelope: bad requests are refused with a reason, keeping the request id when readable") {
    CHECK(request_error("{not json") == ErrorCode::bad_json);
    CHECK(request_error("[1,2]") == ErrorCode::bad_json);
    CHECK(request_error(R"({"type":"ping","rid":"a"})") == ErrorCode::bad_version);
    CHECK(request_error(R"({"v":2,"type":"ping","rid":"a"})") == ErrorCode::bad_version);
    CHECK(request_error(R"({"v":"1","type":"ping","rid":"a"})") == ErrorCode::bad_version);
    CHECK(request_error(R"({"v":4294967297,"type":"ping","rid":"a"})") == ErrorCode::bad_version);  // not 1 wrapped
    CHECK(request_error(R"({"v":18446744073709551615,"type":"ping","rid":"a"})") == ErrorCode::bad_version);
    CHECK(request_error(std::string(R"({"v":1,"type":"ping","rid":"a"})") + std::string(1, '\0') + "junk") ==
          ErrorCode::bad_json);  // nothing after a NUL is ignored
    CHECK(request_error(R"({"v":1,"rid":"a"})") == ErrorCode::bad_field);
    CHECK(request_error(R"({"v":1,"type":"ping"})") == ErrorCode::bad_field);
    CHECK(request_error(R"({"v":1,"type":"ping","rid":"a","body":[]})") == ErrorCode::bad_field);
    CHECK(request_error(R"({"v":1,"type":"ping","rid":")" + std::string(200, 'r') + "\"}") ==
          ErrorCode::bad_field);
    std::string big = R"({"v":1,"type":"ping","rid":"a","body":{"x":")" + std::string(kMaxMessageBytes, 'x') + "\"}}";
    CHECK(request_error(big) == ErrorCode::too_large);
    // The detail says what is wrong with `v`: absent, not a number, or another version.
    auto detail = [](const std::string& bytes) { return std::get<Error>(parse_request(bytes)).detail; };
    CHECK(detail(R"({"type":"ping","rid":"a"})") == "missing v");
    CHECK(detail(R"({"v":"1","type":"ping","rid":"a"})") == "v must be a whole number");
    CHECK(detail(R"({"v":2,"type":"ping","rid":"a"})") == "v=2");
    // Nesting is bounded: an array at level 32 (the envelope is level 0, the body 1) is read, one
    // deeper is refused before anything walks it.
    auto nested = [](int levels) {
        return R"({"v":1,"type":"issue_ticket","rid":"d","body":{"queue":"A","x":)" + std::string(levels, '[') +
               std::string(levels, ']') + "}}";
    };
    CHECK(std::holds_alternative<Request>(parse_request(nested(31))));
    CHECK(detail(nested(32)) == "nested deeper than 32 levels");
    CHECK(detail(nested(25000)) == "nested deeper than 32 levels");
    // A null body counts as absent: {}.
    auto null_body = parse_request(R"({"v":1,"type":"ping","rid":"n","body":null})");
    INFO((std::holds_alternative<Error>(null_body) ? std::get<Error>(null_body).detail : ""));
    REQUIRE(std::holds_alternative<Request>(null_body));
    CHECK(std::get<Request>(null_body).body == Json::object());
    std::string rid;
    parse_request(R"({"v":9,"type":"ping","rid":"kiosk1-7"})", &rid);
    CHECK(rid == "kiosk1-7");
}

TEST_CASE("commands: fields are checked and personal data is masked on decoding") {
    CHECK(command_error("fly", Json::object()).code == ErrorCode::unknown_type);
    CHECK(command_error("rollover", Json{{"day", "2026-11-23"}}).code == ErrorCode::unknown_type);
    CHECK(command_error("call_next", Json::object()).detail == "window");
    CHECK(command_error("call_next", Json{{"window", "3"}}).detail == "window");
    CHECK(command_error("call_next", Json{{"window", 0}}).detail == "window");
    CHECK(command_error("call_next", Json{{"window", 4294967297LL}}).detail == "window");  // never wrapped to 1
    CHECK(command_error("transfer", Json{{"window", 1}, {"target_window", -3}}).detail == "target_window");
    CHECK(command_error("resume", Json{{"window", 3}}).detail == "ticket");
    CHECK(command_error("clerk_login", Json{{"window", 3}}).detail == "clerk");
    CHECK(command_error("issue_ticket", Json{{"queue", "A"}, {"class", "vip"}}).detail == "class");
    CHECK(command_error("issue_ticket", Json{{"queue", std::string(600, 'A')}}).detail == "queue");
    std::string note;
    for (int i = 0; i < 500; ++i) note += "补";  // 500 characters, 1500 bytes: allowed
    CHECK(command<Park>("park", Json{{"window", 1}, {"note", note}}).note == note);
    CHECK(command_error("park", Json{{"window", 1}, {"note", note + "齐"}}).detail == "note");
    CHECK(command_error("finish", Json{{"window", 1}, {"items", Json::array({1, 2})}}).detail == "items");
    Error id = command_error("issue_ticket", Json{{"queue", "A"}, {"id_number", "11010519491231003X"}});
    CHECK(id.code == ErrorCode::invalid_id_number);
    CHECK(id.detail == "check digit");
    CHECK(id.detail.find("1101") == std::string::npos);

    IssueTicket c = command<IssueTicket>("issue_ticket", Json{{"queue", "A"}, {"class", "green"}, {"id_number", "11010519491231002x"}});
    CHECK(c.klass == TicketClass::green);
    CHECK(c.holder == "**************002X");
    CHECK(command<IssueTicket>("issue_ticket", Json{{"queue", "A"}, {"holder_name", "张三丰"}}).holder == "张*丰");
    CHECK(command<Resume>("resume", Json{{"window", 3}, {"ticket", "A005"}}).ticket.number == "A005");
    CHECK(command<Resume>("resume", Json{{"window", 3}, {"ticket", 12}}).ticket.id == 12);
    CHECK(is_query_type("snapshot"));
    CHECK_FALSE(is_query_type("call_next"));
}

TEST_CASE("commands: each type decodes into its own body and checks only the fields it takes") {
    CHECK(command<CallNext>("call_next", Json{{"window", 2}, {"level", "five"}, {"note", 7}}) == CallNext{.window = 2});
    CHECK(command<IssueTicket>("issue_ticket", Json{{"queue", "A"}, {"window", "one"}}).queue == "A");
    CHECK(command_error("park", Json{{"window", 1}, {"note", 7}}).detail == "note");  // park takes a note
    CHECK(command<Transfer>("transfer", Json{{"window", 1}, {"target_queue", "B"}, {"note", "补材料"}}) ==
          Transfer{.window = 1, .target_queue = "B", .note = "补材料"});
    CHECK(command<CancelTicket>("cancel_ticket", Json{{"ticket", 9}, {"reason", "走了"}}) ==
          CancelTicket{.ticket = {.id = 9}, .reason = "走了"});
    CHECK(command<ClerkLogin>("clerk_login", Json{{"window", 1}, {"clerk", "c01"}, {"password", "pw"}}).password ==
          "pw");
    // The first bad field in one order for every type, then the missing ones.
    CHECK(command_error("call_ticket", Json{{"window", "x"}, {"ticket", true}}).detail == "window");
    CHECK(command_error("call_ticket", Json{{"window", 1}, {"reason", 5}}).detail == "reason");
    CHECK(command_error("call_ticket", Json{{"window", 1}}).detail == "ticket");
    for (const MessageInfo& m : message_table()) {
        CommandType t;
        if (m.kind != MessageKind::command || !parse(std::string(m.name), t)) continue;
        auto r = decode_command(std::string(m.name), Json{{"window", 1}, {"ticket", 1}, {"clerk", "c01"},
                                                          {"password", "pw"}, {"level", 5}, {"queue", "A"}});
        INFO(m.name);
        REQUIRE(std::holds_alternative<Command>(r));
        CHECK(type_of(std::get<Command>(r)) == t);
    }
}

TEST_CASE("commands: a rating names a ticket and a level, reasons and comment are checked") {
    auto error = [](const Json& body) { return command_error("rate", body); };
    auto ok = [](const Json& body) { return command<Rate>("rate", body); };
    CHECK(error(Json{{"level", 5}}).detail == "ticket");
    CHECK(error(Json{{"ticket", "A001"}}).detail == "level");  // absent is not "not rated"
    CHECK(error(Json{{"ticket", "A001"}, {"level", nullptr}}).detail == "level");
    CHECK(error(Json{{"ticket", "A001"}, {"level", 6}}).detail == "level");
    CHECK(error(Json{{"ticket", "A001"}, {"level", "5"}}).detail == "level");
    CHECK(error(Json{{"ticket", "A001"}, {"level", 2}, {"reasons", "attitude"}}).detail ==
          "reasons");
    CHECK(error(Json{{"ticket", "A001"}, {"level", 2}, {"reasons", Json::array({1})}}).detail ==
          "reasons");
    std::string comment;
    for (int i = 0; i < 200; ++i) comment += "慢";  // 200 characters: allowed
    CHECK(error(Json{{"ticket", "A001"}, {"level", 2}, {"comment", comment + "了"}}).detail ==
          "comment");

    Rate c = ok(Json{{"ticket", "A001"},
                        {"level", 2},
                        {"reasons", Json::array({"attitude"})},
                        {"comment", comment}});
    CHECK(c.type == CommandType::rate);
    CHECK(c.ticket.number == "A001");
    CHECK(c.level == 2);
    CHECK(c.reasons == std::vector<std::string>{"attitude"});
    CHECK(c.comment == comment);
    CHECK(c.window == 0);  // a window is optional
    CHECK(ok(Json{{"ticket", 7}, {"level", 0}, {"window", 3}}).window == 3);
}

TEST_CASE("codec: events and a whole hall survive the trip through JSON") {
    Hall h = open_hall({1, 3});
    IssueTicket g = issue("B", TicketClass::green);
    g.holder = "张*";
    run(h, g, kMorning);
    auto called = run(h, CallNext{.window = 1}, kMorning + 1000);
    Json wire = to_json(called.front(), &h);
    CHECK(wire["number"].get<std::string>() == "B001");
    CHECK(wire["window_name"].get<std::string>() == "综合窗口1");
    Event back = event_from_json(wire);
    CHECK(back.type == EventType::ticket_called);
    CHECK(back.seq == called.front().seq);
    CHECK(back.window == 1);

    Hall replica = hall_from_snapshot(snapshot_json(h));
    CHECK(snapshot_json(replica) == snapshot_json(h));
    // Applying the next events from the wire keeps a replica equal to the source.
    for (const Command& c : {Command(Start{.window = 1}), Command(Finish{.window = 1})}) {
        for (Event& e : run(h, c, kMorning + 60'000)) replica.apply(event_from_json(to_json(e)));
    }
    CHECK(snapshot_json(replica) == snapshot_json(h));
    CHECK(replica.ticket_by_number("B001")->holder == "张*");

    CHECK_THROWS_AS(event_from_json(Json{{"type", "ticket_issued"}}), CodecError);
    CHECK_THROWS_AS(event_from_json(Json{{"type", "nope"}}), CodecError);
    CHECK_THROWS_AS(ticket_from_json(Json{{"id", 1}}), CodecError);
    CHECK_THROWS_AS(policy_from_json(Json{{"learning_rate", 2.0}}), CodecError);
}
