#pragma once
#include <string>

namespace ds::core {

enum class Provider { OpenAI, Anthropic };

// A model on the command line: PROVIDER:MODEL[@BASE_URL].
struct ModelSpec {
  Provider provider = Provider::OpenAI;
  std::string model;     // the provider's model name
  std::string name;      // the name in the results store: `model`, unless given `--as NAME`
  std::string base_url;  // http(s)://..., without trailing slash; Anthropic's always ends in /v1
  std::string text;      // as the user wrote it (never contains a key)
};

// Throws InputError naming the spec and the accepted form. Without @BASE_URL the base URL
// is OPENAI_BASE_URL / ANTHROPIC_BASE_URL when set (as the official clients read them),
// otherwise the provider's hosted API.
ModelSpec parse_model_spec(const std::string& text);

// A base URL as the spec or the environment gave it, checked (http:// or https://, a host)
// and normalised: no trailing slash; for Anthropic, "/v1" appended when missing (the
// official SDK's base URL has none, ours has it: both are accepted). `where` names the
// source in the error ("model spec 'x'", "ANTHROPIC_BASE_URL").
std::string normalize_base_url(Provider provider, std::string url, const std::string& where);

std::string provider_name(Provider provider);

// The base URL used when the spec has no @BASE_URL: the environment variable above when set,
// else https://api.openai.com/v1 or https://api.anthropic.com/v1.
std::string default_base_url(Provider provider);

// OPENAI_BASE_URL or ANTHROPIC_BASE_URL.
std::string base_url_env_name(Provider provider);

}  // namespace ds::core
