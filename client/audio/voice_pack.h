// voice_pack.h - a voice pack: the manifest's defaults and every word's clip, ready to play.
//
// A pack is a folder with manifest.json (language, sample_rate, template, repeat, ticket_digits,
// word_gap_ms, sentence_pause_ms, and "clips": word → sound file: WAV, FLAC, OGG or MP3 at any rate) and the clips; sounds/README.md
// describes the format.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/announcement.h"

namespace hallq {

struct VoicePack {
    std::string dir;
    int sample_rate = 16000;  // every clip is converted to this rate when loaded
    AnnouncementStyle
        style;             // the manifest's language and default template, repeat, ticket reading
    int word_gap_ms = 40;  // silence between words
    int sentence_pause_ms = 600;  // silence before each sentence (after the chime, between repeats)
    std::map<std::string, std::vector<int16_t>> clips;  // word → samples at sample_rate

    std::set<std::string> words() const;  // the words that have a clip

    // The samples announcing `c`: its words' clips with the gaps and pauses between them. Words
    // without a clip are skipped.
    std::vector<int16_t> render(const Composition& c) const;
    // The chime alone (empty without a chime clip): the announcement when the pack is broken.
    std::vector<int16_t> chime() const;
};

// Loads the pack in `dir`. Every problem (unreadable or malformed manifest, a missing, unreadable
// or invalid clip) is appended to *problems naming the file; what did load is kept, so a broken
// pack still has its chime when that clip is fine. Never throws for a bad pack.
VoicePack load_voice_pack(const std::string& dir, std::vector<std::string>* problems);

}  // namespace hallq
