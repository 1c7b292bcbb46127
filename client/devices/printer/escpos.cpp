// escpos.cpp - ticket layout to ESC/POS bytes, and the UTF-8 → GB18030 conversion it prints with.
#include "printer/escpos.h"

#include <cerrno>
#include <iconv.h>
#include <stdexcept>

namespace hallq {

namespace {

class Iconv {
public:
    Iconv() : cd_(iconv_open("GB18030", "UTF-8")) {
        if (cd_ == reinterpret_cast<iconv_t>(-1))
            throw std::runtime_error("GB18030 conversion unavailable (iconv_open GB18030 failed)");
    }
    ~Iconv() { iconv_close(cd_); }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;
    iconv_t get() const { return cd_; }

private:
    iconv_t cd_;
};

std::string cmd(std::initializer_list<int> bytes) {
    std::string out;
    for (int b : bytes) out.push_back(static_cast<char>(b));
    return out;
}

}  // namespace

std::string to_gb18030(std::string_view utf8, int* replaced) {
    Iconv cv;
    std::string out;
    int bad = 0;
    char* in = const_cast<char*>(utf8.data());
    size_t in_left = utf8.size();
    char buf[256];
    while (in_left > 0) {
        char* o = buf;
        size_t o_left = sizeof buf;
        size_t r = iconv(cv.get(), &in, &in_left, &o, &o_left);
        out.append(buf, static_cast<size_t>(o - buf));
        if (r != static_cast<size_t>(-1)) break;
        if (errno == E2BIG) continue;
        // EILSEQ (invalid sequence) or EINVAL (cut off at the end): one '?' for the bad lead byte
        // and its stray continuation bytes.
        out.push_back('?');
        ++bad;
        ++in;
        --in_left;
        while (in_left > 0 && (static_cast<unsigned char>(*in) & 0xC0) == 0x80) {
            ++in;
            --in_left;
        }
    }
    if (replaced) *replaced = bad;
    return out;
}

std::string escpos_qr_code(std::string_view data) {
    using namespace escpos;
    std::string out;
    // Function 165: model 2.
    out += cmd({GS, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00});
    // Function 167: module size.
    out += cmd({GS, '(', 'k', 3, 0, 0x31, 0x43, kQrModuleSize});
    // Function 169: error correction level.
    out += cmd({GS, '(', 'k', 3, 0, 0x31, 0x45, kQrErrorM});
    // Function 180: store the data; the length counts cn, fn, m and the data.
    size_t len = data.size() + 3;
    out += cmd({GS, '(', 'k', static_cast<int>(len & 0xFF), static_cast<int>((len >> 8) & 0xFF),
                0x31, 0x50, 0x30});
    out.append(data);
    // Function 181: print the stored symbol.
    out += cmd({GS, '(', 'k', 3, 0, 0x31, 0x51, 0x30});
    return out;
}

std::vector<TicketLine> ticket_detail_lines(const TicketPrint& t) {
    std::vector<TicketLine> lines;
    if (!t.item_name.empty()) lines.push_back({"item_name", "办理事项：" + t.item_name});
    lines.push_back({"people_ahead", "前面等候：" + std::to_string(t.people_ahead) + " 人"});
    lines.push_back({"wait_minutes", "预计等待：约 " + std::to_string(t.wait_minutes) + " 分钟"});
    lines.push_back({"issued_at", "取号时间：" + t.issued_at});
    if (!t.materials.empty()) lines.push_back({"materials", "请携带：" + t.materials});
    return lines;
}

std::string build_ticket_escpos(const TicketPrint& t, std::vector<std::string>* problems) {
    using namespace escpos;
    auto text = [&](std::string_view field, const std::string& utf8) {
        int bad = 0;
        std::string g = to_gb18030(utf8, &bad);
        if (bad > 0 && problems)
            problems->push_back(std::string(field) + ": " + std::to_string(bad) +
                                " character(s) are not valid UTF-8, printed as '?'");
        return g;
    };
    auto line = [&](std::string_view field, const std::string& utf8) {
        return text(field, utf8) + LF;
    };

    std::string out;
    out += cmd({ESC, '@'});                 // initialise
    out += cmd({FS, '&'});                  // Chinese character mode (GB18030)
    out += cmd({ESC, 'a', 1});              // centre
    out += cmd({GS, '!', kTitleSize});
    out += line("hall_name", t.hall_name);
    out += cmd({GS, '!', 0});
    out += line("queue_name", t.queue_name);
    out += LF;
    out += cmd({GS, '!', kNumberSize});
    out += cmd({ESC, 'E', 1});              // bold
    out += line("number", t.number);
    out += cmd({ESC, 'E', 0});
    out += cmd({GS, '!', 0});
    out += LF;
    out += cmd({ESC, 'a', 0});              // left
    for (const TicketLine& l : ticket_detail_lines(t)) out += line(l.field, l.text);
    if (!t.notice.empty()) out += line("notice", t.notice);
    out += LF;
    out += cmd({ESC, 'a', 1});
    if (!t.lookup.empty()) {
        out += escpos_qr_code(t.lookup);
        out += line("qr_caption", "扫码查询排队进度");
    }
    out += line("footer", t.footer);
    out += cmd({ESC, 'a', 0});
    out += cmd({ESC, 'd', kFeedLines});     // feed past the cutter
    out += cmd({GS, 'V', 1});               // partial cut
    return out;
}

}  // namespace hallq
