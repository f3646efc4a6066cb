#pragma once
// The simulated models: who they claim to be, how they write, how good they are, and (for
// distilled ones) whose outputs they were trained on. A distilled persona answers each part
// of a response (opener, sentences, choices, wrong answers, identity) in its parent's voice
// with probability copy_rate, and in its own voice otherwise.
#include <string>
#include <vector>
#include "harness/layer.hpp"

namespace ds::harness::server {

struct Persona {
  std::string name;      // the model id served, e.g. "sim-teacher"
  std::string vendor;    // who the model says made it
  std::string product;   // what the model says it is
  std::string lineage;   // for docs and /v1/models: "frontier", "distilled from sim-teacher", ...
  std::string parent;    // the teacher's name, or ""
  double copy_rate = 0;  // how often a part of an answer is the parent's
  double math_skill = 0.7;    // P(correct) on a math item
  double coding_skill = 0.7;  // P(working code) on a coding item
  double creativity = 0.7;    // how varied its nouns and uses are (0..1)
  double human_likeness = 0.6;  // weight of the human answer distribution in its choices

  std::vector<std::string> openers;
  std::vector<std::string> closers;
  std::vector<std::string> sentences;  // placeholders {k1} {k2} {k3}
  std::vector<std::string> bullets;    // placeholders {k1} {k2} {k3}
  std::string bullet_prefix;           // "- **", "1. ", "" (prose)
  std::vector<std::string> math_steps;  // placeholders {nums} {x}
  std::vector<std::string> code_notes;
  std::vector<std::string> choice_reasons;  // placeholder {choice}
  std::vector<std::string> dat_nouns;
  std::vector<std::string> aut_uses;  // placeholder {obj}
  std::vector<std::string> creative_lines;  // placeholders {k1} {k2}
  std::string list_style;  // "numbered", "bullets", "comma"
  std::vector<int> numbers;  // favourite first
  std::vector<std::string> colours;
  std::vector<std::string> characters;
  std::vector<std::string> jokes;
  std::string refusal;
  std::string cutoff;
};

// Every simulated model, teacher first.
const std::vector<Persona>& sim_personas();
const Persona* find_persona(const std::string& name);

}  // namespace ds::harness::server
