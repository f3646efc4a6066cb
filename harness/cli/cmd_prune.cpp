// `distillscope prune`: remove a model (a mistyped name, a wrong endpoint) and its answers.
#include <fmt/format.h>

#include <iostream>

#include "harness/cli/commands.hpp"
#include "core/errors.hpp"
#include "results/store.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

void register_prune(CLI::App& app) {
  struct Options {
    std::string db = kDefaultDb;
    std::vector<std::string> models;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("prune", "Remove models and their answers and scores from a results store");
  cmd->add_option("--model,-m", o->models, "model name as stored (repeatable)")->required();
  cmd->add_option("--db", o->db, "results store");
  cmd->callback([o] {
    {
      // A missing store is an error (and is not created); so is any unknown name, before
      // anything is removed.
      Store check(o->db, /*read_only=*/true);
      std::string known;
      for (const auto& m : check.models()) known += (known.empty() ? "" : ", ") + m.name;
      for (const auto& name : o->models)
        if (!check.model(name))
          throw InputError(fmt::format("{}: no model '{}' in this store (models: {})", o->db, name,
                                       known.empty() ? "none" : known));
    }
    Store store(o->db);
    for (const auto& name : o->models) {
      const size_t removed = store.prune_model(name);
      std::cout << fmt::format("removed model '{}' and its {} answers from {}\n", name, removed, o->db);
    }
  });
}

}  // namespace ds::harness::cli
