// test_kiosk_session.cpp - a visitor's session at the kiosk without a screen: touches, a card, a
// scanned code and the server's answers in; the screen state and the requests and prints out.
#include <catch2/catch.hpp>

#include "hall_fixture.h"
#include "idcard/card_reader.h"
#include "idcard/idcard_card.h"
#include "kiosk_session.h"

using namespace hallq;
using Kind = KioskScreen::Kind;
using Tone = KioskScreen::Tone;

namespace {
// Records what the session asks for.
struct Ports : KioskPorts {
    struct Sent {
        std::string type;
        Json body;
        uint64_t generation;
    };
    std::vector<Sent> sent;
    std::vector<std::string> printed;
    void send(const std::string& type, const Json& body, uint64_t generation) override {
        sent.push_back({type, body, generation});
    }
    void print(const IssuedTicket& t, const std::string&, const std::string&) override { printed.push_back(t.number); }
};

Reply ok(Json body) {
    Reply r;
    r.ok = true;
    r.body = std::move(body);
    return r;
}

Json ticket(const std::string& number, const std::string& klass = "normal") {
    return Json{{"id", 1}, {"number", number}, {"class", klass}, {"queue", "A"}, {"queue_name", "综合受理"}};
}

// A kiosk that has heard the hall: connected, with the small hall's menu on the start screen.
struct Kiosk {
    Ports ports;
    KioskSession session{ports, Lang::zh, true, ""};
    Kiosk() {
        session.catalogue(test::small_catalogue());
        session.connection(true);
    }
    const KioskScreen& screen() const { return session.screen(); }
    void answer(const std::optional<Reply>& r) {
        const Ports::Sent& s = ports.sent.back();
        session.reply(s.type, s.body, s.generation, r);
    }
};
}  // namespace

TEST_CASE("kiosk session: connecting until the hall is known, then the departments") {
    Ports ports;
    KioskSession k(ports, Lang::zh, false, "");
    CHECK(k.screen().kind == Kind::message);
    CHECK(k.screen().message.text == Text::connecting);
    k.catalogue(test::small_catalogue());
    CHECK(k.screen().trace_name() == "connecting");
    k.connection(true);
    CHECK(k.screen().trace_name() == "home");
    CHECK(k.screen().menu.categories.size() == 2);
    CHECK_FALSE(k.idle_timer_wanted());
    k.connection(false);
    REQUIRE(k.screen().banner.size() == 1);
    CHECK(k.screen().banner[0].text == Text::unreachable);
    CHECK(k.screen().banner_tone == Tone::red);
    k.connection(true);
    CHECK(k.screen().banner.empty());
}

TEST_CASE("kiosk session: a ticket by touch, printed, then done") {
    Kiosk k;
    k.session.choose_category(1);
    CHECK(k.screen().trace_name() == "items SJ");
    CHECK(k.session.idle_timer_wanted());
    k.session.choose_item("T-SJ-002");
    CHECK(k.screen().kind == Kind::busy);
    REQUIRE(k.ports.sent.size() == 1);
    CHECK(k.ports.sent[0].type == "issue_ticket");
    CHECK(k.ports.sent[0].body == Json{{"item", "T-SJ-002"}});
    CHECK_FALSE(k.session.idle_timeout());  // waiting for the server: the timer runs on

    k.answer(ok(Json{{"ticket", ticket("A001")}}));
    CHECK(k.screen().trace_name() == "tickets A001:normal");
    CHECK_FALSE(k.screen().headline);
    CHECK(k.ports.printed == std::vector<std::string>{"A001"});
    uint64_t shown = k.screen().shown, printing = k.screen().printing_shown;
    PrintResult paper_out;
    paper_out.ok = false;
    paper_out.fault = "paper-out";
    paper_out.zh = "打印机缺纸";
    k.session.print_result("A001", paper_out);
    CHECK(k.screen().shown == shown);  // the number kept, the screen where it is
    CHECK(k.screen().printing_shown == printing + 1);
    CHECK(k.screen().tickets[0].print_failed);
    CHECK(k.screen().tickets[0].problem_zh == "打印机缺纸");

    k.session.done();
    CHECK(k.screen().trace_name() == "home");
}

TEST_CASE("kiosk session: a refusal is shown with its reason, a late answer for an earlier visitor is dropped") {
    Kiosk k;
    k.session.choose_category(0);
    k.session.choose_item("T-RS-001");
    Reply refused;
    refused.error = {ErrorCode::reservation_not_today, "2026-12-02"};
    k.answer(refused);
    CHECK(k.screen().kind == Kind::message);
    REQUIRE(k.screen().message.refusal);
    CHECK(*k.screen().message.refusal == ErrorCode::reservation_not_today);
    CHECK(k.screen().message.args == std::vector<std::string>{"2026-12-02"});

    k.session.choose_category(0);
    k.session.choose_item("T-RS-001");
    k.session.start_over();
    k.answer(ok(Json{{"ticket", ticket("B001")}}));
    CHECK(k.screen().trace_name() == "home");
    CHECK(k.ports.printed.empty());
}

