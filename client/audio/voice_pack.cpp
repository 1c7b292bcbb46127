// voice_pack.cpp - loads a voice pack's manifest and clips, and renders compositions to samples.
#include "voice_pack.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "protocol/json.h"
#include "clip_file.h"

namespace hallq {

namespace {

// Reads the manifest's settings into `pack`; returns the "clips" object (null if unusable).
Json read_manifest(const std::string& path, VoicePack& pack, std::vector<std::string>& problems) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problems.push_back(path + ": cannot open the voice pack manifest");
        return nullptr;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    Json m = Json::parse(buf.str(), nullptr, false);
    if (m.is_discarded() || !m.is_object()) {
        problems.push_back(path + ": not a JSON object (malformed manifest)");
        return nullptr;
    }
    auto bad = [&](const char* key, const std::string& what) {
        problems.push_back(path + ": \"" + key + "\" " + what);
    };
    auto get_int = [&](const char* key, int lo, int hi, int& out) {
        auto it = m.find(key);
        if (it == m.end()) return;
        if (!it->is_number_integer() || it->get<int64_t>() < lo || it->get<int64_t>() > hi)
            bad(key,
                "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        else
            out = it->get<int>();
    };
    if (auto it = m.find("language"); it != m.end()) {
        if (!it->is_string() || (*it != "zh" && *it != "en"))
            bad("language", "must be \"zh\" or \"en\"");
        else
            pack.style.language = it->get<std::string>();
    }
    if (auto it = m.find("template"); it != m.end()) {
        if (!it->is_string())
            bad("template", "must be text");
        else
            pack.style.tmpl = it->get<std::string>();
    }
    if (auto it = m.find("ticket_digits"); it != m.end()) {
        if (!it->is_boolean())
            bad("ticket_digits", "must be true or false");
        else
            pack.style.ticket_digits = it->get<bool>();
    }
    get_int("sample_rate", 8000, 192000, pack.sample_rate);
    get_int("repeat", 1, 10, pack.style.repeat);
    get_int("word_gap_ms", 0, 2000, pack.word_gap_ms);
    get_int("sentence_pause_ms", 0, 5000, pack.sentence_pause_ms);
    auto clips = m.find("clips");
    if (clips == m.end() || !clips->is_object() || clips->empty()) {
        bad("clips", "must map each word to its sound file");
        return nullptr;
    }
    return *clips;
}

}  // namespace

std::set<std::string> VoicePack::words() const {
    std::set<std::string> out;
    for (const auto& [word, samples] : clips) out.insert(word);
    return out;
}

std::vector<int16_t> VoicePack::render(const Composition& c) const {
    std::vector<int16_t> out;
    const size_t gap = size_t(sample_rate) * size_t(word_gap_ms) / 1000;
    const size_t pause = size_t(sample_rate) * size_t(sentence_pause_ms) / 1000;
    size_t next_sentence = 0;  // index into c.sentence_starts
    for (size_t i = 0; i < c.words.size(); ++i) {
        bool starts_sentence =
            next_sentence < c.sentence_starts.size() && c.sentence_starts[next_sentence] == i;
        if (starts_sentence) ++next_sentence;
        auto clip = clips.find(c.words[i]);
        if (clip == clips.end()) continue;
        if (!out.empty()) out.insert(out.end(), starts_sentence ? pause : gap, int16_t(0));
        out.insert(out.end(), clip->second.begin(), clip->second.end());
    }
    return out;
}

std::vector<int16_t> VoicePack::chime() const {
    auto it = clips.find("chime");
    return it == clips.end() ? std::vector<int16_t>{} : it->second;
}

VoicePack load_voice_pack(const std::string& dir, std::vector<std::string>* problems) {
    namespace fs = std::filesystem;
    std::vector<std::string> found;
    VoicePack pack;
    pack.dir = dir;
    Json clips = read_manifest((fs::path(dir) / "manifest.json").string(), pack, found);
    if (clips.is_object()) {
        for (const auto& [word, file] : clips.items()) {
            std::string path =
                (fs::path(dir) / (file.is_string() ? file.get<std::string>() : "")).string();
            if (!file.is_string() || file.get<std::string>().empty()) {
                found.push_back((fs::path(dir) / "manifest.json").string() + ": the clip of \"" +
                                word + "\" must be a sound file name");
                continue;
            }
            std::string error;
            auto audio = read_clip(path, &error);
            if (!audio) {
                found.push_back(error + " (clip of \"" + word + "\")");
                continue;
            }
            pack.clips[word] = resample(audio->samples, audio->sample_rate, pack.sample_rate);
        }
    }
    if (problems) problems->insert(problems->end(), found.begin(), found.end());
    return pack;
}

}  // namespace hallq
