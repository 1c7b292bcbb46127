// card_watcher.h - polls the ID-card reader on its own thread and reports each card once.
//
// A card stays on the reader while the visitor looks at the screen; the reader itself answers
// "no card" for a card it has already read until it leaves the field, so each placement is
// reported once. Read failures are reported once until the next success or empty reader, so a
// card lying badly on the reader does not flood the screen. A reader that cannot be opened is
// retried every two seconds. Callbacks run on the watcher's thread.
#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include "idcard/serial_card_reader.h"

namespace hallq {

class CardWatcher {
public:
    CardWatcher(idcard::SerialConfig config, std::function<void(const idcard::CardText&)> on_card,
                std::function<void(idcard::ReadError, const std::string&)> on_error);
    ~CardWatcher();  // stops and joins
    CardWatcher(const CardWatcher&) = delete;
    CardWatcher& operator=(const CardWatcher&) = delete;

private:
    void run();

    idcard::SerialConfig config_;
    std::function<void(const idcard::CardText&)> on_card_;
    std::function<void(idcard::ReadError, const std::string&)> on_error_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace hallq
