// test_player.cpp - announcements through the real PortAudio library into ALSA's file output: what
// plays, in what order, how long, one after the other; the queue bound; zones.
#include <catch2/catch.hpp>
#include <future>
#include <mutex>

#include "alsa_file_device.h"
#include "announcer.h"
#include "tone_pack.h"
#include "voice_pack.h"

using namespace hallq;
using namespace hallq::test;
using namespace std::chrono_literals;

namespace {

constexpr size_t kSlack =
    kDeviceRate / 2;  // device buffers and silence around a call: at most 0.5 s

AnnouncerConfig config_for(const std::string& pack_dir) {
    alsa_file_device_dir();  // before PortAudio starts
    AnnouncerConfig cfg;
    cfg.pack_dir = pack_dir;
    return cfg;
}

// The segment lengths a call should sound, and the silences between them, from the tone pack.
void expected_shape(const TonePack& pack, const Composition& c, std::vector<size_t>& lengths,
                    std::vector<size_t>& gaps) {
    for (size_t i = 0; i < c.words.size(); ++i) {
        lengths.push_back(pack.length.at(c.words[i]));
        if (i == 0) continue;
        bool sentence = std::find(c.sentence_starts.begin(), c.sentence_starts.end(), i) !=
                        c.sentence_starts.end();
        gaps.push_back(sentence ? pack.sentence_pause : pack.word_gap);
    }
}

// Recorded segments match `lengths` one by one, with `gaps` between them (± a few samples: a tone's
// first and last samples can be near zero).
void check_shape(const std::vector<Segment>& segs, const std::vector<size_t>& lengths,
                 const std::vector<size_t>& gaps) {
    REQUIRE(segs.size() == lengths.size());
    for (size_t i = 0; i < segs.size(); ++i) {
        INFO("segment " << i);
        CHECK(std::abs(double(segs[i].length()) - double(lengths[i])) <= 4);
        if (i > 0 && i - 1 < gaps.size())
            CHECK(std::abs(double(segs[i].begin - segs[i - 1].end) - double(gaps[i - 1])) <= 4);
    }
}

}  // namespace

TEST_CASE("player: a call sounds its words in order, each as long as its clip") {
    TempDir dir;
    TonePack pack = make_tone_pack(dir.path());
    std::vector<AnnouncementTiming> timings;
    {
        Announcer a(config_for(dir.path()));
        REQUIRE(a.startup_error().empty());
        a.on_first_sample = [&](const AnnouncementTiming& t) { timings.push_back(t); };
        REQUIRE(a.announce("A012", 3));
        REQUIRE(a.drain(10s));
    }
    auto played = read_played();
    Composition c = compose_announcement("A012", 3, AnnouncementStyle{},
                                         load_voice_pack(dir.path(), nullptr).words());
    REQUIRE(c.words.size() == 23);  // chime + 2 × 请 A 零 一 二 号 到 三 号 窗口 办理
    std::vector<size_t> lengths, gaps;
    expected_shape(pack, c, lengths, gaps);
    check_shape(sound_segments(played), lengths, gaps);

    size_t expected = 0;
    for (size_t n : lengths) expected += n;
    for (size_t n : gaps) expected += n;
    CHECK(played.size() >= expected);
    CHECK(played.size() <= expected + kSlack);

    REQUIRE(timings.size() == 1);
    CHECK(timings[0].ticket == "A012");
    CHECK(timings[0].window == 3);
    CHECK(timings[0].first_sample >= timings[0].queued);
    CHECK(timings[0].first_sample - timings[0].queued < 2s);
}

TEST_CASE("player: the shipped Mandarin pack plays exactly the rendered call") {
    std::string zh = std::string(HALLQ_SOUNDS_DIR) + "/zh";
    {
        Announcer a(config_for(zh));
        REQUIRE(a.startup_error().empty());
        REQUIRE(a.announce("A012", 3));
        REQUIRE(a.drain(30s));
    }
    auto played = read_played();
    VoicePack pack = load_voice_pack(zh, nullptr);
    auto expected = pack.render(compose_announcement("A012", 3, pack.style, pack.words()));
    CHECK(expected.size() > size_t(kDeviceRate) * 5);  // chime + two sentences: several seconds
    size_t at = find_exact(played, expected);
    REQUIRE(at != std::string::npos);
    CHECK(first_sound(played, at + expected.size()) == std::string::npos);  // nothing after it
    CHECK(played.size() <= expected.size() + kSlack);
}

