#include "harness/server/sim_persona.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/data_dir.hpp"
#include "core/errors.hpp"
#include "core/json.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

// Reads one file's fields, naming the file and field in every complaint.
class PersonaReader {
 public:
  PersonaReader(const json& doc, std::string file) : doc_(doc), file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& what) const {
    throw InputError(fmt::format("{}: {}: {}", file_, field, what));
  }
  std::string text(const std::string& field, bool required = true) const {
    if (!doc_.contains(field)) {
      if (required) fail(field, "missing; write a string");
      return "";
    }
    if (!doc_[field].is_string()) fail(field, "must be a string");
    return doc_[field].get<std::string>();
  }
  double probability(const std::string& field, double fallback) const {
    if (!doc_.contains(field)) return fallback;
    return probability_of(doc_[field], field);
  }
  double probability_of(const json& v, const std::string& field) const {
    if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1)
      fail(field, "must be a number in [0, 1]");
    return v.get<double>();
  }
  std::vector<std::string> texts(const std::string& field) const {
    if (!doc_.contains(field) || !doc_[field].is_array() || doc_[field].empty())
      fail(field, "must be a non-empty array of strings");
    std::vector<std::string> out;
    for (const auto& v : doc_[field]) {
      if (!v.is_string()) fail(field, "must be a non-empty array of strings");
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  WeightedAnswers weighted(const json& v, const std::string& field) const {
    if (!v.is_object() || v.empty())
      fail(field, R"(must be a non-empty object {"answer": weight, ...} with weights > 0)");
    WeightedAnswers out;
    for (const auto& [answer, w] : v.items()) {
      if (!w.is_number() || !(w.get<double>() > 0))
        fail(field + "." + answer, "weight must be a number > 0");
      out.emplace_back(answer, w.get<double>());
    }
    return out;
  }
  const json& doc() const { return doc_; }

 private:
  const json& doc_;
  std::string file_;
};

Persona read_persona(const json& doc, const std::string& file) {
  if (!doc.is_object()) throw InputError(file + ": must hold one JSON object (a persona)");
  const PersonaReader r(doc, file);
  Persona p;
  p.name = r.text("name");
  if (p.name.empty()) r.fail("name", "must not be empty");
  p.vendor = r.text("vendor");
  p.product = r.text("product");
  p.lineage = r.text("lineage");
  p.parent = r.text("parent", false);
  p.copy_rate = r.probability("copy_rate", 0.0);
  if (p.parent.empty() != (p.copy_rate == 0))
    r.fail("copy_rate", "a persona with a parent needs copy_rate > 0, and one without a parent none");
  p.math_skill = r.probability("math_skill", p.math_skill);
  p.coding_skill = r.probability("coding_skill", p.coding_skill);
  p.creativity = r.probability("creativity", p.creativity);
  p.human_likeness = r.probability("human_likeness", p.human_likeness);
  p.openers = r.texts("openers");
  p.closers = r.texts("closers");
  p.sentences = r.texts("sentences");
  p.bullets = r.texts("bullets");
  p.bullet_prefix = r.text("bullet_prefix");
  p.math_steps = r.texts("math_steps");
  p.code_notes = r.texts("code_notes");
  p.choice_reasons = r.texts("choice_reasons");
  p.dat_nouns = r.texts("dat_nouns");
  p.aut_uses = r.texts("aut_uses");
  p.creative_lines = r.texts("creative_lines");
  p.list_style = r.text("list_style");
  static const std::set<std::string> kListStyles = {"numbered", "bullets", "comma"};
  if (!kListStyles.count(p.list_style)) r.fail("list_style", "must be numbered, bullets or comma");
  if (!doc.contains("choices") || !doc["choices"].is_object())
    r.fail("choices", R"(must be an object {"CHOICE_KIND": {"answer": weight, ...}, ...})");
  for (const auto& [kind, dist] : doc["choices"].items())
    p.choices[kind] = r.weighted(dist, "choices." + kind);
  if (!doc.contains("refusals")) r.fail("refusals", R"(missing; write {"refusal wording": weight, ...})");
  p.refusals = r.weighted(doc["refusals"], "refusals");
  if (!doc.contains("refusal_rates") || !doc["refusal_rates"].is_object())
    r.fail("refusal_rates", R"(must be an object {"borderline": P, "decline": P})");
  for (const auto& [style, rate] : doc["refusal_rates"].items())
    p.refusal_rates[style] = r.probability_of(rate, "refusal_rates." + style);
  p.cutoff = r.text("cutoff");
  return p;
}

}  // namespace

std::string sim_personas_dir() { return data_dir() + "/sim/personas"; }

std::vector<Persona> load_personas(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec || files.empty())
    throw InputError(fmt::format("{}: no persona files (*.json) found; reinstall (cmake --install) or set "
                                 "DISTILLSCOPE_DATA_DIR to the folder that holds sim/personas/", dir));
  std::sort(files.begin(), files.end());
  std::vector<Persona> out;
  for (const auto& f : files) {
    out.push_back(read_persona(read_json_file(f.string()), f.string()));
    if (f.stem().string() != out.back().name)
      throw InputError(fmt::format("{}: name: '{}' differs from the file name; name the file {}.json",
                                   f.string(), out.back().name, out.back().name));
  }
  for (const auto& p : out) {
    if (p.parent.empty()) continue;
    const bool known = std::any_of(out.begin(), out.end(), [&](const Persona& q) { return q.name == p.parent; });
    if (!known || p.parent == p.name)
      throw InputError(fmt::format("{}/{}.json: parent: '{}' is not another persona in {}", dir, p.name,
                                   p.parent, dir));
  }
  return out;
}

const std::vector<Persona>& sim_personas() {
  static const std::vector<Persona> all = load_personas(sim_personas_dir());
  return all;
}

const Persona* find_persona(const std::string& name) {
  for (const auto& p : sim_personas())
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace ds::harness::server
