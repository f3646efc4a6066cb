#include "harness/cli/reading_store.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"

namespace ds::harness::cli {

void require_answers(Store& store, const std::string& path) {
  if (!store.has_any_answer())
    throw InputError(fmt::format("{}: this store has no answers; add some with `distillscope run` or "
                                 "`distillscope import`, or pass --db with another store",
                                 path));
}

}  // namespace ds::harness::cli
