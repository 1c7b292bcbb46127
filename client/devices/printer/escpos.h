// escpos.h - a queue ticket laid out for a thermal ticket printer as ESC/POS bytes.
//
// The layout: init (ESC @), Chinese mode (FS &) so the printer reads GB18030 text, the hall name
// centred and doubled, the ticket number in large type (GS !), the waiting details left-aligned,
// a QR code (GS ( k, model 2, error correction M) with the lookup text for checking the ticket's
// status on a phone, then a feed and a partial cut (GS V). Text is converted from UTF-8 to
// GB18030; bytes that are not valid UTF-8 print as '?' and are reported as problems.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hallq {

struct TicketPrint {
    std::string hall_name;      // e.g. 市民服务中心
    std::string number;         // e.g. A012
    std::string queue_name;     // e.g. 社保业务
    std::string item_name;      // e.g. 社保卡补办
    int people_ahead = 0;
    int wait_minutes = 0;       // estimated wait
    std::string issued_at;      // e.g. 2026-11-22 09:15
    std::string materials;      // e.g. 身份证原件、一寸照片
    std::string lookup;         // QR code content, e.g. the ticket id or a status URL
    std::string notice;         // optional extra line, e.g. 绿色通道 优先办理
    std::string footer = "请留意叫号";  // e.g. 请留意叫号，过号请到导服台咨询 (the hall's rule)
};

namespace escpos {
// Command bytes the layout uses; tests and the device path share them.
inline constexpr char ESC = 0x1B, GS = 0x1D, FS = 0x1C, DLE = 0x10, EOT = 0x04, LF = 0x0A;
inline constexpr unsigned char kTitleSize = 0x11;   // GS ! : double width and height
inline constexpr unsigned char kNumberSize = 0x33;  // GS ! : four times width and height
inline constexpr unsigned char kQrModuleSize = 6;   // GS ( k <C>: dots per QR module
inline constexpr unsigned char kQrErrorM = 0x31;    // GS ( k <E>: error correction level M
inline constexpr int kFeedLines = 4;                // ESC d before the cut
}  // namespace escpos

// UTF-8 → GB18030 through iconv. Invalid UTF-8 becomes '?'; `replaced` (if given) counts them.
// Throws std::runtime_error when the system has no GB18030 converter.
std::string to_gb18030(std::string_view utf8, int* replaced = nullptr);

// The GS ( k sequence that stores `data` in the QR symbol buffer and prints it.
std::string escpos_qr_code(std::string_view data);

// The ticket's detail lines, the same on the thermal printer and on a drawn ticket: the field each
// comes from (named in problem reports) and its UTF-8 text. Empty item and materials are left out.
struct TicketLine {
    std::string_view field;
    std::string text;
};
std::vector<TicketLine> ticket_detail_lines(const TicketPrint& t);

// The whole ticket. Fields whose text could not be converted cleanly are named in `problems`
// (the ticket still prints, with '?' in their place).
std::string build_ticket_escpos(const TicketPrint& t, std::vector<std::string>* problems = nullptr);

}  // namespace hallq
