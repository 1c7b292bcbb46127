// serial_card_reader.cpp - the find → select → read sequence over a tty, with poll() deadlines.
#include "idcard/serial_card_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hallq::idcard {

const char* read_error_name(ReadError e) {
    switch (e) {
    case ReadError::none: return "none";
    case ReadError::no_card: return "no card";
    case ReadError::read_failed: return "read failed";
    case ReadError::removed: return "card removed during read";
    case ReadError::timeout: return "timeout";
    case ReadError::garbled: return "garbled response";
    case ReadError::unsupported: return "unsupported card";
    case ReadError::device_error: return "device error";
    }
    return "error";
}

namespace {

speed_t speed_of(int baud) {
    switch (baud) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    default: return B0;
    }
}

ReadResult fail(ReadError e, std::string message) {
    ReadResult r;
    r.error = e;
    r.message = std::move(message);
    return r;
}

int ms_left(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

}  // namespace

SerialCardReader::SerialCardReader(SerialConfig config) : config_(std::move(config)) {}
SerialCardReader::~SerialCardReader() { close(); }

bool SerialCardReader::open(std::string* error) {
    close();
    auto bad = [&](std::string m) {
        if (error) *error = std::move(m);
        close();
        return false;
    };
    const speed_t speed = speed_of(config_.baud);
    if (speed == B0) return bad("unsupported baud rate " + std::to_string(config_.baud));
    fd_ = ::open(config_.device.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) return bad(config_.device + ": " + std::strerror(errno));
    termios tio{};
    if (tcgetattr(fd_, &tio) != 0) return bad(config_.device + ": not a serial device");
    cfmakeraw(&tio);
    tio.c_cflag &= ~static_cast<tcflag_t>(PARENB | CSTOPB | CSIZE | CRTSCTS);
    tio.c_cflag |= CS8 | CLOCAL | CREAD;
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    cfsetispeed(&tio, speed);
    cfsetospeed(&tio, speed);
    if (tcsetattr(fd_, TCSANOW, &tio) != 0) return bad(config_.device + ": cannot configure 8N1");
    return true;
}

void SerialCardReader::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

ReadResult SerialCardReader::exchange(Command c, std::chrono::steady_clock::time_point deadline,
                                      std::optional<ResponseFrame>& response) {
    tcflush(fd_, TCIFLUSH);  // a late answer to an earlier command is not this one's
    const Bytes req = build_request(c);
    std::size_t sent = 0;
    while (sent < req.size()) {
        pollfd p{fd_, POLLOUT, 0};
        const int n = ::poll(&p, 1, ms_left(deadline));
        if (n == 0) return fail(ReadError::timeout, "reader did not accept the command in time");
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 || (p.revents & (POLLERR | POLLNVAL)))
            return fail(ReadError::device_error, std::string("write: ") + std::strerror(errno));
        const ssize_t w = ::write(fd_, req.data() + sent, req.size() - sent);
        if (w < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (w < 0) return fail(ReadError::device_error, std::string("write: ") + std::strerror(errno));
        sent += static_cast<std::size_t>(w);
    }

    FrameParser parser;
    std::vector<ParseEvent> events;
    std::size_t broken = 0;
    std::uint8_t buf[512];
    for (;;) {
        for (auto& ev : events) {
            if (ev.error) {
                ++broken;
                continue;
            }
            response = as_response(ev.payload);
            if (response) return {};
            ++broken;
        }
        events.clear();
        pollfd p{fd_, POLLIN, 0};
        const int n = ::poll(&p, 1, ms_left(deadline));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(ReadError::device_error, std::string("poll: ") + std::strerror(errno));
        if (n == 0) {
            if (parser.finish())
                return fail(ReadError::removed, "response stopped mid-frame (card removed?)");
            if (broken > 0 || parser.skipped() > 0)
                return fail(ReadError::garbled, std::to_string(parser.skipped()) + " noise bytes, " +
                                                    std::to_string(broken) +
                                                    " broken frames (wrong baud rate or device?)");
            return fail(ReadError::timeout, "reader did not answer in time");
        }
        if (p.revents & (POLLERR | POLLNVAL))
            return fail(ReadError::device_error, "device error while waiting for the reader");
        const ssize_t r = ::read(fd_, buf, sizeof buf);
        if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (r < 0) return fail(ReadError::device_error, std::string("read: ") + std::strerror(errno));
        if (r == 0) return fail(ReadError::device_error, "device closed");
        parser.feed(std::span(buf, static_cast<std::size_t>(r)), events);
    }
}

ReadResult SerialCardReader::read_card(std::chrono::milliseconds timeout) {
    if (fd_ < 0) return fail(ReadError::device_error, "reader not open");
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto status_text = [](const ResponseFrame& r) {
        return std::string(status_message_en(r.status())) + " (SW3 " + std::to_string(r.sw3) + ")";
    };
    std::optional<ResponseFrame> resp;
    if (auto r = exchange(Command::find_card, deadline, resp); !resp) return r;
    if (resp->status() != Status::card_found) {
        const auto s = resp->status();
        if (s == Status::find_failed || s == Status::field_empty)
            return fail(ReadError::no_card, status_text(*resp));
        return fail(ReadError::read_failed, "find: " + status_text(*resp));
    }
    resp.reset();
    if (auto r = exchange(Command::select_card, deadline, resp); !resp) return r;
    if (resp->status() != Status::ok) return fail(ReadError::read_failed, "select: " + status_text(*resp));
    resp.reset();
    if (auto r = exchange(Command::read_text_photo, deadline, resp); !resp) return r;
    if (resp->status() != Status::ok) return fail(ReadError::read_failed, "read: " + status_text(*resp));
    std::string why;
    auto card = decode_read_data(resp->data, &why);
    if (!card) return fail(ReadError::read_failed, why);
    if (card->text.type == CardType::foreigner_permanent)
        return fail(ReadError::unsupported, card_type_name(card->text.type));
    ReadResult ok;
    ok.card = std::move(card);
    return ok;
}

}  // namespace hallq::idcard
