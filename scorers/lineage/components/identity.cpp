// identity: the share of the candidate's answers that claim the reference's identity: a maker
// or name the reference claims for itself, or a claimed name or maker containing the leading
// letters of the reference's name ("gpt" of "gpt-3.5-turbo"). Claims are read from the text
// with generic patterns (text_features.hpp); there is no list of vendors or models.
#include <cctype>
#include <fmt/format.h>
#include <set>

#include "scorers/lineage/components/registry_entries.hpp"

namespace ds::scorers::lineage {

namespace {

std::string name_stem(const std::string& name) {
  std::string stem;
  for (char ch : name) {
    if (!std::isalpha(static_cast<unsigned char>(ch))) break;
    stem += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return stem.size() >= 3 ? stem : std::string();
}

struct Identity {
  std::set<std::string> makers, names;
  std::string stem;
  bool matches(const IdentityClaim& claim) const {
    if (!claim.maker.empty() && makers.count(claim.maker)) return true;
    if (!claim.name.empty() && names.count(claim.name)) return true;
    if (stem.empty()) return false;
    return claim.name.find(stem) != std::string::npos || claim.maker.find(stem) != std::string::npos;
  }
};

}  // namespace

ComponentValues identity_component(const ComponentInput& in) {
  const Corpus& c = in.corpus;
  Identity identity;
  identity.stem = name_stem(in.reference_name);
  std::string reference_claim;  // what the reference says it is, quoted beside the candidate's claims
  for (const auto& cell : c.cells[static_cast<size_t>(in.reference)])
    for (const auto& e : cell)
      if (e.features.claim) {
        if (reference_claim.empty()) reference_claim = e.features.claim->quote;
        if (!e.features.claim->maker.empty()) identity.makers.insert(e.features.claim->maker);
        if (!e.features.claim->name.empty()) identity.names.insert(e.features.claim->name);
      }
  ComponentValues out;
  out.value.assign(in.models.size(), NAN);
  out.per_prompt.assign(in.models.size(), {});
  out.evidence.assign(in.models.size(), {});
  for (size_t i = 0; i < in.models.size(); ++i) {
    for (size_t p = 0; p < c.prompts.size(); ++p) {
      const auto* f = first_answer(c, in.models[i], p);
      if (!f) continue;
      const bool claims = f->claim && identity.matches(*f->claim);
      out.per_prompt[i].push_back({static_cast<uint32_t>(p), claims ? 1.0f : 0.0f});
      if (claims && out.evidence[i].size() < 3) {
        Evidence e;
        e.kind = "identity";
        e.detail = fmt::format("claims the identity of {} (name '{}', maker '{}')", in.reference_name,
                               f->claim->name, f->claim->maker);
        e.prompt_ids = {c.prompts[p]};
        e.quote = f->claim->quote;
        e.reference_quote = reference_claim;
        out.evidence[i].push_back(std::move(e));
      }
    }
    if (out.per_prompt[i].empty()) continue;
    double n = 0;
    for (const auto& v : out.per_prompt[i]) n += v.value;
    out.value[i] = n / static_cast<double>(out.per_prompt[i].size());
  }
  return out;
}

}  // namespace ds::scorers::lineage
