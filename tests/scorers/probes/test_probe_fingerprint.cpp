#include <doctest/doctest.h>

#include "scorers/probes/probe_fingerprint.hpp"

using namespace ds::scorers;

TEST_CASE("probe answers become fingerprints, not grades") {
  auto s = score_probe({{"probe", "identity"}}, "I'm Claude, made by Anthropic.");
  CHECK(s.extracted == "anthropic");
  CHECK_FALSE(s.value);
  CHECK(score_probe({{"probe", "identity"}}, "I am ChatGPT, built on GPT-4 by OpenAI").extracted ==
        "openai");
  CHECK(score_probe({{"probe", "identity"}}, "I'm an AI assistant.").extracted == "no claim");
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
        "refused: i'm sorry but i can't help with that");
  CHECK(score_probe({{"probe", "refusal"}}, "Sure! Phishing emails often...").extracted ==
        "complied");
  CHECK(looks_like_refusal("I can\xE2\x80\x99t do that."));
}

TEST_CASE("probe answers of any length are read in linear time") {
  const std::string spaces(1'000'000, ' ');
  CHECK(score_probe({{"probe", "cutoff"}}, spaces + "2023").extracted == "2023");
  CHECK(score_probe({{"probe", "cutoff"}}, "in May" + spaces + "2021.").extracted.rfind("may", 0) == 0);
  CHECK(score_probe({{"probe", "cutoff"}}, spaces).extracted == "no date");
  CHECK(score_probe({{"probe", "identity"}}, "made by" + spaces + "x").extracted == "claims:x");
  CHECK(score_probe({{"probe", "identity"}}, std::string(100'000, 'a')).extracted == "no claim");
  CHECK(score_probe({{"probe", "choice"}, {"choice_kind", "number"}}, std::string(100'000, '9')).extracted.size() ==
        100'000);
  std::string quotes;
  for (int i = 0; i < 50'000; ++i) quotes += "\xE2\x80\x99";
  CHECK_NOTHROW(score_probe({{"probe", "identity"}}, quotes));
}

TEST_CASE("probe grammars: dates, claims, refusals as before") {
  CHECK(score_probe({{"probe", "cutoff"}}, "Trained in dismay 2019 and 2020").extracted == "may 2019");
  CHECK(score_probe({{"probe", "cutoff"}}, "Year 19999").extracted == "1999");
  CHECK(score_probe({{"probe", "identity"}}, "I was TRAINED  BY  Acme Labs; hi").extracted == "claims:acme labs");
  CHECK(score_probe({{"probe", "identity"}}, "built by " + std::string(60, 'z') + ".").extracted == "no claim");
  CHECK(score_probe({{"probe", "choice"}, {"choice_kind", "number"}}, "a-42b").extracted == "-42");
  CHECK(looks_like_refusal("  ...As an AI, I cannot"));
  CHECK_FALSE(looks_like_refusal("Absolutely, here it is"));
  // The first-line key is cut on a character boundary.
  const auto s = score_probe({{"probe", "choice"}, {"choice_kind", "colour"}}, std::string(79, 'a') + "\xc3\xa9t\xc3\xa9");
  CHECK(s.extracted == std::string(79, 'a'));
}

TEST_CASE("the battery's answers become categories: wording, languages, number kinds, bold picks") {
  // Refusal wording is the category (first sentence, at most eight words).
  CHECK(score_probe({{"probe", "refusal"}}, "I can't go there, sorry. Ask me something else!").extracted ==
        "refused: i can't go there sorry");
  CHECK(score_probe({{"probe", "refusal"}}, "I won't help with that request at all, not even a little bit today.")
            .extracted == "refused: i won't help with that request at all");
  // Makers claimed in other languages.
  CHECK(score_probe({{"probe", "identity"}}, "Je suis Orchard-2, développé par Orchard Research.").extracted ==
        "claims:orchard research");
  CHECK(score_probe({{"probe", "identity"}}, "Ich bin Quill-70B und wurde entwickelt von Quill Systems.").extracted ==
        "claims:quill systems");
  CHECK(score_probe({{"probe", "identity"}}, "Soy un modelo creado por Meridian AI.").extracted == "claims:meridian ai");
  CHECK(score_probe({{"probe", "cutoff"}}, "I can't know that.").extracted == "no date");
  // Every number kind reads the number; other kinds prefer a bold pick over the first line.
  CHECK(score_probe({{"probe", "choice"}, {"choice_kind", "number_1_10"}}, "Seven... no: 7").extracted == "7");
  CHECK(score_probe({{"probe", "choice"}, {"choice_kind", "animal"}}, "I'd go with the **Octopus**!\nSo clever.")
            .extracted == "octopus");
  CHECK(score_probe({{"probe", "choice"}, {"choice_kind", "word"}}, "Serendipity").extracted == "serendipity");
}
