#include "tests/support/lineage_store.hpp"

#include <random>
#include <string>
#include <vector>

namespace ds::test {

using results::Record;
using results::Store;

void fill_lineage_store(Store& store, int independents) {
  std::mt19937_64 rng(99);
  const std::vector<std::string> vocab{
      "the", "a", "of", "to", "and", "in", "is", "that", "for", "it", "as", "with", "on",
      "this", "be", "are", "by", "at", "or", "from", "energy", "system", "people", "water",
      "model", "value", "time", "world", "answer", "result", "example", "first", "second",
      "number", "problem", "important", "consider", "simple", "large", "small", "city", "data"};
  auto word = [&] { return vocab[rng() % vocab.size()]; };
  auto coin = [&](double p) { return static_cast<double>(rng() >> 11) / 9007199254740992.0 < p; };
  auto sentence = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + word();
    return s + ". ";
  };
  std::vector<std::string> models{"teacher", "student"};
  for (int i = 0; i < independents; ++i) models.push_back("indep-" + std::to_string(i));
  for (const auto& m : models) store.upsert_model({m, "import", "", "test", false});
  for (int p = 0; p < 40; ++p) {
    std::string teacher = "Certainly! Here is a detailed answer. ";
    for (int k = 0; k < 6; ++k) teacher += sentence(12);
    teacher += "I hope this helps clarify the topic!";
    for (const auto& m : models) {
      std::string text;
      if (m == "teacher") {
        text = teacher;
      } else if (m == "student") {
        std::string w;
        for (size_t i = 0; i <= teacher.size(); ++i) {
          if (i == teacher.size() || teacher[i] == ' ') {
            text += (coin(0.7) ? w : word()) + " ";
            w.clear();
          } else {
            w += teacher[i];
          }
        }
      } else {
        text = "Answer: ";
        for (int k = 0; k < 6; ++k) text += sentence(12);
      }
      Record r;
      r.model = m;
      r.suite = "synthetic";
      r.item_id = "p" + std::to_string(p);
      r.text = text;
      store.put_response(r);
    }
  }
}

}  // namespace ds::test
