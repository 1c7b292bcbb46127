// test_kiosk_model.cpp - the kiosk's decisions without a screen: the menu from the catalogue,
// tickets and check-in outcomes read from replies, the printed ticket, the scanner's keystrokes.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "kiosk_model.h"
#include "protocol/codec.h"

using namespace hallq;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {
Catalogue small_hall() {
    std::ifstream f(std::string(HALLQ_TEST_DATA) + "/small-hall.json");
    std::stringstream s;
    s << f.rdbuf();
    return catalogue_from_json(Json::parse(s.str()));
}

// Types `text` at `gap` per key, then Enter; returns the decoder's last result.
ScanDecoder::Result type(ScanDecoder& d, const std::string& text, milliseconds gap, Clock::time_point& at) {
    for (char c : text) {
        at += gap;
        d.feed(char32_t(c), at);
    }
    at += gap;
    return d.feed(U'\r', at);
}
}  // namespace

TEST_CASE("kiosk menu: departments with items, in catalogue order, empty departments left out") {
    Catalogue c = small_hall();
    c.departments.push_back({"EMPTY", "没有事项的部门"});
    c.items.push_back({});  // an item without a department or queue is never offered
    KioskMenu m = build_menu(c);
    REQUIRE(m.categories.size() == 2);
    CHECK(m.categories[0].code == "RS");
    CHECK(m.categories[0].items == std::vector<std::string>{"T-RS-001", "T-RS-002"});
    CHECK(m.categories[1].code == "SJ");
    CHECK(m.categories[1].items == std::vector<std::string>{"T-SJ-001", "T-SJ-002"});
}

TEST_CASE("kiosk reads the ticket of a reply, estimate included") {
    Json j = Json::parse(R"({"id": 7, "number": "A007", "queue": "A", "queue_name": "综合受理", "class": "green",
        "item": "T-SJ-001", "item_name": "营业执照", "materials": ["身份证", "申请书"], "issued_at": 1763856000000,
        "estimate": {"minutes": 12, "ahead": 3, "no_window_open": false}, "existing": true})");
    auto t = read_ticket(j);
    REQUIRE(t);
    CHECK(t->number == "A007");
    CHECK(t->klass == "green");
    CHECK(t->ahead == 3);
    CHECK(t->minutes == 12);
    CHECK(t->existing);
    CHECK(t->materials.size() == 2);
    CHECK_FALSE(read_ticket(Json::parse(R"({"number": "A001"})")));  // no id
    CHECK_FALSE(read_ticket(Json::array()));
}

TEST_CASE("kiosk reads a check-in outcome") {
    Json body = Json::parse(R"({"tickets": [{"id": 3, "number": "A003", "queue": "A", "class": "reservation",
        "reservation": "R1"}, {"id": 4, "number": "B001", "queue": "B", "class": "normal", "late": true}, {"bad": 1}],
        "early": [{"reservation": "R9", "item": "T-RS-001", "item_name": "社保卡", "slot_at": 5000, "check_in_from": 3000}],
        "holder": "110105********002X", "age": 76, "green": true, "other_days": ["2026-11-25"]})");
    CheckInOutcome o = read_check_in(body);
    REQUIRE(o.tickets.size() == 2);  // the malformed third entry is skipped
    CHECK(o.tickets[0].reservation == "R1");
    CHECK(o.tickets[1].late);
    REQUIRE(o.early.size() == 1);
    CHECK(o.early[0].check_in_from == 3000);
    CHECK(o.green);
    CHECK(o.age == 76);
    CHECK(o.other_days == std::vector<std::string>{"2026-11-25"});
    CHECK(read_check_in(Json::object()).tickets.empty());
}

