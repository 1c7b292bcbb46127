// hall_load.h - a hall's traffic over the real protocol, for fault tests and benchmarks: kiosk
// threads issuing tickets and desk threads calling, starting and finishing, each with its own
// RequestClient. Every ok reply is recorded (its event sequence number, when the request was sent
// and when the reply came, on the monotonic clock). Failures (timeouts while the server is down,
// refusals) are counted and the thread goes on. No test framework inside.
// check_tickets compares the acknowledged tickets with those a hall holds.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hallq::test {

struct LoadOptions {
    int kiosks = 3;                                   // threads issuing tickets (queues A and B)
    int desks = 3;                                    // windows 1..desks call (small-hall: ≤ 3)
    std::chrono::milliseconds kiosk_pause{10};        // between two tickets of one kiosk
    std::chrono::milliseconds desk_pause{10};         // between two calls of one desk
    std::chrono::milliseconds timeout{1000};          // of each request
    int retries = 0;                                  // same-id retries of each request
};

struct Ack {
    std::string type;          // the request's type
    uint64_t seq = 0;          // the reply's event sequence number
    int64_t sent_us = 0;       // steady clock (CLOCK_MONOTONIC), µs
    int64_t replied_us = 0;
    int64_t ticket_id = -1;    // issue_ticket only
    std::string number;        // issue_ticket only
};

int64_t mono_us();  // steady clock now, µs

// A ticket as a hall holds it: the restarted server's snapshot, or a database file.
struct HeldTicket {
    int64_t id = 0;
    std::string day, number;
};

// What the hall holds of the acknowledged tickets.
struct TicketCheck {
    size_t held = 0;          // tickets held
    size_t missing = 0;       // acknowledged but not held
    size_t wrong_number = 0;  // held under another number
    size_t duplicates = 0;    // (day, number) pairs held by more than one ticket
};
TicketCheck check_tickets(const std::vector<HeldTicket>& held, const std::vector<Ack>& acks);

class HallLoad {
public:
    HallLoad(std::string request_endpoint, LoadOptions options = {});
    ~HallLoad();  // stops
    void stop();  // asks the threads to stop and joins them

    std::vector<Ack> acks() const;           // every ok reply so far
    size_t ack_count() const { return count_; }
    size_t failures() const { return failures_; }

private:
    void kiosk(int k);
    void desk(int window);
    void record(Ack a);

    std::string endpoint_;
    LoadOptions opt_;
    std::atomic<bool> stop_{false};
    std::atomic<size_t> count_{0}, failures_{0};
    mutable std::mutex mu_;
    std::vector<Ack> acks_;
    std::vector<std::thread> threads_;
};

}  // namespace hallq::test
