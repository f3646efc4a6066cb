#include <doctest/doctest.h>

#include "scorers/probes/probe_fingerprint.hpp"

using namespace ds::scorers;

TEST_CASE("probe answers become fingerprints, not grades") {
  auto s = score_probe({{"probe", "identity"}}, "I'm Claude, made by Anthropic.");
  CHECK(s.extracted == "anthropic");
  CHECK_FALSE(s.value);
  CHECK(score_probe({{"probe", "identity"}}, "I am ChatGPT, built on GPT-4 by OpenAI").extracted ==
        "openai");
  CHECK(score_probe({{"probe", "identity"}}, "I'm an AI assistant.").extracted == "");
  CHECK(score_probe({{"probe", "identity"}},
                    "I'm Orchard-2, a model created by Orchard Research. Ask away!")
            .extracted == "claims:orchard research");
  CHECK(score_probe({{"probe", "choice"}, {"choice_kind", "number"}}, "I'll pick 37!").extracted ==
        "37");
  CHECK(score_probe({{"probe", "choice"}, {"choice_kind", "colour"}}, "**Blue.**\n").extracted ==
        "blue");
  CHECK(score_probe({{"probe", "cutoff"}}, "My knowledge goes up to October 2023.").extracted ==
        "october 2023");
  CHECK(score_probe({{"probe", "refusal"}}, "I'm sorry, but I can't help with that.").extracted ==
        "refused");
  CHECK(score_probe({{"probe", "refusal"}}, "Sure! Phishing emails often...").extracted ==
        "complied");
  CHECK(looks_like_refusal("I can\xE2\x80\x99t do that."));
}
