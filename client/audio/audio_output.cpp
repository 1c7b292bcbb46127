// audio_output.cpp - the PortAudio output stream: started per buffer, ended by the callback.
#include "audio_output.h"

#include <portaudio.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>

namespace hallq {

struct AudioOutput::State {
    PaStream* stream = nullptr;
    int channels = 1;
    int rate = 0;
    // The buffer playing: set by play() before the stream starts, then read only by the callback.
    const int16_t* data = nullptr;
    size_t size = 0, pos = 0;
    std::atomic<bool> started{false};  // the callback has handed the first sample to the device
    std::atomic<Clock::rep> first_sample{0};  // when it reaches the output (steady_clock ticks)
    std::atomic<bool> aborting{false};
    std::mutex m;
    std::condition_variable cv;
    bool finished = false;  // the stream has ended (under m)
};

namespace {

// Pa_Initialize, Pa_Terminate, Pa_OpenStream and Pa_CloseStream are not thread-safe.
std::mutex& portaudio_mutex() {
    static std::mutex m;
    return m;
}

std::string pa_text(PaError e) { return Pa_GetErrorText(e); }

int play_callback(const void*, void* output, unsigned long frames,
                  const PaStreamCallbackTimeInfo* time, PaStreamCallbackFlags, void* user) {
    auto* s = static_cast<AudioOutput::State*>(user);
    auto* out = static_cast<int16_t*>(output);
    const size_t total = size_t(frames) * size_t(s->channels);
    if (s->aborting.load(std::memory_order_relaxed)) {
        std::fill(out, out + total, int16_t(0));
        return paAbort;
    }
    if (!s->started.load(std::memory_order_relaxed)) {
        // Stream time of this buffer's first sample at the DAC, relative to now, on steady_clock.
        double ahead = time ? time->outputBufferDacTime - time->currentTime : 0.0;
        if (!(ahead >= 0.0 && ahead < 2.0)) ahead = 0.0;
        auto at =
            AudioOutput::Clock::now() + std::chrono::duration_cast<AudioOutput::Clock::duration>(
                                            std::chrono::duration<double>(ahead));
        s->first_sample.store(at.time_since_epoch().count(), std::memory_order_relaxed);
        s->started.store(true, std::memory_order_release);
        s->cv.notify_all();  // without the lock: play() also wakes on its own every few ms
    }
    size_t n = std::min<size_t>(frames, s->size - s->pos);
    for (size_t i = 0; i < n; ++i)
        for (int c = 0; c < s->channels; ++c)
            out[i * size_t(s->channels) + size_t(c)] = s->data[s->pos + i];
    std::fill(out + n * size_t(s->channels), out + total, int16_t(0));
    s->pos += n;
    return s->pos >= s->size ? paComplete : paContinue;
}

void stream_finished(void* user) {  // after paComplete, once the device has played the last buffer
    auto* s = static_cast<AudioOutput::State*>(user);
    {
        std::lock_guard<std::mutex> lock(s->m);
        s->finished = true;
    }
    s->cv.notify_all();
}

}  // namespace

AudioOutput::AudioOutput(std::unique_ptr<State> s) : s_(std::move(s)) {}

std::unique_ptr<AudioOutput> AudioOutput::open(const std::string& device, int sample_rate,
                                               std::string* error) {
    auto fail = [&](const std::string& what, bool terminate) -> std::unique_ptr<AudioOutput> {
        if (terminate) Pa_Terminate();
        if (error) *error = what;
        return nullptr;
    };
    std::lock_guard<std::mutex> lock(portaudio_mutex());
    if (PaError e = Pa_Initialize(); e != paNoError) return fail("PortAudio: " + pa_text(e), false);
    PaDeviceIndex index = paNoDevice;
    std::string names;
    if (device.empty()) {
        index = Pa_GetDefaultOutputDevice();
    } else {
        for (PaDeviceIndex i = 0; i < Pa_GetDeviceCount(); ++i) {
            const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
            if (!info || info->maxOutputChannels < 1) continue;
            if (device == info->name) index = i;
            names += (names.empty() ? "" : ", ") + std::string(info->name);
        }
    }
    const PaDeviceInfo* info = index == paNoDevice ? nullptr : Pa_GetDeviceInfo(index);
    if (!info)
        return fail(device.empty() ? std::string("no default audio output device")
                                   : "no audio output device named \"" + device +
                                         "\" (outputs: " + names + ")",
                    true);
    auto s = std::make_unique<State>();
    PaStreamParameters p{};
    p.device = index;
    p.sampleFormat = paInt16;
    p.suggestedLatency =
        info->defaultHighOutputLatency;  // steady playback matters more than latency
    PaError e = paInvalidChannelCount;
    // The pack's rate, else the device's own (the caller then converts); mono, else the same
    // samples on both channels.
    for (int rate : {sample_rate, int(info->defaultSampleRate)}) {
        for (int channels : {1, 2}) {
            if (channels > info->maxOutputChannels || e == paNoError) continue;
            p.channelCount = channels;
            e = Pa_OpenStream(&s->stream, nullptr, &p, rate, paFramesPerBufferUnspecified, paNoFlag,
                              play_callback, s.get());
            if (e == paNoError) {
                s->channels = channels;
                s->rate = rate;
            }
        }
    }
    if (e != paNoError)
        return fail("cannot open audio output \"" + std::string(info->name) + "\" at " +
                        std::to_string(sample_rate) + " Hz, 16-bit: " + pa_text(e),
                    true);
    Pa_SetStreamFinishedCallback(s->stream, stream_finished);
    return std::unique_ptr<AudioOutput>(new AudioOutput(std::move(s)));
}

AudioOutput::~AudioOutput() {
    std::lock_guard<std::mutex> lock(portaudio_mutex());
    Pa_CloseStream(s_->stream);  // aborts a running stream
    Pa_Terminate();
}

bool AudioOutput::play(const std::vector<int16_t>& samples,
                       const std::function<void(Clock::time_point)>& on_first_sample,
                       std::string* error) {
    auto fail = [&](const std::string& what) {
        if (error) *error = what;
        return false;
    };
    if (s_->aborting) return fail("audio output stopped");
    if (samples.empty()) return true;
    s_->data = samples.data();
    s_->size = samples.size();
    s_->pos = 0;
    s_->started = false;
    {
        std::lock_guard<std::mutex> lock(s_->m);
        s_->finished = false;
    }
    if (PaError e = Pa_StartStream(s_->stream); e != paNoError)
        return fail("cannot start audio output: " + pa_text(e));
    const auto budget =
        std::chrono::duration<double>(double(samples.size()) / s_->rate + output_latency() + 2.0);
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(budget);
    bool reported = false, stalled = false;
    std::unique_lock<std::mutex> lock(s_->m);
    for (;;) {
        if (!reported && s_->started.load(std::memory_order_acquire)) {
            reported = true;
            Clock::time_point at{Clock::duration(s_->first_sample.load(std::memory_order_relaxed))};
            lock.unlock();
            if (on_first_sample) on_first_sample(at);
            lock.lock();
            continue;
        }
        if (s_->finished) break;
        if (s_->aborting || Clock::now() >= deadline) {
            stalled = true;
            break;
        }
        s_->cv.wait_for(lock, std::chrono::milliseconds(5));
    }
    lock.unlock();
    if (stalled || s_->aborting) {
        Pa_AbortStream(s_->stream);
        return fail(s_->aborting ? "audio output stopped"
                                 : "audio output stalled: the device stopped playing");
    }
    Pa_StopStream(
        s_->stream);  // the stream has ended; stopping it lets the next play start it again
    return true;
}

void AudioOutput::abort() {
    s_->aborting = true;
    s_->cv.notify_all();
}

int AudioOutput::sample_rate() const { return s_->rate; }

double AudioOutput::output_latency() const {
    const PaStreamInfo* info = Pa_GetStreamInfo(s_->stream);
    return info ? info->outputLatency : 0.0;
}

}  // namespace hallq
