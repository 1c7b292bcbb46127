// translation.h - the apps' one translation regime: every user-facing text is written in English
// through _() and translated by the app's wx catalog (po/zh_CN.po in its folder, built into
// DOMAIN.mo). Simplified Chinese is the default; the kiosk switches language per visitor.
#pragma once
#include <wx/string.h>
#include <wx/translation.h>

#include <string>

namespace hallq {

// From now on _() says texts in `lang`: "zh" through the catalog `domain` (zh_CN), "en" as written.
// Returns false when the Chinese catalog was not found (texts then stay English).
bool use_language(const std::string& lang, const std::string& domain);

// A line in both languages, Chinese first, for screens every visitor reads at once:
// zh_en("Called") → "已叫号 / Called"; with arguments, both are formatted alike.
inline wxString zh_en(const char* english) { return wxGetTranslation(english) + " / " + english; }
// The same, with the Chinese of `context` (msgctxt) where one English line has two Chinese ones.
inline wxString zh_en_in(const char* context, const char* english) {
    return wxGetTranslation(english, wxString(), context) + " / " + english;
}
template <typename... Args>
wxString zh_en(const char* english, Args... args) {
    return wxString::Format(wxGetTranslation(english), args...) + " / " + wxString::Format(english, args...);
}

}  // namespace hallq
