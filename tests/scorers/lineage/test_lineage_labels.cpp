#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "scorers/lineage/lineage_labels.hpp"

using namespace ds::scorers;
using namespace ds::scorers::lineage;

TEST_CASE("labels sort models into students, negatives and relatives of the reference") {
  const json labels = {{"models",
                        {{"ref-70b", {{"kind", "independent"}, {"family", "meta"}}},
                         {"ref-8b", {{"kind", "independent"}, {"family", "meta"}}},
                         {"ref-70b-again", {{"kind", "independent"}, {"family", "meta"}, {"same_model_as", "ref-70b"}}},
                         {"tuned", {{"kind", "fine-tune"}, {"family", "nv"}, {"parent", "ref-70b"}}},
                         {"tuned-8b", {{"kind", "fine-tune"}, {"family", "x"}, {"parent", "ref-8b"}}},
                         {"student", {{"kind", "distilled"}, {"family", "nv"}, {"teacher", "ref-70b"}}},
                         {"other-student", {{"kind", "distilled"}, {"teacher", "gpt, ref-70b"}}},
                         {"stranger", {{"kind", "independent"}, {"family", "mistral"}}},
                         {"closed", {{"kind", "proprietary"}, {"family", "openai"}}},
                         {"blend", {{"kind", "mixed"}, {"teacher", "ref-70b"}}}}}};
  const auto parsed = read_lineage_labels(labels);
  const std::vector<std::string> present{"ref-70b", "ref-8b", "ref-70b-again", "tuned", "tuned-8b", "student",
                                         "other-student", "stranger", "closed", "blend"};
  const auto roles = reference_roles(parsed, "ref-70b", {"ref-70b"}, present);
  CHECK(roles.positives == std::vector<std::string>{"student", "other-student"});
  CHECK(roles.negatives == std::vector<std::string>{"stranger", "closed"});
  CHECK(roles.related.at("same-model") == std::vector<std::string>{"ref-70b-again"});
  CHECK(roles.related.at("fine-tune") == std::vector<std::string>{"tuned", "tuned-8b"});
  CHECK(roles.related.at("version") == std::vector<std::string>{"ref-8b"});
  CHECK_THROWS_AS(read_lineage_labels(json{{"models", {{"x", {{"kind", "fine-tune"}}}}}}), InputError);
  CHECK_THROWS_AS(read_lineage_labels(json::array()), InputError);
}
