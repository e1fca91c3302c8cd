// Checks one uploaded report from the bytes received: nothing is written to disk (only a
// .doc/.wps goes to LibreOffice's private temporary directory). The name the client sent is
// used only to pick the reader by its extension and to be shown, never as a path.
#pragma once

#include <functional>
#include <string>

#include "app/isolate/isolated_check.h"

namespace nianbao {

struct Rules;

// The client's file name reduced to something safe to show: its last path component, control
// characters removed, at most 200 bytes.
std::string display_name(const std::string& client_name);

// Checks the bytes in a child process under `limits` (an upload that crashes or hangs a reader
// costs that child only), named by display_name(client_name).
std::string check_upload(const std::string& client_name, const std::string& bytes, const Rules& rules,
                         const Limits& limits, const std::function<std::string(const CheckResult&)>& render);

}  // namespace nianbao
