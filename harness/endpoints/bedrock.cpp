#include "harness/endpoints/bedrock.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "harness/endpoints/reply_error.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

json text_blocks(const std::string& text) { return json::array({{{"text", text}}}); }

// The "key" of a signed API is the credential set, kept as one string so the runner can
// hold and redact it like any key: "ACCESS_KEY_ID:SECRET" and "\nSESSION_TOKEN" when set.
struct AwsCredentials {
  std::string pair;   // ACCESS_KEY_ID:SECRET, as libcurl's user name and password
  std::string token;  // AWS_SESSION_TOKEN, "" for long-term keys
};

AwsCredentials split_credentials(const std::string& key) {
  const auto newline = key.find('\n');
  if (newline == std::string::npos) return {key, ""};
  return {key.substr(0, newline), key.substr(newline + 1)};
}

class BedrockApi : public ProviderApi {
 public:
  std::vector<std::string> key_variables() const override { return {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}; }
  std::string key_variable_text() const override { return "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"; }
  // --api-key-env names the variable holding the secret access key.
  std::string read_key(const std::string& override_env) const override {
    const std::string id = env("AWS_ACCESS_KEY_ID");
    const std::string secret = env(override_env.empty() ? "AWS_SECRET_ACCESS_KEY" : override_env.c_str());
    if (id.empty() || secret.empty()) return "";
    const std::string token = env("AWS_SESSION_TOKEN");
    return id + ":" + secret + (token.empty() ? "" : "\n" + token);
  }
  std::string chat_url(const ModelSpec& spec, bool) const override {
    // As AWS's SDKs send it: the ':' of a versioned model id percent-encoded.
    std::string id;
    for (char c : spec.model) id += c == ':' ? std::string("%3A") : std::string(1, c);
    return spec.base_url + "/model/" + id + "/converse";
  }
  json request_body(const ModelSpec& spec, const Request& request) const override;
  void authenticate(const ModelSpec&, const std::string& key, HttpRequest& http) const override {
    if (key.empty()) return;
    const AwsCredentials credentials = split_credentials(key);
    http.aws_sigv4 = "aws:amz:" + aws_region() + ":bedrock";
    http.aws_credentials = credentials.pair;
    if (!credentials.token.empty()) http.headers.emplace_back("x-amz-security-token", credentials.token);
  }
  Response read_reply(const json& body) const override;
  // Errors are {"message": "..."} (the exception's name is in the x-amzn-ErrorType header).
  std::string error_message(const json& body) const override {
    if (body.is_object())
      for (const char* key : {"message", "Message"})
        if (const auto it = body.find(key); it != body.end() && it->is_string()) return it->get<std::string>();
    return ProviderApi::error_message(body);
  }
  std::string stream_unsupported() const override {
    return "--stream is not supported with bedrock: ConverseStream answers in AWS's binary event-stream framing, "
           "which distillscope does not read yet; run without --stream";
  }
  bool read_stream_event(const std::string&, const json&, StreamState&) const override { return false; }
  std::string stream_end_name() const override { return "'messageStop'"; }
};

json BedrockApi::request_body(const ModelSpec&, const Request& request) const {
  json messages = json::array();
  for (const auto& m : request.messages) messages.push_back({{"role", m.role}, {"content", text_blocks(m.content)}});
  json body = {{"messages", std::move(messages)}};
  if (!request.system.empty()) body["system"] = text_blocks(request.system);
  json config = json::object();
  const GenParams& p = request.params;
  if (p.max_tokens) config["maxTokens"] = *p.max_tokens;
  if (p.temperature) config["temperature"] = *p.temperature;
  if (p.top_p) config["topP"] = *p.top_p;
  if (!p.stop.empty()) config["stopSequences"] = p.stop;
  // Converse offers neither seed nor logprobs; they are not sent.
  if (!config.empty()) body["inferenceConfig"] = std::move(config);
  return body;
}

Response BedrockApi::read_reply(const json& body) const {
  const json& output = require_member(body, "output", "body");
  const json& message = require_member(output, "message", "output");
  const json& content = require_member(message, "content", "output.message");
  if (!content.is_array()) throw ReplyError("'output.message.content' is not an array");
  Response r;
  for (const json& block : content) {
    if (!block.is_object()) throw ReplyError("'output.message.content[]' holds a non-object");
    if (const auto text = block.find("text"); text != block.end()) {
      if (!text->is_string()) throw ReplyError("'output.message.content[].text' is not a string");
      r.text += text->get<std::string>();
    }
  }
  if (const auto stop = body.find("stopReason"); stop != body.end() && stop->is_string())
    r.finish_reason = stop->get<std::string>();
  if ((r.finish_reason == "guardrail_intervened" || r.finish_reason == "content_filtered") && r.text.empty()) {
    r.blocked = true;
    r.error = fmt::format("the answer was blocked by Bedrock's content filter (stopReason {})", r.finish_reason);
  }
  if (const auto usage = body.find("usage"); usage != body.end() && !usage->is_null()) {
    r.usage.prompt_tokens = optional_count(*usage, "inputTokens", "usage");
    r.usage.completion_tokens = optional_count(*usage, "outputTokens", "usage");
  }
  return r;
}

}  // namespace

const ProviderApi& bedrock_api() {
  static const BedrockApi api;
  return api;
}

}  // namespace ds::harness
