// kiosk_text.cpp - the kiosk's texts. Short sentences, plain words: many visitors are elderly.
#include "kiosk_text.h"

namespace hallq {

namespace {
struct Pair {
    const char* zh;
    const char* en;
};

Pair pair(Text t) {
    switch (t) {
        case Text::title: return {"自助取号", "Take a ticket"};
        case Text::choose_service: return {"请选择要办理的业务", "Choose a service"};
        case Text::choose_item: return {"{} · 请选择事项", "{} · choose an item"};
        case Text::swipe_hint: return {"刷身份证或扫描预约二维码，可直接签到取号", "Swipe your ID card or scan your reservation code to check in"};
        case Text::back: return {"返回", "Back"};
        case Text::start_over: return {"返回首页", "Start over"};
        case Text::other_language: return {"English", "中文"};
        case Text::your_number: return {"您的号码", "Your number"};
        case Text::people_ahead: return {"前面还有 {} 人", "{} people ahead of you"};
        case Text::wait_minutes: return {"预计等候约 {} 分钟", "About {} minutes' wait"};
        case Text::called_soon: return {"马上为您叫号，请留意叫号", "You will be called shortly"};
        case Text::no_window_open: return {"窗口尚未开放，开放后按顺序叫号", "No window is open yet; numbers are called in order once one opens"};
        case Text::bring: return {"请准备：{}", "Please have ready: {}"};
        case Text::issued_at: return {"取号时间 {}", "Issued at {}"};
        case Text::take_ticket: return {"请取走号票，留意叫号", "Please take your ticket and listen for your number"};
        case Text::printing: return {"正在打印号票…", "Printing your ticket…"};
        case Text::no_printer: return {"请记住您的号码，留意叫号", "Please remember your number and listen for it"};
        case Text::done: return {"完成", "Done"};
        case Text::already_have: return {"您已取过此业务的号，请等候叫号", "You already have a ticket for this; please wait to be called"};
        case Text::checked_in: return {"预约签到成功", "Checked in for your reservation"};
        case Text::late_ticket: return {"已超过预约时间，为您取了普通号", "You are past your reservation time, so this is a normal ticket"};
        case Text::early: return {"您预约的“{}”在 {}，请于 {} 后签到", "Your reservation for {} is at {}; please check in from {}"};
        case Text::no_reservation_today: return {"未找到您今天的预约，请选择业务取号", "No reservation for today; please choose a service"};
        case Text::reservation_on: return {"您的预约日期是 {}", "Your reservation is on {}"};
        case Text::green_channel: return {"您已年满{}周岁，已为您开通绿色通道，优先叫号", "Green channel for seniors ({}+): you will be called first"};
        case Text::reading_card: return {"正在读取身份证…", "Reading your ID card…"};
        case Text::card_failed: return {"读卡失败，请把身份证重新放到读卡区", "The card could not be read; please place it on the reader again"};
        case Text::card_unsupported: return {"暂不支持此类证件，请到导服台办理", "This kind of card is not supported here; please ask at the help desk"};
        case Text::invalid_id: return {"身份证号码无效，请到导服台咨询", "The ID number is not valid; please ask at the help desk"};
        case Text::unreachable: return {"暂时无法连接服务器，请稍候再试或到导服台咨询", "Cannot reach the hall server; please try again or ask at the help desk"};
        case Text::waiting_reply: return {"请稍候…", "One moment…"};
        case Text::scan_unknown: return {"无法识别此二维码，请扫描预约二维码", "This code is not a reservation code"};
        case Text::connecting: return {"正在连接服务器…", "Connecting to the hall server…"};
        case Text::card_read: return {"已读取身份证 {}", "ID card read: {}"};
        case Text::queue_label: return {"业务：{}", "Queue: {}"};
        case Text::item_label: return {"事项：{}", "Item: {}"};
        case Text::green_ticket: return {"绿色通道 优先办理", "Green channel: priority"};
        case Text::reservation_ticket: return {"预约号 · 预约时间 {}", "Reservation · booked for {}"};
    }
    return {"", ""};
}
}  // namespace

std::string tr(Text t, Lang lang, std::initializer_list<std::string> args) {
    Pair p = pair(t);
    std::string pattern = lang == Lang::zh ? p.zh : p.en, out;
    auto arg = args.begin();
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern.compare(i, 2, "{}") == 0 && arg != args.end()) {
            out += *arg++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

}  // namespace hallq
