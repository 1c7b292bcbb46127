// idcard_simulator.cpp - the simulated reader: a thread answering request frames on a pty master.
#include "idcard/idcard_simulator.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <stdexcept>

namespace hallq::idcard {

IdCardSimulator::IdCardSimulator() {
    char name[256] = {};
    if (openpty(&master_, &slave_, name, nullptr, nullptr) != 0)
        throw std::runtime_error("openpty failed");
    slave_path_ = name;
    termios tio{};
    tcgetattr(slave_, &tio);
    cfmakeraw(&tio);
    tcsetattr(slave_, TCSANOW, &tio);
    fcntl(master_, F_SETFL, fcntl(master_, F_GETFL) | O_NONBLOCK);
    thread_ = std::thread([this] { run(); });
}

IdCardSimulator::~IdCardSimulator() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    ::close(master_);
    ::close(slave_);  // held open until now so the master never sees a hang-up between readers
}

void IdCardSimulator::set_mode(SimMode mode) {
    std::lock_guard lock(mu_);
    mode_ = mode;
}

void IdCardSimulator::present_card(const CardText& holder) {
    std::lock_guard lock(mu_);
    mode_ = SimMode::card_present;
    holder_ = holder;
    card_read_ = false;
}

CardText IdCardSimulator::sample_holder() {
    CardText t;
    t.name = "张三";
    t.gender = "2";
    t.nation = "01";
    t.birth = "19491231";
    t.address = "北京市朝阳区某某路1号";
    t.id_number = "11010519491231002X";
    t.issuing_authority = "北京市公安局朝阳分局";
    t.valid_from = "20200101";
    t.valid_to = "长期";
    return t;
}

void IdCardSimulator::run() {
    FrameParser parser;
    std::vector<ParseEvent> events;
    std::uint8_t buf[256];
    while (!stop_) {
        pollfd p{master_, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        const ssize_t r = ::read(master_, buf, sizeof buf);
        if (r <= 0) continue;
        parser.feed(std::span(buf, static_cast<std::size_t>(r)), events);
        for (auto& ev : events) {
            if (ev.error) {
                send(build_response(ev.error == FrameError::bad_checksum ? 0x10 : 0x11));
                continue;
            }
            ++requests_;
            answer(ev.payload);
        }
        events.clear();
    }
}

void IdCardSimulator::send(const Bytes& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size() && !stop_) {
        const ssize_t w = ::write(master_, bytes.data() + sent, bytes.size() - sent);
        if (w > 0) {
            sent += static_cast<std::size_t>(w);
            continue;
        }
        pollfd p{master_, POLLOUT, 0};
        ::poll(&p, 1, 20);  // the reader side is slow to drain: wait, bounded by stop_
    }
}

void IdCardSimulator::answer(const Bytes& payload) {
    std::unique_lock lock(mu_);
    if (payload.size() < 2) {
        send(build_response(0x11));
        return;
    }
    const std::uint8_t cmd = payload[0], para = payload[1];
    auto next_random = [this] {
        rng_ = rng_ * 1103515245u + 12345u;
        return static_cast<std::uint8_t>(rng_ >> 16);
    };
    switch (mode_) {
    case SimMode::wrong_baud: {
        // At the wrong rate every frame arrives as a smear of framing errors.
        Bytes noise(12);
        for (auto& b : noise) b = static_cast<std::uint8_t>(0x80 | (next_random() & 0x7F));
        send(noise);
        return;
    }
    case SimMode::random_bytes: {
        Bytes noise(700);
        for (auto& b : noise) b = next_random();
        send(noise);
        return;
    }
    default: break;
    }
    const bool present = mode_ != SimMode::no_card && !card_read_;
    if (cmd == 0x20 && para == 0x01) {
        static const std::uint8_t found[4] = {0, 0, 0, 0};
        send(present ? build_response(0x9F, found) : build_response(0x80));
    } else if (cmd == 0x20 && para == 0x02) {
        static const std::uint8_t serial[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        send(present ? build_response(0x90, serial) : build_response(0x81));
    } else if (cmd == 0x30 && para == 0x01) {
        if (!present) return send(build_response(0x41));
        if (mode_ == SimMode::read_error) return send(build_response(0x41));
        Bytes photo(card_photo_size);
        for (std::size_t i = 0; i < photo.size(); ++i) photo[i] = static_cast<std::uint8_t>(i * 7);
        Bytes frame = build_response(0x90, encode_read_data(holder_, photo));
        if (mode_ == SimMode::removed_mid_read) frame.resize(frame.size() / 3);
        else card_read_ = true;
        send(frame);
    } else if (cmd == 0x10 || cmd == 0x11 || cmd == 0x12) {
        send(build_response(0x90));
    } else {
        send(build_response(0x21));
    }
}

}  // namespace hallq::idcard
