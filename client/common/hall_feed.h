// hall_feed.h - the hall as a client app sees it: the replica on its own thread, turned into a
// DisplayState after every change, and a sender thread for requests (same-id retries).
//
// Callbacks run on the feed's threads; a wx app marshals them onto its UI thread (CallAfter).
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "display_model.h"
#include "protocol/envelope.h"

namespace hallq {

class HallFeed {
public:
    struct Options {
        std::string requests = "tcp://127.0.0.1:5570", events = "tcp://127.0.0.1:5571";
        std::string name = "app";  // prefixes request ids
        size_t history = 12;
    };
    explicit HallFeed(Options o);
    ~HallFeed();  // stops and joins both threads

    // Set before start(). `on_change` gets a copy of the state and the events that changed it
    // (empty after a resynchronisation or a change of connection).
    std::function<void(const DisplayState&, const std::vector<Event>&)> on_change;
    // Like on_change, for apps that need the hall itself (the clerk desk): a copy of the
    // replica's state, whether it is connected, and the events applied since the last call.
    std::function<void(const Hall&, bool connected, const std::vector<Event>&)> on_hall;
    void start();

    // Sends a request on the sender thread; `done` (optional) gets the reply, or nullopt when the
    // server stayed unreachable through every retry.
    void send(const std::string& type, const Json& body, std::function<void(std::optional<Reply>)> done = {});
    // The same, but never given up: after each round of retries without an answer `retrying` is
    // called (on the sender thread) and the request goes again under the same id, until the
    // server answers — so what the caller shows is what happened (the feed stopping ends it).
    void send_until_answered(const std::string& type, const Json& body, std::function<void(std::optional<Reply>)> done,
                             std::function<void()> retrying);
    // Closes a window's rating prompt in the model (the screen answered it).
    void close_prompt(int window);

private:
    void feed_loop();
    void send_loop();

    Options opt_;
    std::thread feed_, sender_;
    std::mutex mu_;
    std::condition_variable cv_;
    bool stop_ = false;
    std::vector<int> closed_prompts_;
    struct Outgoing {
        std::string type;
        Json body;
        std::function<void(std::optional<Reply>)> done;
        std::function<void()> retrying;  // set: sent again until answered
    };
    std::deque<Outgoing> outbox_;
};

}  // namespace hallq
