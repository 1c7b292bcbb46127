// ticket_printer.cpp - file and device-file printers, DLE EOT status checks, printer error texts.
#include "printer/ticket_printer.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

namespace hallq {

namespace {

using Clock = std::chrono::steady_clock;

struct Texts {
    const char* zh;
    const char* en;
};

Texts texts(PrinterFault f) {
    switch (f) {
    case PrinterFault::PaperOut: return {"打印机缺纸，请联系工作人员更换纸卷", "Printer is out of paper"};
    case PrinterFault::CoverOpen: return {"打印机盖未关好", "Printer cover is open"};
    case PrinterFault::Offline: return {"打印机脱机", "Printer is offline"};
    case PrinterFault::NotResponding: return {"打印机无响应", "Printer does not respond"};
    case PrinterFault::DeviceError: return {"无法连接打印机", "Cannot use the printer device"};
    }
    return {"打印机故障", "Printer error"};
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { if (fd_ >= 0) ::close(fd_); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

int remaining_ms(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

// Writes all bytes before the deadline; false on timeout, throws on a device error.
bool write_all(int fd, std::string_view data, Clock::time_point deadline, const std::string& path) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n > 0) {
            data.remove_prefix(static_cast<size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            throw PrinterError(PrinterFault::DeviceError, "write " + path + ": " + std::strerror(errno));
        pollfd p{fd, POLLOUT, 0};
        int r = ::poll(&p, 1, remaining_ms(deadline));
        if (r == 0) return false;
        if (r < 0 && errno != EINTR)
            throw PrinterError(PrinterFault::DeviceError, "poll " + path + ": " + std::strerror(errno));
        if (r > 0 && (p.revents & (POLLERR | POLLHUP)) && !(p.revents & POLLOUT))
            throw PrinterError(PrinterFault::DeviceError, path + " hung up");
    }
    return true;
}

// One real-time status byte, or -1 when the printer does not answer in time.
int query_status(int fd, int n, std::chrono::milliseconds timeout, const std::string& path) {
    const char q[3] = {escpos::DLE, escpos::EOT, static_cast<char>(n)};
    auto deadline = Clock::now() + timeout;
    if (!write_all(fd, std::string_view(q, 3), deadline, path)) return -1;
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        int r = ::poll(&p, 1, remaining_ms(deadline));
        if (r == 0) return -1;
        if (r < 0) {
            if (errno == EINTR) continue;
            throw PrinterError(PrinterFault::DeviceError, "poll " + path + ": " + std::strerror(errno));
        }
        unsigned char b = 0;
        ssize_t got = ::read(fd, &b, 1);
        if (got == 1) return b;
        if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        return -1;
    }
}

void make_raw(int fd, int baud) {
    termios tio{};
    if (::tcgetattr(fd, &tio) != 0) return;
    ::cfmakeraw(&tio);
    if (baud == 9600) { ::cfsetispeed(&tio, B9600); ::cfsetospeed(&tio, B9600); }
    if (baud == 19200) { ::cfsetispeed(&tio, B19200); ::cfsetospeed(&tio, B19200); }
    if (baud == 38400) { ::cfsetispeed(&tio, B38400); ::cfsetospeed(&tio, B38400); }
    if (baud == 115200) { ::cfsetispeed(&tio, B115200); ::cfsetospeed(&tio, B115200); }
    ::tcsetattr(fd, TCSANOW, &tio);
    ::tcflush(fd, TCIFLUSH);  // drop stale replies
}

}  // namespace

const char* fault_name(PrinterFault f) {
    switch (f) {
    case PrinterFault::PaperOut: return "paper-out";
    case PrinterFault::CoverOpen: return "cover-open";
    case PrinterFault::Offline: return "offline";
    case PrinterFault::NotResponding: return "not-responding";
    case PrinterFault::DeviceError: return "device-error";
    }
    return "unknown";
}

PrinterError::PrinterError(PrinterFault fault, std::string detail)
    : std::runtime_error(std::string(texts(fault).zh) + " / " + texts(fault).en +
                         (detail.empty() ? "" : " (" + detail + ")")),
      fault_(fault), zh_(texts(fault).zh), en_(texts(fault).en) {
    if (!detail.empty()) en_ += " (" + detail + ")";
}

std::string unprinted_ticket_message(const TicketPrint& t, const PrinterError& e) {
    return e.message_zh() + "，小票未能打印。您的号码是 " + t.number + "，请记下号码留意叫号。\n" +
           e.message_en() + ": the ticket was not printed. Your number is " + t.number + ".";
}

FilePrinter::FilePrinter(std::string path, bool append) : path_(std::move(path)), append_(append) {}

void FilePrinter::send(std::string_view escpos) {
    std::ofstream out(path_, std::ios::binary | (append_ ? std::ios::app : std::ios::trunc));
    if (!out) throw PrinterError(PrinterFault::DeviceError, "cannot open " + path_);
    out.write(escpos.data(), static_cast<std::streamsize>(escpos.size()));
    out.flush();
    if (!out) throw PrinterError(PrinterFault::DeviceError, "cannot write " + path_);
}

DevicePrinter::DevicePrinter(DevicePrinterConfig cfg) : cfg_(std::move(cfg)) {}

void DevicePrinter::check_ready(int fd) const {
    // DLE EOT 1: printer status, bit 3 = offline.
    int s1 = query_status(fd, 1, cfg_.status_timeout, cfg_.path);
    if (s1 < 0) throw PrinterError(PrinterFault::NotResponding, "no reply to DLE EOT 1 on " + cfg_.path);
    // DLE EOT 4: roll paper sensor, bits 5-6 = paper end.
    int s4 = query_status(fd, 4, cfg_.status_timeout, cfg_.path);
    if (s4 < 0) throw PrinterError(PrinterFault::NotResponding, "no reply to DLE EOT 4 on " + cfg_.path);
    if (s4 & 0x60) throw PrinterError(PrinterFault::PaperOut);
    if (!(s1 & 0x08)) return;
    // DLE EOT 2: offline cause, bit 2 = cover open, bit 5 = stopped by paper end.
    int s2 = query_status(fd, 2, cfg_.status_timeout, cfg_.path);
    if (s2 >= 0 && (s2 & 0x20)) throw PrinterError(PrinterFault::PaperOut);
    if (s2 >= 0 && (s2 & 0x04)) throw PrinterError(PrinterFault::CoverOpen);
    throw PrinterError(PrinterFault::Offline);
}

void DevicePrinter::send(std::string_view escpos) {
    Fd fd(::open(cfg_.path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0)
        throw PrinterError(PrinterFault::DeviceError, "open " + cfg_.path + ": " + std::strerror(errno));
    bool tty = ::isatty(fd.get()) == 1;
    if (tty) make_raw(fd.get(), cfg_.baud);
    bool query = cfg_.status == DevicePrinterConfig::Status::Query ||
                 (cfg_.status == DevicePrinterConfig::Status::Auto && tty);
    if (query) check_ready(fd.get());
    if (!write_all(fd.get(), escpos, Clock::now() + cfg_.write_timeout, cfg_.path))
        throw PrinterError(PrinterFault::NotResponding, "stopped taking data: " + cfg_.path);
}

}  // namespace hallq
