// audio_latency.cpp - how long a queued call takes to reach the output: announces N short calls
// one at a time through the real PortAudio library (ALSA's file output) and prints the
// "Announcement latency" section of bench/RESULTS.md with p50/p95/p99 of queued → first sample.
#include <portaudio.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "alsa_file_device.h"
#include "announcer.h"
#include "audio_output.h"
#include "bench_common.h"

using namespace hallq;
using Micros = std::chrono::duration<double, std::micro>;

namespace {

constexpr int kWarmUp = 5;  // first calls (cold caches, first stream start) not counted

std::string machine() {
    return bench::machine() + "; " + Pa_GetVersionText() + "; run " + bench::today();
}

std::string ms(double micros) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f ms", micros / 1000.0);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    int count = 200;
    std::string pack = std::string(HALLQ_SOUNDS_DIR) + "/zh";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--count")
            count = std::max(1, std::atoi(argv[i + 1]));
        else if (a == "--pack")
            pack = argv[i + 1];
    }
    hallq::test::alsa_file_device_dir();  // ALSA's default output → a file, before PortAudio starts

    AnnouncerConfig cfg;
    cfg.pack_dir = pack;
    cfg.style.tmpl = "{chime}{ticket}";  // short: the chime and the ticket, once
    cfg.style.repeat = 1;
    Announcer announcer(cfg);
    if (!announcer.startup_error().empty()) {
        std::cerr << "audio_latency: " << announcer.startup_error() << "\n";
        return 1;
    }
    std::mutex m;
    std::vector<double> latencies;
    announcer.on_first_sample = [&](const AnnouncementTiming& t) {
        std::lock_guard<std::mutex> lock(m);
        latencies.push_back(Micros(t.first_sample - t.queued).count());
    };
    for (int i = 0; i < kWarmUp + count; ++i) {
        char ticket[8];
        std::snprintf(ticket, sizeof ticket, "A%03d", i % 1000);
        announcer.announce(ticket, 1 + i % 22);
        if (!announcer.drain(std::chrono::seconds(30))) {
            std::cerr << "audio_latency: call " << ticket << " did not finish\n";
            return 1;
        }
    }
    std::vector<double> v;
    {
        std::lock_guard<std::mutex> lock(m);
        if (latencies.size() != size_t(kWarmUp + count)) {
            std::cerr << "audio_latency: " << latencies.size() << " of " << kWarmUp + count
                      << " calls played\n";
            return 1;
        }
        v.assign(latencies.begin() + kWarmUp, latencies.end());
    }
    std::sort(v.begin(), v.end());
    double mean = 0;
    for (double x : v) mean += x / double(v.size());

    double device_latency = 0;  // what a stream on this output reports
    if (auto out = AudioOutput::open("", 16000, nullptr)) device_latency = out->output_latency();

    std::cout << "## Announcement latency\n\n"
              << "Queued call → its first sample at the output (`Announcer::on_first_sample`: "
                 "PortAudio's\n"
              << "`outputBufferDacTime` mapped to steady_clock), " << count
              << " short calls (「{chime}{ticket}」,\n"
              << "`sounds/zh`, said once), each queued on an idle announcer, after " << kWarmUp
              << " warm-up calls.\n"
              << "Through the real PortAudio library over ALSA, whose default output is the `file` "
                 "plugin on a\n"
              << "`null` sink (the test harness, `tests/audio/alsa_file_device.h`).\n\n"
              << "| queued → first sample | p50 | p95 | p99 | max | mean |\n"
              << "|---|---|---|---|---|---|\n"
              << "| " << count << " calls | " << ms(bench::percentile(v, 50)) << " | "
              << ms(bench::percentile(v, 95)) << " | " << ms(bench::percentile(v, 99)) << " | "
              << ms(v.back()) << " | " << ms(mean) << " |\n\n"
              << "Machine: " << machine() << ".\n\n"
              << "What it covers: waking the announcer's thread, composing and rendering the call, "
                 "starting the\n"
              << "PortAudio stream (ALSA prepare and start) and its first callback. The file "
                 "output has no clock\n"
              << "and reports no delay to the DAC, so on a sound card the device's buffer comes on "
                 "top: PortAudio\n"
              << "reports an output latency of " << ms(device_latency * 1e6)
              << " for this stream here; the announcer asks for the\n"
              << "device's default high latency (steady playback over speed).\n\n";
    return 0;
}
