// catalogue.h - the hall's service catalogue: departments, service items, queues, windows, clerks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "errors.h"

namespace hallq {

// 即办件 (done on the spot) or 承诺件 (done within a promised number of working days).
enum class HandlingMode { instant, promised };
enum class Complexity { general, complex };
// comprehensive 综合窗口, specialised 专业窗口, assisted 帮办代办, complaint 办不成事反映, pickup 出件.
enum class WindowKind { comprehensive, specialised, assisted, complaint, pickup };

struct Department {
    std::string code, name;
};

// The smallest unit a citizen asks for (办理项).
struct ServiceItem {
    std::string code, name;
    std::string type;  // 01 行政许可 … 20 公共服务
    std::string department;
    HandlingMode mode = HandlingMode::instant;
    int promised_days = 0;
    Complexity complexity = Complexity::general;
    int service_minutes = 10;  // expected time at the window, the estimator's starting point
    std::string queue;         // ticket letter of the queue that serves it
    std::vector<std::string> materials;
};

// A queue of tickets sharing one letter (A, B, …).
struct Queue {
    std::string letter, name, name_en;
};

struct WindowDef {
    int number = 0;
    std::string name;
    WindowKind kind = WindowKind::comprehensive;
    std::vector<std::string> profile;  // work profile: queue letters in priority order
};

struct Clerk {
    std::string id, name;
    bool can_set_profile = false;  // may change the work profile of the window they are logged in at
};

// What a citizen who missed their call should do: one rule for the hall, on its screens and tickets.
inline constexpr const char* kDefaultMissedCall = "过号请到导服台咨询";

struct Catalogue {
    std::string hall_name, area_code;
    std::string missed_call = kDefaultMissedCall;  // hall.missed_call
    std::vector<Department> departments;
    std::vector<ServiceItem> items;
    std::vector<Queue> queues;
    std::vector<WindowDef> windows;
    std::vector<Clerk> clerks;

    const Queue* queue(const std::string& letter) const;
    const ServiceItem* item(const std::string& code) const;
    const WindowDef* window(int number) const;
    const Clerk* clerk(const std::string& id) const;

    // Checks references and uniqueness; returns the first problem found.
    std::optional<Error> validate() const;
};

const char* to_string(HandlingMode v);
const char* to_string(Complexity v);
const char* to_string(WindowKind v);
bool parse(const std::string& s, HandlingMode& out);
bool parse(const std::string& s, Complexity& out);
bool parse(const std::string& s, WindowKind& out);

}  // namespace hallq
