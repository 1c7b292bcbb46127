// clip_file.cpp - voice clips through libsndfile (decoding from memory, writing), rate conversion
// through libsamplerate.
#include "clip_file.h"

#include <samplerate.h>
#include <sndfile.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace hallq {

namespace {

constexpr size_t kMaxClipBytes = 64u << 20;  // far above any spoken word
constexpr int kMaxClipSeconds = 60;          // decoded (a small MP3 can hold hours of silence)

// libsndfile's virtual I/O over bytes in memory.
struct Memory {
    std::string_view bytes;
    sf_count_t at = 0;
};
sf_count_t mem_length(void* m) { return sf_count_t(static_cast<Memory*>(m)->bytes.size()); }
sf_count_t mem_seek(sf_count_t offset, int whence, void* p) {
    auto* m = static_cast<Memory*>(p);
    sf_count_t base = whence == SEEK_CUR ? m->at : whence == SEEK_END ? mem_length(p) : 0;
    if (base + offset < 0 || base + offset > mem_length(p)) return -1;
    return m->at = base + offset;
}
sf_count_t mem_read(void* out, sf_count_t count, void* p) {
    auto* m = static_cast<Memory*>(p);
    sf_count_t n = std::min(count, mem_length(p) - m->at);
    std::memcpy(out, m->bytes.data() + m->at, size_t(n));
    m->at += n;
    return n;
}
sf_count_t mem_write(const void*, sf_count_t, void*) { return 0; }
sf_count_t mem_tell(void* p) { return static_cast<Memory*>(p)->at; }

int16_t to_int16(float v) {
    return int16_t(std::clamp(std::lround(double(v) * 32768.0), -32768L, 32767L));
}

struct SndfileCloser {
    void operator()(SNDFILE* f) const { sf_close(f); }
};
using Sndfile = std::unique_ptr<SNDFILE, SndfileCloser>;

int sndfile_format(ClipFormat f) {
    switch (f) {
        case ClipFormat::flac:
            return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
        case ClipFormat::ogg:
            return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
        case ClipFormat::mp3:
            return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
        case ClipFormat::wav:
            break;
    }
    return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
}

}  // namespace

std::optional<MonoAudio> decode_clip(std::string_view bytes, const std::string& name,
                                     std::string* error) {
    auto fail = [&](const std::string& what) -> std::optional<MonoAudio> {
        if (error) *error = name + ": " + what;
        return std::nullopt;
    };
    Memory memory{bytes};
    SF_VIRTUAL_IO io{mem_length, mem_seek, mem_read, mem_write, mem_tell};
    SF_INFO info{};
    Sndfile file(sf_open_virtual(&io, SFM_READ, &info, &memory));
    if (!file)
        return fail(std::string("not a sound file that can be read (") + sf_strerror(nullptr) +
                    "); save the clip as WAV, FLAC, OGG or MP3");
    if (info.channels < 1) return fail("no channels");
    if (info.samplerate < 8000 || info.samplerate > 192000)
        return fail("sample rate " + std::to_string(info.samplerate) + " Hz is out of range");
    // Read as float (libsndfile scales every format to ±1.0), mix, then to 16 bits: exact for
    // 16-bit PCM, and no format's scaling rules matter.
    std::vector<int16_t> frames;
    const size_t channels = size_t(info.channels);
    std::vector<float> block(4096 * channels);
    for (sf_count_t got; (got = sf_readf_float(file.get(), block.data(), 4096)) > 0;) {
        for (sf_count_t i = 0; i < got; ++i) {
            float sum = 0;
            for (size_t c = 0; c < channels; ++c) sum += block[size_t(i) * channels + c];
            frames.push_back(to_int16(sum / float(channels)));
        }
        if (frames.size() > size_t(kMaxClipSeconds) * size_t(info.samplerate))
            return fail("longer than " + std::to_string(kMaxClipSeconds) +
                        " s: too long for a voice clip");
    }
    if (sf_error(file.get()) != SF_ERR_NO_ERROR) return fail(sf_strerror(file.get()));
    if (frames.empty()) return fail("no audio samples");
    return MonoAudio{info.samplerate, std::move(frames)};
}

std::optional<MonoAudio> read_clip(const std::string& path, std::string* error) {
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
    return decode_clip(bytes, path, error);
}

bool write_clip(const std::string& path, const MonoAudio& audio, std::string* error,
                ClipFormat format) {
    SF_INFO info{};
    info.samplerate = audio.sample_rate;
    info.channels = 1;
    info.format = sndfile_format(format);
    Sndfile file(sf_open(path.c_str(), SFM_WRITE, &info));
    sf_count_t n = sf_count_t(audio.samples.size());
    if (!file || sf_writef_short(file.get(), audio.samples.data(), n) != n) {
        if (error) *error = path + ": cannot write (" + sf_strerror(file.get()) + ")";
        return false;
    }
    return true;
}

std::vector<int16_t> resample(const std::vector<int16_t>& in, int from_rate, int to_rate) {
    if (from_rate == to_rate || in.empty() || from_rate <= 0 || to_rate <= 0) return in;
    const double ratio = double(to_rate) / from_rate;
    std::vector<float> src(in.size()), dst(size_t(double(in.size()) * ratio) + 16);
    src_short_to_float_array(in.data(), src.data(), int(in.size()));
    SRC_DATA data{};
    data.data_in = src.data();
    data.input_frames = long(src.size());
    data.data_out = dst.data();
    data.output_frames = long(dst.size());
    data.src_ratio = ratio;
    if (src_simple(&data, SRC_SINC_MEDIUM_QUALITY, 1) != 0) return in;  // only on bad arguments
    std::vector<int16_t> out(size_t(data.output_frames_gen));
    src_float_to_short_array(dst.data(), out.data(), int(out.size()));
    return out;
}

}  // namespace hallq
