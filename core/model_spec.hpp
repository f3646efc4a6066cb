#pragma once
#include <string>

namespace ds::core {

enum class Provider { OpenAI, Anthropic };

// A model on the command line: PROVIDER:MODEL[@BASE_URL].
struct ModelSpec {
  Provider provider = Provider::OpenAI;
  std::string model;     // the provider's model name, also the name in the results store
  std::string base_url;  // without trailing slash; the provider default when not given
  std::string text;      // as the user wrote it (never contains a key)
};

// Throws InputError naming the spec and the accepted form.
ModelSpec parse_model_spec(const std::string& text);

std::string provider_name(Provider provider);

// Default API base URLs, used when the spec has no @BASE_URL.
std::string default_base_url(Provider provider);

}  // namespace ds::core
