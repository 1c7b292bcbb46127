// json.h - the one place the program includes nlohmann/json; implicit conversions are off.
#pragma once
#ifndef JSON_USE_IMPLICIT_CONVERSIONS
#define JSON_USE_IMPLICIT_CONVERSIONS 0
#endif
#include <nlohmann/json.hpp>
#include <string>

namespace hallq {

using Json = nlohmann::json;

// The JSON text of `j` for the wire or the store. Never throws: text that is not valid UTF-8
// (which the parser never lets in) would be written with U+FFFD in its place.
inline std::string wire_text(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Value of `key` when present and of the right type, else `fallback`.
template <class T>
T json_get(const Json& j, const char* key, T fallback) {
    if (!j.is_object()) return fallback;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    try {
        return it->template get<T>();
    } catch (const Json::exception&) {
        return fallback;
    }
}

}  // namespace hallq
