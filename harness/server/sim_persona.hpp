#pragma once
// The simulated models: who they claim to be, how they write, how good they are, what they
// choose when asked for a "random" pick, and (for distilled ones) whose outputs they were
// trained on. A distilled persona answers each part of a response (opener, sentences, choices,
// wrong answers, identity, refusals) in its parent's voice with probability copy_rate (the
// mixing weight lambda), and in its own voice otherwise.
//
// Personas are data: one JSON file per model in harness/server/sim/personas/ (see
// docs/server.md for the fields); nothing about a persona is written in code.
#include <map>
#include <string>
#include <utility>
#include <vector>
#include "harness/layer.hpp"

namespace ds::harness::server {

// An answer distribution: (answer, weight > 0) pairs; weights need not sum to 1.
using WeightedAnswers = std::vector<std::pair<std::string, double>>;

struct Persona {
  std::string name;      // the model id served, e.g. "sim-teacher"
  std::string vendor;    // who the model says made it
  std::string product;   // what the model says it is
  std::string lineage;   // for docs and /v1/models: "frontier", "distilled from sim-teacher", ...
  std::string parent;    // the teacher's name, or ""
  double copy_rate = 0;  // how often a part of an answer is the parent's (lambda)
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

  // Probe answers. `choices` maps a probe's choice_kind ("number", "colour", "joke", ...) to
  // the distribution the persona samples from at temperature > 0 (its mode when greedy).
  std::map<std::string, WeightedAnswers> choices;
  WeightedAnswers refusals;                     // how it words a refusal
  std::map<std::string, double> refusal_rates;  // by refusal probe style: "borderline", "decline"
  std::string cutoff;
};

// Reads every *.json persona in `dir` (sorted by file name) and checks it: an InputError names
// the file and the field, and says what to write instead.
std::vector<Persona> load_personas(const std::string& dir);

// The folder of persona files: DATA_DIR/sim/personas (core/data_dir.hpp; the build and
// `cmake --install` copy harness/server/sim/personas there).
std::string sim_personas_dir();

// Every simulated model, loaded once from sim_personas_dir().
const std::vector<Persona>& sim_personas();
const Persona* find_persona(const std::string& name);

}  // namespace ds::harness::server
