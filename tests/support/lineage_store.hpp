#pragma once
// A synthetic lineage store for tests: a teacher, a student that paraphrases the teacher's
// answers (keeping about 70% of its words), and independents that write their own answers
// from a shared vocabulary; 40 prompts, all generated from a fixed seed.
#include "results/store.hpp"

namespace ds::test {

void fill_lineage_store(results::Store& store, int independents);

}  // namespace ds::test
