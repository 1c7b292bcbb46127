// test_clip_file.cpp - the clip reader accepts what recorders and editors write (WAV of any sample
// format and channel count, FLAC, OGG, MP3) and names the file and the problem for anything else;
// rate conversion keeps length and pitch.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <numbers>

#include "alsa_file_device.h"
#include "clip_file.h"

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

MonoAudio tone_at(int rate, double hz, double seconds) {
    MonoAudio a{rate, std::vector<int16_t>(size_t(rate * seconds))};
    for (size_t i = 0; i < a.samples.size(); ++i)
        a.samples[i] = int16_t(10000 * std::sin(2 * std::numbers::pi * hz * double(i) / rate));
    return a;
}

int crossings(const std::vector<int16_t>& s) {
    int n = 0;
    for (size_t i = 1; i < s.size(); ++i) n += (s[i - 1] < 0) != (s[i] < 0);
    return n;
}

std::string error_of(const std::string& bytes) {
    std::string error;
    CHECK_FALSE(decode_clip(bytes, "clips/x.wav", &error));
    CHECK_THAT(error, Catch::StartsWith("clips/x.wav: "));
    return error;
}

}  // namespace

TEST_CASE("clip: mono 16-bit PCM is read as written, stereo is mixed to mono") {
    auto mono =
        decode_clip(wav_bytes(1, 1, 16000, 16, samples({0, 1000, -1000, 32767})), "m.wav", nullptr);
    REQUIRE(mono);
    CHECK(mono->sample_rate == 16000);
    CHECK(mono->samples == std::vector<int16_t>{0, 1000, -1000, 32767});

    auto stereo = decode_clip(wav_bytes(1, 2, 44100, 16, samples({100, 300, -32768, -32768})),
                            "s.wav", nullptr);
    REQUIRE(stereo);
    CHECK(stereo->sample_rate == 44100);
    CHECK(stereo->samples == std::vector<int16_t>{200, -32768});

    // Rewrite as WAVE_FORMAT_EXTENSIBLE with the PCM sub-format.
    std::string ext = "RIFF";
    put32(ext, 4 + 8 + 40 + 8 + 2);
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
    ext += std::string("\x01\x00\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71",
                       16);  // KSDATAFORMAT_SUBTYPE_PCM
    ext += "data";
    put32(ext, 2);
    ext += samples({5});
    auto e = decode_clip(ext, "e.wav", nullptr);
    REQUIRE(e);
    CHECK(e->samples == std::vector<int16_t>{5});
}

TEST_CASE("clip: WAV in other sample formats and channel counts is read too") {
    auto eight_bit = decode_clip(wav_bytes(1, 1, 16000, 8, std::string(8, '\xC0')), "8.wav", nullptr);
    REQUIRE(eight_bit);
    CHECK(eight_bit->samples == std::vector<int16_t>(8, 64 << 8));  // unsigned 8-bit, 0x80 = 0
    std::string floats;
    for (float f : {0.5f, -0.25f}) {
        uint32_t bits;
        std::memcpy(&bits, &f, 4);
        put32(floats, bits);
    }
    auto f32 = decode_clip(wav_bytes(3, 1, 48000, 32, floats), "f.wav", nullptr);
    REQUIRE(f32);
    CHECK(f32->sample_rate == 48000);
    REQUIRE(f32->samples.size() == 2);
    CHECK(std::abs(f32->samples[0] - 16384) <= 1);
    CHECK(std::abs(f32->samples[1] + 8192) <= 1);
    auto six = decode_clip(wav_bytes(1, 6, 16000, 16, samples({600, 0, 0, 0, 0, 0})), "6.wav", nullptr);
    REQUIRE(six);
    CHECK(six->samples == std::vector<int16_t>{100});  // the channels averaged
}

TEST_CASE("clip: every problem is named with the file") {
    CHECK_THAT(error_of("hello"), Catch::Contains("not a sound file"));
    CHECK_THAT(error_of(""), Catch::Contains("not a sound file"));
    CHECK_THAT(error_of(wav_bytes(1, 1, 100, 16, samples({1}))), Catch::Contains("100 Hz"));
    CHECK_THAT(error_of(wav_bytes(1, 1, 16000, 16, "")), Catch::Contains("no audio samples"));
    std::string no_data = wav_bytes(1, 1, 16000, 16, "");
    error_of(no_data.substr(0, no_data.size() - 8));  // no data chunk: named, whatever the words

    std::string error;
    CHECK_FALSE(read_clip("/nonexistent/hallq/qing.wav", &error));
    CHECK_THAT(error,
               Catch::Contains("/nonexistent/hallq/qing.wav") && Catch::Contains("cannot open"));
}

TEST_CASE("clip: WAV and FLAC written read back exactly, OGG and MP3 as the same tone") {
    TempDir dir;
    MonoAudio a{22050, {1, -2, 3, -4, 32767, -32768}};
    for (auto [format, file] : {std::pair{ClipFormat::wav, "t.wav"}, {ClipFormat::flac, "t.flac"}}) {
        INFO(file);
        REQUIRE(write_clip(dir.path() + "/" + file, a, nullptr, format));
        auto b = read_clip(dir.path() + "/" + file, nullptr);
        REQUIRE(b);
        CHECK(b->sample_rate == 22050);
        CHECK(b->samples == a.samples);
    }
    // Lossy: half a second of 440 Hz comes back as about half a second of 440 Hz.
    MonoAudio tone = tone_at(44100, 440, 0.5);
    for (auto [format, file] : {std::pair{ClipFormat::ogg, "t.ogg"}, {ClipFormat::mp3, "t.mp3"}}) {
        INFO(file);
        std::string error;
        REQUIRE(write_clip(dir.path() + "/" + file, tone, &error, format));
        auto b = read_clip(dir.path() + "/" + file, &error);
        INFO(error);
        REQUIRE(b);
        CHECK(b->sample_rate == 44100);
        CHECK(std::abs(double(b->samples.size()) - 22050.0) <= 44100 * 0.06);  // codec padding
        CHECK(std::abs(crossings(b->samples) - crossings(tone.samples)) <= 8);
    }
    std::string error;
    CHECK_FALSE(write_clip(dir.path() + "/no/such/dir/t.wav", a, &error));
    CHECK_THAT(error, Catch::Contains("/no/such/dir/t.wav"));
}

TEST_CASE("clip: rate conversion keeps the duration and the pitch") {
    auto tone = [](int rate, double hz, double seconds) { return tone_at(rate, hz, seconds).samples; };
    for (int from : {8000, 22050, 44100, 48000}) {
        INFO(from);
        auto in = tone(from, 440, 1.0);
        auto out = resample(in, from, 16000);
        CHECK(std::abs(double(out.size()) - 16000.0) <= 1);
        CHECK(std::abs(crossings(out) - crossings(in)) <= 4);  // 880 crossings a second either way
    }
    CHECK(resample({1, 2, 3}, 16000, 16000) == std::vector<int16_t>{1, 2, 3});
}
