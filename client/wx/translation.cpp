// translation.cpp - catalogs looked up beside the installed program, then in the build tree.
#include "translation.h"

#include <filesystem>

#ifndef HALLQ_BUILD_LOCALE_DIR
#define HALLQ_BUILD_LOCALE_DIR ""
#endif

namespace hallq {

bool use_language(const std::string& lang, const std::string& domain) {
    static const bool paths_added = [] {
        namespace fs = std::filesystem;
        std::error_code ec;
        fs::path exe = fs::canonical("/proc/self/exe", ec);
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix((exe.parent_path() / "../share/locale").string());
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(HALLQ_BUILD_LOCALE_DIR);
        return true;
    }();
    (void)paths_added;
    // A new set of translations each time: a catalog once loaded cannot be unloaded.
    auto* translations = new wxTranslations();
    wxTranslations::Set(translations);  // deletes the previous set
    if (lang != "zh") return true;
    translations->SetLanguage("zh_CN");
    return translations->AddCatalog(wxString::FromUTF8(domain));
}

}  // namespace hallq
