// card_watcher.cpp - the reader polling loop.
#include "card_watcher.h"

#include <chrono>

namespace hallq {

using namespace std::chrono_literals;

CardWatcher::CardWatcher(idcard::SerialConfig config, std::function<void(const idcard::CardText&)> on_card,
                         std::function<void(idcard::ReadError, const std::string&)> on_error)
    : config_(std::move(config)), on_card_(std::move(on_card)), on_error_(std::move(on_error)) {
    thread_ = std::thread([this] { run(); });
}

CardWatcher::~CardWatcher() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

void CardWatcher::run() {
    idcard::SerialCardReader reader(config_);
    idcard::ReadError last = idcard::ReadError::none;
    auto pause = [this](std::chrono::milliseconds d) {
        for (auto until = std::chrono::steady_clock::now() + d; !stop_ && std::chrono::steady_clock::now() < until;)
            std::this_thread::sleep_for(50ms);
    };
    while (!stop_) {
        if (!reader.is_open()) {
            std::string why;
            if (!reader.open(&why)) {
                if (last != idcard::ReadError::device_error) on_error_(idcard::ReadError::device_error, why);
                last = idcard::ReadError::device_error;
                pause(2s);
                continue;
            }
        }
        idcard::ReadResult r = reader.read_card(1500ms);
        if (r.ok()) {
            last = idcard::ReadError::none;
            on_card_(r.card->text);
            continue;
        }
        if (r.error == idcard::ReadError::no_card) {
            last = idcard::ReadError::none;
            pause(300ms);  // the polling rate of a reader's find command
            continue;
        }
        if (r.error != last) on_error_(r.error, r.message);
        last = r.error;
        if (r.error == idcard::ReadError::device_error) reader.close();
        pause(500ms);
    }
}

}  // namespace hallq
