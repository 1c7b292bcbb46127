// alsa_file_device.cpp - the ALSA file-output configuration for tests and benchmarks, and helpers
// that read and segment the recorded samples.
#include "alsa_file_device.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace hallq::test {

namespace fs = std::filesystem;

namespace {

std::string make_temp_dir(const char* stem) {
    std::string pattern = (fs::temp_directory_path() / (std::string(stem) + "-XXXXXX")).string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("cannot create a temporary folder in " + pattern);
    return pattern;
}

struct DeviceDir {
    std::string path;
    DeviceDir() : path(make_temp_dir("hallq-alsa")) {
        std::ofstream(path + "/asound.conf") << alsa_file_config(path + "/out.raw");
        setenv("ALSA_CONFIG_PATH", (path + "/asound.conf").c_str(), 1);
        setenv("JACK_NO_START_SERVER", "1", 1);  // PortAudio also probes JACK; never start a server
    }
    ~DeviceDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

const std::string& alsa_file_device_dir() {
    static DeviceDir dir;
    return dir.path;
}

std::string alsa_output_file() { return alsa_file_device_dir() + "/out.raw"; }

std::vector<int16_t> read_played() {
    std::ifstream in(alsa_output_file(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<int16_t> out(bytes.size() / 2);
    for (size_t i = 0; i < out.size(); ++i)
        out[i] =
            int16_t(uint16_t(uint8_t(bytes[2 * i])) | uint16_t(uint8_t(bytes[2 * i + 1])) << 8);
    return out;
}

TempDir::TempDir() : path_(make_temp_dir("hallq-audio-test")) {}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::vector<Segment> sound_segments(const std::vector<int16_t>& audio, int threshold,
                                    size_t min_gap) {
    std::vector<Segment> out;
    size_t i = first_sound(audio, 0, threshold);
    while (i < audio.size()) {
        Segment s{i, i + 1};
        size_t quiet = 0;
        for (size_t j = i + 1; j < audio.size() && quiet < min_gap; ++j) {
            if (std::abs(int(audio[j])) > threshold) {
                s.end = j + 1;
                quiet = 0;
            } else {
                ++quiet;
            }
        }
        out.push_back(s);
        i = first_sound(audio, s.end + min_gap, threshold);
    }
    return out;
}

size_t first_sound(const std::vector<int16_t>& audio, size_t from, int threshold) {
    for (size_t i = from; i < audio.size(); ++i)
        if (std::abs(int(audio[i])) > threshold) return i;
    return std::string::npos;
}

size_t find_exact(const std::vector<int16_t>& audio, const std::vector<int16_t>& part,
                  size_t from) {
    size_t lead = first_sound(part);
    size_t at = first_sound(audio, from);
    if (lead == std::string::npos || at == std::string::npos || at < from + lead)
        return std::string::npos;
    size_t begin = at - lead;
    if (begin + part.size() > audio.size()) return std::string::npos;
    for (size_t i = 0; i < part.size(); ++i)
        if (audio[begin + i] != part[i]) return std::string::npos;
    return begin;
}

}  // namespace hallq::test
