#include "core/model_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/errors.hpp"
#include "core/utf8.hpp"

namespace ds::core {

namespace {

constexpr const char* kSpecForm =
    "expected PROVIDER:MODEL[@BASE_URL], e.g. openai:gpt-4o-mini, anthropic:claude-sonnet-4-5 "
    "or openai:llama3.1@http://localhost:11434/v1";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string provider_list() {
  std::string out;
  for (const auto& p : providers()) out += (out.empty() ? "" : ", ") + std::string(p.name);
  return out;
}

// Whether the text after an '@' is meant as an address rather than part of a model name
// ("claude-3-5-sonnet@20240620" is a name on some platforms; "127.0.0.1:8000/v1" is not).
bool looks_like_address(const std::string& s) {
  return s.find("://") != std::string::npos || s.find('/') != std::string::npos ||
         s.find(':') != std::string::npos || s.find('.') != std::string::npos ||
         s.rfind("localhost", 0) == 0;
}

// The URL as it was probably meant: a misspelt scheme ("http//", "http:/", "https:") replaced
// by a whole one, or "http://" put in front when there is none.
std::string url_with_scheme(const std::string& url) {
  for (const char* scheme : {"https", "http"}) {
    const size_t n = std::char_traits<char>::length(scheme);
    if (url.size() <= n || url.compare(0, n, scheme) != 0 || (url[n] != ':' && url[n] != '/')) continue;
    size_t rest = n;
    while (rest < url.size() && (url[rest] == ':' || url[rest] == '/')) ++rest;
    return std::string(scheme) + "://" + url.substr(rest);
  }
  const size_t sep = url.find("://");
  return "http://" + (sep == std::string::npos ? url : url.substr(sep + 3));
}

}  // namespace

const std::vector<ProviderInfo>& providers() {
  static const std::vector<ProviderInfo> table = {
      {Provider::OpenAI, "openai", "OPENAI_BASE_URL", "", "https://api.openai.com/v1"},
      {Provider::Anthropic, "anthropic", "ANTHROPIC_BASE_URL", "/v1", "https://api.anthropic.com/v1"},
      // An Azure resource has its own host: the spec or AZURE_OPENAI_ENDPOINT must name it.
      {Provider::Azure, "azure", "AZURE_OPENAI_ENDPOINT", "", ""},
      {Provider::Gemini, "gemini", "", "/v1beta", "https://generativelanguage.googleapis.com/v1beta"},
      {Provider::Bedrock, "bedrock", "", "", "https://bedrock-runtime.{AWS_REGION}.amazonaws.com"},
  };
  return table;
}

const ProviderInfo& provider_info(Provider provider) {
  return providers().at(static_cast<size_t>(provider));
}

std::string provider_name(Provider provider) { return provider_info(provider).name; }

std::string base_url_env_name(Provider provider) { return provider_info(provider).base_url_env; }

std::string normalize_base_url(Provider provider, std::string url, const std::string& where) {
  const bool http = url.rfind("http://", 0) == 0;
  const bool https = url.rfind("https://", 0) == 0;
  if (!http && !https) {
    const std::string suggestion = url_with_scheme(url);
    throw InputError(fmt::format("{}: base URL '{}' must start with http:// or https:// (e.g. {}{})", where, url,
                                 suggestion, suggestion.find('/', 8) == std::string::npos ? "/v1" : ""));
  }
  const std::string rest = url.substr(http ? 7 : 8);
  if (rest.empty() || rest.front() == '/' || rest.front() == ':')
    throw InputError(fmt::format("{}: base URL '{}' has no host", where, url));
  while (!url.empty() && url.back() == '/') url.pop_back();
  // Anthropic's SDK takes https://api.anthropic.com and adds /v1/messages; ours takes the
  // /v1 form and adds /messages. Either way the requests go to .../v1/messages.
  const std::string suffix = provider_info(provider).url_suffix;
  if (!suffix.empty() && !ends_with(url, suffix)) url += suffix;
  return url;
}

std::string aws_region() {
  for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"})
    if (const char* value = std::getenv(name); value && *value) return value;
  return "us-east-1";
}

std::string default_base_url(Provider provider) {
  const ProviderInfo& info = provider_info(provider);
  const std::string variable = info.base_url_env;
  if (const char* value = variable.empty() ? nullptr : std::getenv(variable.c_str()); value && *value)
    return normalize_base_url(provider, value, variable);
  std::string url = info.hosted_base_url;
  if (url.empty())
    throw InputError(fmt::format("a {} model needs its endpoint: write {}:NAME@https://HOST or set {}",
                                 info.name, info.name, variable));
  const std::string region_mark = "{AWS_REGION}";
  if (const auto at = url.find(region_mark); at != std::string::npos) url.replace(at, region_mark.size(), aws_region());
  return url;
}

ModelSpec parse_model_spec(const std::string& raw) {
  // A model name from a command line may be any bytes; stored names are valid UTF-8.
  const std::string text = utf8_sanitize(raw);
  const auto bad = [&](const std::string& why) {
    return InputError(fmt::format("model spec '{}': {}; {}", text, why, kSpecForm));
  };
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw bad("no provider");
  ModelSpec spec;
  spec.text = text;
  const std::string provider = text.substr(0, colon);
  const auto& table = providers();
  const auto found = std::find_if(table.begin(), table.end(), [&](const ProviderInfo& p) { return p.name == provider; });
  if (found == table.end()) throw bad(fmt::format("unknown provider '{}' (use one of {})", provider, provider_list()));
  spec.provider = found->id;
  const std::string rest = text.substr(colon + 1);
  // The model name may itself contain ':' (Ollama tags) or '@' (dated names), so the base
  // URL starts at the first '@' followed by something address-like.
  size_t at = std::string::npos;
  for (size_t i = rest.find('@'); i != std::string::npos; i = rest.find('@', i + 1))
    if (looks_like_address(rest.substr(i + 1))) {
      at = i;
      break;
    }
  if (at != std::string::npos) {
    spec.model = rest.substr(0, at);
    spec.base_url = normalize_base_url(spec.provider, rest.substr(at + 1), fmt::format("model spec '{}'", text));
  } else {
    spec.model = rest;
    spec.base_url = default_base_url(spec.provider);
  }
  if (spec.model.empty()) throw bad("empty model name");
  spec.name = spec.model;
  return spec;
}

}  // namespace ds::core
