#pragma once
#include <string>
#include <vector>

namespace ds::core {

// The providers a model spec may name. What each one means (its name, base URL and wire
// format) lives in one table here and in the harness's provider registry; code elsewhere
// asks those, never compares against a value.
enum class Provider { OpenAI, Anthropic, Azure, Gemini, Bedrock };

// What the model spec needs to know of a provider: one row of the table in model_spec.cpp.
struct ProviderInfo {
  Provider id;
  const char* name;          // as written in a spec: "openai"
  const char* base_url_env;  // read when the spec has no @BASE_URL ("" = none)
  const char* url_suffix;    // appended to a base URL that lacks it ("/v1" for Anthropic)
  // The hosted API's base URL when neither the spec nor the variable gives one ("" = the
  // spec must give it); "{AWS_REGION}" is replaced by that variable.
  const char* hosted_base_url;
};

// Every provider, in the order they are listed to the user.
const std::vector<ProviderInfo>& providers();
const ProviderInfo& provider_info(Provider provider);

// A model on the command line: PROVIDER:MODEL[@BASE_URL].
struct ModelSpec {
  Provider provider = Provider::OpenAI;
  std::string model;     // the provider's model name
  std::string name;      // the name in the results store: `model`, unless given `--as NAME`
  std::string base_url;  // http(s)://..., without trailing slash; Anthropic's always ends in /v1
  std::string text;      // as the user wrote it (never contains a key)
};

// Throws InputError naming the spec and the accepted form. Without @BASE_URL the base URL
// is the provider's variable (OPENAI_BASE_URL, ANTHROPIC_BASE_URL, AZURE_OPENAI_ENDPOINT)
// when set (as the official clients read them), otherwise the provider's hosted API.
ModelSpec parse_model_spec(const std::string& text);

// A base URL as the spec or the environment gave it, checked (http:// or https://, a host)
// and normalised: no trailing slash; the provider's suffix appended when missing (Anthropic's
// official SDK's base URL has no "/v1", ours has it: both are accepted). `where` names the
// source in the error ("model spec 'x'", "ANTHROPIC_BASE_URL").
std::string normalize_base_url(Provider provider, std::string url, const std::string& where);

std::string provider_name(Provider provider);

// The base URL used when the spec has no @BASE_URL: the environment variable above when set,
// else the hosted API (https://api.openai.com/v1, https://api.anthropic.com/v1, ...).
std::string default_base_url(Provider provider);

// AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1 (as AWS's SDKs read them).
std::string aws_region();

// OPENAI_BASE_URL, ANTHROPIC_BASE_URL, ...; "" when the provider reads none.
std::string base_url_env_name(Provider provider);

}  // namespace ds::core
