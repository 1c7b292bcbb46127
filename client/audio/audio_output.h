// audio_output.h - one PortAudio output stream that plays mono 16-bit buffers one at a time.
//
// The stream runs only while a buffer plays: play() starts it, the callback copies the samples and
// ends the stream after the last one, and play() returns once the device has played everything,
// so one buffer never overlaps or cuts off another. PortAudio itself stays in audio_output.cpp.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hallq {

class AudioOutput {
public:
    using Clock = std::chrono::steady_clock;

    // Opens the output device named `device` (the PortAudio device name; empty = the default
    // output) for mono 16-bit audio at `sample_rate`, or at the device's own rate when it refuses
    // that one (see sample_rate()). nullptr with *error when there is no such device or it
    // cannot be opened.
    static std::unique_ptr<AudioOutput> open(const std::string& device, int sample_rate,
                                             std::string* error);
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    // Plays `samples` to the end; returns when the device has played them. `on_first_sample` is
    // called on this thread, during playback, with the time the first sample reaches the output
    // (PortAudio's outputBufferDacTime mapped to steady_clock). False with *error when the device
    // fails or stalls (no progress for longer than the buffer lasts plus two seconds), or abort().
    bool play(const std::vector<int16_t>& samples,
              const std::function<void(Clock::time_point)>& on_first_sample, std::string* error);

    // Ends a play() in progress at once, from any thread; later plays fail. For shutdown.
    void abort();

    // The rate play() expects its samples at.
    int sample_rate() const;

    // The device's output latency in seconds, as PortAudio reports it for the open stream.
    double output_latency() const;

    struct State;  // shared with the PortAudio callback

private:
    explicit AudioOutput(std::unique_ptr<State> s);
    std::unique_ptr<State> s_;
};

}  // namespace hallq
