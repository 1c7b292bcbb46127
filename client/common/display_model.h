// display_model.h - what the hall's screens show, derived from the replica. No wx, no sockets.
//
// The screens draw a DisplayState; the model keeps it current from the replica's snapshot and
// events. After a resynchronisation the call history is rebuilt from the tickets themselves, so
// a screen that was cut off never shows a call wrongly, nor misses one that happened meanwhile.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "core/hall.h"

namespace hallq {

struct CallLine {
    int64_t ticket = 0;
    std::string number;  // A012
    int window = 0;
    std::string window_name;
    int64_t at = 0;  // ms, when called (or recalled)
    uint64_t seq = 0;
    bool recall = false;
};

struct QueueLine {
    std::string letter, name, name_en;
    int waiting = 0;
};

struct WindowLine {
    int number = 0;
    std::string name, clerk_name;
    WindowState state = WindowState::closed;
    std::string current_number;  // being called or served
    TicketState current_state = TicketState::waiting;
};

// The window screen asks the citizen to rate once the clerk finishes (好差评).
struct RatingPrompt {
    int64_t ticket = 0;
    std::string number;
    int window = 0;
    std::string clerk_name, item_name;
    int64_t finished_at = 0;
    uint64_t seq = 0;
};

struct DisplayState {
    std::string hall_name;
    bool connected = false;
    uint64_t seq = 0;
    std::deque<CallLine> calls;  // newest first
    std::vector<QueueLine> queues;
    std::map<int, WindowLine> windows;
    std::map<int, RatingPrompt> prompts;  // window → open prompt
    int rating_reasons_up_to = kDefaultReasonsUpTo;  // the hall's policy: reasons asked for levels 1 … N
    std::string missed_call;               // the hall's rule for a missed call (hall.missed_call)
    std::vector<std::string> missed;       // today's no-shows (过号), newest first, at most kMissedShown
};

inline constexpr size_t kMissedShown = 12;

class DisplayModel {
public:
    explicit DisplayModel(size_t history = 12) : history_(history) {}

    // After a snapshot replaced the hall: everything rebuilt from it.
    void on_snapshot(const Hall& hall);
    // After `e` was applied to `hall`.
    void on_event(const Hall& hall, const Event& e);
    void set_connected(bool connected) { state_.connected = connected; }
    // The window screen closed its prompt (rated, or timed out and sent "not rated").
    void close_prompt(int window) { state_.prompts.erase(window); }

    const DisplayState& state() const { return state_; }

private:
    void refresh(const Hall& hall);  // queues, windows, hall name, seq
    CallLine call_line(const Hall& hall, const Ticket& t, int window, int64_t at, uint64_t seq, bool recall) const;

    size_t history_;
    DisplayState state_;
};

// 「A012 请到 03 号窗口」: the display line of a call.
std::string call_text_zh(const CallLine& c);
// "A012 → Window 3"
std::string call_text_en(const CallLine& c);

}  // namespace hallq
