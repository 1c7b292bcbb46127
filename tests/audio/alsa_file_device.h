// alsa_file_device.h - plays the real PortAudio library into a file: ALSA's default output becomes
// the `file` plugin over a `null` sink, and helpers read and segment what was played.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "alsa_file_config.h"

namespace hallq::test {


// Writes an ALSA configuration into a fresh temporary folder and points ALSA_CONFIG_PATH at it,
// once per process; later calls return the same folder. Call before PortAudio is first initialised
// (ALSA reads its configuration once). The file is truncated each time an output stream is opened.
const std::string& alsa_file_device_dir();
std::string alsa_output_file();  // <dir>/out.raw

// The samples written to the output file so far (empty if none).
std::vector<int16_t> read_played();

// A fresh temporary folder, removed with everything in it when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// A run of sound: [begin, end) in samples. Quiet stretches shorter than `min_gap` samples (e.g. a
// sine's zero crossings) do not split a run; |sample| <= `threshold` counts as quiet.
struct Segment {
    size_t begin = 0, end = 0;
    size_t length() const { return end - begin; }
};
std::vector<Segment> sound_segments(const std::vector<int16_t>& audio, int threshold = 64,
                                    size_t min_gap = 80);

// Index of the first sample whose |value| exceeds `threshold`, at or after `from`; npos if none.
size_t first_sound(const std::vector<int16_t>& audio, size_t from = 0, int threshold = 0);

// Where `part` lies in `audio` at or after `from`, aligned on their first non-zero samples, if
// every sample matches exactly; npos otherwise.
size_t find_exact(const std::vector<int16_t>& audio, const std::vector<int16_t>& part,
                  size_t from = 0);

}  // namespace hallq::test
