#include <doctest/doctest.h>

#include "core/json.hpp"
#include "core/model_spec.hpp"
#include "harness/endpoints/endpoint.hpp"
#include "harness/endpoints/provider_api.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

std::string header(const HttpRequest& h, const std::string& name) {
  for (const auto& [n, v] : h.headers)
    if (n == name) return v;
  return "<absent>";
}

Request two_turns() {
  Request r;
  r.system = "Be brief.";
  r.messages = {{"user", "What is 2+2?"}, {"assistant", "4"}, {"user", "And 3+3?"}};
  r.params.temperature = 0.5;
  r.params.max_tokens = 64;
  r.params.stop = {"\n\n"};
  return r;
}

}  // namespace

TEST_CASE("every provider of the model spec has its entry in the registry, in the enum's order") {
  size_t index = 0;
  for (const auto& info : ds::core::providers()) {
    CHECK(static_cast<size_t>(info.id) == index++);
    const ProviderApi& api = provider_api(info.id);
    CHECK_FALSE(api.key_variables().empty());
    CHECK_FALSE(api.stream_end_name().empty());
    CHECK(parse_model_spec(std::string(info.name) + ":m@http://127.0.0.1:9").provider == info.id);
  }
  CHECK(index == 5);
}

TEST_CASE("Gemini's key is GEMINI_API_KEY, else GOOGLE_API_KEY") {
  ds::test::ScopedEnv gemini("GEMINI_API_KEY", "");
  ds::test::ScopedEnv google("GOOGLE_API_KEY", "from-google");
  CHECK(read_api_key(Provider::Gemini, {}) == "from-google");
  ds::test::ScopedEnv set("GEMINI_API_KEY", "from-gemini");
  CHECK(read_api_key(Provider::Gemini, {}) == "from-gemini");
  CHECK(api_key_env_name(Provider::Gemini, {}) == "GEMINI_API_KEY (or GOOGLE_API_KEY)");
}

TEST_CASE("Azure: the deployment's URL with the API version, the key in api-key, the OpenAI body") {
  const ModelSpec spec = parse_model_spec("azure:gpt4o-prod@https://res.openai.azure.com/");
  {
    ds::test::ScopedEnv version("OPENAI_API_VERSION", "");
    CHECK(build_http_request(spec, two_turns(), "k").url ==
          "https://res.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21");
  }
  ds::test::ScopedEnv version("OPENAI_API_VERSION", "2025-01-01-preview");
  const HttpRequest http = build_http_request(spec, two_turns(), "secret-key", true);
  CHECK(http.url.find("?api-version=2025-01-01-preview") != std::string::npos);
  CHECK(header(http, "api-key") == "secret-key");
  CHECK(header(http, "Authorization") == "<absent>");
  const json body = json::parse(http.body);
  CHECK(body["messages"][0]["role"] == "system");
  CHECK(body["stream"] == true);
  CHECK(models_url(spec).empty());  // the check asks one token instead
  CHECK(api_key_env_name(Provider::Azure, {}) == "AZURE_OPENAI_API_KEY");
}

TEST_CASE("Azure needs its resource's address") {
  ds::test::ScopedEnv endpoint("AZURE_OPENAI_ENDPOINT", "");
  CHECK_THROWS_WITH(parse_model_spec("azure:dep"), doctest::Contains("AZURE_OPENAI_ENDPOINT"));
  ds::test::ScopedEnv set("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com");
  CHECK(parse_model_spec("azure:dep").base_url == "https://res.openai.azure.com");
}

