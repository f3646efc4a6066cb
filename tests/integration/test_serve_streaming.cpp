// `distillscope serve` streams (server-sent events) in both wire formats; `run --stream`
// reads them back to the same answers and records time to first token; Anthropic's overload
// status is 529. (A busy port is exit 2: tests/integration/test_serve.cpp.)
#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>

#include "core/json.hpp"
#include "harness/endpoints/sse_parser.hpp"
#include "tests/integration/run_helpers.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

json chat(const std::string& model, const std::string& prompt) {
  return {{"model", model}, {"messages", {{{"role", "user"}, {"content", prompt}}}}};
}

httplib::Result post(const ds::test::ServeProcess& s, const std::string& path, const json& body) {
  httplib::Client c("127.0.0.1", s.port());
  c.set_read_timeout(20, 0);
  return c.Post(path.c_str(), {{"anthropic-version", "2023-06-01"}}, body.dump(), "application/json");
}

std::vector<SseEvent> events_of(const std::string& body) { return SseParser().feed(body); }

}  // namespace

TEST_CASE("OpenAI stream: chat.completion.chunk events, a usage chunk when asked, then [DONE]") {
  ds::test::ServeProcess s({"--simulate"});
  json req = chat("sim-teacher", "Explain how tides work.");
  const auto plain = post(s, "/v1/chat/completions", req);
  REQUIRE(plain);
  const json answer = json::parse(plain->body);
  req["stream"] = true;
  req["stream_options"] = {{"include_usage", true}};
  const auto streamed = post(s, "/v1/chat/completions", req);
  REQUIRE(streamed);
  CHECK(streamed->status == 200);
  CHECK(streamed->get_header_value("Content-Type").rfind("text/event-stream", 0) == 0);
  const auto events = events_of(streamed->body);
  REQUIRE(events.size() > 4);
  CHECK(events.back().data == "[DONE]");
  std::string text;
  for (size_t i = 0; i + 2 < events.size(); ++i) {
    const json chunk = json::parse(events[i].data);
    CHECK(chunk["object"] == "chat.completion.chunk");
    CHECK(chunk["id"] == json::parse(events[0].data)["id"]);
    CHECK(chunk["usage"].is_null());
    const json& delta = chunk["choices"][0]["delta"];
    if (i == 0) CHECK(delta["role"] == "assistant");
    if (delta.contains("content")) text += delta["content"].get<std::string>();
  }
  CHECK(json::parse(events[events.size() - 3].data)["choices"][0]["finish_reason"] == "stop");
  const json usage_chunk = json::parse(events[events.size() - 2].data);
  CHECK(usage_chunk["choices"].empty());
  CHECK(usage_chunk["usage"] == answer["usage"]);
  CHECK(text == answer["choices"][0]["message"]["content"]);

  json bad = chat("sim-teacher", "x");
  bad["stream_options"] = {{"include_usage", true}};
  CHECK(post(s, "/v1/chat/completions", bad)->status == 400);  // stream_options without stream
}

TEST_CASE("Anthropic stream: message_start, content blocks, message_delta, message_stop") {
  ds::test::ServeProcess s({"--simulate"});
  json req = chat("sim-student", "Describe a lighthouse.");
  req["max_tokens"] = 512;
  const json answer = json::parse(post(s, "/v1/messages", req)->body);
  req["stream"] = true;
  const auto streamed = post(s, "/v1/messages", req);
  REQUIRE(streamed);
  const auto events = events_of(streamed->body);
  std::vector<std::string> kinds;
  std::string text;
  for (const auto& e : events) {
    const json data = json::parse(e.data);
    CHECK(data["type"] == e.event);
    if (kinds.empty() || kinds.back() != e.event) kinds.push_back(e.event);
    if (e.event == "content_block_delta") text += data["delta"]["text"].get<std::string>();
    if (e.event == "message_start") CHECK(data["message"]["usage"]["input_tokens"] == answer["usage"]["input_tokens"]);
    if (e.event == "message_delta") {
      CHECK(data["delta"]["stop_reason"] == answer["stop_reason"]);
      CHECK(data["usage"]["output_tokens"] == answer["usage"]["output_tokens"]);
    }
  }
  CHECK(kinds == std::vector<std::string>{"message_start", "content_block_start", "ping", "content_block_delta",
                                          "content_block_stop", "message_delta", "message_stop"});
  CHECK(text == answer["content"][0]["text"]);
}

TEST_CASE("run --stream stores the same answers as a run without it, with time to first token") {
  ds::test::ServeProcess s({"--simulate", "--latency-ms", "20"});
  ds::test::TempDir dir;
  const std::string suite = ds::test::write_small_suite(dir, 6);
  const std::vector<std::string> models = {"--model", "openai:sim-teacher@" + s.base_url(), "--model",
                                           "anthropic:sim-student@" + s.base_url()};
  auto args = [&](const std::string& db, bool stream) {
    std::vector<std::string> a = {"run", "--suite", suite, "--samples", "2", "--seed", "5", "--db", db,
                                  "--no-cache", "--no-progress", "--max-tokens", "200"};
    a.insert(a.end(), models.begin(), models.end());
    if (stream) a.push_back("--stream");
    return a;
  };
  const auto plain = ds::test::run_distillscope(args(dir.file("plain.db"), false));
  REQUIRE_MESSAGE(plain.exit_code == 0, plain.err);
  const auto streamed = ds::test::run_distillscope(args(dir.file("stream.db"), true));
  REQUIRE_MESSAGE(streamed.exit_code == 0, streamed.err);
  const auto a = ds::test::answers(dir.file("plain.db")), b = ds::test::answers(dir.file("stream.db"));
  CHECK(a.size() == 24);
  CHECK(a == b);
  Store store(dir.file("stream.db"), true);
  for (const auto& r : store.responses({})) {
    REQUIRE(r.ttft_ms.has_value());
    CHECK(*r.ttft_ms >= 15);  // the server's latency comes before the first token
    CHECK(*r.ttft_ms <= r.latency_ms);
  }
  Store unstreamed(dir.file("plain.db"), true);
  for (const auto& r : unstreamed.responses({})) CHECK_FALSE(r.ttft_ms.has_value());
}

TEST_CASE("an injected overload is 529 overloaded_error on the Anthropic route, 503 on OpenAI's") {
  ds::test::ServeProcess s({"--simulate", "--error-rate", "1"});
  std::set<int> anthropic, openai;
  for (int i = 0; i < 12; ++i) {
    json req = chat("sim-teacher", "Question number " + std::to_string(i));
    openai.insert(post(s, "/v1/chat/completions", req)->status);
    req["max_tokens"] = 64;
    const auto r = post(s, "/v1/messages", req);
    anthropic.insert(r->status);
    if (r->status == 529) CHECK(json::parse(r->body)["error"]["type"] == "overloaded_error");
  }
  CHECK(anthropic == std::set<int>{500, 529});
  CHECK(openai == std::set<int>{500, 503});
}
