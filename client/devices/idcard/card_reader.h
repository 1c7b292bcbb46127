// card_reader.h - what the kiosk sees of an ID-card reader: read one card, or a typed error.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "idcard/idcard_card.h"

namespace hallq::idcard {

enum class ReadError {
    none,
    no_card,       // find answered "no card" (请放卡)
    read_failed,   // the card was found but selecting or reading it failed (请重新放卡)
    removed,       // the read response stopped mid-frame: card taken away during the read
    timeout,       // the reader did not answer in time
    garbled,       // only noise or broken frames came back (wrong baud rate? wrong device?)
    unsupported,   // a card the kiosk cannot decode (other layout)
    device_error,  // the device could not be opened, read or written
};
const char* read_error_name(ReadError e);

struct ReadResult {
    std::optional<CardData> card;
    ReadError error = ReadError::none;
    std::string message;  // for logs: never holds the holder's name or full ID number
    bool ok() const { return card.has_value(); }
};

class CardReader {
public:
    virtual ~CardReader() = default;
    // One find → select → read sequence within `timeout`; never blocks longer.
    virtual ReadResult read_card(std::chrono::milliseconds timeout) = 0;
};

}  // namespace hallq::idcard
