// printer_simulator.h - a thermal ticket printer on a pseudo-terminal, for tests and demos.
//
// path() is a serial device file (/dev/pts/N) a DevicePrinter can open. The simulator records
// every byte it is sent except the real-time status queries (DLE EOT n), which it answers like an
// ESC/POS printer in the state set with set_state(): ready, paper out, cover open, offline, or
// silent (answers nothing, as a printer that is switched off).
#pragma once
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace hallq {

class PrinterSimulator {
public:
    enum class State { Ready, PaperOut, CoverOpen, Offline, Silent };

    PrinterSimulator();  // throws std::runtime_error when no pty can be opened
    ~PrinterSimulator();
    PrinterSimulator(const PrinterSimulator&) = delete;
    PrinterSimulator& operator=(const PrinterSimulator&) = delete;

    const std::string& path() const { return path_; }
    void set_state(State s);

    // The bytes received so far (status queries left out), and how many queries were answered
    // or ignored.
    std::string received() const;
    int status_queries() const;
    // Waits until at least `n` bytes have been received; false on timeout.
    bool wait_for_bytes(size_t n, std::chrono::milliseconds timeout) const;
    void clear();

private:
    void run();
    void handle(unsigned char b);
    unsigned char status_byte(int n) const;

    int master_ = -1, slave_ = -1, wake_[2] = {-1, -1};
    std::string path_;
    mutable std::mutex mu_;
    mutable std::condition_variable cv_;
    State state_ = State::Ready;
    std::string received_;
    int queries_ = 0;
    int parse_ = 0;  // 0: data, 1: after DLE, 2: after DLE EOT
    std::thread thread_;
};

}  // namespace hallq
