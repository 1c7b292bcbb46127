// idcard_card.cpp - decoding and encoding the card holder's text block (UTF-16LE fields).
#include "idcard/idcard_card.h"

#include "core/utf8.h"

namespace hallq::idcard {
namespace {

struct Slot {
    std::size_t offset, size;
};
constexpr Slot name_slot{0, 30}, gender_slot{30, 2}, nation_slot{32, 4}, birth_slot{36, 16},
    address_slot{52, 70}, id_slot{122, 36}, authority_slot{158, 30}, from_slot{188, 16},
    to_slot{204, 16};
constexpr std::size_t type_byte = 248;

std::string trim(std::string s) {
    const auto is_pad = [](char c) { return c == ' ' || c == '\0'; };
    while (!s.empty() && is_pad(s.back())) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && is_pad(s[i])) ++i;
    return s.substr(i);
}

std::string field(std::span<const std::uint8_t> text, Slot s) {
    return trim(utf16le_to_utf8(text.subspan(s.offset, s.size)));
}

void put_field(Bytes& text, Slot s, std::string_view value) {
    Bytes u = utf8_to_utf16le(value);
    if (u.size() > s.size) u.resize(s.size);
    std::copy(u.begin(), u.end(), text.begin() + static_cast<std::ptrdiff_t>(s.offset));
}

}  // namespace

const char* card_type_name(CardType t) {
    switch (t) {
    case CardType::resident: return "resident ID card";
    case CardType::hk_macao_taiwan_permit: return "HK/Macao/Taiwan residence permit";
    case CardType::foreigner_permanent: return "foreigner permanent residence card";
    }
    return "card";
}

std::string utf16le_to_utf8(std::span<const std::uint8_t> bytes) {
    std::string out;
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        char32_t c = static_cast<char32_t>(bytes[i] | (bytes[i + 1] << 8));
        if (c >= 0xD800 && c <= 0xDBFF && i + 3 < bytes.size()) {
            const char32_t lo = static_cast<char32_t>(bytes[i + 2] | (bytes[i + 3] << 8));
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else {
                c = 0xFFFD;
            }
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        utf8::append(out, c);
    }
    return out;
}

Bytes utf8_to_utf16le(std::string_view s) {
    Bytes out;
    auto put = [&](char32_t u) {
        out.push_back(static_cast<std::uint8_t>(u & 0xFF));
        out.push_back(static_cast<std::uint8_t>(u >> 8));
    };
    for (char32_t c : utf8::decode(s)) {
        if (c >= 0x10000) {
            put(0xD800 + ((c - 0x10000) >> 10));
            put(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            put(c);
        }
    }
    return out;
}

CardText decode_card_text(std::span<const std::uint8_t> text) {
    CardText t;
    if (text.size() < card_text_size) return t;
    const auto kind = text[type_byte];
    if (kind == 'J') t.type = CardType::hk_macao_taiwan_permit;
    else if (kind == 'I' || kind == 'Y') {
        t.type = CardType::foreigner_permanent;
        return t;  // different field layout: not decoded
    }
    t.name = field(text, name_slot);
    t.gender = field(text, gender_slot);
    t.nation = field(text, nation_slot);
    t.birth = field(text, birth_slot);
    t.address = field(text, address_slot);
    t.id_number = field(text, id_slot);
    t.issuing_authority = field(text, authority_slot);
    t.valid_from = field(text, from_slot);
    t.valid_to = field(text, to_slot);
    return t;
}

Bytes encode_card_text(const CardText& t) {
    Bytes text(card_text_size, 0);
    for (std::size_t i = 0; i + 1 < type_byte; i += 2) text[i] = ' ';  // UTF-16LE spaces
    put_field(text, name_slot, t.name);
    put_field(text, gender_slot, t.gender);
    put_field(text, nation_slot, t.nation);
    put_field(text, birth_slot, t.birth);
    put_field(text, address_slot, t.address);
    put_field(text, id_slot, t.id_number);
    put_field(text, authority_slot, t.issuing_authority);
    put_field(text, from_slot, t.valid_from);
    put_field(text, to_slot, t.valid_to);
    if (t.type == CardType::hk_macao_taiwan_permit) text[type_byte] = 'J';
    if (t.type == CardType::foreigner_permanent) text[type_byte] = 'I';
    return text;
}

std::optional<CardData> decode_read_data(std::span<const std::uint8_t> data, std::string* why) {
    auto fail = [&](const char* m) -> std::optional<CardData> {
        if (why) *why = m;
        return std::nullopt;
    };
    if (data.size() < 4) return fail("read response too short for the length fields");
    const std::size_t text_len = (std::size_t{data[0]} << 8) | data[1];
    const std::size_t photo_len = (std::size_t{data[2]} << 8) | data[3];
    if (text_len != card_text_size) return fail("unexpected text length in read response");
    if (data.size() != 4 + text_len + photo_len)
        return fail("read response length does not match its text and photo lengths");
    CardData card;
    card.text = decode_card_text(data.subspan(4, text_len));
    const auto photo = data.subspan(4 + text_len, photo_len);
    card.photo.assign(photo.begin(), photo.end());
    return card;
}

Bytes encode_read_data(const CardText& text, std::span<const std::uint8_t> photo) {
    Bytes d{static_cast<std::uint8_t>(card_text_size >> 8), static_cast<std::uint8_t>(card_text_size & 0xFF),
            static_cast<std::uint8_t>(photo.size() >> 8), static_cast<std::uint8_t>(photo.size() & 0xFF)};
    const Bytes t = encode_card_text(text);
    d.insert(d.end(), t.begin(), t.end());
    d.insert(d.end(), photo.begin(), photo.end());
    return d;
}

}  // namespace hallq::idcard
