// clip_file.h - reads and writes voice clips with libsndfile: WAV, FLAC, OGG (Vorbis, Opus), MP3
// and the other formats it opens, any sample format, any rate; more channels are mixed to mono.
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

// Decodes the bytes of a sound file. `name` (the file) opens every error message. Accepts what
// libsndfile recognises, with a rate of 8000…192000 Hz and at least one sample; the channels are
// averaged. Otherwise nullopt, with *error saying what is wrong.
std::optional<MonoAudio> decode_clip(std::string_view bytes, const std::string& name,
                                     std::string* error);

// Reads and decodes the sound file at `path`; nullopt with *error naming the file when unreadable.
std::optional<MonoAudio> read_clip(const std::string& path, std::string* error);

enum class ClipFormat { wav, flac, ogg, mp3 };  // wav: 16-bit PCM; ogg: Vorbis

// Writes `audio` as a mono file of `format`. False with *error naming the file.
bool write_clip(const std::string& path, const MonoAudio& audio, std::string* error,
                ClipFormat format = ClipFormat::wav);

// `in` at `from_rate` converted to `to_rate` with libsamplerate (band-limited sinc interpolation).
// Unchanged when the rates are equal or either is not positive.
std::vector<int16_t> resample(const std::vector<int16_t>& in, int from_rate, int to_rate);

}  // namespace hallq
