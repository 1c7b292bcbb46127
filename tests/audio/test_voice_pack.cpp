// test_voice_pack.cpp - the shipped voice packs are complete; broken packs give errors naming the
// file, and the announcer falls back to the chime alone (or silence) instead of failing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "alsa_file_device.h"
#include "announcer.h"
#include "protocol/json.h"
#include "voice_pack.h"
#include "clip_file.h"

using namespace hallq;
using namespace hallq::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

std::string pack_dir(const std::string& lang) { return std::string(HALLQ_SOUNDS_DIR) + "/" + lang; }

Json manifest_of(const std::string& dir) {
    std::ifstream in(dir + "/manifest.json");
    std::stringstream buf;
    buf << in.rdbuf();
    return Json::parse(buf.str());
}

// A copy of the shipped Mandarin pack in `dir`, to break.
void copy_zh(const std::string& dir) {
    fs::copy(pack_dir("zh"), dir,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

// Plays one call with the pack in `dir` (into the ALSA output file); returns the startup error.
std::string play_one(const std::string& dir) {
    alsa_file_device_dir();
    AnnouncerConfig cfg;
    cfg.pack_dir = dir;
    Announcer a(cfg);
    CHECK(a.announce("A012", 3));
    CHECK(a.drain(10s));
    return a.startup_error();
}

}  // namespace

TEST_CASE("voice pack: both shipped packs load complete") {
    for (const std::string lang : {"zh", "en"}) {
        INFO(lang);
        std::vector<std::string> problems;
        VoicePack pack = load_voice_pack(pack_dir(lang), &problems);
        CHECK(problems.empty());
        CHECK(pack.style.language == lang);
        CHECK(pack.sample_rate == 16000);

        Json m = manifest_of(pack_dir(lang));
        for (const auto& [word, file] : m["clips"].items()) {
            INFO(word);
            std::string path = pack_dir(lang) + "/" + file.get<std::string>();
            REQUIRE(fs::exists(path));
            std::string error;
            auto clip = read_clip(path, &error);
            REQUIRE(clip);
            CHECK(clip->sample_rate == 16000);    // committed as made: 16 kHz mono
            CHECK(clip->samples.size() > 1600);   // more than 0.1 s
            CHECK(clip->samples.size() < 32000);  // less than 2 s
            CHECK(first_sound(clip->samples, 0, 1000) != std::string::npos);  // not silent
        }

        auto words = pack.words();
        CHECK(words.count("chime") == 1);
        for (const auto& w : number_and_letter_words(lang)) {
            INFO(w);
            CHECK(words.count(w) == 1);
        }
        for (int n = 0; n <= 999; ++n) {
            auto c = compose_announcement(std::string(1, char('A' + n % 26)) + std::to_string(n), n,
                                          pack.style, words);
            INFO(n << ": " << c.error);
            REQUIRE(c.error.empty());
        }
    }
    // The variant with 业务 (办理业务) is sayable too.
    VoicePack zh = load_voice_pack(pack_dir("zh"), nullptr);
    AnnouncementStyle s = zh.style;
    s.tmpl = "{chime}请{ticket}号到{window}号窗口办理业务";
    CHECK(compose_announcement("B105", 21, s, zh.words()).error.empty());
}

TEST_CASE("voice pack: a missing clip is named, and the announcer plays the chime alone") {
    TempDir dir;
    copy_zh(dir.path());
    fs::remove(dir.path() + "/qing.wav");
    std::vector<std::string> problems;
    VoicePack pack = load_voice_pack(dir.path(), &problems);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("qing.wav") && Catch::Contains("请"));
    CHECK(pack.clips.count("chime") == 1);

    std::string error = play_one(dir.path());
    CHECK_THAT(error, Catch::Contains("qing.wav") && Catch::Contains("chime alone"));
    auto played = read_played();
    size_t at = find_exact(played, pack.chime());
    REQUIRE(at != std::string::npos);
    CHECK(first_sound(played, at + pack.chime().size()) ==
          std::string::npos);  // the chime, nothing more
}

