#include "harness/endpoints/azure.hpp"

#include <cstdlib>

#include "harness/endpoints/openai.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

std::string api_version() {
  const char* value = std::getenv("OPENAI_API_VERSION");
  return value && *value ? value : kAzureDefaultApiVersion;
}

// The spec's model is the deployment name; the resource is the base URL
// (https://RESOURCE.openai.azure.com). The key goes in "api-key", not a bearer token.
class AzureApi : public OpenAiApi {
 public:
  std::vector<std::string> key_variables() const override { return {"AZURE_OPENAI_API_KEY"}; }
  std::string chat_url(const ModelSpec& spec, bool) const override {
    return spec.base_url + "/openai/deployments/" + spec.model + "/chat/completions?api-version=" + api_version();
  }
  void authenticate(const ModelSpec&, const std::string& key, HttpRequest& http) const override {
    if (!key.empty()) http.headers.emplace_back("api-key", key);
  }
  // /openai/models lists base models, not deployments: the check sends one token instead.
  std::optional<std::string> models_url(const ModelSpec&) const override { return std::nullopt; }
};

}  // namespace

const ProviderApi& azure_api() {
  static const AzureApi api;
  return api;
}

}  // namespace ds::harness
