#pragma once
// API keys live only in environment variables and memory. These helpers keep them out of
// what we store and out of core dumps.
#include <string>
#include <string_view>

namespace ds::core {

// Replaces every run of text made of pieces of `secret` at least 8 characters long with
// "[redacted]" (a server may echo the key minus a prefix such as "sk-ant-"). Secrets shorter
// than 8 characters are redacted where they occur whole (4 characters at least).
void redact_secret(std::string& text, std::string_view secret);

// No core file and no ptrace attach by other processes of the same user for this process
// (RLIMIT_CORE 0, PR_SET_DUMPABLE 0): a crash must not write the keys in memory to disk.
void keep_secrets_out_of_core_dumps();

}  // namespace ds::core
