// wav.h - reads and writes voice clips: WAV files, 16-bit PCM, mono (stereo is mixed down).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallq {

struct MonoAudio {
    int sample_rate = 0;
    std::vector<int16_t> samples;
};

// Parses the bytes of a WAV file. `name` (the file) opens every error message. Accepts RIFF/WAVE
// with 16-bit PCM (plain or WAVE_FORMAT_EXTENSIBLE), one or two channels (two are averaged), a rate
// of 8000…192000 Hz and at least one sample. Otherwise nullopt, with *error saying what is wrong.
std::optional<MonoAudio> parse_wav(std::string_view bytes, const std::string& name,
                                   std::string* error);

// Reads and parses the WAV file at `path`; nullopt with *error naming the file when unreadable.
std::optional<MonoAudio> read_wav(const std::string& path, std::string* error);

// Writes `audio` as a 16-bit PCM mono WAV file. False with *error naming the file.
bool write_wav(const std::string& path, const MonoAudio& audio, std::string* error);

// `in` at `from_rate` converted to `to_rate` (linear interpolation, box-filtered when lowering the
// rate). Good enough for speech; record clips at the pack's rate for the best quality.
std::vector<int16_t> resample(const std::vector<int16_t>& in, int from_rate, int to_rate);

}  // namespace hallq
