#include <doctest/doctest.h>

#include "harness/endpoints/sse_parser.hpp"
#include "harness/endpoints/stream_reply.hpp"
#include "core/utf8.hpp"

using namespace ds::harness;

namespace {

// Feeds `text` to a fresh parser in pieces of `step` bytes.
std::vector<SseEvent> parse_in_pieces(const std::string& text, size_t step) {
  SseParser parser;
  std::vector<SseEvent> out;
  for (size_t i = 0; i < text.size(); i += step)
    for (auto& e : parser.feed(text.substr(i, step))) out.push_back(std::move(e));
  return out;
}

Response assemble(Provider provider, const std::string& text, int* firsts = nullptr) {
  StreamReply reply(provider);
  for (const auto& e : parse_in_pieces(text, 7))
    if (reply.add(e) && firsts) ++*firsts;
  return reply.finish();
}

const char* kOpenAi =
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}\n\n"
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}],\"usage\":null}\n\n"
    ": keep-alive comment\n\n"
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}],\"usage\":null}\r\n\r\n"
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}\n\n"
    "data: [DONE]\n\n";

const char* kAnthropic =
    "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n"
    "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
    "event: ping\ndata: {\"type\": \"ping\"}\n\n"
    "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
    "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" there\"}}\n\n"
    "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
    "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":3}}\n\n"
    "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

}  // namespace

TEST_CASE("SSE events come out whole whatever the pieces the bytes arrive in") {
  for (size_t step : {1, 3, 64, 4096}) {
    const auto events = parse_in_pieces("event: a\ndata: one\ndata: two\n\n: comment\n\ndata:x\r\n\r\n", step);
    REQUIRE(events.size() == 2);
    CHECK(events[0].event == "a");
    CHECK(events[0].data == "one\ntwo");
    CHECK(events[1].event.empty());
    CHECK(events[1].data == "x");
  }
}

TEST_CASE("an OpenAI stream becomes the answer, finish reason and usage of the final chunk") {
  int firsts = 0;
  const Response r = assemble(Provider::OpenAI, kOpenAi, &firsts);
  CHECK(r.ok());
  CHECK(r.text == "Hello");
  CHECK(r.finish_reason == "stop");
  CHECK(r.usage.prompt_tokens == 5);
  CHECK(r.usage.completion_tokens == 2);
  CHECK(firsts == 1);  // the first text, once
}

TEST_CASE("an Anthropic stream becomes the text blocks, stop reason and usage") {
  const Response r = assemble(Provider::Anthropic, kAnthropic);
  CHECK(r.ok());
  CHECK(r.text == "Hi there");
  CHECK(r.finish_reason == "end_turn");
  CHECK(r.usage.prompt_tokens == 9);
  CHECK(r.usage.completion_tokens == 3);
}

TEST_CASE("a stream cut short or reporting an error is a failed attempt saying so") {
  const std::string openai(kOpenAi);
  const Response cut = assemble(Provider::OpenAI, openai.substr(0, openai.find("data: [DONE]")));
  CHECK(cut.error.find("ended before 'data: [DONE]'") != std::string::npos);
  const std::string anthropic(kAnthropic);
  CHECK(assemble(Provider::Anthropic, anthropic.substr(0, anthropic.find("event: message_stop"))).error.find(
            "message_stop") != std::string::npos);
  const Response error = assemble(
      Provider::Anthropic,
      "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
  CHECK(error.error == "error event in stream: overloaded_error: Overloaded");
  CHECK(assemble(Provider::OpenAI, "data: {not json\n\n").error.find("malformed stream event") != std::string::npos);
}

TEST_CASE("a stream event is read by the bounded JSON reader: a deep nest is refused, not built") {
  // 6 MB of brackets in one event: the bounded reader refuses it at the depth limit (the plain
  // parser built three million nested arrays, about 250 MB, before finding it no object).
  const std::string nest(3'000'000, '[');
  const Response r = assemble(Provider::OpenAI, "data: " + nest + std::string(3'000'000, ']') + "\n\n");
  CHECK(r.error.find("malformed stream event") != std::string::npos);
  CHECK(r.error.find("nested deeper than 32 levels") != std::string::npos);
}

TEST_CASE("a malformed event's excerpt in the error is cut at a character boundary") {
  // The excerpt's 120-byte cut falls inside a 3-byte character: the error stays valid UTF-8.
  const std::string data = std::string(119, 'x') + "\xe2\x82\xac not json";
  const Response r = assemble(Provider::OpenAI, "data: " + data + "\n\n");
  CHECK(r.error.find("malformed stream event") != std::string::npos);
  CHECK(ds::core::utf8_valid(r.error));
}
