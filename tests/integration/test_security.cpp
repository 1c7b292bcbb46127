// test_security.cpp - devices and roles against the real server over CURVE: an unenrolled key
// gets no answer, every message of the table from every role is refused (forbidden) exactly
// where its access column says, scoped roles only for their window or clerk session, and a
// revoked device is shut out.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "protocol/access.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {

struct Hall {
    TempDir dir;
    ServerProcess server{dir.path / "hall.db"};
    Hall() { server.start(); }
    RequestClient client(const std::string& name, const std::string& role, int window = 0) {
        return RequestClient(server.requests(), name, enrol_device(server.requests(), name, role, window));
    }
};
}  // namespace

TEST_CASE("security: a key that is not enrolled gets no answer, and the refusal is logged once with a count") {
    Hall h;
    DeviceKey stranger = generate_device_key("stranger");
    stranger.server_key = read_device_key((test_keys_dir() / "admin.key").string()).server_key;
    RequestClient c(h.server.requests(), "stranger", stranger);
    c.set_timeout(std::chrono::milliseconds(300));
    c.set_retries(1);
    CHECK_FALSE(c.request(MessageType::ping).has_value());
    CHECK_FALSE(c.request(MessageType::issue_ticket, Json{{"queue", "A"}}).has_value());
    RequestClient admin(h.server.requests(), "admin");
    Json status = must_ok(admin, "status");
    CHECK(status["queues"][0]["waiting"].get<int>() == 0);  // nothing was issued
    REQUIRE(eventually([&] { return file_text(h.server.log_path()).find("not enrolled") != std::string::npos; },
                       [&] { must_ok(admin, "ping"); }));
}

TEST_CASE("security: every message from every role is refused exactly where the message table says") {
    Hall h;
    struct Sender {
        Role role;
        RequestClient client;
    };
    std::vector<Sender> senders;
    senders.push_back({Role::kiosk, h.client("kiosk-1", "kiosk")});
    senders.push_back({Role::display, h.client("screen-1", "display", 1)});
    senders.push_back({Role::desk, h.client("desk-1", "desk", 1)});  // no clerk session yet
    senders.push_back({Role::backoffice, h.client("review-1", "backoffice")});
    senders.push_back({Role::dashboard, h.client("manager-1", "dashboard")});
    senders.push_back({Role::admin, RequestClient(h.server.requests(), "admin")});
    int checked = 0;
    for (const MessageInfo& m : message_table()) {
        if (m.kind == MessageKind::internal) continue;
        for (Sender& s : senders) {
            const Access& a = access_of(m.type);
            bool allowed = a.allows(s.role) && a.scope_of(s.role) != Scope::session;  // no session yet
            Reply r = must_reply(s.client, std::string(m.name), Json{{"window", 1}});
            INFO(m.name << " from " << to_string(s.role) << ": " << to_string(r.error.code) << " " << r.error.detail);
            if (allowed) CHECK_FALSE(r.error.code == ErrorCode::forbidden);
            else {
                CHECK_FALSE(r.ok);
                CHECK(r.error.code == ErrorCode::forbidden);
            }
            ++checked;
        }
    }
    CHECK(checked >= 6 * 30);
}

