// serial_card_reader.h - a GA/T 467 ID-card reader on a POSIX serial device (8N1, raw mode).
#pragma once
#include <string>

#include "idcard/card_reader.h"

namespace hallq::idcard {

struct SerialConfig {
    std::string device;  // e.g. /dev/ttyUSB0
    int baud = 115200;   // 115200 (default), 57600, 38400, 19200, 9600
};

class SerialCardReader : public CardReader {
public:
    explicit SerialCardReader(SerialConfig config);
    ~SerialCardReader() override;
    SerialCardReader(const SerialCardReader&) = delete;
    SerialCardReader& operator=(const SerialCardReader&) = delete;

    // Opens and configures the device; false with `error` set when it cannot.
    bool open(std::string* error = nullptr);
    void close();
    bool is_open() const { return fd_ >= 0; }

    ReadResult read_card(std::chrono::milliseconds timeout) override;

private:
    ReadResult exchange(Command c, std::chrono::steady_clock::time_point deadline,
                        std::optional<ResponseFrame>& response);

    SerialConfig config_;
    int fd_ = -1;
};

}  // namespace hallq::idcard
