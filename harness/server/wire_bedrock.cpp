#include "harness/server/wire_bedrock.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "core/json_bounded.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

// The exception Bedrock names in x-amzn-ErrorType for the HTTP statuses serve answers.
const char* error_type(int status) {
  switch (status) {
    case 403: return "AccessDeniedException";
    case 404: return "ResourceNotFoundException";
    case 429: return "ThrottlingException";
    case 503: return "ServiceUnavailableException";
    default: return status >= 500 ? "InternalServerException" : "ValidationException";
  }
}

const char* stop_reason(const ShapedCompletion& c) {
  switch (c.finish) {
    case Finish::length: return "max_tokens";
    case Finish::stop_sequence: return "stop_sequence";
    case Finish::stop: break;
  }
  return "end_turn";
}

// "%3A" in a model id ("anthropic.claude-3-haiku-20240307-v1%3A0") as SDKs encode it.
std::string percent_decoded(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Whether `s` is `length` characters (any length when 0) all from `allowed`.
bool all_of_class(std::string_view s, std::string_view allowed, size_t length = 0) {
  if (s.empty() || (length && s.size() != length)) return false;
  return s.find_first_not_of(allowed) == std::string_view::npos;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// The shape of a SigV4 Authorization header for Bedrock: "AWS4-HMAC-SHA256
// Credential=KEY/YYYYMMDD/REGION/bedrock/aws4_request, SignedHeaders=a;b;...,
// Signature=<64 hex>", signing at least host and x-amz-date. serve holds no secret to check
// the signature itself with. One pass over bounded text.
bool is_sigv4_for_bedrock(std::string_view header) {
  constexpr std::string_view kScheme = "AWS4-HMAC-SHA256 ";
  if (header.substr(0, kScheme.size()) != kScheme) return false;
  std::string_view credential, signed_headers, signature;
  for (std::string_view field : split(header.substr(kScheme.size()), ',')) {
    while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
    const size_t eq = field.find('=');
    if (eq == std::string_view::npos) return false;
    const std::string_view name = field.substr(0, eq), value = field.substr(eq + 1);
    if (name == "Credential") credential = value;
    else if (name == "SignedHeaders") signed_headers = value;
    else if (name == "Signature") signature = value;
  }
  const auto scope = split(credential, '/');
  if (scope.size() != 5 || scope[0].empty() || !all_of_class(scope[1], "0123456789", 8) || scope[2].empty() ||
      scope[3] != "bedrock" || scope[4] != "aws4_request")
    return false;
  const auto names = split(signed_headers, ';');
  return std::find(names.begin(), names.end(), "host") != names.end() &&
         std::find(names.begin(), names.end(), "x-amz-date") != names.end() &&
         all_of_class(signature, "0123456789abcdef", 64);
}

class BedrockFormat : public WireFormat {
 public:
  std::string route() const override { return R"(/model/([^/]+)/converse)"; }
  void check_auth(const WireRequest& req) const override {
    if (req.get_header_value("Authorization").empty() || req.get_header_value("X-Amz-Date").empty())
      throw WireError(403, "permission", "Missing Authentication Token");
    if (!is_sigv4_for_bedrock(req.get_header_value("Authorization")) ||
        !all_of_class(req.get_header_value("X-Amz-Date"), "0123456789TZ", 16))
      throw WireError(403, "permission",
                      "Authorization header requires a AWS4-HMAC-SHA256 Credential for the bedrock service, "
                      "SignedHeaders with host and x-amz-date, and a Signature");
  }
  ChatQuery parse(const WireRequest& req) const override;
  WireError model_not_found(const std::string& model) const override {
    return WireError(404, "not_found", fmt::format("The provided model identifier is invalid: {}", model));
  }
  void send_error(httplib::Response& res, const WireError& error) const override {
    res.set_header("x-amzn-ErrorType", error_type(error.status));
    WireFormat::send_error(res, error);
  }
  json error_body(const WireError& e) const override { return {{"message", e.what()}}; }
  const char* request_id_header() const override { return "x-amzn-RequestId"; }
  std::string answer_body(const ChatQuery&, const std::vector<ShapedCompletion>& choices,
                          const std::string&) const override {
    const ShapedCompletion& c = choices.front();
    return dump_json(json{
        {"output", {{"message", {{"role", "assistant"}, {"content", json::array({{{"text", c.text}}})}}}}},
        {"stopReason", stop_reason(c)},
        {"usage",
         {{"inputTokens", c.prompt_tokens},
          {"outputTokens", c.completion_tokens},
          {"totalTokens", c.prompt_tokens + c.completion_tokens}}},
        {"metrics", {{"latencyMs", 0}}}});
  }
  // ConverseStream (/converse-stream, AWS event-stream framing) has no route: never asked.
  std::vector<std::string> stream_events(const ChatQuery&, const std::vector<ShapedCompletion>&,
                                         const std::string&) const override {
    return {};
  }
};

ChatQuery BedrockFormat::parse(const WireRequest& req) const {
  const json body = parse_wire_body(req.body);
  ChatQuery q;
  q.model = percent_decoded(req.matches[1]);
  const auto messages = body.find("messages");
  if (messages == body.end() || !messages->is_array() || messages->empty())
    throw WireError(400, "invalid_request", "messages: a non-empty list is required");
  for (size_t i = 0; i < messages->size(); ++i) {
    const json& m = (*messages)[i];
    const std::string where = fmt::format("messages[{}]", i);
    const std::string role = m.is_object() ? m.value("role", "") : "";
    if (role != "user" && role != "assistant")
      throw WireError(400, "invalid_request", where + ".role: expected user or assistant");
    if (!m.contains("content")) throw WireError(400, "invalid_request", where + ".content: required");
    q.messages.push_back({role, text_of_blocks(m["content"], where + ".content")});
  }
  if (const auto system = body.find("system"); system != body.end() && !system->is_null())
    q.system = text_of_blocks(*system, "system");
  if (const auto config = body.find("inferenceConfig"); config != body.end() && config->is_object()) {
    const std::string where = "inferenceConfig";
    if (const auto max = optional_number(*config, "maxTokens", where, 1, 1 << 20)) q.max_tokens = static_cast<int>(*max);
    q.temperature = optional_number(*config, "temperature", where, 0, 1);
    q.stop = optional_strings(*config, "stopSequences", where);
  }
  return q;
}

}  // namespace

std::unique_ptr<WireFormat> make_bedrock_format() { return std::make_unique<BedrockFormat>(); }

}  // namespace ds::harness::server
