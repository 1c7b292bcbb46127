// verbs.cpp - the table of hallctl's commands.
#include "verbs.h"

namespace hallq::ctl {

namespace {
const VerbOption kNote{"note", "TEXT", "a note for the next clerk"};
const VerbOption kJson{"json", nullptr, "print the reply as JSON"};
const VerbOption kIdNumber{"id-number", "N", "the holder's ID number (stored masked)"};
const VerbOption kName{"name", "NAME", "the holder's name (姓名)"};
const VerbOption kPassword{"password", "P",
                           "the password (else $HALLQ_PASSWORD, else asked for, not echoed)"};
}  // namespace

const std::vector<Verb>& verbs() {
    static const std::vector<Verb> kVerbs = {
        {"issue",
         {},
         {},
         {{"queue", "A", "the queue (this or --item)"},
          {"item", "CODE", "the service item; its queue comes from the catalogue"},
          {"class", "CLASS", "green: the green channel, called first"},
          {"reservation", "ID", "a reservation ticket for this reservation"},
          {"slot", "HH:MM", "the reservation's slot, today"},
          kIdNumber,
          kName},
         "取号 take a ticket"},
        {"cancel", {}, {"TICKET"}, {{"reason", "TEXT", "why"}}, "取消 cancel a waiting ticket"},
        {"login", {}, {"WINDOW", "CLERK"}, {kPassword}, "登录 a clerk logs in at a window"},
        {"logout", {}, {"WINDOW"}, {}, "退出 the clerk at a window logs out"},
        {"passwd",
         {},
         {"CLERK"},
         {{"password", "OLD", "the current password (else $HALLQ_PASSWORD, else asked for)"},
          {"new-password", "NEW", "the new password (else asked for)"}},
         "修改密码 change a clerk's password"},
        {"open", {}, {"WINDOW"}, {}, "开窗 open a window"},
        {"pause", {}, {"WINDOW"}, {}, "暂停 pause a window"},
        {"close", {}, {"WINDOW"}, {}, "关窗 close a window"},
        {"profile", {}, {"WINDOW", "QUEUES"}, {}, "业务范围 a window's work profile, e.g. A,B,C"},
        {"next", {}, {"WINDOW"}, {}, "叫号 call the next ticket"},
        {"call",
         {},
         {"WINDOW", "TICKET"},
         {{"reason", "TEXT", "why out of order (recorded)"}},
         "指定叫号 call a chosen ticket"},
        {"recall", {}, {"WINDOW"}, {}, "重呼 call the ticket at the window again"},
        {"start", {}, {"WINDOW"}, {}, "开始办理 start serving"},
        {"noshow", {"no-show"}, {"WINDOW"}, {}, "过号 the called ticket did not come"},
        {"finish",
         {},
         {"WINDOW"},
         {{"items", "CODE,CODE", "the items handled"},
          {"outcome", "OUTCOME", "handled, materials_missing, referred or not_handled"}},
         "办结 finish serving"},
        {"transfer",
         {},
         {"WINDOW"},
         {{"queue", "B", "to this queue"}, {"window", "N", "to this window"}, kNote},
         "转移 transfer the ticket at the window (--queue or --window)"},
        {"park", {}, {"WINDOW"}, {kNote}, "挂起 park the ticket at the window"},
        {"resume", {}, {"WINDOW", "TICKET"}, {}, "恢复 resume a parked ticket"},
        {"rate",
         {},
         {"TICKET", "LEVEL"},
         {{"reasons", "R,R",
           "for level 1-3: attitude, efficiency, guidance, materials, environment, other"},
          {"comment", "TEXT", "the citizen's words"},
          {"window", "N", "the window rated"}},
         "评价 rate a finished ticket: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意, 0 "
         "未评价"},
        {"check-in",
         {},
         {},
         {{"id-number", "N", "check in by ID number"},
          {"code", "C", "check in by reservation code"},
          kName,
          kJson},
         "预约签到 check in for today's reservations (--id-number or --code)"},
        {"reservations",
         {},
         {"ACTION?", "FILE?"},
         {{"date", "YYYY-MM-DD", "the day (default today)"}, kJson},
         "预约列表/导入 ACTION list (the default): reservations of a day (masked); import FILE: a "
         "JSON array, or "
         "{\"reservations\": [...]}, 100 a request"},
        {"device",
         {},
         {"ACTION?", "NAME?"},
         {{"role", "ROLE", "enroll: kiosk, display, desk, backoffice, dashboard or admin"},
          {"window", "N", "enroll: the window of a desk or window screen"},
          {"department", "CODE", "enroll: the department of a back-office or dashboard device"},
          {"out", "FILE", "enroll: make a key pair and write the device's key file here (mode 0600)"},
          {"key", "PUBLIC", "enroll: the device's own public key (Z85) instead of --out"},
          {"replace", nullptr, "enroll: give an enrolled device a new key"},
          kJson},
         "设备 ACTION list (the default): the enrolled devices; enroll NAME: let a device in with "
         "a role and place; revoke NAME: shut it out"},
        {"audit",
         {},
         {"ACTION"},
         {kJson},
         "审计 verify: check the event log's audit chain (全程留痕); names every event changed, "
         "inserted or deleted outside the server; exit 1 when one is"},
        {"backup",
         {},
         {"FILE"},
         {},
         "备份 the server writes a consistent copy of its database to FILE (an absolute path on the "
         "server's machine, not yet existing); back the identity key up apart from it"},
        {"status", {}, {}, {}, "查询 queues and windows"},
        {"snapshot", {}, {}, {}, "查询 the whole state at its sequence number"},
        {"ping", {}, {}, {}, "查询 is the server there"},
        {"ticket", {}, {"TICKET"}, {}, "查询 one ticket"},
        {"order", {}, {"WINDOW"}, {}, "查询 who a window would call next, in order"},
        {"tail",
         {},
         {},
         {{"count", "N", "stop after N events"},
          {"calls", nullptr, "readable lines: 叫号 A011 请到 03 号窗口"}},
         "事件流 follow the hall's events as JSON lines"},
        {"simulate",
         {},
         {},
         {{"kiosks", "N", "kiosks issuing tickets (default 3)"},
          {"windows", "N", "windows staffed (default 8)"},
          {"speed", "N", "simulated minutes per real minute (default 60)"},
          {"duration", "SECONDS", "stop after this long (default 0: no limit)"},
          {"stop-after-calls", "N", "stop after N calls (default 0: no limit)"},
          {"leave-window", "N", "leave this window to a person"}},
         "模拟大厅 simulated kiosks and clerks"},
        {"raw", {}, {"TYPE", "BODY?"}, {}, "any request: TYPE '{json body}'"},
    };
    return kVerbs;
}

const std::vector<VerbOption>& global_options() {
    static const std::vector<VerbOption> kGlobal = {
        {"server", "EP",
         "the server's request endpoint (default $HALLQ_SERVER, else tcp://127.0.0.1:5570)"},
        {"events", "EP",
         "the server's event endpoint (default $HALLQ_EVENTS, else tcp://127.0.0.1:5571)"},
        {"timeout", "MS", "wait per attempt for the reply (default 2500)"},
        {"retries", "N", "resends with the same request id after a timeout (default 3)"},
        {"rid", "ID", "the request id; send the same id again to retry by hand"},
        {"pretty", nullptr, "indent the JSON reply (on when stdout is a terminal)"},
        {"device-key", "FILE",
         "this hallctl's device key (default $HALLQ_DEVICE_KEY, else hallq-keys/admin.key when "
         "readable: the server's local admin key)"},
    };
    return kGlobal;
}

}  // namespace hallq::ctl
