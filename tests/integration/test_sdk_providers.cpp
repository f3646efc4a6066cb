// The official clients of the new providers against `distillscope serve --simulate`: openai's
// AzureOpenAI (api-key, api-version, the deployment's route), @google/genai (generateContent and
// its SSE stream, x-goog-api-key) and @aws-sdk/client-bedrock-runtime (Converse, signed with
// SigV4 by the SDK itself). serve refuses a request without the provider's authentication, so
// an answer means the SDK's request passed. Skipped (reported so to ctest) where node/npm or the
// registry is not available.
#include <doctest/doctest.h>

#include "core/json.hpp"
#include "tests/support/process.hpp"
#include "tests/support/skip.hpp"

using ds::core::json;

namespace {

// The folder of the installed npm clients, or "" with the test marked skipped.
std::string installed_clients() {
  const auto install = ds::test::run_shell(ds::test::source_dir() + "/tools/install-sdk-clients.sh");
  if (install.exit_code != 0) {
    ds::test::skip("the npm clients could not be installed (tools/install-sdk-clients.sh failed; node, npm or "
                        "the registry is unavailable)");
    return "";
  }
  std::string folder = install.out;
  while (!folder.empty() && (folder.back() == '\n' || folder.back() == '\r')) folder.pop_back();
  return folder;
}

}  // namespace

TEST_CASE("the official Azure OpenAI, Gemini and Bedrock clients get answers from serve") {
  const std::string folder = installed_clients();
  if (folder.empty()) return;
  ds::test::ServeProcess serve({"--simulate"});
  const std::string root = serve.base_url().substr(0, serve.base_url().size() - 3);  // without /v1
  const auto run = ds::test::run_shell("node " + folder + "/provider-check.mjs " + root + " sim-teacher 2>/dev/null");
  REQUIRE_MESSAGE(run.exit_code == 0, "provider-check.mjs failed");
  const json got = json::parse(run.out);
  for (const char* provider : {"azure", "gemini", "bedrock"}) {
    INFO(provider);
    CHECK_FALSE(got[provider]["plain"].get<std::string>().empty());
  }
  CHECK(got["azure"]["streamed"] == got["azure"]["plain"]);
  CHECK(got["gemini"]["streamed"] == got["gemini"]["plain"]);
  CHECK(got["gemini"]["finish"] == "STOP");
  CHECK(got["bedrock"]["stop"] == "end_turn");
  CHECK(got["bedrock"]["output_tokens"].get<int>() > 0);
  CHECK(json::parse(serve.http_get("/stats"))["rejected"] == 0);
}

TEST_CASE("every Bedrock request is signed as AWS's own SigV4 signer signs it") {
  const std::string folder = installed_clients();
  if (folder.empty()) return;
  ds::test::TempDir dir;
  // An endpoint in node that recomputes each signature with @smithy/signature-v4 and answers
  // only correctly signed requests, running `distillscope run --model bedrock:...` against itself.
  const auto run = ds::test::run_shell("node " + folder + "/sigv4-check.mjs " + ds::test::distillscope_binary() + " " +
                                       dir.file("r.db") + " 2>/dev/null");
  REQUIRE_MESSAGE(run.exit_code == 0, "sigv4-check.mjs failed");
  const json got = json::parse(run.out);
  INFO(got["stderr"].get<std::string>());
  CHECK(got["exit"] == 0);
  CHECK(got["requests"] == 6);  // the pre-flight token and 5 math items
  CHECK(got["correctly_signed"] == got["requests"]);
}
