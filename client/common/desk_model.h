// desk_model.h - what the clerk desk shows and allows at one window, derived from the hall
// replica. No wx, no sockets: the desk's panels draw a DeskView, and its buttons are enabled
// exactly when the hall would accept the action (the server still decides; a refusal's reason
// is shown).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/hall.h"

namespace hallq {

// The actions of the calling bar, with their keys.
enum class DeskAction {
    next,         // F1 叫号
    recall,       // F2 重呼
    start,        // F3 开始办理
    finish,       // F4 办结
    no_show,      // F5 过号
    transfer,     // F6 转移 (to a queue or a window, with a note)
    park,         // F7 挂起
    resume,       // F8 恢复 (a ticket parked at this window)
    call_ticket,  // F9 指定叫号 (with a reason)
    pause,        // F11 暂停服务
    reopen,       // F12 恢复服务
};

struct ActionState {
    DeskAction action;
    bool enabled = false;
    std::string why_not;  // reason code (errors.h) when disabled, e.g. "window_busy"
};

struct CurrentTicketView {
    int64_t id = 0;  // 0: no ticket at the window
    std::string number, queue, klass;  // klass: normal / reservation / green
    TicketState state = TicketState::waiting;
    int64_t waited_s = 0;            // from issue to first call
    int64_t at_window_s = 0;         // since called (or started)
    std::vector<std::string> items;  // item codes asked for
    std::vector<std::string> item_names;
    std::string reservation, holder;  // linked reservation id and masked holder
    int64_t slot_at = 0;
    int recalls = 0, recalls_left = 0, transfers = 0;
};

struct QueueEntry {
    int64_t id = 0;
    std::string number, klass, item_name;
    int64_t waited_s = 0;
    bool transferred_here = false;
};

struct ClerkFigures {
    int served = 0;                    // finished today by this clerk
    int64_t average_handling_s = 0;    // start → finish, mean
    int good = 0, neutral = 0, bad = 0, not_rated = 0;  // ratings of the tickets this clerk finished
};

struct DeskView {
    int window = 0;
    std::string window_name, clerk, clerk_name;
    WindowState window_state = WindowState::closed;
    std::vector<std::string> profile;
    std::vector<ActionState> actions;  // one per DeskAction, in enum order
    CurrentTicketView current;
    std::vector<QueueEntry> queue;           // in the order "next" would take them
    std::vector<QueueEntry> parked;          // parked at this window (to resume)
    ClerkFigures figures;
};

// The desk's view of `window` for `clerk` at time `now` (ms). `queue_limit` caps the queue list.
DeskView desk_view(const Hall& hall, int window, const std::string& clerk, int64_t now, size_t queue_limit = 50);

const ActionState& action(const DeskView& v, DeskAction a);
const char* action_key(DeskAction a);    // "F1" …
const char* action_label_zh(DeskAction a);
const char* action_label_en(DeskAction a);

}  // namespace hallq
