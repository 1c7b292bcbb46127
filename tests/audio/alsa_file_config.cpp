// alsa_file_config.cpp - the text of the ALSA configuration that records playback into a file.
#include "alsa_file_config.h"

namespace hallq::test {

// The default PCM: `plug` fixes the format the file gets (S16_LE, mono, 16 kHz) whatever the stream
// opens; `file` writes every frame to out.raw; `null` swallows them at once (no clock: playback
// runs faster than real time). No other device exists in this configuration.
std::string alsa_file_config(const std::string& out) {
    return "pcm.!default {\n"
           "  type plug\n"
           "  slave { pcm \"hallq_record\"; format S16_LE; channels 1; rate " +
           std::to_string(kDeviceRate) +
           " }\n"
           "}\n"
           "pcm.hallq_record {\n"
           "  type file\n"
           "  slave.pcm \"hallq_sink\"\n"
           "  file \"" +
           out +
           "\"\n"
           "  format \"raw\"\n"
           "}\n"
           "pcm.hallq_sink { type null }\n";
}

}  // namespace hallq::test
