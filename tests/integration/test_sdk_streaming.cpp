// The official `openai` and `@anthropic-ai/sdk` npm packages against `distillscope serve`:
// streamed answers (raw chunks and each client's stream helper) are the same text as the
// answer without streaming. Skipped, with a message, where node/npm or the registry is
// not available (tools/install-sdk-clients.sh installs the clients once into a cache).
#include <doctest/doctest.h>

#include "core/json.hpp"
#include "tests/support/process.hpp"
#include "tests/support/skip.hpp"

using namespace ds::harness;

TEST_CASE("the official OpenAI and Anthropic clients stream from serve and get the same text") {
  const auto install = ds::test::run_shell(ds::test::source_dir() + "/tools/install-sdk-clients.sh");
  if (install.exit_code != 0) {
    ds::test::skip("the npm clients could not be installed (tools/install-sdk-clients.sh failed; "
                   "node, npm or the registry is unavailable): " + install.out);
    return;
  }
  std::string folder = install.out;
  while (!folder.empty() && (folder.back() == '\n' || folder.back() == '\r')) folder.pop_back();
  ds::test::ServeProcess serve({"--simulate"});
  const auto run = ds::test::run_shell("node " + folder + "/stream-check.mjs " + serve.base_url() + " sim-teacher");
  REQUIRE_MESSAGE(run.exit_code == 0, "stream-check.mjs failed (its error is on stderr)");
  const json got = json::parse(run.out);

  const json& o = got["openai"];
  CHECK(!o["plain"].get<std::string>().empty());
  CHECK(o["streamed"] == o["plain"]);
  CHECK(o["helper"] == o["plain"]);
  CHECK(o["chunks"].get<int>() > 3);
  CHECK(o["finish"] == "stop");
  CHECK(o["usage"]["completion_tokens"] == o["plain_usage"]["completion_tokens"]);
  CHECK(o["usage"]["prompt_tokens"] == o["plain_usage"]["prompt_tokens"]);

  const json& a = got["anthropic"];
  CHECK(!a["plain"].get<std::string>().empty());
  CHECK(a["streamed"] == a["plain"]);
  CHECK(a["helper"] == a["plain"]);
  // The SDK hides `ping` events (serve sends one; test_serve_streaming.cpp reads it raw).
  CHECK(a["events"] == json::array({"message_start", "content_block_start", "content_block_delta",
                                    "content_block_stop", "message_delta", "message_stop"}));
  CHECK(a["helper_usage"]["output_tokens"] == a["plain_usage"]["output_tokens"]);
  CHECK(a["helper_stop"] == "end_turn");
}
