// tone_pack.h - a voice pack of pure tones for player tests: every word a tone of its own length,
// so the recorded output can be cut into segments and each matched to its word.
#pragma once
#include <cmath>
#include <fstream>
#include <map>
#include <numbers>
#include <string>

#include "alsa_file_device.h"
#include "clip_file.h"

namespace hallq::test {

struct TonePack {
    std::string dir;
    std::map<std::string, size_t> length;     // word → clip length in samples
    size_t word_gap = 0, sentence_pause = 0;  // in samples
};

// Writes a zh pack into `dir`: chime 300 ms, every other word 60 ms + 8 ms per place in the list,
// word gap 40 ms, sentence pause 200 ms, the default template, repeat 2.
inline TonePack make_tone_pack(const std::string& dir) {
    const char* words[] = {"chime", "请", "号", "到", "窗口", "办理", "A",  "B",  "零", "一",
                           "二",    "三", "四", "五", "六",   "七",   "八", "九", "十", "百"};
    TonePack pack{dir, {}, size_t(kDeviceRate) * 40 / 1000, size_t(kDeviceRate) * 200 / 1000};
    std::string clips;
    int k = 0;
    for (const char* w : words) {
        int ms = std::string(w) == "chime" ? 300 : 60 + 8 * k;
        MonoAudio a;
        a.sample_rate = kDeviceRate;
        a.samples.resize(size_t(kDeviceRate) * size_t(ms) / 1000);
        for (size_t i = 0; i < a.samples.size(); ++i)
            a.samples[i] = int16_t(8000 * std::cos(2 * std::numbers::pi * (400.0 + 25.0 * k) *
                                                   double(i) / kDeviceRate));
        std::string file = "w" + std::to_string(k) + ".wav";
        write_clip(dir + "/" + file, a, nullptr);
        pack.length[w] = a.samples.size();
        clips += std::string(k ? ",\n" : "") + "    \"" + w + "\": \"" + file + "\"";
        ++k;
    }
    std::ofstream(dir + "/manifest.json")
        << "{\n  \"language\": \"zh\",\n  \"sample_rate\": " << kDeviceRate
        << ",\n  \"template\": \"{chime}请{ticket}号到{window}号窗口办理\",\n  \"repeat\": 2,\n"
           "  \"word_gap_ms\": 40,\n  \"sentence_pause_ms\": 200,\n  \"clips\": {\n"
        << clips << "\n  }\n}\n";
    return pack;
}

}  // namespace hallq::test
