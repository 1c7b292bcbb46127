// test_wav.cpp - the WAV reader accepts what recorders write (mono, stereo, extensible) and names
// the file and the problem for anything else; rate conversion keeps length and pitch.
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "alsa_file_device.h"
#include "wav.h"

using namespace hallq;
using namespace hallq::test;

namespace {

void put16(std::string& s, unsigned v) {
    s.push_back(char(v & 0xff));
    s.push_back(char((v >> 8) & 0xff));
}
void put32(std::string& s, unsigned v) {
    put16(s, v & 0xffff);
    put16(s, v >> 16);
}

// A WAV file: format tag, channels, rate, bits, then `data` bytes (claimed length `claimed`, or
// the real length when -1).
std::string wav_bytes(unsigned tag, unsigned channels, unsigned rate, unsigned bits,
                      const std::string& data, long claimed = -1) {
    std::string s = "RIFF";
    put32(s, unsigned(36 + data.size()));
    s += "WAVEfmt ";
    put32(s, 16);
    put16(s, tag);
    put16(s, channels);
    put32(s, rate);
    put32(s, rate * channels * bits / 8);
    put16(s, channels * bits / 8);
    put16(s, bits);
    s += "LIST";  // recorders add chunks the reader must skip
    put32(s, 3);
    s += "abc";
    s.push_back('\0');  // pad byte of an odd chunk
    s += "data";
    put32(s, claimed < 0 ? unsigned(data.size()) : unsigned(claimed));
    return s + data;
}

std::string samples(std::initializer_list<int> values) {
    std::string s;
    for (int v : values) put16(s, unsigned(uint16_t(int16_t(v))));
    return s;
}

std::string error_of(const std::string& bytes) {
    std::string error;
    CHECK_FALSE(parse_wav(bytes, "clips/x.wav", &error));
    CHECK_THAT(error, Catch::StartsWith("clips/x.wav: "));
    return error;
}

}  // namespace

TEST_CASE("wav: mono 16-bit PCM is read as written, stereo is mixed to mono") {
    auto mono =
        parse_wav(wav_bytes(1, 1, 16000, 16, samples({0, 1000, -1000, 32767})), "m.wav", nullptr);
    REQUIRE(mono);
    CHECK(mono->sample_rate == 16000);
    CHECK(mono->samples == std::vector<int16_t>{0, 1000, -1000, 32767});

    auto stereo = parse_wav(wav_bytes(1, 2, 44100, 16, samples({100, 300, -32768, -32768})),
                            "s.wav", nullptr);
    REQUIRE(stereo);
    CHECK(stereo->sample_rate == 44100);
    CHECK(stereo->samples == std::vector<int16_t>{200, -32768});

    // Rewrite as WAVE_FORMAT_EXTENSIBLE with the PCM sub-format.
    std::string ext = "RIFF";
    put32(ext, 0);
    ext += "WAVEfmt ";
    put32(ext, 40);
    put16(ext, 0xFFFE);
    put16(ext, 1);
    put32(ext, 16000);
    put32(ext, 32000);
    put16(ext, 2);
    put16(ext, 16);
    put16(ext, 22);
    put16(ext, 16);
    put32(ext, 0);
    put16(ext, 1);  // KSDATAFORMAT_SUBTYPE_PCM begins 01 00
    ext += std::string(14, '\0');
    ext += "data";
    put32(ext, 2);
    ext += samples({5});
    auto e = parse_wav(ext, "e.wav", nullptr);
    REQUIRE(e);
    CHECK(e->samples == std::vector<int16_t>{5});
}

TEST_CASE("wav: every problem is named with the file") {
    CHECK_THAT(error_of("hello"), Catch::Contains("not a WAV file"));
    CHECK_THAT(error_of(wav_bytes(3, 1, 16000, 32, std::string(8, '\0'))),
               Catch::Contains("not PCM"));
    CHECK_THAT(error_of(wav_bytes(1, 1, 16000, 8, std::string(8, '\x80'))),
               Catch::Contains("8-bit"));
    CHECK_THAT(error_of(wav_bytes(1, 6, 16000, 16, std::string(24, '\0'))),
               Catch::Contains("6 channels"));
    CHECK_THAT(error_of(wav_bytes(1, 1, 100, 16, samples({1}))), Catch::Contains("100 Hz"));
    CHECK_THAT(error_of(wav_bytes(1, 1, 16000, 16, "")), Catch::Contains("no audio samples"));
    CHECK_THAT(error_of(wav_bytes(1, 1, 16000, 16, samples({1, 2}), 4000)),
               Catch::Contains("truncated"));
    std::string no_data = wav_bytes(1, 1, 16000, 16, "");
    CHECK_THAT(error_of(no_data.substr(0, no_data.size() - 8)), Catch::Contains("no data chunk"));

    std::string error;
    CHECK_FALSE(read_wav("/nonexistent/hallq/qing.wav", &error));
    CHECK_THAT(error,
               Catch::Contains("/nonexistent/hallq/qing.wav") && Catch::Contains("cannot open"));
}

TEST_CASE("wav: written files read back") {
    TempDir dir;
    MonoAudio a{22050, {1, -2, 3, -4, 32767, -32768}};
    REQUIRE(write_wav(dir.path() + "/t.wav", a, nullptr));
    auto b = read_wav(dir.path() + "/t.wav", nullptr);
    REQUIRE(b);
    CHECK(b->sample_rate == 22050);
    CHECK(b->samples == a.samples);
}

TEST_CASE("wav: rate conversion keeps the duration and the pitch") {
    auto tone = [](int rate, double hz, double seconds) {
        std::vector<int16_t> s(size_t(rate * seconds));
        for (size_t i = 0; i < s.size(); ++i)
            s[i] = int16_t(10000 * std::sin(2 * std::numbers::pi * hz * double(i) / rate));
        return s;
    };
    auto crossings = [](const std::vector<int16_t>& s) {
        int n = 0;
        for (size_t i = 1; i < s.size(); ++i) n += (s[i - 1] < 0) != (s[i] < 0);
        return n;
    };
    for (int from : {8000, 22050, 44100, 48000}) {
        INFO(from);
        auto in = tone(from, 440, 1.0);
        auto out = resample(in, from, 16000);
        CHECK(std::abs(double(out.size()) - 16000.0) <= 1);
        CHECK(std::abs(crossings(out) - crossings(in)) <= 4);  // 880 crossings a second either way
    }
    CHECK(resample({1, 2, 3}, 16000, 16000) == std::vector<int16_t>{1, 2, 3});
}
