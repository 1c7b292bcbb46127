// field_checks.h - small checks shared by the decoders of request bodies (commands, reservations).
#pragma once
#include <cstddef>
#include <string>

#include "core/idnumber.h"
#include "core/utf8.h"

namespace hallq {

// Length in characters (UTF-8 code points), not bytes: Chinese text counts fairly.
inline size_t characters(const std::string& s) { return utf8::length(s); }

// The detail of an invalid_id_number error: which rule the number broke.
inline const char* id_problem(IdNumberProblem p) {
    static const char* kWhy[] = {"", "length", "characters", "birth date", "check digit", "area"};
    return kWhy[static_cast<int>(p)];
}

}  // namespace hallq
