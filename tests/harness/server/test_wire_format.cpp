#include <doctest/doctest.h>

#include "harness/server/wire_format.hpp"

using namespace ds::harness::server;

namespace {

const WireFormat& format_at(const std::string& route_part) {
  for (const auto& f : wire_formats())
    if (f->route().find(route_part) != std::string::npos) return *f;
  throw std::runtime_error("no format with route " + route_part);
}

int auth_status(const WireFormat& format, const httplib::Headers& headers, const httplib::Params& params = {}) {
  WireRequest req;
  req.headers = headers;
  req.params = params;
  try {
    format.check_auth(req);
    return 200;
  } catch (const WireError& e) {
    return e.status;
  }
}

}  // namespace

TEST_CASE("serve refuses requests without the provider's authentication") {
  const WireFormat& azure = format_at("/openai/deployments/");
  CHECK(auth_status(azure, {{"api-key", "k"}}, {{"api-version", "2024-10-21"}}) == 200);
  CHECK(auth_status(azure, {}, {{"api-version", "2024-10-21"}}) == 401);
  CHECK(auth_status(azure, {{"Authorization", "Bearer k"}}, {{"api-version", "2024-10-21"}}) == 401);
  CHECK(auth_status(azure, {{"api-key", "k"}}) == 404);  // no api-version

  const WireFormat& gemini = format_at("/models/([^/:]+):");
  CHECK(auth_status(gemini, {{"x-goog-api-key", "k"}}) == 200);
  CHECK(auth_status(gemini, {}, {{"key", "k"}}) == 200);
  CHECK(auth_status(gemini, {{"Authorization", "Bearer k"}}) == 403);

  const WireFormat& bedrock = format_at("/converse");
  const std::string signature(64, 'a');
  const std::string good = "AWS4-HMAC-SHA256 Credential=AKID/20261208/eu-west-3/bedrock/aws4_request, "
                           "SignedHeaders=content-type;host;x-amz-date, Signature=" + signature;
  CHECK(auth_status(bedrock, {{"Authorization", good}, {"X-Amz-Date", "20261208T001500Z"}}) == 200);
  CHECK(auth_status(bedrock, {{"Authorization", good}}) == 403);  // no x-amz-date
  const std::string other_service = "AWS4-HMAC-SHA256 Credential=AKID/20261208/eu-west-3/s3/aws4_request, "
                                    "SignedHeaders=host;x-amz-date, Signature=" + signature;
  CHECK(auth_status(bedrock, {{"Authorization", other_service}, {"X-Amz-Date", "20261208T001500Z"}}) == 403);
  const std::string short_signature = "AWS4-HMAC-SHA256 Credential=AKID/20261208/eu-west-3/bedrock/aws4_request, "
                                      "SignedHeaders=host;x-amz-date, Signature=abc";
  CHECK(auth_status(bedrock, {{"Authorization", short_signature}, {"X-Amz-Date", "20261208T001500Z"}}) == 403);
  CHECK(auth_status(bedrock, {{"Authorization", "Bearer k"}, {"X-Amz-Date", "20261208T001500Z"}}) == 403);
}

TEST_CASE("the Gemini and Bedrock formats read requests into the common query") {
  WireRequest gemini_req;
  gemini_req.body = R"({"systemInstruction":{"parts":[{"text":"Be brief."}]},
    "contents":[{"role":"user","parts":[{"text":"2+2?"}]},{"role":"model","parts":[{"text":"4"}]},
                {"role":"user","parts":[{"text":"3+3?"}]}],
    "generationConfig":{"maxOutputTokens":8,"stopSequences":["\n"]}})";
  const std::string path = "/v1beta/models/sim-teacher:generateContent";
  std::regex_match(path, gemini_req.matches, std::regex(format_at("/models/([^/:]+):").route()));
  const ChatQuery g = format_at("/models/([^/:]+):").parse(gemini_req);
  CHECK(g.model == "sim-teacher");
  CHECK(g.system == "Be brief.");
  REQUIRE(g.messages.size() == 3);
  CHECK(g.messages[1].role == "assistant");
  CHECK(g.max_tokens == 8);
  CHECK_FALSE(g.stream);

  WireRequest bedrock_req;
  bedrock_req.body = R"({"messages":[{"role":"user","content":[{"text":"2+2?"}]}],"system":[{"text":"S"}],
    "inferenceConfig":{"maxTokens":5}})";
  const std::string bedrock_path = "/model/anthropic.claude-v2%3A1/converse";
  std::regex_match(bedrock_path, bedrock_req.matches, std::regex(format_at("/converse").route()));
  const ChatQuery b = format_at("/converse").parse(bedrock_req);
  CHECK(b.model == "anthropic.claude-v2:1");
  CHECK(b.system == "S");
  CHECK(b.max_tokens == 5);
  bedrock_req.body = R"({"messages":[{"role":"user","content":"plain"}]})";
  CHECK_THROWS_AS(format_at("/converse").parse(bedrock_req), WireError);
}
