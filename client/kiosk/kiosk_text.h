// kiosk_text.h - the kiosk's lines (KioskLine, from the session) said in the visitor's language:
// English as written here, Chinese from the kiosk's catalog (po/zh_CN.po, domain hallq-kiosk),
// chosen with use_language() when the visitor switches.
#pragma once
#include <wx/string.h>

#include <string>
#include <vector>

#include "kiosk_session.h"

namespace hallq {

inline constexpr const char* kKioskCatalog = "hallq-kiosk";

// The text in the language now in use; "{}" placeholders are filled from `args` in order.
wxString say(Text t, const std::vector<std::string>& args = {});
// A line: a text, or the server's refusal with its detail (in `lang`).
wxString say(const KioskLine& line, Lang lang);

}  // namespace hallq
