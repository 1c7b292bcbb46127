// test_printer_device.cpp - the device-file path against the pty printer simulator: a ticket
// arrives byte for byte; paper out, cover open, offline and a silent printer give typed errors
// with clear messages before any ticket byte is sent, and the ticket prints once the fault clears.
#include <catch2/catch.hpp>

#include "printer/escpos.h"
#include "printer/printer_simulator.h"
#include "printer/ticket_printer.h"

using namespace hallq;
using namespace std::chrono_literals;

namespace {

TicketPrint ticket() {
    TicketPrint t;
    t.hall_name = "市民服务中心";
    t.number = "B007";
    t.queue_name = "不动产登记";
    t.item_name = "房产证补办";
    t.people_ahead = 5;
    t.wait_minutes = 25;
    t.issued_at = "2026-11-22 10:02";
    t.materials = "身份证、不动产权证书";
    t.lookup = "T-20261122-0107";
    return t;
}

DevicePrinter printer_for(const PrinterSimulator& sim) {
    DevicePrinterConfig cfg;
    cfg.path = sim.path();
    cfg.status_timeout = 2000ms;
    return DevicePrinter(cfg);
}

PrinterFault fault_of(DevicePrinter& p, const TicketPrint& t, std::string* message = nullptr) {
    try {
        p.print(t);
    } catch (const PrinterError& e) {
        if (message) *message = e.what();
        return e.fault();
    }
    FAIL("expected a PrinterError");
    return PrinterFault::DeviceError;
}

}  // namespace

TEST_CASE("a ticket printed on the serial device arrives byte for byte after a status check") {
    PrinterSimulator sim;
    DevicePrinter p = printer_for(sim);
    TicketPrint t = ticket();
    std::string want = build_ticket_escpos(t);
    p.print(t);
    REQUIRE(sim.wait_for_bytes(want.size(), 5s));
    CHECK(sim.received() == want);
    CHECK(sim.status_queries() >= 2);  // DLE EOT 1 and 4
}

TEST_CASE("paper out is a typed error with a clear message and nothing is printed") {
    PrinterSimulator sim;
    sim.set_state(PrinterSimulator::State::PaperOut);
    DevicePrinter p = printer_for(sim);
    TicketPrint t = ticket();
    std::string message;
    CHECK(fault_of(p, t, &message) == PrinterFault::PaperOut);
    CHECK(message.find("缺纸") != std::string::npos);
    CHECK(message.find("out of paper") != std::string::npos);
    CHECK(sim.received().empty());

    // The kiosk shows the number instead; once the roll is changed the same ticket prints.
    PrinterError e(PrinterFault::PaperOut);
    std::string screen = unprinted_ticket_message(t, e);
    CHECK(screen.find("B007") != std::string::npos);
    CHECK(screen.find("缺纸") != std::string::npos);
    sim.set_state(PrinterSimulator::State::Ready);
    std::string want = build_ticket_escpos(t);
    p.print(t);
    REQUIRE(sim.wait_for_bytes(want.size(), 5s));
    CHECK(sim.received() == want);
}

TEST_CASE("offline and cover open are told apart through DLE EOT 2") {
    PrinterSimulator sim;
    DevicePrinter p = printer_for(sim);
    std::string message;
    sim.set_state(PrinterSimulator::State::Offline);
    CHECK(fault_of(p, ticket(), &message) == PrinterFault::Offline);
    CHECK(message.find("脱机") != std::string::npos);
    CHECK(message.find("offline") != std::string::npos);
    sim.set_state(PrinterSimulator::State::CoverOpen);
    CHECK(fault_of(p, ticket(), &message) == PrinterFault::CoverOpen);
    CHECK(message.find("cover is open") != std::string::npos);
    CHECK(sim.received().empty());
}

TEST_CASE("a printer that does not answer the status query is reported as not responding") {
    PrinterSimulator sim;
    sim.set_state(PrinterSimulator::State::Silent);
    DevicePrinterConfig cfg;
    cfg.path = sim.path();
    cfg.status_timeout = 200ms;
    DevicePrinter p(cfg);
    std::string message;
    CHECK(fault_of(p, ticket(), &message) == PrinterFault::NotResponding);
    CHECK(message.find("无响应") != std::string::npos);
    CHECK(sim.received().empty());
}

TEST_CASE("a missing device file is a device error naming the path") {
    DevicePrinterConfig cfg;
    cfg.path = "/nonexistent/usb/lp9";
    DevicePrinter p(cfg);
    std::string message;
    CHECK(fault_of(p, ticket(), &message) == PrinterFault::DeviceError);
    CHECK(message.find("/nonexistent/usb/lp9") != std::string::npos);
}

TEST_CASE("ticket data containing DLE bytes reaches the printer intact") {
    PrinterSimulator sim;
    DevicePrinter p = printer_for(sim);
    std::string raw = "\x1B@\x10\x05x\x10";
    raw += "y\n";
    p.send(raw);
    REQUIRE(sim.wait_for_bytes(raw.size(), 5s));
    CHECK(sim.received() == raw);
}
