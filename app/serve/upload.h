// Checks one uploaded report: the bytes go to a private temporary directory (0700, removed
// before returning) under a fixed name; the name the client sent is used only to pick the
// reader by its extension and to be shown, never as a path.
#pragma once

#include <functional>
#include <string>

#include "app/isolate/isolated_check.h"

namespace nianbao {

struct Rules;

// The extension a reader accepts (".pdf", ".docx", ".doc", ".wps", ".html", ".htm", ".txt",
// ".md"), lower-cased, from the client's file name; ".txt" when there is none it knows.
std::string upload_extension(const std::string& client_name);

// The client's file name reduced to something safe to show: its last path component, control
// characters removed, at most 200 bytes.
std::string display_name(const std::string& client_name);

// Writes the bytes to a private directory, checks them in a child process under `limits` (an
// upload that crashes or hangs a reader costs that child only) and removes the directory.
// `render` receives the result while the file exists (page images read it).
std::string check_upload(const std::string& client_name, const std::string& bytes, const Rules& rules,
                         const Limits& limits, const std::function<std::string(const CheckResult&)>& render);

}  // namespace nianbao
