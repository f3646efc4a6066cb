#pragma once
// The simulated models' answers, one function per kind of prompt. Each is a deterministic
// function of the context (model, conversation, sample) and the suite item.
#include <optional>
#include <string>

#include "harness/server/sim_context.hpp"
#include "tasks/suite.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

std::string sim_math(const SimContext& ctx, const SuiteItem& item);
std::string sim_coding(const SimContext& ctx, const SuiteItem& item);
std::string sim_philosophy(const SimContext& ctx, const SuiteItem& item);
std::string sim_creativity(const SimContext& ctx, const SuiteItem& item);
// Identity, favourite-choice, joke, cutoff and borderline probes, recognised by the item's
// `probe` kind when known ("identity", "choice", "cutoff", "refusal") or else by their wording.
std::optional<std::string> sim_probe(const SimContext& ctx, const std::string& kind = "");
std::string sim_generic(const SimContext& ctx);

// A plausible wrong value in the same format as `answer` (integer, decimal or fraction).
std::string wrong_answer(const std::string& answer, SimRng& rng);
// A broken variant of working Python code (a flipped comparison, an off-by-one, ...).
std::string break_code(const std::string& code, SimRng& rng);

}  // namespace ds::harness::server