TEST_CASE("kiosk session: an ID card checks in, a senior without a reservation keeps the swipe for the menu") {
    Kiosk k;
    idcard::CardText card;
    card.name = "张三";
    card.id_number = "11010519491231002X";
    k.session.card(card);
    CHECK(k.screen().kind == Kind::busy);
    REQUIRE(k.screen().banner.size() == 1);
    CHECK(k.screen().banner[0].text == Text::card_read);
    CHECK(k.screen().banner[0].args == std::vector<std::string>{"**************002X"});
    REQUIRE(k.ports.sent.size() == 1);
    CHECK(k.ports.sent[0].type == "check_in");
    CHECK(k.ports.sent[0].body["id_number"] == "11010519491231002X");
    k.session.card(card);  // a second read while the request is out: ignored
    CHECK(k.ports.sent.size() == 1);

    k.answer(ok(Json{{"tickets", Json::array()}, {"age", 76}, {"green", true}}));
    CHECK(k.screen().trace_name() == "home");
    CHECK(k.screen().visitor);
    CHECK(k.session.idle_timer_wanted());  // the visitor is still there
    REQUIRE(k.screen().banner.size() == 2);
    CHECK(k.screen().banner[0].text == Text::no_reservation_today);
    CHECK(k.screen().banner[1].text == Text::green_channel);
    CHECK(k.screen().banner[1].args == std::vector<std::string>{"76"});
    CHECK(k.screen().banner_tone == Tone::green);

    k.session.choose_category(1);
    k.session.choose_item("T-SJ-001");
    CHECK(k.ports.sent.back().body["id_number"] == "11010519491231002X");
    CHECK(k.ports.sent.back().body["holder_name"] == "张三");
    k.answer(ok(Json{{"ticket", ticket("A001", "green")}}));
    CHECK(k.screen().trace_name() == "tickets A001:green");

    CHECK(k.session.idle_timeout());
    CHECK(k.screen().trace_name() == "home");
    CHECK_FALSE(k.screen().visitor);
}

TEST_CASE("kiosk session: a bad card, a reader fault, a scanned code and an unknown one") {
    Kiosk k;
    idcard::CardText bad;
    bad.id_number = "110105194912310021";  // wrong check digit
    k.session.card(bad);
    CHECK(k.screen().trace_name() == "home");
    REQUIRE(k.screen().banner.size() == 1);
    CHECK(k.screen().banner[0].text == Text::invalid_id);
    CHECK(k.ports.sent.empty());
    CHECK_FALSE(k.session.card_error(idcard::ReadError::device_error));  // the staff's problem, not the visitor's
    CHECK(k.session.card_error(idcard::ReadError::read_failed));
    CHECK(k.screen().banner[0].text == Text::card_failed);
    CHECK(k.screen().banner_tone == Tone::amber);

    auto at = std::chrono::steady_clock::now();
    auto scan = [&](const std::string& text) {
        for (char c : text) k.session.scanned(char32_t(c), at += std::chrono::milliseconds(10));
        k.session.scanned(U'\n', at += std::chrono::milliseconds(10));
    };
    scan("no good!");
    CHECK(k.screen().banner[0].text == Text::scan_unknown);
    CHECK(k.ports.sent.empty());
    scan("HQYY:QR20261123A");
    REQUIRE(k.ports.sent.size() == 1);
    CHECK(k.ports.sent[0].body == Json{{"code", "QR20261123A"}});
    CHECK(k.screen().banner.empty());
    // By code, nothing due today: no "no reservation today" line (the code said which one).
    k.answer(ok(Json{{"tickets", Json::array()}, {"other_days", Json::array({"2026-12-03"})}}));
    REQUIRE(k.screen().banner.size() == 1);
    CHECK(k.screen().banner[0].text == Text::reservation_on);
    CHECK(k.screen().banner_tone == Tone::blue);
}

TEST_CASE("kiosk session: the language switch keeps the screen and the visitor") {
    Kiosk k;
    k.session.choose_category(1);
    uint64_t shown = k.screen().shown, banner = k.screen().banner_shown;
    k.session.switch_language();
    CHECK(k.screen().lang == Lang::en);
    CHECK(k.screen().trace_name() == "items SJ");
    CHECK(k.screen().shown == shown + 1);
    CHECK(k.screen().banner_shown == banner + 1);
    k.session.idle_timeout();
    CHECK(k.screen().lang == Lang::en);  // the next visitor switches back if they like
    k.session.switch_language();
    CHECK(k.screen().lang == Lang::zh);
}

TEST_CASE("kiosk session: a senior late for a reservation is told of the green channel, not of a normal ticket") {
    Kiosk k;
    idcard::CardText card;
    card.name = "张三";
    card.id_number = "11010519491231002X";
    k.session.card(card);
    Json late = ticket("A003", "green");
    late["late"] = true;
    k.answer(ok(Json{{"tickets", Json::array({late})}, {"age", 76}, {"green", true}}));
    CHECK(k.screen().trace_name() == "tickets A003:green");
    REQUIRE(k.screen().headline);
    CHECK(k.screen().headline->text == Text::late_green_ticket);
}
