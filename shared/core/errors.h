// errors.h - reason codes for every refused command or request, with messages a clerk understands.
#pragma once
#include <string>
#include <string_view>

namespace hallq {

// Append only: the string form of each code is part of the wire protocol (docs/protocol.md).
#define HALLQ_ERRORS(X)                                                                        \
    X(bad_frame, "消息格式错误", "Malformed message frames")                                 \
    X(bad_json, "消息不是有效的JSON", "Message is not valid JSON")                             \
    X(bad_version, "协议版本不受支持", "Unsupported protocol version")                          \
    X(too_large, "消息过大", "Message too large")                                             \
    X(unknown_type, "未知的消息类型", "Unknown message type")                                  \
    X(bad_field, "字段缺失或取值无效", "A field is missing or invalid")                          \
    X(invalid_id_number, "身份证号码无效", "Invalid resident ID number")                         \
    X(unknown_queue, "没有这个队列", "No such queue")                                          \
    X(unknown_item, "没有这个事项", "No such service item")                                    \
    X(unknown_window, "没有这个窗口", "No such window")                                        \
    X(unknown_ticket, "没有这张号票", "No such ticket")                                        \
    X(unknown_clerk, "没有这个工作人员", "No such clerk")                                      \
    X(window_closed, "窗口未开放", "The window is not open")                                   \
    X(window_paused, "窗口暂停服务中", "The window is paused")                                 \
    X(window_busy, "窗口正在办理其他号票", "The window is still handling a ticket")              \
    X(window_idle, "窗口当前没有号票", "The window has no current ticket")                      \
    X(no_clerk, "窗口没有工作人员登录", "No clerk is logged in at this window")                 \
    X(clerk_elsewhere, "该工作人员已在其他窗口登录", "The clerk is logged in at another window") \
    X(window_taken, "该窗口已有其他工作人员登录", "Another clerk is logged in at this window")    \
    X(queue_empty, "没有可叫的号", "No ticket is waiting for this window")                     \
    X(bad_state, "号票当前状态不允许此操作", "The ticket's state does not allow this")             \
    X(not_your_ticket, "该号票不在本窗口", "The ticket is not at this window")                  \
    X(not_for_window, "该号票不在本窗口的业务范围内", "This window does not serve that ticket")     \
    X(recall_limit, "重呼次数已用完", "No recalls left for this ticket")                       \
    X(recall_cooldown, "重呼过于频繁,请稍候", "Too soon to recall again")                      \
    X(reason_required, "请填写原因", "A reason is required")                                   \
    X(same_target, "不能转到当前队列或窗口", "Cannot transfer to the same queue or window")       \
    X(number_exhausted, "今日号码已用完", "No ticket numbers left today for this queue")         \
    X(busy, "服务器繁忙,请重试", "Server busy, please retry")                                 \
    X(internal, "服务器内部错误", "Internal server error")                                    \
    X(window_state, "窗口当前状态不允许此操作", "The window's state does not allow this")          \
    X(rid_reused, "请求编号已被另一个请求使用", "The request id was already used for another request") \
    X(already_rated, "该号票已评价", "This ticket has already been rated")                    \
    X(wrong_password, "工号或密码错误", "Wrong clerk id or password")                          \
    X(login_locked, "登录失败次数过多，请5分钟后再试", "Too many failed logins; try again in 5 minutes") \
    X(not_allowed, "无此操作权限", "You are not allowed to do this")                           \
    X(no_reservation, "没有找到今天的预约", "No reservation found for today")                   \
    X(reservation_not_today, "预约日期不是今天", "The reservation is for another day")          \
    X(too_early, "还未到签到时间", "Too early to check in")                                    \
    X(reservation_cancelled, "预约已取消", "The reservation was cancelled")                   \
    X(forbidden, "此设备无权进行此操作", "This device may not do this")                        \
    X(device_exists, "设备名称或密钥已登记", "A device with this name or key is already enrolled") \
    X(unknown_device, "没有这台设备", "No such device")                                       \
    X(rate_limited, "操作过于频繁，请稍后再试", "Too many requests; please wait a moment")                \
    X(already_queued, "此身份证已取过该事项的号，请凭原号票等候", "A ticket for this is already held under this ID number; please keep to it")

enum class ErrorCode {
#define X(name, zh, en) name,
    HALLQ_ERRORS(X)
#undef X
};

std::string_view to_string(ErrorCode code);
bool parse_error_code(std::string_view text, ErrorCode& out);
std::string_view message_zh(ErrorCode code);
std::string_view message_en(ErrorCode code);

// A refusal: the code, and optional detail (never personal data).
struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string detail;
};

}  // namespace hallq
