// test_printer_escpos.cpp - the ticket's exact ESC/POS bytes: init, Chinese mode, GB18030 text,
// number size, the QR code sequence with its lengths, the cut; and the print-to-file output.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "printer/escpos.h"
#include "printer/ticket_printer.h"

using namespace hallq;

namespace {

std::string bytes(std::initializer_list<int> b) {
    std::string s;
    for (int c : b) s.push_back(static_cast<char>(c));
    return s;
}

TicketPrint sample_ticket() {
    TicketPrint t;
    t.hall_name = "市民服务中心";
    t.number = "A012";
    t.queue_name = "社保业务";
    t.item_name = "社保卡补办";
    t.people_ahead = 3;
    t.wait_minutes = 15;
    t.issued_at = "2026-11-22 09:15";
    t.materials = "身份证原件";
    t.lookup = "T-20261122-0012";
    t.notice = "绿色通道 优先办理";
    t.footer = "请留意叫号，过号请到导服台咨询";
    return t;
}

}  // namespace

TEST_CASE("GB18030 conversion gives the known codes and marks invalid UTF-8") {
    CHECK(to_gb18030("请") == bytes({0xC7, 0xEB}));
    CHECK(to_gb18030("号") == bytes({0xBA, 0xC5}));
    CHECK(to_gb18030("取号A1") == bytes({0xC8, 0xA1, 0xBA, 0xC5, 'A', '1'}));
    CHECK(to_gb18030("€") == bytes({0xA2, 0xE3}));
    // Outside the BMP: a four-byte GB18030 sequence.
    CHECK(to_gb18030("\xF0\x9F\x98\x80") == bytes({0x94, 0x39, 0xFC, 0x36}));
    int replaced = 0;
    CHECK(to_gb18030("号\xFF\xFE码", &replaced) == bytes({0xBA, 0xC5, '?', '?', 0xC2, 0xEB}));
    CHECK(replaced == 2);
    CHECK(to_gb18030("A\xE5\x8F", &replaced) == "A?");  // cut off mid-character
    CHECK(replaced == 1);
}

TEST_CASE("QR code sequence has model 2, size, level M, the data with pL pH, and print") {
    std::string qr = escpos_qr_code("T-1");
    std::string want = bytes({0x1D, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00,
                              0x1D, '(', 'k', 3, 0, 0x31, 0x43, 6,
                              0x1D, '(', 'k', 3, 0, 0x31, 0x45, 0x31,
                              0x1D, '(', 'k', 6, 0, 0x31, 0x50, 0x30, 'T', '-', '1',
                              0x1D, '(', 'k', 3, 0, 0x31, 0x51, 0x30});
    CHECK(qr == want);
    // Data longer than 255 bytes spills into pH.
    std::string big = escpos_qr_code(std::string(300, 'x'));
    CHECK(big.substr(25, 8) == bytes({0x1D, '(', 'k', 303 & 0xFF, 303 >> 8, 0x31, 0x50, 0x30}));
}

TEST_CASE("ticket bytes: init, Chinese mode, title, large number, details, QR, cut") {
    TicketPrint t = sample_ticket();
    std::vector<std::string> problems;
    std::string b = build_ticket_escpos(t, &problems);
    CHECK(problems.empty());

    // Starts with ESC @, FS &, centre, double-size title in GB18030.
    std::string head = bytes({0x1B, '@', 0x1C, '&', 0x1B, 'a', 1, 0x1D, '!', 0x11}) +
                       to_gb18030("市民服务中心") + "\n" + bytes({0x1D, '!', 0});
    CHECK(b.substr(0, head.size()) == head);

    // The number in four-times size, bold, then back to normal.
    std::string number = bytes({0x1D, '!', 0x33, 0x1B, 'E', 1}) + "A012\n" +
                         bytes({0x1B, 'E', 0, 0x1D, '!', 0});
    CHECK(b.find(number) != std::string::npos);

    // Detail lines in GB18030: 前面等候：3 人.
    CHECK(b.find(to_gb18030("前面等候：3 人\n")) != std::string::npos);
    CHECK(b.find(to_gb18030("预计等待：约 15 分钟\n")) != std::string::npos);
    CHECK(b.find(bytes({0xC7, 0xEB}) + to_gb18030("携带：身份证原件\n")) != std::string::npos);  // 请
    CHECK(b.find(to_gb18030("绿色通道 优先办理\n")) != std::string::npos);
    CHECK(b.find(to_gb18030("请留意叫号，过号请到导服台咨询\n")) != std::string::npos);  // the hall's rule, as on its screens

    // The QR code carries the lookup text; the ticket ends with feed and partial cut.
    CHECK(b.find(escpos_qr_code("T-20261122-0012")) != std::string::npos);
    std::string tail = bytes({0x1B, 'd', 4, 0x1D, 'V', 1});
    REQUIRE(b.size() > tail.size());
    CHECK(b.substr(b.size() - tail.size()) == tail);
    // No UTF-8 lead bytes of the Chinese text slipped through unconverted.
    CHECK(b.find("\xE5\x8F\xB7") == std::string::npos);  // 号 in UTF-8
}

TEST_CASE("fields with invalid UTF-8 print '?' and are named as problems") {
    TicketPrint t = sample_ticket();
    t.item_name = "社保\xFF卡";
    t.lookup.clear();
    std::vector<std::string> problems;
    std::string b = build_ticket_escpos(t, &problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].rfind("item_name", 0) == 0);
    CHECK(b.find(to_gb18030("社保") + "?" + to_gb18030("卡")) != std::string::npos);
    CHECK(b.find("\x1D(k") == std::string::npos);  // no lookup, no QR code
}

TEST_CASE("print-to-file writes the raw ESC/POS bytes (saved as a test artifact)") {
    std::filesystem::path dir = HALLQ_TEST_ARTIFACTS;
    std::filesystem::create_directories(dir);
    std::filesystem::path file = dir / "ticket-A012.escpos";
    TicketPrint t = sample_ticket();
    FilePrinter printer(file.string());
    printer.print(t);
    printer.print(t);  // replaces, does not append
    std::ifstream in(file, std::ios::binary);
    std::string got((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(got == build_ticket_escpos(t));

    FilePrinter bad((dir / "no-such-dir" / "x.escpos").string());
    try {
        bad.print(t);
        FAIL("expected a PrinterError");
    } catch (const PrinterError& e) {
        CHECK(e.fault() == PrinterFault::DeviceError);
    }
}