TEST_CASE("voice pack: clips dropped in as FLAC, OGG or MP3 at other rates load and play") {
    TempDir dir;
    copy_zh(dir.path());
    // Recordings as a hall might supply them: 号 as FLAC at 16 kHz (lossless: it must play sample
    // for sample), 请 as MP3 at 44.1 kHz, the chime as OGG Vorbis at 48 kHz.
    struct Drop {
        const char *word, *wav, *file;
        ClipFormat format;
        int rate;
    };
    const Drop drops[] = {{"号", "hao.wav", "hao.flac", ClipFormat::flac, 16000},
                          {"请", "qing.wav", "qing.mp3", ClipFormat::mp3, 44100},
                          {"chime", "chime.wav", "chime.ogg", ClipFormat::ogg, 48000}};
    Json m = manifest_of(dir.path());
    std::map<std::string, std::vector<int16_t>> original;  // word → the shipped clip (16 kHz)
    for (const Drop& d : drops) {
        auto clip = read_clip(dir.path() + "/" + d.wav, nullptr);
        REQUIRE(clip);
        original[d.word] = clip->samples;
        MonoAudio recorded{d.rate, resample(clip->samples, clip->sample_rate, d.rate)};
        std::string error;
        REQUIRE(write_clip(dir.path() + "/" + d.file, recorded, &error, d.format));
        fs::remove(dir.path() + "/" + d.wav);
        m["clips"][d.word] = d.file;
    }
    std::ofstream(dir.path() + "/manifest.json", std::ios::trunc) << m.dump(2);

    std::vector<std::string> problems;
    VoicePack pack = load_voice_pack(dir.path(), &problems);
    CHECK(problems.empty());
    for (const Drop& d : drops) {
        INFO(d.file);
        REQUIRE(pack.clips.count(d.word) == 1);
        // Back at the pack's rate and about as long as before (lossy codecs pad a few ms).
        CHECK(std::abs(double(pack.clips[d.word].size()) - double(original[d.word].size())) <=
              16000 * 0.06);
        CHECK(first_sound(pack.clips[d.word], 0, 1000) != std::string::npos);
    }
    CHECK(pack.clips["号"] == original["号"]);  // FLAC is lossless
    CHECK(play_one(dir.path()).empty());
    // The whole call plays sample for sample as the clips decoded: chime (OGG) and 请 (MP3) too.
    auto played = read_played();
    auto expected = pack.render(compose_announcement("A012", 3, pack.style, pack.words()));
    size_t at = find_exact(played, expected);
    REQUIRE(at != std::string::npos);
    CHECK(first_sound(played, at + expected.size()) == std::string::npos);
}

TEST_CASE("voice pack: a broken clip is named with what is wrong") {
    TempDir dir;
    copy_zh(dir.path());
    std::ofstream(dir.path() + "/er.wav", std::ios::trunc) << "this is not audio";
    std::vector<std::string> problems;
    load_voice_pack(dir.path(), &problems);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("er.wav") && Catch::Contains("not a sound file"));

    std::string error = play_one(dir.path());
    CHECK_THAT(error, Catch::Contains("er.wav"));
    CHECK(sound_segments(read_played()).size() == 1);  // the chime: one tone pair without a gap
}

TEST_CASE(
    "voice pack: an unreadable manifest is named, and the announcer stays silent but working") {
    TempDir dir;
    copy_zh(dir.path());
    std::ofstream(dir.path() + "/manifest.json", std::ios::trunc) << "{ \"language\": \"zh\", ";
    std::vector<std::string> problems;
    VoicePack pack = load_voice_pack(dir.path(), &problems);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("manifest.json") && Catch::Contains("malformed"));
    CHECK(pack.clips.empty());

    std::string error = play_one(dir.path());
    CHECK_THAT(error, Catch::Contains("manifest.json") && Catch::Contains("silent"));
    CHECK(first_sound(read_played()) == std::string::npos);

    std::vector<std::string> missing;
    load_voice_pack(dir.path() + "/nowhere", &missing);
    REQUIRE(missing.size() == 1);
    CHECK_THAT(missing[0],
               Catch::Contains("nowhere/manifest.json") && Catch::Contains("cannot open"));
}

TEST_CASE("voice pack: bad manifest values and a template the pack cannot say are named") {
    TempDir dir;
    copy_zh(dir.path());
    Json m = manifest_of(dir.path());
    m["repeat"] = 0;
    m["language"] = "fr";
    m["clips"]["窗口"] = 7;
    std::ofstream(dir.path() + "/manifest.json", std::ios::trunc) << m.dump();
    std::vector<std::string> problems;
    load_voice_pack(dir.path(), &problems);
    REQUIRE(problems.size() == 3);
    CHECK_THAT(problems[0], Catch::Contains("language"));
    CHECK_THAT(problems[1], Catch::Contains("repeat"));
    CHECK_THAT(problems[2], Catch::Contains("窗口"));

    copy_zh(dir.path());  // a sound manifest again
    alsa_file_device_dir();
    AnnouncerConfig cfg;
    cfg.pack_dir = dir.path();
    cfg.style.tmpl = "{chime}请{ticket}号到{window}号柜台";
    cfg.silent = true;
    Announcer a(cfg);
    CHECK_THAT(a.startup_error(), Catch::Contains("柜台") && Catch::Contains("chime alone"));
    CHECK(a.announce("A001", 1));
    CHECK(a.drain(5s));
}

TEST_CASE("voice pack: no audio device is reported, calls are still accepted") {
    alsa_file_device_dir();
    AnnouncerConfig cfg;
    cfg.pack_dir = pack_dir("en");
    cfg.device = "no such speaker";
    Announcer a(cfg);
    CHECK_THAT(a.startup_error(), Catch::Contains("no such speaker"));
    CHECK(a.announce("A001", 1));
    CHECK(a.drain(5s));
}
