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
    std::string pack_dir;  // e.g. sounds/zh: manifest.json + WAV clips
    // Template / repeat / ticket reading; a field left at AnnouncementStyle's default takes the
    // manifest's value. The language is always the pack's.
    AnnouncementStyle style;
    std::set<int> zone;    // windows to announce; empty = all
    std::string device;    // PortAudio output device name; empty = default
    size_t max_queue = 8;  // waiting announcements before dropping
    bool silent = false;   // no audio device at all (text only)
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
    // display shows the text; it never throws for a bad pack. Also names a template that the
    // pack's words cannot say (chime alone as well) and a missing audio device (text only).
    const std::string& startup_error() const;

    bool in_zone(int window) const;
    // Queues the announcement of a call (and of a recall). Returns false if not in the zone. A
    // call that cannot be composed (e.g. window 1000) is announced by the chime alone.
    bool announce(const std::string& ticket, int window);
    // Blocks until everything queued has been played (tests, shutdown); false on timeout.
    bool drain(std::chrono::milliseconds timeout);

    // Called on the announcer's thread as each announcement starts to sound (not in silent mode or
    // without a device). Set it before the first announce(); it may block, holding up playback.
    std::function<void(const AnnouncementTiming&)> on_first_sample;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hallq
