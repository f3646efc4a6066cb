#include <doctest/doctest.h>

#include <cstdlib>

#include "core/json.hpp"
#include "harness/endpoints/endpoint.hpp"

using namespace ds::harness;

namespace {

Request sample_request() {
  Request r;
  r.system = "Be brief.";
  r.messages = {{"user", "What is 2+2?"}, {"assistant", "4"}, {"user", "And 3+3?"}};
  r.params.temperature = 0.5;
  r.params.top_p = 0.9;
  r.params.max_tokens = 64;
  r.params.seed = 7;
  r.params.stop = {"\n\n"};
  r.params.logprobs = true;
  r.params.top_logprobs = 3;
  return r;
}

std::string header(const HttpRequest& h, const std::string& name) {
  for (const auto& [n, v] : h.headers) {
    if (n == name) return v;
  }
  return "<absent>";
}

Response parse(Provider p, long status, const std::string& body) {
  ModelSpec spec = parse_model_spec(p == Provider::OpenAI ? "openai:m@http://x/v1"
                                                          : "anthropic:m@http://x/v1");
  return parse_http_reply(spec, HttpReply{status, {}, body});
}

}  // namespace

TEST_CASE("openai request: URL, bearer key, system message and every parameter") {
  const ModelSpec spec = parse_model_spec("openai:gpt-test@http://127.0.0.1:9/v1/");
  const HttpRequest h = build_http_request(spec, sample_request(), "sk-secret");
  CHECK(h.url == "http://127.0.0.1:9/v1/chat/completions");
  CHECK(header(h, "Authorization") == "Bearer sk-secret");
  CHECK(header(h, "x-api-key") == "<absent>");
  const json body = json::parse(h.body);
  CHECK(body["model"] == "gpt-test");
  REQUIRE(body["messages"].size() == 4);
  CHECK(body["messages"][0] == json{{"role", "system"}, {"content", "Be brief."}});
  CHECK(body["messages"][3]["content"] == "And 3+3?");
  CHECK(body["temperature"] == 0.5);
  CHECK(body["top_p"] == 0.9);
  CHECK(body["max_tokens"] == 64);
  CHECK(body["seed"] == 7);
  CHECK(body["stop"] == json::array({"\n\n"}));
  CHECK(body["logprobs"] == true);
  CHECK(body["top_logprobs"] == 3);
}

TEST_CASE("openai request without key or optional parameters sends neither") {
  const ModelSpec spec = parse_model_spec("openai:m@http://h/v1");
  Request r;
  r.messages = {{"user", "hi"}};
  const HttpRequest h = build_http_request(spec, r, "");
  CHECK(header(h, "Authorization") == "<absent>");
  const json body = json::parse(h.body);
  CHECK(body.size() == 2);  // model and messages only
  CHECK(body["messages"].size() == 1);
}

TEST_CASE("anthropic request: x-api-key, version, top-level system, default max_tokens") {
  const ModelSpec spec = parse_model_spec("anthropic:claude-test@http://h/v1");
  Request r = sample_request();
  r.params.max_tokens.reset();
  const HttpRequest h = build_http_request(spec, r, "ak-secret");
  CHECK(h.url == "http://h/v1/messages");
  CHECK(header(h, "x-api-key") == "ak-secret");
  CHECK(header(h, "anthropic-version") == "2023-06-01");
  CHECK(header(h, "Authorization") == "<absent>");
  const json body = json::parse(h.body);
  CHECK(body["system"] == "Be brief.");
  CHECK(body["messages"].size() == 3);
  CHECK(body["messages"][0]["role"] == "user");
  CHECK(body["max_tokens"] == 1024);
  CHECK(body["stop_sequences"] == json::array({"\n\n"}));
  CHECK_FALSE(body.contains("seed"));
  CHECK_FALSE(body.contains("logprobs"));
}

TEST_CASE("the API key comes from the provider's variable or the one named in the options") {
  setenv("DS_TEST_OTHER_KEY", "from-other", 1);
  setenv("ANTHROPIC_API_KEY", "from-default", 1);
  CHECK(read_api_key(Provider::Anthropic, {}) == "from-default");
  CHECK(read_api_key(Provider::Anthropic, {"DS_TEST_OTHER_KEY"}) == "from-other");
  CHECK(api_key_env_name(Provider::OpenAI, {}) == "OPENAI_API_KEY");
  unsetenv("DS_TEST_OTHER_KEY");
  CHECK(read_api_key(Provider::OpenAI, {"DS_TEST_OTHER_KEY"}).empty());
  unsetenv("ANTHROPIC_API_KEY");
}

TEST_CASE("openai reply: text, finish reason, usage and logprobs") {
  const json body = {
      {"choices",
       {{{"index", 0},
         {"message", {{"role", "assistant"}, {"content", "6"}}},
         {"finish_reason", "stop"},
         {"logprobs", {{"content", {{{"token", "6"}, {"logprob", -0.01}}}}}}}}},
      {"usage", {{"prompt_tokens", 12}, {"completion_tokens", 1}, {"total_tokens", 13}}}};
  const Response r = parse(Provider::OpenAI, 200, body.dump());
  REQUIRE(r.ok());
  CHECK(r.text == "6");
  CHECK(r.finish_reason == "stop");
  CHECK(r.usage.prompt_tokens == 12);
  CHECK(r.usage.completion_tokens == 1);
  REQUIRE(r.logprobs.has_value());
  CHECK((*r.logprobs)["content"][0]["logprob"] == -0.01);
  CHECK(r.http_status == 200);
}

