// replica.h - a local copy of the hall state kept current from the server's event stream.
//
// The Clone pattern: subscribe first, then ask for a snapshot at sequence N, drop events ≤ N,
// apply N+1, N+2, …. A gap in the sequence, a heartbeat announcing a later sequence, or silence
// longer than `silence` makes the replica take a fresh snapshot. Used by hallctl and every app.
// After a stall (a process stopped, a busy UI thread) the messages queued meanwhile are older than
// the snapshot taken on return; they are dropped without taking another.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/hall.h"
#include "net/request_client.h"

namespace hallq {

class Replica {
public:
    // Its ZeroMQ context is the process's, shared with the request clients.
    Replica(std::string request_endpoint, std::string event_endpoint, std::string name);
    ~Replica();

    // Receives and applies what arrives within `timeout`, resynchronising when needed.
    // Returns the events applied in this call, in order (the app reacts to them).
    std::vector<Event> poll(std::chrono::milliseconds timeout);

    const Hall& hall() const { return hall_; }
    uint64_t seq() const { return hall_.seq(); }
    bool synced() const { return synced_; }     // has a snapshot and hears the server
    int snapshots_taken() const { return snapshots_; }

    void set_silence(std::chrono::milliseconds s) { silence_ = s; }
    // Fault injection for tests: the next `n` events received are discarded as if lost.
    void drop_next_events(int n) { drop_ = n; }

    // Called for every event applied, with its wire form (carries display fields like "number").
    std::function<void(const Event&, const Json&)> on_event;
    // Called after a snapshot replaced the state.
    std::function<void()> on_resync;

private:
    bool resync();
    void handle(const std::string& topic, const std::string& body, std::vector<Event>& out);

    struct Subscriber;  // the context and the SUB socket (replica.cpp)
    std::unique_ptr<Subscriber> sub_;
    RequestClient client_;
    Hall hall_;
    bool synced_ = false;
    int snapshots_ = 0;
    int drop_ = 0;
    std::chrono::milliseconds silence_{3500};
    std::chrono::steady_clock::time_point last_heard_;
    // Until the stream reaches the last snapshot's seq, what arrives may have been queued before
    // it (the replica was not reading): a heartbeat below the local seq is then stale, not a sign
    // that the server lost history.
    bool stream_current_ = true;
    std::chrono::steady_clock::time_point snapshot_at_;
};

}  // namespace hallq
