// demo_reservations.cpp - made-up reservations for the demo hall.
#include "demo_reservations.h"

#include <cstdio>
#include <ctime>

#include "core/idnumber.h"

namespace hallq {

std::string make_id_number(const std::string& area, const std::string& birth, int sequence) {
    char seq[8];
    std::snprintf(seq, sizeof seq, "%03d", sequence % 1000);
    std::string first17 = area + birth + seq;
    return first17 + id_check_char(first17);
}

std::vector<ImportedReservation> demo_reservations(const Catalogue& catalogue, const std::string& day,
                                                   int64_t now) {
    struct Person {
        const char* id;
        int offset_min;  // slot relative to now
        size_t item;     // index into the catalogue's items
        const char* birth;
        const char* name;
        const char* phone;
    };
    static const Person kPeople[] = {
        {"DEMO-1", 10, 0, "19850612", "张伟", "13800000001"},   // on time
        {"DEMO-2", 60, 9, "19900203", "李娜", "13800000002"},   // too early for now
        {"DEMO-3", -30, 5, "19781120", "王强", "13800000003"},  // late: a normal ticket
        {"DEMO-4", -40, 1, "19500315", "赵秀英", "13800000004"},  // late, 76: a green ticket
    };
    std::vector<ImportedReservation> out;
    if (catalogue.items.empty()) return out;
    bool area_ok = catalogue.area_code.size() == 6 &&
                   catalogue.area_code.find_first_not_of("0123456789") == std::string::npos;
    std::string area = area_ok ? catalogue.area_code : "110105";
    for (size_t i = 0; i < std::size(kPeople); ++i) {
        const Person& p = kPeople[i];
        std::time_t t = std::time_t((now + int64_t(p.offset_min) * 60'000) / 1000);
        std::tm tm{};
        localtime_r(&t, &tm);
        char date[16];
        std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
        if (day != date) continue;
        ImportedReservation r;
        r.id = r.code = p.id;
        r.item = catalogue.items[p.item % catalogue.items.size()].code;
        r.day = day;
        r.slot_minutes = tm.tm_hour * 60 + tm.tm_min;
        auto holder = parse_id_number(make_id_number(area, p.birth, int(101 + 2 * i)));
        if (!holder) continue;
        r.holder = *holder;
        r.name = p.name;
        r.phone = p.phone;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace hallq
