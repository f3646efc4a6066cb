#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "core/model_spec.hpp"
#include "tests/support/process.hpp"

using namespace ds::core;

TEST_CASE("model specs: provider, model, base URL; the store name is the model name") {
  const ModelSpec s = parse_model_spec("openai:llama3.1:8b@http://localhost:11434/v1/");
  CHECK(s.provider == Provider::OpenAI);
  CHECK(s.model == "llama3.1:8b");
  CHECK(s.name == "llama3.1:8b");
  CHECK(s.base_url == "http://localhost:11434/v1");
  // '@' inside a model name (dated names) is not a URL.
  CHECK(parse_model_spec("anthropic:claude-3-5-sonnet@20240620").model == "claude-3-5-sonnet@20240620");
}

TEST_CASE("a base URL must be http(s)://") {
  CHECK_THROWS_WITH_AS(parse_model_spec("openai:x@127.0.0.1:18931/v1"),
                       doctest::Contains("must start with http:// or https://"), InputError);
  CHECK_THROWS_AS(parse_model_spec("openai:x@ftp://host/v1"), InputError);
  CHECK_THROWS_AS(parse_model_spec("openai:x@http:///v1"), InputError);
  CHECK_THROWS_AS(parse_model_spec("openai:@http://h/v1"), InputError);
}

TEST_CASE("a base URL with a misspelt or missing scheme is refused with the URL it meant") {
  const auto suggestion = [](const std::string& spec) {
    try {
      parse_model_spec(spec);
    } catch (const InputError& e) {
      const std::string what = e.what();
      const size_t at = what.find("(e.g. ");
      return at == std::string::npos ? what : what.substr(at + 6, what.find(')', at) - at - 6);
    }
    return std::string("accepted");
  };
  CHECK(suggestion("openai:x@http//127.0.0.1:8000/v1") == "http://127.0.0.1:8000/v1");
  CHECK(suggestion("openai:x@http:/127.0.0.1:8000/v1") == "http://127.0.0.1:8000/v1");
  CHECK(suggestion("openai:x@https//api.example.com/v1") == "https://api.example.com/v1");
  CHECK(suggestion("openai:x@127.0.0.1:8000") == "http://127.0.0.1:8000/v1");
  CHECK(suggestion("openai:x@ftp://host/v1") == "http://host/v1");
}

TEST_CASE("Anthropic base URLs work with or without /v1") {
  CHECK(parse_model_spec("anthropic:m@http://127.0.0.1:9/v1").base_url == "http://127.0.0.1:9/v1");
  CHECK(parse_model_spec("anthropic:m@http://127.0.0.1:9").base_url == "http://127.0.0.1:9/v1");
  CHECK(parse_model_spec("anthropic:m@http://127.0.0.1:9/").base_url == "http://127.0.0.1:9/v1");
  CHECK(parse_model_spec("openai:m@http://127.0.0.1:9").base_url == "http://127.0.0.1:9");  // as given
}

TEST_CASE("OPENAI_BASE_URL and ANTHROPIC_BASE_URL apply when the spec has no URL") {
  {
    ds::test::ScopedEnv openai("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1");
    ds::test::ScopedEnv anthropic("ANTHROPIC_BASE_URL", "https://proxy.example");
    CHECK(parse_model_spec("openai:m").base_url == "http://127.0.0.1:8000/v1");
    CHECK(parse_model_spec("anthropic:m").base_url == "https://proxy.example/v1");
    CHECK(parse_model_spec("openai:m@http://other:1/v1").base_url == "http://other:1/v1");  // the spec wins
  }
  {
    ds::test::ScopedEnv bad("OPENAI_BASE_URL", "localhost:8000/v1");
    CHECK_THROWS_WITH_AS(parse_model_spec("openai:m"), doctest::Contains("OPENAI_BASE_URL"), InputError);
  }
  ds::test::ScopedEnv empty("OPENAI_BASE_URL", "");
  CHECK(parse_model_spec("openai:m").base_url == "https://api.openai.com/v1");
}