TEST_CASE("security: a desk acts only where its own clerk session is, a window screen rates only at its window") {
    Hall h;
    RequestClient desk1 = h.client("desk-1", "desk", 1);
    RequestClient desk2 = h.client("desk-2", "desk", 2);
    RequestClient roaming = h.client("desk-x", "desk");
    RequestClient kiosk = h.client("kiosk-1", "kiosk");
    RequestClient screen2 = h.client("screen-2", "display", 2);

    // A desk enrolled at window 2 cannot log in at window 1; the one at window 1 can.
    Reply elsewhere = must_reply(desk2, "clerk_login", login_body(1, "c01"));
    CHECK(elsewhere.error.code == ErrorCode::forbidden);
    must_ok(desk1, "clerk_login", login_body(1, "c01"));
    must_ok(desk1, "window_open", Json{{"window", 1}});
    // Nobody else acts at window 1: not the other desk, not a roaming desk, not a kiosk.
    for (RequestClient* c : {&desk2, &roaming, &kiosk}) {
        Reply r = must_reply(*c, "call_next", Json{{"window", 1}});
        CHECK(r.error.code == ErrorCode::forbidden);
        CHECK(must_reply(*c, "clerk_logout", Json{{"window", 1}}).error.code == ErrorCode::forbidden);
    }
    // A kiosk issues normal tickets only; a desk cancels only with a clerk session of its own.
    CHECK(must_reply(kiosk, "issue_ticket", Json{{"queue", "A"}, {"class", "green"}}).error.code == ErrorCode::forbidden);
    CHECK(must_reply(kiosk, "issue_ticket", Json{{"queue", "A"}, {"class", "reservation"}, {"reservation", "x"}})
              .error.code == ErrorCode::forbidden);
    Json spare = must_ok(kiosk, "issue_ticket", Json{{"queue", "C"}});
    CHECK(must_reply(desk2, "cancel_ticket", Json{{"ticket", spare["ticket"]["number"]}}).error.code ==
          ErrorCode::forbidden);
    must_ok(desk1, "cancel_ticket", Json{{"ticket", spare["ticket"]["number"]}, {"window", 1}});
    Json issued = must_ok(kiosk, "issue_ticket", Json{{"queue", "A"}});
    Json called = must_ok(desk1, "call_next", Json{{"window", 1}});
    CHECK(called["ticket"]["number"] == issued["ticket"]["number"]);
    must_ok(desk1, "start", Json{{"window", 1}});
    must_ok(desk1, "finish", Json{{"window", 1}});
    // The rating: window 2's screen cannot rate a ticket finished at window 1, nor a kiosk.
    Json rate{{"ticket", issued["ticket"]["id"]}, {"window", 1}, {"level", 1}};
    CHECK(must_reply(screen2, "rate", rate).error.code == ErrorCode::forbidden);
    CHECK(must_reply(kiosk, "rate", rate).error.code == ErrorCode::forbidden);
    RequestClient screen1 = h.client("screen-1", "display", 1);
    must_ok(screen1, "rate", rate);

    // A roaming desk logs in anywhere, and its session then is that window's.
    must_ok(roaming, "clerk_login", login_body(3, "c03"));
    must_ok(roaming, "window_open", Json{{"window", 3}});
    CHECK(must_reply(desk1, "window_close", Json{{"window", 3}}).error.code == ErrorCode::forbidden);
}

TEST_CASE("security: a revoked device is shut out, names and keys are not enrolled twice") {
    Hall h;
    RequestClient kiosk = h.client("kiosk-1", "kiosk");
    must_ok(kiosk, "issue_ticket", Json{{"queue", "A"}});
    RequestClient admin(h.server.requests(), "admin");
    Json list = must_ok(admin, "devices");
    bool found = false;
    for (const Json& d : list["devices"]) found = found || (d["name"] == "kiosk-1" && d["role"] == "kiosk");
    CHECK(found);
    DeviceKey again = generate_device_key("kiosk-1");
    CHECK(must_reply(admin, "enroll_device", Json{{"name", "kiosk-1"}, {"role", "kiosk"}, {"public_key", again.public_key}})
              .error.code == ErrorCode::device_exists);
    CHECK(must_reply(admin, "enroll_device", Json{{"name", "admin"}, {"role", "admin"}, {"public_key", again.public_key}})
              .error.code == ErrorCode::bad_field);
    CHECK(must_reply(admin, "enroll_device", Json{{"name", "k2"}, {"role", "wizard"}, {"public_key", again.public_key}})
              .error.code == ErrorCode::bad_field);
    std::string out;
    REQUIRE(run_command(std::string(HALLCTL_BIN) + " --server " + h.server.requests() + " device revoke kiosk-1", &out) == 0);
    CHECK(out.find("revoked") != std::string::npos);
    kiosk.set_timeout(std::chrono::milliseconds(500));
    kiosk.set_retries(1);
    auto after = kiosk.request(MessageType::issue_ticket, Json{{"queue", "A"}});
    // The open connection is refused per request; a new one is not let in at all.
    CHECK((!after || after->error.code == ErrorCode::forbidden));
    CHECK(must_ok(admin, "status")["queues"][0]["waiting"].get<int>() == 1);
}
