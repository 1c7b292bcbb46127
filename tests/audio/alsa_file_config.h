// alsa_file_config.h - the ALSA configuration that turns the default sound output into a file,
// so tests and benchmarks hear exactly what a hall would (PortAudio → ALSA → raw samples).
#pragma once
#include <string>

namespace hallq::test {

constexpr int kDeviceRate = 16000;  // the file holds S16_LE mono at this rate (ALSA's plug converts)

// Every frame played goes to `out_raw` (S16_LE, mono, kDeviceRate) and is then discarded: for a
// process started with ALSA_CONFIG_PATH pointing at a file with this text.
std::string alsa_file_config(const std::string& out_raw);

}  // namespace hallq::test
