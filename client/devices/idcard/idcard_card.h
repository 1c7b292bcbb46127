// idcard_card.h - the card holder's data in a 30 01 read response (text + photo).
//
// The response data after SW3: text length (2, big-endian, 0x0100), photo length (2, 0x0400),
// 256 bytes of UTF-16LE space-padded text, 1024 bytes of photo. The photo is vendor-encoded (WLT):
// it is kept as opaque bytes in memory for the moment of the swipe and never stored.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "idcard/idcard_frame.h"

namespace hallq::idcard {

enum class CardType {
    resident,                // 居民身份证
    hk_macao_taiwan_permit,  // 港澳台居民居住证 (byte 248 'J')
    foreigner_permanent,     // 外国人永久居留身份证 (byte 248 'I' or 'Y'; other layout, not decoded)
};
const char* card_type_name(CardType t);

struct CardText {
    CardType type = CardType::resident;
    std::string name;               // UTF-8, spaces trimmed
    std::string gender;             // "1" male, "2" female
    std::string nation;             // GB/T 3304 code, e.g. "01" 汉族
    std::string birth;              // YYYYMMDD
    std::string address;
    std::string id_number;
    std::string issuing_authority;
    std::string valid_from;         // YYYYMMDD
    std::string valid_to;           // YYYYMMDD or "长期"
};

struct CardData {
    CardText text;
    Bytes photo;  // opaque WLT bytes: never written to disk or logs
};

inline constexpr std::size_t card_text_size = 256;
inline constexpr std::size_t card_photo_size = 1024;

// UTF-16LE (with surrogate pairs) → UTF-8; unpaired surrogates become U+FFFD.
std::string utf16le_to_utf8(std::span<const std::uint8_t> bytes);
// UTF-8 → UTF-16LE (used to build simulated cards).
Bytes utf8_to_utf16le(std::string_view text);

// The 256-byte text block → fields. Byte 248 gives the card type.
CardText decode_card_text(std::span<const std::uint8_t> text);
// Fields → the 256-byte text block, space-padded (fields longer than their slot are cut).
Bytes encode_card_text(const CardText& text);

// The data of a 30 01 response (after SW3) → the card. nullopt with `why` when the lengths do not
// add up.
std::optional<CardData> decode_read_data(std::span<const std::uint8_t> data, std::string* why = nullptr);
// The data of a 30 01 response for a card (used by the reader simulator and tests).
Bytes encode_read_data(const CardText& text, std::span<const std::uint8_t> photo);

}  // namespace hallq::idcard