TEST_CASE("printed ticket: every line the kiosk promises, and the lookup code") {
    IssuedTicket t;
    t.id = 42;
    t.number = "B012";
    t.queue_name = "社保医保";
    t.item_name = "社会保障卡申领";
    t.ahead = 4;
    t.minutes = 18;
    t.materials = {"居民身份证", "照片"};
    t.issued_at = 1763856000000;
    t.klass = "green";
    TicketPrint p = ticket_print(t, "汉台区政务服务中心");
    CHECK(p.number == "B012");
    CHECK(p.people_ahead == 4);
    CHECK(p.wait_minutes == 18);
    CHECK(p.materials == "居民身份证、照片");
    CHECK(p.lookup == "hallq:ticket:42");
    CHECK(p.notice.find("绿色通道") != std::string::npos);
    CHECK(p.issued_at.size() == 16);  // YYYY-MM-DD HH:MM
}

TEST_CASE("scanner: a fast code ending in Enter is read, with the prefix stripped") {
    ScanDecoder d;
    auto at = Clock::now();
    REQUIRE(type(d, "HQYY:R20261123-0001", milliseconds(5), at) == ScanDecoder::Result::code);
    CHECK(d.code() == "R20261123-0001");
    REQUIRE(type(d, "R20261123-0002", milliseconds(5), at) == ScanDecoder::Result::code);  // prefix optional
    CHECK(d.code() == "R20261123-0002");
}

TEST_CASE("scanner: text of another format is rejected, slow keys never join a scan") {
    ScanDecoder d;
    auto at = Clock::now();
    CHECK(type(d, "https://example.com/x", milliseconds(5), at) == ScanDecoder::Result::rejected);
    CHECK(d.rejected_text() == "https://example.com/x");
    // Two stray presses, a pause, then a scan: only the scan counts.
    d.feed(U'x', at += milliseconds(5));
    d.feed(U'y', at += milliseconds(5));
    at += std::chrono::seconds(2);
    REQUIRE(type(d, "ABCD1234", milliseconds(5), at) == ScanDecoder::Result::code);
    CHECK(d.code() == "ABCD1234");
    CHECK(d.feed(U'\n', at += milliseconds(5)) == ScanDecoder::Result::more);  // Enter alone: nothing
}

TEST_CASE("scanner: a configured format picks the code out of a URL, an endless stream stays bounded") {
    ScanDecoder d("https://zwfw\\.example\\.cn/yy\\?code=([A-Z0-9]{6,20})");
    auto at = Clock::now();
    REQUIRE(type(d, "https://zwfw.example.cn/yy?code=YY12345678", milliseconds(5), at) == ScanDecoder::Result::code);
    CHECK(d.code() == "YY12345678");
    ScanDecoder endless;
    for (int i = 0; i < 100000; ++i) endless.feed(U'A', at += milliseconds(1));
    CHECK(endless.feed(U'\r', at += milliseconds(1)) == ScanDecoder::Result::rejected);
    CHECK(endless.rejected_text().size() == 128);
}

TEST_CASE("kiosk model: the printed ticket says the hall's missed-call rule, the one its screens say") {
    Json cat = Json::parse(R"({"hall": {"name": "汉台区政务服务中心", "missed_call": "过号请到3号窗口登记"},
                               "queues": [], "items": [], "windows": []})");
    Catalogue c = catalogue_from_json(cat);
    CHECK(c.missed_call == "过号请到3号窗口登记");
    CHECK(catalogue_from_json(to_json(c)).missed_call == "过号请到3号窗口登记");
    CHECK(catalogue_from_json(Json::parse(R"({"hall": {"name": "x"}})")).missed_call == kDefaultMissedCall);
    CHECK_THROWS_AS(catalogue_from_json(Json::parse(R"({"hall": {"name": "x", "missed_call": ""}})")), CodecError);
    IssuedTicket t;
    t.number = "A001";
    t.klass = "normal";
    TicketPrint p = ticket_print(t, c.hall_name, c.missed_call);
    CHECK(p.footer == "请留意叫号，过号请到3号窗口登记");
    CHECK(p.notice.empty());  // a normal ticket: no second, different rule
}
