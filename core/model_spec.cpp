#include "core/model_spec.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/utf8.hpp"

namespace ds::core {

std::string provider_name(Provider provider) {
  return provider == Provider::OpenAI ? "openai" : "anthropic";
}

std::string default_base_url(Provider provider) {
  return provider == Provider::OpenAI ? "https://api.openai.com/v1" : "https://api.anthropic.com/v1";
}

ModelSpec parse_model_spec(const std::string& raw) {
  // A model name from a command line may be any bytes; stored names are valid UTF-8.
  const std::string text = utf8_sanitize(raw);
  const auto bad = [&](const std::string& why) {
    return InputError(fmt::format(
        "model spec '{}': {}; expected PROVIDER:MODEL[@BASE_URL], e.g. openai:gpt-4o-mini, "
        "anthropic:claude-sonnet-4-5 or openai:llama3.1@http://localhost:11434/v1",
        text, why));
  };
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw bad("no provider");
  ModelSpec spec;
  spec.text = text;
  const std::string provider = text.substr(0, colon);
  if (provider == "openai") {
    spec.provider = Provider::OpenAI;
  } else if (provider == "anthropic") {
    spec.provider = Provider::Anthropic;
  } else {
    throw bad(fmt::format("unknown provider '{}' (use openai or anthropic)", provider));
  }
  std::string rest = text.substr(colon + 1);
  // The model name may itself contain ':' (e.g. Ollama tags), so split on the first '@'
  // that starts a URL.
  const auto at = rest.find("@http");
  if (at != std::string::npos) {
    spec.model = rest.substr(0, at);
    spec.base_url = rest.substr(at + 1);
  } else {
    spec.model = rest;
    spec.base_url = default_base_url(spec.provider);
  }
  while (!spec.base_url.empty() && spec.base_url.back() == '/') spec.base_url.pop_back();
  if (spec.model.empty()) throw bad("empty model name");
  return spec;
}

}  // namespace ds::core
