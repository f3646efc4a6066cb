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
// Identity, choice (number, colour, joke, ... by the item's `choice_kind`), cutoff and refusal
// probes, recognised by the suite item's `probe` field when the prompt is a suite item (pass
// its data) or else by their wording. Choices are drawn from the persona's distributions.
std::optional<std::string> sim_probe(const SimContext& ctx, const json& item = json::object());
std::string sim_generic(const SimContext& ctx);

// A plausible wrong value in the same format as `answer` (integer, decimal or fraction).
std::string wrong_answer(const std::string& answer, SimRng& rng);
// A broken variant of working Python code (a flipped comparison, an off-by-one, ...).
std::string break_code(const std::string& code, SimRng& rng);

}  // namespace ds::harness::server
