// idcard_simulator.h - a simulated ID-card reader on the master side of a pseudo-terminal.
//
// Speaks the real GA/T 467 frames: the kiosk (or a test) opens slave_path() as if it were the
// reader's serial port. Modes cover a card on the reader, an empty reader, a failing read, a card
// taken away mid-read (the read response stops part-way), a wrong baud rate (noise instead of
// frames) and a hostile reader (random bytes). As on a real reader, a card that has been read must
// leave the field before the next find succeeds (present_card() again).
#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include "idcard/idcard_card.h"

namespace hallq::idcard {

enum class SimMode { card_present, no_card, read_error, removed_mid_read, wrong_baud, random_bytes };

class IdCardSimulator {
public:
    IdCardSimulator();  // throws std::runtime_error when no pseudo-terminal is available
    ~IdCardSimulator();
    IdCardSimulator(const IdCardSimulator&) = delete;
    IdCardSimulator& operator=(const IdCardSimulator&) = delete;

    const std::string& slave_path() const { return slave_path_; }

    void set_mode(SimMode mode);
    // Puts a card with this holder on the reader (mode card_present).
    void present_card(const CardText& holder);
    std::size_t requests_seen() const { return requests_; }

    // 张三, 11010519491231002X, ... for tests and demos.
    static CardText sample_holder();

private:
    void run();
    void answer(const Bytes& payload);
    void send(const Bytes& bytes);

    int master_ = -1, slave_ = -1;
    std::string slave_path_;
    std::mutex mu_;
    SimMode mode_ = SimMode::no_card;
    CardText holder_;
    bool card_read_ = false;
    unsigned rng_ = 12345;
    std::atomic<std::size_t> requests_{0};
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace hallq::idcard