TEST_CASE("anthropic reply: text blocks joined, stop reason, usage") {
  const json body = {{"type", "message"},
                     {"content",
                      {{{"type", "text"}, {"text", "Hello "}},
                       {{"type", "tool_use"}, {"id", "x"}},
                       {{"type", "text"}, {"text", "world"}}}},
                     {"stop_reason", "end_turn"},
                     {"usage", {{"input_tokens", 5}, {"output_tokens", 2}}}};
  const Response r = parse(Provider::Anthropic, 200, body.dump());
  REQUIRE(r.ok());
  CHECK(r.text == "Hello world");
  CHECK(r.finish_reason == "end_turn");
  CHECK(r.usage.prompt_tokens == 5);
  CHECK(r.usage.completion_tokens == 2);
  CHECK_FALSE(r.logprobs.has_value());
}

TEST_CASE("error bodies become failed attempts carrying the provider's message") {
  const Response openai = parse(Provider::OpenAI, 429,
      R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})");
  CHECK_FALSE(openai.ok());
  CHECK(openai.http_status == 429);
  CHECK(openai.error == "HTTP 429: requests: Rate limit reached");
  const Response anthropic = parse(Provider::Anthropic, 529,
      R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})");
  CHECK(anthropic.error == "HTTP 529: overloaded_error: Overloaded");
  const Response in_200 = parse(Provider::OpenAI, 200, R"({"error":{"message":"boom"}})");
  CHECK_FALSE(in_200.ok());
  CHECK(in_200.error.find("boom") != std::string::npos);
  const Response plain = parse(Provider::OpenAI, 502, "<html>Bad Gateway</html>");
  CHECK(plain.error == "HTTP 502: <html>Bad Gateway</html>");
  CHECK(parse(Provider::OpenAI, 503, "").error == "HTTP 503: empty body");
}

TEST_CASE("hostile bodies are failed attempts with a clear message, never an exception") {
  struct Case {
    Provider provider;
    std::string body;
    std::string expect;  // a part of the error message
  };
  const std::vector<Case> cases = {
      {Provider::OpenAI, "", "not valid JSON"},
      {Provider::OpenAI, "{\"choices\":[{\"message\":{\"content\":\"trunc", "not valid JSON"},
      {Provider::OpenAI, std::string("\x00\xff\xfe{", 4), "not valid JSON"},
      {Provider::OpenAI, "[1,2,3]", "not a JSON object"},
      {Provider::OpenAI, "\"just a string\"", "not a JSON object"},
      {Provider::OpenAI, "{}", "'body.choices' is missing"},
      {Provider::OpenAI, R"({"choices":[]})", "non-empty array"},
      {Provider::OpenAI, R"({"choices":"nope"})", "non-empty array"},
      {Provider::OpenAI, R"({"choices":[42]})", "not a JSON object"},
      {Provider::OpenAI, R"({"choices":[{"message":{}}]})", "content' is missing"},
      {Provider::OpenAI, R"({"choices":[{"message":{"content":17}}]})", "expected a string"},
      {Provider::OpenAI,
       R"({"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":"many"}})",
       "non-negative integer"},
      {Provider::OpenAI,
       R"({"choices":[{"message":{"content":"x"}}],"usage":{"completion_tokens":-3}})",
       "non-negative integer"},
      {Provider::Anthropic, "{}", "'body.content' is missing"},
      {Provider::Anthropic, R"({"content":{"text":"x"}})", "not an array"},
      {Provider::Anthropic, R"({"content":["x"]})", "non-object"},
      {Provider::Anthropic, R"({"content":[{"type":"text","text":null}]})", "expected a string"},
      {Provider::Anthropic, R"({"content":[],"usage":[1]})", "not a JSON object"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body);
    Response r;
    CHECK_NOTHROW(r = parse(c.provider, 200, c.body));
    CHECK_FALSE(r.ok());
    CHECK(r.error.find(c.expect) != std::string::npos);
  }
}

TEST_CASE("tolerated variations: null content, null usage, missing finish reason") {
  const Response r = parse(Provider::OpenAI, 200,
      R"({"choices":[{"message":{"content":null,"refusal":"I can't"}}],"usage":null})");
  REQUIRE(r.ok());
  CHECK(r.text == "I can't");
  CHECK(r.finish_reason.empty());
  CHECK(r.usage.prompt_tokens == 0);
  const Response empty = parse(Provider::Anthropic, 200, R"({"content":[]})");
  REQUIRE(empty.ok());
  CHECK(empty.text.empty());
}

TEST_CASE("an error message quotes only a short printable excerpt of a huge body") {
  const std::string huge(100000, 'x');
  const Response r = parse(Provider::OpenAI, 500, huge);
  CHECK(r.error.size() < 300);
}

TEST_CASE("a reply nested 100,000 deep or with 1e999 is a failed attempt, not a crash") {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  const Response r = parse(Provider::OpenAI, 200,
                           R"({"choices":[{"message":{"content":"x"},"logprobs":{"content":)" + deep + "}}]}");
  CHECK_FALSE(r.ok());
  CHECK(r.error.find("nested deeper than") != std::string::npos);
  const Response huge = parse(Provider::OpenAI, 200,
                              R"({"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":1e999}})");
  CHECK_FALSE(huge.ok());
  CHECK(huge.error.find("field 'usage.prompt_tokens'") != std::string::npos);
  CHECK(huge.error.size() < 400);
}
