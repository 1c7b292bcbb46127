// announcer.h - speaks calls aloud: voice pack + composer + a queued PortAudio player.
//
// Announcements play one after another from a queue, never overlapping or cutting each other
// off. The queue is bounded: when the hall is flooded, the oldest waiting announcement of the
// same window is dropped first (then the oldest of any window). A display may announce only
// some windows (an audio zone, e.g. the 2nd floor). PortAudio appears only in the .cpp files.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/announcement.h"

namespace hallq {

struct AnnouncerConfig {
    std::string pack_dir;            // e.g. sounds/zh: manifest.json + WAV clips
    AnnouncementStyle style;         // template / repeat / language; the pack's manifest sets defaults
    std::set<int> zone;              // windows to announce; empty = all
    std::string device;              // PortAudio output device name; empty = default
    size_t max_queue = 8;            // waiting announcements before dropping
    bool silent = false;             // no audio device at all (text only)
};

// When the first sample of an announcement reached the output (PortAudio's outputBufferDacTime
// mapped to steady_clock), for latency measurements.
struct AnnouncementTiming {
    std::string ticket;
    int window = 0;
    std::chrono::steady_clock::time_point queued, first_sample;
};

class Announcer {
public:
    explicit Announcer(AnnouncerConfig cfg);
    ~Announcer();
    Announcer(const Announcer&) = delete;
    Announcer& operator=(const Announcer&) = delete;

    // Empty when the pack loaded; otherwise a message naming the missing or unreadable file. The
    // announcer then falls back to the chime alone (or silence if even that is missing) and the
    // display shows the text; it never throws for a bad pack.
    const std::string& startup_error() const;

    bool in_zone(int window) const;
    // Queues the announcement of a call (and of a recall). Returns false if not in the zone.
    bool announce(const std::string& ticket, int window);
    // Blocks until everything queued has been played (tests, shutdown); false on timeout.
    bool drain(std::chrono::milliseconds timeout);

    std::function<void(const AnnouncementTiming&)> on_first_sample;  // called on a worker thread

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hallq
