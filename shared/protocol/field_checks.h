// field_checks.h - small checks shared by the decoders of request bodies (commands, reservations).
#pragma once
#include <cstddef>
#include <string>

#include "core/idnumber.h"

namespace hallq {

// Length in characters (UTF-8 code points), not bytes: Chinese text counts fairly.
inline size_t characters(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// The detail of an invalid_id_number error: which rule the number broke.
inline const char* id_problem(IdNumberProblem p) {
    static const char* kWhy[] = {"", "length", "characters", "birth date", "check digit"};
    return kWhy[static_cast<int>(p)];
}

}  // namespace hallq