TEST_CASE("player: two quick calls come out one after the other, not mixed") {
    TempDir dir;
    TonePack pack = make_tone_pack(dir.path());
    {
        Announcer a(config_for(dir.path()));
        REQUIRE(a.announce("A001", 1));
        REQUIRE(a.announce("B002", 12));
        REQUIRE(a.drain(10s));
    }
    auto played = read_played();
    VoicePack vp = load_voice_pack(dir.path(), nullptr);
    Composition c1 = compose_announcement("A001", 1, vp.style, vp.words());
    Composition c2 = compose_announcement("B002", 12, vp.style, vp.words());
    auto r1 = vp.render(c1), r2 = vp.render(c2);

    size_t at1 = find_exact(played, r1);
    REQUIRE(at1 != std::string::npos);
    size_t at2 = find_exact(played, r2, at1 + r1.size());
    REQUIRE(at2 != std::string::npos);
    CHECK(first_sound(played, at2 + r2.size()) == std::string::npos);
    CHECK(played.size() >= r1.size() + r2.size());
    CHECK(played.size() <= r1.size() + r2.size() + 2 * kSlack);

    // The same seen as sound: every word of the first call, then every word of the second.
    std::vector<size_t> lengths, gaps;
    expected_shape(pack, c1, lengths, gaps);
    size_t first_count = lengths.size();
    std::vector<size_t> lengths2, gaps2;
    expected_shape(pack, c2, lengths2, gaps2);
    lengths.insert(lengths.end(), lengths2.begin(), lengths2.end());
    auto segs = sound_segments(played);
    REQUIRE(segs.size() == lengths.size());
    for (size_t i = 0; i < segs.size(); ++i)
        CHECK(std::abs(double(segs[i].length()) - double(lengths[i])) <= 4);
    CHECK(segs[first_count].begin >= segs[first_count - 1].end);
}

TEST_CASE("player: a flooded queue drops the oldest waiting calls of the same window") {
    TempDir dir;
    make_tone_pack(dir.path());
    AnnouncerConfig cfg = config_for(dir.path());
    cfg.max_queue = 8;
    Announcer a(cfg);
    REQUIRE(a.startup_error().empty());

    std::mutex m;
    std::vector<std::string> played;
    std::promise<void> first_playing, go_on;
    std::shared_future<void> release = go_on.get_future().share();
    a.on_first_sample = [&](const AnnouncementTiming& t) {
        std::lock_guard<std::mutex> lock(m);
        played.push_back(t.ticket);
        if (played.size() == 1) {  // hold the player on the first call while the hall floods it
            first_playing.set_value();
            release.wait();
        }
    };
    REQUIRE(a.announce("A000", 1));
    first_playing.get_future().wait();
    REQUIRE(a.announce("B001", 2));
    for (int i = 1; i <= 20; ++i)
        REQUIRE(a.announce("A0" + std::string(i < 10 ? "0" : "") + std::to_string(i), 1));
    CHECK_FALSE(a.drain(50ms));  // still held
    go_on.set_value();
    REQUIRE(a.drain(20s));
    std::vector<std::string> expected = {"A000", "B001", "A014", "A015", "A016",
                                         "A017", "A018", "A019", "A020"};
    CHECK(played == expected);
}

TEST_CASE("player: only the windows of the display's zone are announced") {
    TempDir dir;
    make_tone_pack(dir.path());
    AnnouncerConfig cfg = config_for(dir.path());
    cfg.zone = {3, 4};
    std::vector<std::string> played;
    {
        Announcer a(cfg);
        a.on_first_sample = [&](const AnnouncementTiming& t) { played.push_back(t.ticket); };
        CHECK(a.in_zone(3));
        CHECK_FALSE(a.in_zone(5));
        CHECK_FALSE(a.announce("A001", 5));
        CHECK(a.announce("A002", 4));
        REQUIRE(a.drain(10s));
    }
    CHECK(played == std::vector<std::string>{"A002"});
    Announcer everywhere(config_for(dir.path()));
    CHECK(everywhere.in_zone(999));
}
