// Several `run`s started together on a store that does not exist yet: each finds the whole
// schema or none (it is created in one transaction, and a store whose schema is not committed
// yet is planned as new). Four runs failed 4 times in 5 with exit 70 ("no such table: models").
#include <doctest/doctest.h>

#include <sys/wait.h>

#include "tests/integration/run_helpers.hpp"

using namespace ds::test;

TEST_CASE("four runs creating one new store together all succeed, ten times over") {
  ServeProcess server({"--simulate"});
  TempDir dir;
  const std::string suite = write_small_suite(dir, 3);
  const std::vector<std::string> models = {"sim-teacher", "sim-student", "sim-independent-a", "sim-independent-b"};
  for (int round = 0; round < 10; ++round) {
    CAPTURE(round);
    const std::string db = dir.file("new-" + std::to_string(round) + ".db");
    std::vector<pid_t> pids;
    for (size_t i = 0; i < models.size(); ++i)
      pids.push_back(spawn_distillscope({"run", "--model", "openai:" + models[i] + "@" + server.base_url(), "--suite",
                                         suite, "--db", db, "--no-cache", "--no-progress"},
                                        dir.file("run-" + std::to_string(i) + ".log")));
    for (size_t i = 0; i < pids.size(); ++i) {
      int status = 0;
      waitpid(pids[i], &status, 0);
      INFO("wait status " << status << "; log: " << read_text(dir.file("run-" + std::to_string(i) + ".log")));
      CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    CHECK(answers(db).size() == 12);
  }
}
