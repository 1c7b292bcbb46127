// wav.cpp - WAV clip reading (validating, stereo mixed to mono), writing, and rate conversion.
#include "wav.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace hallq {

namespace {

uint32_t le16(std::string_view b, size_t at) {
    return uint32_t(uint8_t(b[at])) | uint32_t(uint8_t(b[at + 1])) << 8;
}
uint32_t le32(std::string_view b, size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }

void put16(std::string& out, uint32_t v) {
    out.push_back(char(v & 0xff));
    out.push_back(char((v >> 8) & 0xff));
}
void put32(std::string& out, uint32_t v) {
    put16(out, v & 0xffff);
    put16(out, v >> 16);
}

constexpr size_t kMaxClipBytes = 64u << 20;  // far above any spoken word

}  // namespace

std::optional<MonoAudio> parse_wav(std::string_view bytes, const std::string& name,
                                   std::string* error) {
    auto fail = [&](const std::string& what) -> std::optional<MonoAudio> {
        if (error) *error = name + ": " + what;
        return std::nullopt;
    };
    if (bytes.size() < 12 || bytes.substr(0, 4) != "RIFF" || bytes.substr(8, 4) != "WAVE")
        return fail("not a WAV file (no RIFF/WAVE header)");
    bool have_fmt = false, have_data = false;
    uint32_t format = 0, channels = 0, rate = 0, bits = 0;
    std::string_view data;
    size_t pos = 12;
    while (pos + 8 <= bytes.size() && !(have_fmt && have_data)) {
        std::string_view id = bytes.substr(pos, 4);
        size_t len = le32(bytes, pos + 4), body = pos + 8;
        if (id == "fmt ") {
            if (len < 16 || body + len > bytes.size()) return fail("fmt chunk is too short");
            format = le16(bytes, body);
            channels = le16(bytes, body + 2);
            rate = le32(bytes, body + 4);
            bits = le16(bytes, body + 14);
            if (format == 0xFFFE && len >= 40)
                format = le16(bytes, body + 24);  // EXTENSIBLE: sub-format
            have_fmt = true;
        } else if (id == "data") {
            if (body + len > bytes.size()) {
                if (len != 0xFFFFFFFFu)  // streamed files leave the length unknown
                    return fail("truncated: the data chunk says " + std::to_string(len) +
                                " bytes, the file has " + std::to_string(bytes.size() - body));
                len = bytes.size() - body;
            }
            data = bytes.substr(body, len);
            have_data = true;
        }
        pos = body + len + (len & 1);
    }
    if (!have_fmt) return fail("no fmt chunk");
    if (format != 1)
        return fail("not PCM (format tag " + std::to_string(format) +
                    "); save the clip as 16-bit PCM");
    if (bits != 16) return fail(std::to_string(bits) + "-bit samples; save the clip as 16-bit PCM");
    if (channels != 1 && channels != 2)
        return fail(std::to_string(channels) + " channels; save the clip as mono");
    if (rate < 8000 || rate > 192000)
        return fail("sample rate " + std::to_string(rate) + " Hz is out of range");
    if (!have_data) return fail("no data chunk");
    size_t frames = data.size() / (2 * channels);
    if (frames == 0) return fail("no audio samples");
    MonoAudio audio;
    audio.sample_rate = int(rate);
    audio.samples.resize(frames);
    for (size_t i = 0; i < frames; ++i) {
        int32_t sum = 0;
        for (uint32_t c = 0; c < channels; ++c)
            sum += int16_t(uint16_t(le16(data, (i * channels + c) * 2)));
        audio.samples[i] = int16_t(sum / int32_t(channels));
    }
    return audio;
}

std::optional<MonoAudio> read_wav(const std::string& path, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error) *error = path + ": cannot open (" + std::strerror(errno) + ")";
        return std::nullopt;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string bytes = buf.str();
    if (bytes.size() > kMaxClipBytes) {
        if (error) *error = path + ": too large for a voice clip";
        return std::nullopt;
    }
    return parse_wav(bytes, path, error);
}

bool write_wav(const std::string& path, const MonoAudio& audio, std::string* error) {
    std::string out;
    uint32_t data_bytes = uint32_t(audio.samples.size() * 2);
    out += "RIFF";
    put32(out, 36 + data_bytes);
    out += "WAVEfmt ";
    put32(out, 16);
    put16(out, 1);  // PCM
    put16(out, 1);  // mono
    put32(out, uint32_t(audio.sample_rate));
    put32(out, uint32_t(audio.sample_rate) * 2);
    put16(out, 2);
    put16(out, 16);
    out += "data";
    put32(out, data_bytes);
    for (int16_t s : audio.samples) put16(out, uint16_t(s));
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(out.data(), std::streamsize(out.size()));
    if (!f) {
        if (error) *error = path + ": cannot write (" + std::strerror(errno) + ")";
        return false;
    }
    return true;
}

std::vector<int16_t> resample(const std::vector<int16_t>& in, int from_rate, int to_rate) {
    if (from_rate == to_rate || in.empty() || from_rate <= 0 || to_rate <= 0) return in;
    const double ratio = double(from_rate) / to_rate;
    std::vector<double> src(in.begin(), in.end());
    if (ratio > 1.0) {  // lowering the rate: average over one output period first (anti-aliasing)
        size_t w = size_t(std::ceil(ratio));
        std::vector<double> prefix(in.size() + 1, 0.0);
        for (size_t i = 0; i < in.size(); ++i) prefix[i + 1] = prefix[i] + in[i];
        for (size_t i = 0; i < in.size(); ++i) {
            size_t lo = i >= w / 2 ? i - w / 2 : 0, hi = std::min(in.size(), lo + w);
            src[i] = (prefix[hi] - prefix[lo]) / double(hi - lo);
        }
    }
    size_t n = std::max<size_t>(1, size_t(std::llround(double(in.size()) / ratio)));
    std::vector<int16_t> out(n);
    for (size_t j = 0; j < n; ++j) {
        double x = double(j) * ratio;
        size_t i = std::min(size_t(x), src.size() - 1);
        double a = src[i], b = src[std::min(i + 1, src.size() - 1)];
        double v = a + (b - a) * (x - double(i));
        out[j] = int16_t(std::clamp(std::lround(v), -32768L, 32767L));
    }
    return out;
}

}  // namespace hallq
