#pragma once
// What a simulated answer is a function of, and the one place where a distilled model
// decides, part by part, whether it speaks in its teacher's voice or its own.
#include <string>

#include "harness/server/sim_persona.hpp"
#include "harness/server/sim_rng.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

struct SimContext {
  const Persona* self = nullptr;
  const Persona* parent = nullptr;  // the teacher, for distilled personas
  std::string conversation;         // normalised conversation so far
  std::string variant;              // "greedy", or the seed and choice index when sampling
  std::string prompt;               // the last user message
  bool greedy = true;

  // The persona that produces part `slot` of this answer: the parent with probability copy_rate.
  const Persona& voice(const std::string& slot) const {
    if (!parent) return *self;
    SimRng coin(self->name + "|copy|" + slot + "|" + conversation + "|" + variant);
    return coin.chance(self->copy_rate) ? *parent : *self;
  }
  // A stream for `slot` in `who`'s voice: the same for teacher and copying student.
  SimRng rng(const Persona& who, const std::string& slot) const {
    return SimRng(who.name + "|" + slot + "|" + conversation + "|" + variant);
  }
  // A stream that does not depend on the sample: a model's habitual mistakes.
  SimRng habit(const Persona& who, const std::string& slot) const {
    return SimRng(who.name + "|habit|" + slot + "|" + prompt);
  }
};

}  // namespace ds::harness::server
