// printer_simulator.cpp - the pty printer: records data, answers DLE EOT status queries.
#include "printer/printer_simulator.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdexcept>
#include <termios.h>
#include <unistd.h>

#include "printer/escpos.h"

namespace hallq {

PrinterSimulator::PrinterSimulator() {
    char name[128] = {};
    termios raw{};
    ::cfmakeraw(&raw);
    if (::openpty(&master_, &slave_, name, &raw, nullptr) != 0)
        throw std::runtime_error("printer simulator: openpty failed");
    if (::pipe2(wake_, O_CLOEXEC) != 0) {
        ::close(master_);
        ::close(slave_);
        throw std::runtime_error("printer simulator: pipe failed");
    }
    // The simulator keeps the slave open so the master never sees a hang-up between prints.
    path_ = name;
    thread_ = std::thread([this] { run(); });
}

PrinterSimulator::~PrinterSimulator() {
    char c = 'q';
    (void)!::write(wake_[1], &c, 1);
    thread_.join();
    ::close(master_);
    ::close(slave_);
    ::close(wake_[0]);
    ::close(wake_[1]);
}

void PrinterSimulator::set_state(State s) {
    std::lock_guard lock(mu_);
    state_ = s;
}

std::string PrinterSimulator::received() const {
    std::lock_guard lock(mu_);
    return received_;
}

int PrinterSimulator::status_queries() const {
    std::lock_guard lock(mu_);
    return queries_;
}

bool PrinterSimulator::wait_for_bytes(size_t n, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, timeout, [&] { return received_.size() >= n; });
}

void PrinterSimulator::clear() {
    std::lock_guard lock(mu_);
    received_.clear();
    queries_ = 0;
}

unsigned char PrinterSimulator::status_byte(int n) const {
    // Every status byte has bits 1 and 4 set and bits 0 and 7 clear.
    unsigned char b = 0x12;
    switch (n) {
    case 1:  // printer status: bit 3 offline
        if (state_ != State::Ready) b |= 0x08;
        break;
    case 2:  // offline cause: bit 2 cover open, bit 5 paper end stop
        if (state_ == State::CoverOpen) b |= 0x04;
        if (state_ == State::PaperOut) b |= 0x20;
        break;
    case 4:  // roll paper sensor: bits 5-6 paper end
        if (state_ == State::PaperOut) b |= 0x60;
        break;
    default: break;
    }
    return b;
}

void PrinterSimulator::handle(unsigned char b) {
    // Called with mu_ held.
    if (parse_ == 2) {
        parse_ = 0;
        ++queries_;
        if (state_ != State::Silent) {
            unsigned char reply = status_byte(b);
            (void)!::write(master_, &reply, 1);
        }
        return;
    }
    if (parse_ == 1) {
        if (b == static_cast<unsigned char>(escpos::EOT)) {
            parse_ = 2;
            return;
        }
        parse_ = 0;
        received_.push_back(escpos::DLE);
    }
    if (b == static_cast<unsigned char>(escpos::DLE)) {
        parse_ = 1;
        return;
    }
    received_.push_back(static_cast<char>(b));
}

void PrinterSimulator::run() {
    for (;;) {
        pollfd p[2] = {{master_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        if (::poll(p, 2, -1) < 0) continue;
        if (p[1].revents) return;
        if (!(p[0].revents & POLLIN)) continue;
        unsigned char buf[4096];
        ssize_t n = ::read(master_, buf, sizeof buf);
        if (n <= 0) continue;
        {
            std::lock_guard lock(mu_);
            for (ssize_t i = 0; i < n; ++i) handle(buf[i]);
        }
        cv_.notify_all();
    }
}

}  // namespace hallq
