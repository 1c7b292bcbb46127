// ticket_printer.h - where a kiosk's tickets go: a thermal printer's device file, or a plain file.
//
// DevicePrinter writes to a serial port (/dev/ttyS0, /dev/ttyUSB0) or a USB printer-class device
// (/dev/usb/lp0) with a write timeout. On a serial printer it first asks the printer's real-time
// status (DLE EOT 1, 2 and 4) and refuses to print when the paper is out, the cover is open or the
// printer is offline, so no ticket is half printed: the caller gets a PrinterError with a Chinese
// and an English message and shows the ticket number on screen instead. FilePrinter writes the
// raw ESC/POS bytes to a file (tests, demos, kiosks without a printer).
#pragma once
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

#include "printer/escpos.h"

namespace hallq {

enum class PrinterFault {
    PaperOut,       // roll paper end sensor
    CoverOpen,
    Offline,        // printer reports offline without a known cause
    NotResponding,  // no status reply / stopped taking data (power off, cable)
    DeviceError,    // the device file cannot be opened or written
};

const char* fault_name(PrinterFault f);

class PrinterError : public std::runtime_error {
public:
    PrinterError(PrinterFault fault, std::string detail = {});
    PrinterFault fault() const { return fault_; }
    const std::string& message_zh() const { return zh_; }
    const std::string& message_en() const { return en_; }

private:
    PrinterFault fault_;
    std::string zh_, en_;
};

// What the kiosk screen shows when a ticket could not be printed: the number stays with the
// visitor even without paper.
std::string unprinted_ticket_message(const TicketPrint& t, const PrinterError& e);

class TicketPrinter {
public:
    virtual ~TicketPrinter() = default;
    // Lays out and prints one ticket; throws PrinterError.
    void print(const TicketPrint& t) { send(build_ticket_escpos(t)); }
    // Sends ready-made ESC/POS bytes; throws PrinterError.
    virtual void send(std::string_view escpos) = 0;
};

class FilePrinter : public TicketPrinter {
public:
    // append=false: each ticket replaces the file; true: tickets accumulate.
    explicit FilePrinter(std::string path, bool append = false);
    void send(std::string_view escpos) override;

private:
    std::string path_;
    bool append_;
};

struct DevicePrinterConfig {
    std::string path;                                     // /dev/ttyUSB0, /dev/usb/lp0, ...
    std::chrono::milliseconds write_timeout{5000};        // whole ticket
    std::chrono::milliseconds status_timeout{500};        // per DLE EOT reply
    enum class Status { Auto, Query, Skip } status = Status::Auto;  // Auto: query on a tty only
    int baud = 0;                                         // 0: keep the port's setting
};

class DevicePrinter : public TicketPrinter {
public:
    explicit DevicePrinter(DevicePrinterConfig cfg);
    void send(std::string_view escpos) override;

    // Asks the printer's status (serial printers); throws PrinterError when it cannot print.
    void check_ready(int fd) const;

private:
    DevicePrinterConfig cfg_;
};

}  // namespace hallq
