// hall_sim_catalogue.cpp - the simulated hall: 8 queues, 25 items, 20 windows whose work profiles
// follow the demo hall (hallserver/data/demo-hall.json), and the day's demand curve.
#include <map>

#include "hall_sim.h"

namespace hallq::bench {

namespace {
struct WindowSpec {
    int number;
    WindowKind kind;
    std::vector<std::string> profile;
};

const std::vector<WindowSpec>& window_specs() {
    using K = WindowKind;
    static const std::vector<WindowSpec> w = {
        {1, K::comprehensive, {"A", "B", "F"}}, {2, K::comprehensive, {"A", "F", "B"}},
        {3, K::comprehensive, {"A", "B", "F"}}, {4, K::comprehensive, {"B", "A", "G"}},
        {5, K::comprehensive, {"B", "A", "E"}}, {6, K::comprehensive, {"A", "G", "B"}},
        {7, K::specialised, {"B"}},             {8, K::specialised, {"B"}},
        {9, K::specialised, {"C"}},             {10, K::specialised, {"C"}},
        {11, K::specialised, {"C"}},            {12, K::specialised, {"D"}},
        {13, K::specialised, {"D"}},            {14, K::specialised, {"D", "F"}},
        {15, K::specialised, {"E"}},            {16, K::specialised, {"E", "D"}},
        {17, K::specialised, {"F"}},            {18, K::specialised, {"F", "A"}},
        {19, K::specialised, {"G"}},            {20, K::assisted, {"H", "A", "B"}},
    };
    return w;
}
}  // namespace

const std::vector<SimItem>& sim_items() {
    // Catalogue minutes as configured; true means off by up to ±30 %, as real halls find.
    static const std::vector<SimItem> items = {
        {"SJ-001", "A", 12, 14, 4},   {"SJ-002", "A", 25, 22, 1.5}, {"SJ-003", "A", 15, 17, 2},
        {"SJ-004", "A", 20, 20, 1},   {"RS-001", "B", 8, 9, 4},     {"RS-002", "B", 10, 8, 3},
        {"RS-003", "B", 15, 16, 1.5}, {"YB-001", "B", 6, 7, 4},     {"YB-002", "B", 12, 11, 2},
        {"GA-001", "C", 8, 9, 4},     {"GA-002", "C", 12, 10, 2},   {"GA-003", "C", 10, 12, 2},
        {"BDC-001", "D", 35, 38, 1.2}, {"BDC-002", "D", 30, 27, 1}, {"BDC-003", "D", 20, 22, 1},
        {"BDC-004", "D", 10, 8, 0.8}, {"GJJ-001", "E", 12, 11, 2},  {"GJJ-002", "E", 10, 12, 2},
        {"GJJ-003", "E", 40, 35, 0.3}, {"SW-001", "F", 15, 13, 1.5}, {"SW-002", "F", 8, 9, 2.5},
        {"SW-003", "F", 10, 12, 1.5}, {"MZ-001", "G", 20, 18, 1},   {"MZ-002", "G", 8, 10, 1.5},
        {"ZW-001", "H", 15, 17, 1},
    };
    return items;
}

Catalogue sim_catalogue() {
    Catalogue c;
    c.hall_name = "模拟便民服务中心";
    c.area_code = "610702";
    static const std::map<std::string, std::string> names = {
        {"A", "综合受理"}, {"B", "社保医保"}, {"C", "户籍证件"}, {"D", "不动产登记"},
        {"E", "住房公积金"}, {"F", "税务"},   {"G", "民政"},     {"H", "帮办代办"}};
    for (const auto& [letter, name] : names) {
        c.departments.push_back({"D" + letter, name});
        c.queues.push_back({letter, name, "Queue " + letter});
    }
    for (const auto& s : sim_items()) {
        ServiceItem i;
        i.code = "610702-" + s.code;
        i.name = s.code;
        i.type = "20";
        i.department = "D" + s.queue;
        i.service_minutes = s.catalogue_minutes;
        i.queue = s.queue;
        c.items.push_back(i);
    }
    for (const auto& w : window_specs()) {
        c.windows.push_back({w.number, "窗口" + std::to_string(w.number), w.kind, w.profile});
        std::string id = (w.number < 10 ? "c0" : "c") + std::to_string(w.number);
        c.clerks.push_back({id, "办事员" + std::to_string(w.number), false});
    }
    return c;
}

// Offered load as a share of each queue's primary capacity (the windows listing it first).
double sim_load(int m) {
    if (m < 8 * 60 + 45 || m >= 16 * 60 + 30) return 0;
    if (m < 9 * 60) return 0.6;             // queue forms before opening
    if (m < 9 * 60 + 30) return 1.0;
    if (m < 11 * 60) return 1.2;            // morning peak
    if (m < 12 * 60) return 0.9;
    if (m < 13 * 60 + 30) return 0.45;      // lunch dip
    if (m < 15 * 60 + 30) return 0.95;      // afternoon
    return 0.6;
}

std::string sim_load_description() {
    return "arrivals 08:45–16:30 (Poisson, piecewise rate as a share of each queue's primary "
           "capacity): 08:45 0.6 · 09:00 1.0 · 09:30–11:00 1.2 (peak) · 11:00 0.9 · "
           "12:00–13:30 0.45 (lunch dip) · 13:30 0.95 · 15:30–16:30 0.6";
}

}  // namespace hallq::bench
