#include "harness/endpoints/provider_api.hpp"

#include <array>
#include <cstdlib>

#include "harness/endpoints/anthropic.hpp"
#include "harness/endpoints/azure.hpp"
#include "harness/endpoints/bedrock.hpp"
#include "harness/endpoints/gemini.hpp"
#include "harness/endpoints/openai.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

bool append_stream_text(StreamState& state, const std::string& piece) {
  if (piece.empty()) return false;
  state.response.text += piece;
  const bool first = !state.got_text;
  state.got_text = true;
  return first;
}

std::string ProviderApi::read_key(const std::string& override_env) const {
  const std::vector<std::string> names = override_env.empty() ? key_variables() : std::vector{override_env};
  for (const auto& name : names)
    if (const char* value = std::getenv(name.c_str()); value && *value) return value;
  return "";
}

// OpenAI {"error":{"message","type","code"}}, Anthropic {"type":"error","error":{"type",
// "message"}}, Google {"error":{"code":403,"message","status"}}.
std::string ProviderApi::error_message(const json& body) const {
  if (!body.is_object()) return "";
  const auto error = body.find("error");
  if (error == body.end() || error->is_null()) return "";
  if (error->is_string()) return error->get<std::string>();
  if (!error->is_object()) return "error of unexpected type " + std::string(error->type_name());
  std::string kind, message;
  for (const char* key : {"type", "code", "status"}) {
    const auto it = error->find(key);
    if (it != error->end() && it->is_string() && kind.empty()) kind = it->get<std::string>();
  }
  const auto it = error->find("message");
  if (it != error->end() && it->is_string()) message = it->get<std::string>();
  if (kind.empty()) return message.empty() ? "unspecified error" : message;
  return message.empty() ? kind : kind + ": " + message;
}

const ProviderApi& provider_api(Provider provider) {
  // In the order of core::Provider (a test checks every provider has its entry).
  static const std::array<const ProviderApi*, 5> registry = {&openai_api(), &anthropic_api(), &azure_api(),
                                                             &gemini_api(), &bedrock_api()};
  return *registry.at(static_cast<size_t>(provider));
}

}  // namespace ds::harness
