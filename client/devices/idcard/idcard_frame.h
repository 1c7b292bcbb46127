// idcard_frame.h - the GA/T 467 frame protocol of second-generation ID-card readers (SAM module).
//
// Pure codec, no I/O: request frames for every command, an incremental parser that turns a byte
// stream from the reader into frames (resynchronising on the AA AA AA 96 69 header, rejecting bad
// lengths and checksums, with a bounded buffer), and the SW3 status codes with their messages.
// Frame: AA AA AA 96 69 | LEN (2, big-endian) | payload | CHK; LEN counts payload + CHK, CHK is the
// XOR of LEN and payload. A request payload is CMD PARA DATA, a response payload SW1 SW2 SW3 DATA.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hallq::idcard {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::uint8_t frame_header[5] = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
// The largest LEN accepted: text + photo + fingerprint (256 + 1024 + 1024) and the fixed fields,
// with room to spare. Anything longer is a broken or hostile stream.
inline constexpr std::size_t max_frame_len = 4096;
inline constexpr std::size_t min_frame_len = 3;  // CMD PARA CHK

enum class Command {
    reset_sam,                // 10 FF
    sam_status,               // 11 FF
    read_sam_id,              // 12 FF
    find_card,                // 20 01
    select_card,              // 20 02
    read_text_photo,          // 30 01
    read_text_photo_finger,   // 30 10
    read_appended_address,    // 30 03
};

struct CommandCode {
    std::uint8_t cmd, para;
};
CommandCode command_code(Command c);

// A whole frame, header and checksum included, around `payload`.
Bytes build_frame(std::span<const std::uint8_t> payload);
// The request frame of a command (no data).
Bytes build_request(Command c);
// A response frame (used by the reader simulator and tests).
Bytes build_response(std::uint8_t sw3, std::span<const std::uint8_t> data = {},
                     std::uint8_t sw1 = 0x00, std::uint8_t sw2 = 0x00);
// XOR of the bytes.
std::uint8_t xor_checksum(std::span<const std::uint8_t> bytes);

// SW3 of a response.
enum class Status {
    ok,                 // 90
    card_found,         // 9F
    field_empty,        // 91
    checksum_error,     // 10
    length_error,       // 11
    bad_command,        // 21
    unauthorised,       // 23
    unknown_error,      // 24
    auth_failed,        // 31, 32, 33
    wrong_card_type,    // 40
    read_failed,        // 41
    random_failed,      // 47
    sam_self_test,      // 60
    sam_not_authorised, // 66
    find_failed,        // 80
    select_failed,      // 81
    unrecognised,       // any other code
};
Status status_from_sw3(std::uint8_t sw3);
const char* status_message_zh(Status s);
const char* status_message_en(Status s);

struct ResponseFrame {
    std::uint8_t sw1 = 0, sw2 = 0, sw3 = 0;
    Bytes data;  // between SW3 and CHK
    Status status() const { return status_from_sw3(sw3); }
};

// A frame's payload (between LEN and CHK) read as a response; nullopt when shorter than SW1-SW3.
std::optional<ResponseFrame> as_response(const Bytes& payload);

enum class FrameError { bad_length, bad_checksum, truncated };
const char* frame_error_message(FrameError e);

// One thing the parser found: a frame's payload, or a rejected candidate frame.
struct ParseEvent {
    std::optional<FrameError> error;
    Bytes payload;  // valid when !error
};

// Incremental parser. Bytes before a header are skipped (and counted); a candidate frame with a bad
// length or checksum is reported and the parser resynchronises on the next header after its first
// byte. At most one candidate frame (max_frame_len + 7 bytes) is buffered, whatever is fed.
class FrameParser {
public:
    // Consumes `bytes`, appending what was found to `out`.
    void feed(std::span<const std::uint8_t> bytes, std::vector<ParseEvent>& out);
    // At the end of a stream (timeout, device closed): a truncated error if a frame had begun.
    std::optional<FrameError> finish();
    void reset();

    std::size_t buffered() const { return buf_.size(); }
    std::size_t skipped() const { return skipped_; }  // noise bytes outside any frame
    bool in_frame() const;                            // a full header has been seen

private:
    void process(std::vector<ParseEvent>& out);
    std::deque<std::uint8_t> buf_;
    std::size_t skipped_ = 0;
};

}  // namespace hallq::idcard
