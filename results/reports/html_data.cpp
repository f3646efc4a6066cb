#include "results/reports/html_data.hpp"

#include <cmath>

#include "core/json_bounded.hpp"
#include <map>

namespace ds::results::html {

std::vector<uint32_t> utf16_marks(const std::string& text, const std::vector<Span>& marks) {
  std::vector<uint32_t> out;
  if (marks.empty()) return out;
  size_t next = 0;  // the next boundary to convert, in order begin0, end0, begin1, ...
  auto boundary = [&](size_t k) { return k % 2 == 0 ? marks[k / 2].begin : marks[k / 2].end; };
  uint32_t units = 0;
  for (size_t i = 0; i <= text.size() && next < 2 * marks.size(); ++i) {
    while (next < 2 * marks.size() && boundary(next) <= i) {
      out.push_back(units);
      ++next;
    }
    if (i == text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;  // 4-byte characters are surrogate pairs
  }
  while (out.size() < 2 * marks.size()) out.push_back(units);
  return out;
}

std::string island_script(const std::string& id, const json& data) {
  // No '<' may appear in the element: "</script" would end it, and "<!--" followed by
  // "<script" puts the HTML parser in its escaped states, where the rest of the page is
  // swallowed. In JSON '<' occurs only inside strings, where "\u003c" is the same text; '>'
  // and '&' go the same way so no sequence of the data means anything to the HTML parser.
  const std::string text = dump_json(data);
  std::string safe;
  safe.reserve(text.size());
  for (const char c : text) {
    if (c == '<') safe += "\\u003c";
    else if (c == '>') safe += "\\u003e";
    else if (c == '&') safe += "\\u0026";
    else safe += c;
  }
  return "<script type=\"application/json\" id=\"" + id + "\">" + safe + "</script>\n";
}

std::string lineage_island(const LineageMap& m) {
  std::map<std::string, int> code;
  json words = json::array({"not tested"});
  code[""] = 0;
  json models = json::array(), sim = json::array(), stat = json::array(), verdict = json::array();
  for (size_t r = 0; r < m.order.size(); ++r) {
    const size_t i = m.order[r];
    models.push_back(m.models[i]);
    sim.push_back(m.simulated[i]);
    json srow = json::array(), vrow = json::array();
    for (size_t c = 0; c < m.order.size(); ++c) {
      const size_t j = m.order[c];
      const double v = m.statistic[i][j];
      srow.push_back(std::isfinite(v) ? json(std::round(v * 1000) / 1000) : json(nullptr));
      const std::string& w = m.verdict[i][j];
      if (!code.count(w)) {
        code[w] = static_cast<int>(words.size());
        words.push_back(w);
      }
      vrow.push_back(code[w]);
    }
    stat.push_back(std::move(srow));
    verdict.push_back(std::move(vrow));
  }
  return island_script("lineage-data", {{"models", models}, {"sim", sim}, {"stat", stat},
                                        {"verdict", verdict}, {"words", words}});
}

std::string viewer_island(const ViewerData& v, bool has_reference) {
  json prompts = json::array();
  for (const auto& p : v.prompts) prompts.push_back({p.id, p.suite, p.system, p.prompt, p.expected});
  json answers = json::array();
  for (const auto& model : v.answers) {
    json by_prompt = json::object();
    for (size_t p = 0; p < model.size(); ++p) {
      if (model[p].empty()) continue;
      json samples = json::array();
      for (const auto& a : model[p])
        samples.push_back({a.sample, a.text, a.error, a.score ? json(*a.score) : json(nullptr), a.why,
                           utf16_marks(a.text, a.marks), json::array()});
      by_prompt[std::to_string(p)] = std::move(samples);
    }
    answers.push_back(std::move(by_prompt));
  }
  // Reference marks are offsets into the pinned model's first sample of the same prompt.
  for (size_t m = 1; m < v.answers.size(); ++m)
    for (size_t p = 0; p < v.answers[m].size(); ++p)
      for (size_t k = 0; k < v.answers[m][p].size(); ++k)
        if (!v.answers[0][p].empty())
          answers[m][std::to_string(p)][k][6] = utf16_marks(v.answers[0][p].front().text, v.answers[m][p][k].reference_marks);
  return island_script("viewer-data", {{"models", v.models}, {"simulated", v.simulated},
                                       {"pinnedRole", has_reference ? "reference" : "pinned"},
                                       {"minWords", v.min_shared_words}, {"prompts", prompts},
                                       {"answers", answers}});
}

}  // namespace ds::results::html
