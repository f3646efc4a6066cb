// Every provider end to end: `run --model PROVIDER:sim-teacher@URL` against `distillscope serve
// --simulate`, which answers in that provider's wire format and refuses a request without the
// provider's authentication (Azure's api-key header and api-version, Gemini's key header, a
// SigV4 Authorization for Bedrock). 5 math items answered and scored means every request was
// authenticated; the keys are then searched for in every file and output.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "results/store.hpp"
#include "tests/integration/run_helpers.hpp"
#include "tests/support/scripted_endpoint.hpp"

using namespace ds::test;

namespace {

struct ProviderCase {
  std::string provider;
  std::vector<std::pair<std::string, std::string>> env;  // the key variables and their test values
  std::vector<std::string> secrets;                     // the values that must be written nowhere
};

std::vector<ProviderCase> provider_cases() {
  return {
      {"azure", {{"AZURE_OPENAI_API_KEY", "azure-key-7d1e5c2a9b3f"}, {"OPENAI_API_VERSION", ""}}, {"azure-key-7d1e5c2a9b3f"}},
      {"gemini", {{"GEMINI_API_KEY", "gemini-key-4a8b1c6d2e9f"}}, {"gemini-key-4a8b1c6d2e9f"}},
      {"bedrock",
       {{"AWS_ACCESS_KEY_ID", "AKIDDISTILLSCOPETEST"},
        {"AWS_SECRET_ACCESS_KEY", "bedrock-secret-9f8e7d6c5b4a3f2e1d0c"},
        {"AWS_SESSION_TOKEN", "bedrock-session-token-1a2b3c4d5e6f"},
        {"AWS_REGION", "eu-west-3"}},
       {"bedrock-secret-9f8e7d6c5b4a3f2e1d0c", "bedrock-session-token-1a2b3c4d5e6f"}},
  };
}

std::string slurp_binary(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// http://127.0.0.1:PORT: serve's routes for these providers are at its root.
std::string root_of(const std::string& base_url) { return base_url.substr(0, base_url.size() - 3); }

void check_written_nowhere(const TempDir& dir, const std::string& secret, const std::vector<std::string>& outputs) {
  for (const auto& output : outputs) CHECK(output.find(secret) == std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    INFO(entry.path().string());
    CHECK(slurp_binary(entry.path().string()).find(secret) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("azure, gemini and bedrock answer and score 5 math items through serve --simulate, each request authenticated") {
  for (const auto& c : provider_cases()) {
    SUBCASE(c.provider.c_str()) {
      std::vector<std::unique_ptr<ScopedEnv>> env;
      for (const auto& [name, value] : c.env) env.push_back(std::make_unique<ScopedEnv>(name, value));
      TempDir dir;
      ServeProcess server({"--simulate"});
      const std::string spec = c.provider + ":sim-teacher@" + root_of(server.base_url());
      const auto run = run_distillscope({"run", "--model", spec, "--suite", "math", "--limit", "5", "--db",
                                         dir.file("r.db"), "--cache", dir.file("cache.db"), "--jsonl",
                                         dir.file("out.jsonl"), "--no-progress"});
      INFO(run.err);
      CHECK(run.exit_code == 0);
      const auto stats = ds::core::json::parse(server.http_get("/stats"));
      CHECK(stats["rejected"] == 0);  // no request lacked the provider's authentication
      ds::results::Store store(dir.file("r.db"));
      size_t scored = 0;
      for (const auto& s : store.answer_scores()) scored += s.suite == "math" && s.score.has_value();
      CHECK(scored == 5);
      CHECK(row_count(dir.file("r.db")) == 5);
      for (const auto& secret : c.secrets) check_written_nowhere(dir, secret, {run.out, run.err});
    }
  }
}

TEST_CASE("without the provider's key serve refuses the pre-flight request: exit 2 naming the variable") {
  ServeProcess server({"--simulate"});
  for (const auto& c : provider_cases()) {
    SUBCASE(c.provider.c_str()) {
      std::vector<std::unique_ptr<ScopedEnv>> env;
      for (const auto& [name, value] : c.env) env.push_back(std::make_unique<ScopedEnv>(name, ""));
      ScopedEnv google("GOOGLE_API_KEY", "");
      TempDir dir;
      const auto run = run_distillscope({"run", "--model", c.provider + ":sim-teacher@" + root_of(server.base_url()),
                                         "--suite", "math", "--limit", "5", "--db", dir.file("r.db"), "--no-progress"});
      CHECK(run.exit_code == 2);
      CHECK(run.err.find(c.env.front().first) != std::string::npos);
      CHECK_FALSE(std::filesystem::exists(dir.file("r.db")));
    }
  }
}

TEST_CASE("--stream with bedrock is a clear exit-2 error before any request") {
  ServeProcess server({"--simulate"});
  TempDir dir;
  const auto run = run_distillscope({"run", "--model", "bedrock:sim-teacher@" + root_of(server.base_url()), "--suite",
                                     "math", "--limit", "5", "--db", dir.file("r.db"), "--stream"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--stream is not supported with bedrock") != std::string::npos);
}

TEST_CASE("gemini streams through streamGenerateContent?alt=sse") {
  ScopedEnv key("GEMINI_API_KEY", "gemini-key-4a8b1c6d2e9f");
  ServeProcess server({"--simulate"});
  TempDir dir;
  const auto run = run_distillscope({"run", "--model", "gemini:sim-teacher@" + root_of(server.base_url()), "--suite",
                                     "math", "--limit", "5", "--db", dir.file("r.db"), "--stream", "--no-progress"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(row_count(dir.file("r.db")) == 5);
  for (const auto& [key, text] : answers(dir.file("r.db"))) CHECK_FALSE(text.empty());
}

TEST_CASE("--header sends a gateway's header on every request, its $VAR value written nowhere") {
  const std::string token = "gateway-token-5e4d3c2b1a09";
  ScopedEnv gateway("DS_TEST_GATEWAY_TOKEN", token);
  std::mutex lock;
  std::vector<std::string> seen;
  ScriptedEndpoint endpoint([&](const ScriptedRequest& r) {
    {
      std::lock_guard<std::mutex> hold(lock);
      const auto it = r.headers.find("X-Gateway-Token");
      seen.push_back(it == r.headers.end() ? "<absent>" : it->second);
    }
    if (r.method == "GET") return ScriptedReply{200, R"({"object":"list","data":[{"id":"gw-model"}]})"};
    return ScriptedReply{200, completion_body("The answer is 4.")};
  });
  TempDir dir;
  const auto run = run_distillscope({"run", "--model", "openai:gw-model@" + endpoint.base_url(), "--suite", "math",
                                     "--limit", "3", "--db", dir.file("r.db"), "--header",
                                     "X-Gateway-Token: $DS_TEST_GATEWAY_TOKEN", "--no-progress"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  REQUIRE(seen.size() == 4);  // the model list and 3 answers
  for (const auto& value : seen) CHECK(value == token);
  check_written_nowhere(dir, token, {run.out, run.err});
  const auto unset = run_distillscope({"run", "--model", "openai:gw-model@" + endpoint.base_url(), "--suite", "math",
                                       "--limit", "3", "--db", dir.file("r2.db"), "--header",
                                       "X-Gateway-Token: $DS_TEST_UNSET_VARIABLE"});
  CHECK(unset.exit_code == 2);
  CHECK(unset.err.find("DS_TEST_UNSET_VARIABLE is not set") != std::string::npos);
}
