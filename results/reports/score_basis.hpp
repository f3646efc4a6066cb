#pragma once
// "What the scores rest on": a report section of its own. Per model and suite, how many items
// were scored of those asked and why the others were not; the DAT on its published human
// scale; and each model's philosophy choices beside the PhilPapers 2020 distributions.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "results/layer.hpp"

namespace ds::results {

struct SuiteBasis {
  std::string model, suite;
  size_t scored = 0, asked = 0;  // items
  bool insufficient = false;     // fewer than half the items asked were scored: no figure
  std::map<std::string, size_t> unscored_reasons;  // reason → answers
};

struct DatAnchorRow {
  std::string model;
  double human_scale = 0, low = 0, high = 0;  // mean over DAT items, bootstrap 95% interval
  size_t items = 0;
};

struct PhilosophyAnchorRow {
  std::string topic, source;
  std::vector<std::string> labels;
  std::map<std::string, double> human;  // renormalised over the labels, as scored
  double unlisted_human_mass = 0;       // e.g. PhilPapers "other"
  std::map<std::string, std::map<std::string, double>> models;  // model → label → share
  std::map<std::string, size_t> samples;                        // model → samples naming a label
};

struct ScoreBasisView {
  std::vector<SuiteBasis> suites;
  std::vector<DatAnchorRow> dat;
  double dat_human_average = 0;
  std::string dat_source;
  std::vector<PhilosophyAnchorRow> philosophy;
};

std::string score_basis_markdown(const ScoreBasisView& view);
std::string score_basis_html(const ScoreBasisView& view);

}  // namespace ds::results
