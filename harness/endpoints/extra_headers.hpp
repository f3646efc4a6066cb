#pragma once
// Extra request headers for gateways (--header 'Name: value', `headers:` in a config). A
// value may name an environment variable as "$VAR": the header then carries its value. The
// values may be secrets: they live in memory only, never in the store, the cache key, a log
// or a message.
#include <string>
#include <vector>

#include "harness/endpoints/provider_api.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// Each "Name: value" as a header; throws InputError naming the header (never its value) when
// the name is not a header name or a "$VAR" is unset.
HeaderPairs resolve_extra_headers(const std::vector<std::string>& specs);

// The values that may be secrets, to redact from what a server sends back: those of 16
// characters or more (tokens, keys). Shorter ones ("acme", "json") are ordinary words an
// answer may hold.
std::vector<std::string> secret_header_values(const HeaderPairs& headers);

// Whether `spec` has the form above (for the option's check before any request).
std::string extra_header_problem(const std::string& spec);

}  // namespace ds::harness
