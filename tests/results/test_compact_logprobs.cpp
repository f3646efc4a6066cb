#include <doctest/doctest.h>

#include "results/compact_logprobs.hpp"

using namespace ds::results;

TEST_CASE("log-probabilities are kept as parallel arrays, rounded, without bytes") {
  const json openai = {{"content",
                        {{{"token", "Hi"}, {"logprob", -0.123456}, {"bytes", {72, 105}},
                          {"top_logprobs", {{{"token", "Hi"}, {"logprob", -0.123456}}, {{"token", "Hey"}, {"logprob", -2.5}}}}},
                         {{"token", "!"}, {"logprob", -1e-7}, {"bytes", {33}}, {"top_logprobs", json::array()}}}}};
  const auto compact = compact_logprobs(openai);
  REQUIRE(compact);
  CHECK((*compact)["tokens"] == json::array({"Hi", "!"}));
  CHECK((*compact)["logprobs"][0].get<double>() == doctest::Approx(-0.1235));
  CHECK((*compact)["logprobs"][1].get<double>() == doctest::Approx(0.0));
  CHECK((*compact)["top"][0] == json::array({json::array({"Hi", -0.1235}), json::array({"Hey", -2.5})}));
  CHECK((*compact)["top"][1].empty());
  CHECK(compact->dump().find("bytes") == std::string::npos);
}

TEST_CASE("no top alternatives and no tokens") {
  const auto plain = compact_logprobs({{"content", {{{"token", "a"}, {"logprob", -1.0}}}}});
  REQUIRE(plain);
  CHECK_FALSE(plain->contains("top"));
  CHECK_FALSE(compact_logprobs({{"content", json::array()}}));
  CHECK_FALSE(compact_logprobs(json::array()));
  CHECK_FALSE(compact_logprobs({{"content", {{{"logprob", -1.0}}}}}));
}
