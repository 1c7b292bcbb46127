// test_idcard_reader.cpp - the serial ID-card reader against the pty reader simulator: a card, no
// card, a failing read, a card removed mid-read, a wrong baud rate and random bytes. Every read is
// bounded by its timeout; nothing sleeps to synchronise.
#include <catch2/catch.hpp>

#include <pty.h>
#include <unistd.h>

#include <chrono>

#include "core/idnumber.h"
#include "idcard/idcard_simulator.h"
#include "idcard/serial_card_reader.h"

using namespace hallq::idcard;
using namespace std::chrono_literals;

namespace {

struct Rig {
    IdCardSimulator sim;
    SerialCardReader reader{SerialConfig{sim.slave_path(), 115200}};
    Rig() {
        std::string error;
        REQUIRE(reader.open(&error));
    }
};

// Reads once and checks it came back within the timeout plus a margin.
ReadResult timed_read(Rig& rig, std::chrono::milliseconds timeout) {
    const auto start = std::chrono::steady_clock::now();
    ReadResult r = rig.reader.read_card(timeout);
    CHECK(std::chrono::steady_clock::now() - start < timeout + 1s);
    return r;
}

}  // namespace

TEST_CASE("a card on the reader is read: find, select, read") {
    Rig rig;
    rig.sim.present_card(IdCardSimulator::sample_holder());
    const ReadResult r = timed_read(rig, 3s);
    INFO(r.message);
    REQUIRE(r.ok());
    CHECK(r.error == ReadError::none);
    CHECK(hallq::mask_name(r.card->text.name) == "张*");
    CHECK(hallq::mask_id_number(r.card->text.id_number) == "110105********002X");
    CHECK(r.card->text.id_number == IdCardSimulator::sample_holder().id_number);
    CHECK(r.card->text.valid_to == "长期");
    CHECK(r.card->photo.size() == card_photo_size);
    CHECK(rig.sim.requests_seen() == 3);
}

TEST_CASE("the same card must leave the field before it is read again") {
    Rig rig;
    rig.sim.present_card(IdCardSimulator::sample_holder());
    REQUIRE(timed_read(rig, 3s).ok());
    CHECK(timed_read(rig, 3s).error == ReadError::no_card);
    rig.sim.present_card(IdCardSimulator::sample_holder());
    CHECK(timed_read(rig, 3s).ok());
}

TEST_CASE("an empty reader answers no card") {
    Rig rig;
    rig.sim.set_mode(SimMode::no_card);
    const ReadResult r = timed_read(rig, 3s);
    CHECK_FALSE(r.ok());
    CHECK(r.error == ReadError::no_card);
}

TEST_CASE("a failing read is reported as read failed") {
    Rig rig;
    rig.sim.present_card(IdCardSimulator::sample_holder());
    rig.sim.set_mode(SimMode::read_error);
    const ReadResult r = timed_read(rig, 3s);
    CHECK(r.error == ReadError::read_failed);
    CHECK_THAT(r.message, Catch::Contains("read failed"));
}

TEST_CASE("a card removed mid-read gives a truncated response, reported as removed") {
    Rig rig;
    rig.sim.present_card(IdCardSimulator::sample_holder());
    rig.sim.set_mode(SimMode::removed_mid_read);
    const ReadResult r = timed_read(rig, 1500ms);
    CHECK(r.error == ReadError::removed);
}

TEST_CASE("a wrong baud rate gives noise, reported as garbled") {
    Rig rig;
    rig.sim.set_mode(SimMode::wrong_baud);
    const ReadResult r = timed_read(rig, 800ms);
    CHECK(r.error == ReadError::garbled);
    CHECK_THAT(r.message, Catch::Contains("baud"));
}

TEST_CASE("random bytes from the reader end in a clear error, not a hang") {
    Rig rig;
    rig.sim.set_mode(SimMode::random_bytes);
    const ReadResult r = timed_read(rig, 800ms);
    CHECK_FALSE(r.ok());
    CHECK((r.error == ReadError::garbled || r.error == ReadError::removed));
}

TEST_CASE("a reader that never answers times out") {
    int master = -1, slave = -1;
    char name[256] = {};
    REQUIRE(openpty(&master, &slave, name, nullptr, nullptr) == 0);  // nobody answers on master
    SerialCardReader reader{SerialConfig{name, 115200}};
    REQUIRE(reader.open());
    const auto start = std::chrono::steady_clock::now();
    CHECK(reader.read_card(300ms).error == ReadError::timeout);
    CHECK(std::chrono::steady_clock::now() - start < 1300ms);
    reader.close();
    ::close(master);
    ::close(slave);
}

TEST_CASE("a device that is not a serial port is refused") {
    SerialCardReader reader{SerialConfig{"/dev/null", 115200}};
    std::string error;
    CHECK_FALSE(reader.open(&error));
    CHECK_FALSE(error.empty());
    CHECK(reader.read_card(100ms).error == ReadError::device_error);
}

TEST_CASE("device errors: a missing device and an unsupported baud rate") {
    std::string error;
    SerialCardReader missing{SerialConfig{"/nonexistent/ttyUSB9", 115200}};
    CHECK_FALSE(missing.open(&error));
    CHECK_THAT(error, Catch::Contains("/nonexistent/ttyUSB9"));
    IdCardSimulator sim;
    SerialCardReader odd{SerialConfig{sim.slave_path(), 12345}};
    CHECK_FALSE(odd.open(&error));
    CHECK_THAT(error, Catch::Contains("baud"));
    SerialCardReader slow{SerialConfig{sim.slave_path(), 9600}};
    CHECK(slow.open(&error));
}
