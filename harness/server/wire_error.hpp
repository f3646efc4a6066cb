#pragma once
// An API error as both providers describe it: HTTP status plus the provider's error fields.
// Thrown by request parsing; rendered by each wire format into its own error body.
#include <stdexcept>
#include <string>
#include "harness/layer.hpp"

namespace ds::harness::server {

enum class Api { openai, anthropic };

struct WireError : std::runtime_error {
  WireError(int status, std::string kind, const std::string& message, std::string param = "",
            std::string code = "")
      : std::runtime_error(message), status(status), kind(std::move(kind)),
        param(std::move(param)), code(std::move(code)) {}
  int status;
  std::string kind;   // "invalid_request", "not_found", "rate_limit", "server", "overloaded"
  std::string param;  // OpenAI's "param" (empty = null)
  std::string code;   // OpenAI's "code" (empty = null)
};

}  // namespace ds::harness::server