TEST_CASE("Gemini: generateContent with systemInstruction, user/model roles and the key header") {
  const ModelSpec spec = parse_model_spec("gemini:gemini-2.5-flash@http://127.0.0.1:9");
  CHECK(spec.base_url == "http://127.0.0.1:9/v1beta");
  CHECK(parse_model_spec("gemini:m").base_url == "https://generativelanguage.googleapis.com/v1beta");
  const HttpRequest http = build_http_request(spec, two_turns(), "gk");
  CHECK(http.url == "http://127.0.0.1:9/v1beta/models/gemini-2.5-flash:generateContent");
  CHECK(build_http_request(spec, two_turns(), "gk", true).url ==
        "http://127.0.0.1:9/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
  CHECK(header(http, "x-goog-api-key") == "gk");
  const json body = json::parse(http.body);
  CHECK(body["systemInstruction"]["parts"][0]["text"] == "Be brief.");
  CHECK(body["contents"].size() == 3);
  CHECK(body["contents"][1]["role"] == "model");
  CHECK(body["contents"][2]["parts"][0]["text"] == "And 3+3?");
  CHECK(body["generationConfig"]["maxOutputTokens"] == 64);
  CHECK(body["generationConfig"]["stopSequences"] == json::array({"\n\n"}));
  CHECK_FALSE(body.contains("stream"));
}

TEST_CASE("Gemini replies: text, usage, and safety blocks as their own failure") {
  const ModelSpec spec = parse_model_spec("gemini:m@http://h");
  const Response ok = parse_http_reply(
      spec, {200, {}, R"({"candidates":[{"content":{"role":"model","parts":[{"text":"6"},{"text":"."}]},
        "finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":2}})"});
  CHECK(ok.ok());
  CHECK(ok.text == "6.");
  CHECK(ok.finish_reason == "STOP");
  CHECK(ok.usage.prompt_tokens == 12);
  CHECK(ok.usage.completion_tokens == 2);
  const Response prompt_blocked =
      parse_http_reply(spec, {200, {}, R"({"promptFeedback":{"blockReason":"SAFETY"}})"});
  CHECK(prompt_blocked.blocked);
  CHECK(prompt_blocked.error.find("blockReason SAFETY") != std::string::npos);
  const Response answer_blocked =
      parse_http_reply(spec, {200, {}, R"({"candidates":[{"finishReason":"SAFETY","safetyRatings":[]}]})"});
  CHECK(answer_blocked.blocked);
  CHECK(answer_blocked.error.find("finishReason SAFETY") != std::string::npos);
  const Response refused = parse_http_reply(
      spec, {400, {}, R"({"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT"}})"});
  CHECK(refused.error == "HTTP 400: INVALID_ARGUMENT: API key not valid.");
  CHECK(parse_http_reply(spec, {200, {}, "{}"}).error.find("'body.candidates' is missing") != std::string::npos);
}

TEST_CASE("Bedrock: the Converse body, signed by libcurl with the credentials and region") {
  ds::test::ScopedEnv id("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
  ds::test::ScopedEnv secret("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  ds::test::ScopedEnv token("AWS_SESSION_TOKEN", "session-token-value");
  ds::test::ScopedEnv region("AWS_REGION", "eu-west-3");
  const ModelSpec spec = parse_model_spec("bedrock:anthropic.claude-3-haiku-20240307-v1:0");
  CHECK(spec.model == "anthropic.claude-3-haiku-20240307-v1:0");
  CHECK(spec.base_url == "https://bedrock-runtime.eu-west-3.amazonaws.com");
  const HttpRequest http = build_http_request(spec, two_turns(), read_api_key(Provider::Bedrock, {}));
  CHECK(http.url ==
        "https://bedrock-runtime.eu-west-3.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
  CHECK(http.aws_sigv4 == "aws:amz:eu-west-3:bedrock");
  CHECK(http.aws_credentials == "AKIDEXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  CHECK(header(http, "x-amz-security-token") == "session-token-value");
  const json body = json::parse(http.body);
  CHECK(body["system"][0]["text"] == "Be brief.");
  CHECK(body["messages"][1]["role"] == "assistant");
  CHECK(body["messages"][1]["content"][0]["text"] == "4");
  CHECK(body["inferenceConfig"]["maxTokens"] == 64);
  CHECK_FALSE(provider_api(Provider::Bedrock).stream_unsupported().empty());
}

TEST_CASE("Bedrock replies and errors") {
  const ModelSpec spec = parse_model_spec("bedrock:m@http://h");
  const Response ok = parse_http_reply(
      spec, {200, {}, R"({"output":{"message":{"role":"assistant","content":[{"text":"6"}]}},
        "stopReason":"end_turn","usage":{"inputTokens":9,"outputTokens":1,"totalTokens":10}})"});
  CHECK(ok.ok());
  CHECK(ok.text == "6");
  CHECK(ok.usage.prompt_tokens == 9);
  const Response throttled = parse_http_reply(spec, {429, {}, R"({"message":"Too many requests, please wait."})"});
  CHECK(throttled.error == "HTTP 429: Too many requests, please wait.");
  CHECK(throttled.http_status == 429);
  const Response filtered = parse_http_reply(
      spec, {200, {}, R"({"output":{"message":{"content":[]}},"stopReason":"content_filtered"})"});
  CHECK(filtered.blocked);
}
