// reservations.cpp - importing reservations in batches, listing them, and checking in.
#include "core/local_time.h"
#include "protocol/replies.h"
#include "reservations.h"
#include "protocol/messages.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

namespace hallq::ctl {

namespace {
constexpr size_t kBatch = 100;

int refused(const Reply& r, const std::string& detail) {
    std::cerr << "拒绝 " << to_string(r.error.code) << ": " << r.message << " / " << message_en(r.error.code)
              << (detail.empty() ? "" : " (" + detail + ")") << "\n";
    return 3;
}

int unreachable() {
    std::cerr << "服务器无响应 / hall server unreachable\n";
    return 4;
}

// Pads to a display width: CJK characters take two columns.
std::string pad(const std::string& s, size_t width) {
    size_t w = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        w += len >= 3 ? 2 : 1;
        i += len;
    }
    return w >= width ? s + " " : s + std::string(width - w, ' ');
}

int import_file(RequestClient& client, const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        std::cerr << "hallctl: 无法读取文件 / cannot read " << path << "\n";
        return 1;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    Json j = Json::parse(buf.str(), nullptr, false);
    const Json* list = j.is_array() ? &j : (j.is_object() && j.contains("reservations")) ? &j["reservations"] : nullptr;
    if (!list || !list->is_array()) {
        std::cerr << "hallctl: " << path << " 不是预约列表 / is not a JSON array of reservations"
                  << " (or {\"reservations\": [...]})\n";
        return 1;
    }
    size_t total = list->size();
    int imported = 0, updated = 0, kept = 0;
    for (size_t start = 0, batch = 0; start < total; start += kBatch, ++batch) {
        size_t end = std::min(total, start + kBatch);
        Json body{{"reservations", Json(list->begin() + long(start), list->begin() + long(end))}};
        auto reply = client.request(MessageType::import_reservations, body, import_batch_rid(body, batch));
        if (!reply) return unreachable();
        if (!reply->ok) {
            int code = refused(*reply, file_detail(reply->error.detail, start));
            std::cerr << "第 " << start + 1 << "–" << end << " 条未导入 / entries " << start << "–" << end - 1
                      << " (counted from 0) not imported; " << start << " imported before\n";
            return code;
        }
        imported += json_get<int>(reply->body, "imported", 0);
        updated += json_get<int>(reply->body, "updated", 0);
        kept += json_get<int>(reply->body, "kept", 0);
        std::cout << "已导入 / imported " << end << "/" << total << std::endl;
    }
    std::cout << "完成 / done: 新增 " << imported << " new, 更新 " << updated << " updated, 保留 " << kept
              << " kept (已签到 / already checked in)" << std::endl;
    return 0;
}

int list(RequestClient& client, const Args& a) {
    Json body = Json::object();
    if (a.has("date")) body["date"] = a.get("date");
    auto reply = client.request("reservations", body);
    if (!reply) return unreachable();
    if (!reply->ok) return refused(*reply, reply->error.detail);
    if (a.has("json")) {
        std::cout << reply->body.dump() << std::endl;
        return 0;
    }
    const Json& rows = reply->body["reservations"];
    std::cout << "预约 / reservations " << json_get<std::string>(reply->body, "date", "") << ": " << rows.size() << "\n";
    if (rows.empty()) return 0;
    std::cout << pad("时段", 7) << pad("预约号 id", 16) << pad("事项 item", 30) << pad("状态 status", 12)
              << pad("证件 holder", 20) << pad("姓名", 8) << pad("电话 phone", 13) << "号票 ticket\n";
    for (const Json& r : rows) {
        std::cout << pad(local_time_text(json_get<int64_t>(r, "slot_at", 0)), 7) << pad(json_get<std::string>(r, "id", ""), 16)
                  << pad(json_get<std::string>(r, "item_name", json_get<std::string>(r, "item", "")), 30)
                  << pad(json_get<std::string>(r, "status", ""), 12) << pad(json_get<std::string>(r, "holder", ""), 20)
                  << pad(json_get<std::string>(r, "name", ""), 8) << pad(json_get<std::string>(r, "phone", ""), 13)
                  << json_get<std::string>(r, "ticket_number", "") << "\n";
    }
    return 0;
}
}  // namespace

std::string import_batch_rid(const Json& body, size_t batch) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : body.dump()) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "import-%016llx-%zu", static_cast<unsigned long long>(h), batch);
    return buf;
}

std::string file_detail(const std::string& detail, size_t offset) {
    static const std::regex kIndex(R"(^reservations\[(\d+)\])");
    std::smatch m;
    if (!std::regex_search(detail, m, kIndex)) return detail;
    return "reservations[" + std::to_string(std::stoul(m[1].str()) + offset) + "]" + m.suffix().str();
}

int run_reservations(RequestClient& client, const Args& a) {
    std::string sub = a.words.size() > 1 ? a.words[1] : "list";
    if (sub == "import") return import_file(client, a.word(2, "reservations file (JSON)"));
    if (sub == "list") return list(client, a);
    throw UsageError("reservations: unknown subcommand " + sub + " (import FILE, list)");
}

int run_check_in(RequestClient& client, const Args& a) {
    Json body = Json::object();
    if (a.has("id-number") == a.has("code")) throw UsageError("check-in needs --id-number N or --code C");
    if (a.has("id-number")) body["id_number"] = a.get("id-number");
    if (a.has("code")) body["code"] = a.get("code");
    if (a.has("name")) body["holder_name"] = a.get("name");
    auto reply = client.request(MessageType::check_in, body, a.get("rid"));
    if (!reply) return unreachable();
    if (!reply->ok) return refused(*reply, reply->error.detail);
    if (a.has("json")) {
        std::cout << reply->body.dump() << std::endl;
        return 0;
    }
    CheckInView b = read_check_in_view(reply->body);
    std::cout << "持证人 / holder " << b.holder;
    if (b.card) std::cout << ", " << b.card->age << " 岁 / years";
    if (b.card && b.card->green) std::cout << " [绿色通道 / green channel]";
    std::cout << "\n";
    for (const TicketView& t : b.tickets) {
        TicketClass klass = t.ticket.klass;
        std::cout << "号票 / ticket " << t.ticket.number << "  " << (t.item ? t.item->name : t.ticket.item) << "  "
                  << (klass == TicketClass::reservation ? "预约 reservation"
                      : klass == TicketClass::green     ? "绿色通道 green"
                                                        : "普通 normal")
                  << (t.late.value_or(false) ? "  迟到 late" : "")
                  << (t.existing.value_or(false) ? "  已取过号 already issued" : "") << "\n";
    }
    for (const CheckInView::Early& e : b.early)
        std::cout << "未到签到时间 / too early: " << e.item_name << " " << local_time_text(e.slot_at)
                  << ", 签到从 / check in from " << local_time_text(e.check_in_from) << "\n";
    if (b.tickets.empty() && b.early.empty()) std::cout << "今天没有可签到的预约 / nothing to check in today\n";
    if (b.card && !b.card->other_days.empty()) {
        std::cout << "其他日期的预约 / booked on other days:";
        for (const std::string& d : b.card->other_days) std::cout << " " << d;
        std::cout << "\n";
    }
    return 0;
}

}  // namespace hallq::ctl
