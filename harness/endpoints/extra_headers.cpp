#include "harness/endpoints/extra_headers.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "core/errors.hpp"
#include "core/utf8.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

// RFC 9110 token characters.
bool is_header_name(const std::string& name) {
  if (name.empty()) return false;
  for (const char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos)
      return false;
  return true;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(s.begin());
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

}  // namespace

std::string extra_header_problem(const std::string& spec) {
  const auto colon = spec.find(':');
  const std::string name = trimmed(spec.substr(0, colon));
  if (colon == std::string::npos || !is_header_name(name))
    return "expected 'Name: value' (or 'Name: $VARIABLE' to read the value from the environment)";
  const std::string value = trimmed(spec.substr(colon + 1));
  if (value.find_first_of("\r\n") != std::string::npos || value.empty())
    return fmt::format("header '{}': the value must be one non-empty line", excerpt_for_message(name, 60));
  return "";
}

std::vector<std::string> secret_header_values(const HeaderPairs& headers) {
  constexpr size_t kSecretLength = 16;
  std::vector<std::string> values;
  for (const auto& header : headers)
    if (header.second.size() >= kSecretLength) values.push_back(header.second);
  return values;
}

HeaderPairs resolve_extra_headers(const std::vector<std::string>& specs) {
  HeaderPairs headers;
  for (const auto& spec : specs) {
    if (const std::string why = extra_header_problem(spec); !why.empty())
      throw InputError(fmt::format("--header: {}", why));  // the text may hold a secret: not shown
    const auto colon = spec.find(':');
    const std::string name = trimmed(spec.substr(0, colon));
    std::string value = trimmed(spec.substr(colon + 1));
    if (value.front() == '$') {
      const char* from_env = std::getenv(value.c_str() + 1);
      if (!from_env || !*from_env)
        throw InputError(fmt::format("--header '{}: {}': the environment variable {} is not set", name,
                                     excerpt_for_message(value, 60), excerpt_for_message(value.substr(1), 60)));
      value = from_env;
      if (value.find_first_of("\r\n") != std::string::npos)
        throw InputError(fmt::format("--header '{}': the value of {} must be one line", name,
                                     excerpt_for_message(spec.substr(colon + 1), 60)));
    }
    headers.emplace_back(name, std::move(value));
  }
  return headers;
}

}  // namespace ds::harness
