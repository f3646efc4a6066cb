#include <doctest/doctest.h>

#include "harness/server/wire_anthropic.hpp"
#include "harness/server/wire_openai.hpp"

using namespace ds::harness;
using namespace ds::harness::server;

namespace {

int status_of(Api api, const std::string& body) {
  try {
    if (api == Api::openai) openai::parse_request(body);
    else anthropic::parse_request(body);
  } catch (const WireError& e) {
    return e.status;
  }
  return 200;
}

}  // namespace

TEST_CASE("OpenAI requests: fields parsed, malformed ones rejected with 400") {
  const auto q = openai::parse_request(
      R"({"model":"m","messages":[{"role":"system","content":"S"},{"role":"user","content":[{"type":"text","text":"Hi"}]}],
          "max_tokens":5,"stop":["x"],"seed":3,"n":2,"logprobs":true,"top_logprobs":2,"temperature":0})");
  CHECK(q.model == "m");
  CHECK(q.system == "S");
  CHECK(q.messages.size() == 1);
  CHECK(q.messages[0].content == "Hi");
  CHECK(q.max_tokens == 5);
  CHECK(q.stop == std::vector<std::string>{"x"});
  CHECK(q.seed == 3);
  CHECK(q.n == 2);
  CHECK(q.top_logprobs == 2);
  CHECK(status_of(Api::openai, "{not json") == 400);
  CHECK(status_of(Api::openai, R"({"messages":[{"role":"user","content":"x"}]})") == 400);
  CHECK(status_of(Api::openai, R"({"model":"m"})") == 400);
  CHECK(status_of(Api::openai, R"({"model":"m","messages":[]})") == 400);
  CHECK(status_of(Api::openai, R"({"model":"m","messages":[{"role":"user","content":"x"}],"top_logprobs":3})") == 400);
  CHECK(status_of(Api::anthropic, R"({"model":"m","messages":[{"role":"user","content":"x"}]})") == 400);
  CHECK(status_of(Api::anthropic, R"({"model":"m","max_tokens":9,"messages":[{"role":"user","content":"x"}]})") == 200);
}

TEST_CASE("max_tokens truncates with finish 'length'; stop sequences cut the text") {
  ChatQuery q;
  q.model = "m";
  q.messages = {{"user", "hello"}};
  q.max_tokens = 3;
  auto c = shape_completion("one two three four five", q);
  CHECK(c.text == "one two three");
  CHECK(c.finish == Finish::length);
  CHECK(c.completion_tokens == 3);
  q.max_tokens.reset();
  q.stop = {" four"};
  c = shape_completion("one two three four five", q);
  CHECK(c.text == "one two three");
  CHECK(c.finish == Finish::stop_sequence);
  const json body = openai::completion_body(q, {c, c}, "chatcmpl-x", 1);
  CHECK(body["object"] == "chat.completion");
  CHECK(body["choices"].size() == 2);
  CHECK(body["choices"][1]["index"] == 1);
  CHECK(body["choices"][0]["finish_reason"] == "stop");
  CHECK(body["usage"]["total_tokens"] == body["usage"]["prompt_tokens"].get<int>() + 6);
  const json msg = anthropic::message_body(q, c, "msg_x");
  CHECK(msg["stop_reason"] == "stop_sequence");
  CHECK(msg["stop_sequence"] == " four");
  CHECK(msg["content"][0]["text"] == "one two three");
}

TEST_CASE("logprobs are deterministic and there are top_logprobs per token") {
  ChatQuery q;
  q.model = "m";
  q.logprobs = true;
  q.top_logprobs = 3;
  const auto c = shape_completion("a b c", q);
  const json lp = make_logprobs(q, c);
  REQUIRE(lp["content"].size() == 3);
  CHECK(lp["content"][1]["token"] == " b");
  CHECK(lp["content"][1]["top_logprobs"].size() == 3);
  CHECK(lp["content"][1]["logprob"].get<double>() <= 0);
  CHECK(lp == make_logprobs(q, c));
}

TEST_CASE("error bodies have each provider's shape") {
  const WireError e(404, "not_found", "no such model", "model", "model_not_found");
  const json o = openai::error_body(e);
  CHECK(o["error"]["message"] == "no such model");
  CHECK(o["error"]["code"] == "model_not_found");
  CHECK(o["error"]["param"] == "model");
  CHECK(o["error"].contains("type"));
  const json a = anthropic::error_body(e);
  CHECK(a["type"] == "error");
  CHECK(a["error"]["type"] == "not_found_error");
}

TEST_CASE("hostile requests are 400s, never a crash or a 500") {
  const std::string deep = std::string(300'000, '[') + std::string(300'000, ']');
  CHECK(status_of(Api::openai, R"({"model":"m","messages":[{"role":"user","content":)" + deep + "}]}") == 400);
  CHECK(status_of(Api::anthropic, R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":)" + deep +
                                      "}]}") == 400);
  // A content part whose "type" is not a string.
  CHECK(status_of(Api::openai, R"({"model":"m","messages":[{"role":"user","content":[{"type":7,"text":"x"}]}]})") ==
        400);
  CHECK(status_of(Api::openai,
                  R"({"model":"m","messages":[{"role":"user","content":[{"type":{"a":1},"text":"x"}]}]})") == 400);
  CHECK(status_of(Api::anthropic,
                  R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":[],"text":"x"}]}]})") ==
        400);
  CHECK(status_of(Api::openai, R"({"model":"m","messages":[{"role":"user","content":"x"}],"seed":1e999})") == 400);
  CHECK(status_of(Api::openai, std::string(5u << 20, ' ')) == 400);  // larger than a request may be
}
