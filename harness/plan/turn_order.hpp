#pragma once
// The order of a multi-turn run: turn k of a conversation is sent only once the same model
// answered turns 1..k-1 (same sample), with those answers in its context. An earlier turn
// comes from this run when the plan holds it, else from the store (a resumed run); a turn
// whose earlier answer is neither, or failed, is not sent and is reported as blocked.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "harness/plan/work_plan.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// The stored answer of (model index, suite, item id, sample) from an earlier run, if any.
using StoredAnswerFn =
    std::function<std::optional<std::string>(size_t model_index, const std::string& suite, const std::string& item_id, int sample)>;

class TurnOrder {
 public:
  TurnOrder(const std::vector<WorkUnit>& units, const StoredAnswerFn& stored_answer);

  // Units that can be sent now: first turns, and later turns whose earlier answers are known.
  const std::vector<size_t>& ready_at_start() const { return ready_at_start_; }
  // Units that can never be sent in this run (an earlier turn is neither planned nor stored).
  const std::vector<size_t>& blocked_at_start() const { return blocked_at_start_; }
  // The model's own earlier answers a unit is sent with (answers[i] answers earlier_turns[i]).
  const std::vector<std::string>& earlier_answers(size_t unit) const { return slots_[unit].answers; }
  // Why a blocked unit was not sent.
  std::string blocked_reason(size_t unit) const;

  struct Released {
    std::vector<size_t> ready;    // every earlier answer is now known
    std::vector<size_t> blocked;  // an earlier turn failed: not sent
  };
  // `unit` finished: its answer (nullopt when it failed) goes into the turns after it.
  Released finished(size_t unit, const std::optional<std::string>& answer);

 private:
  struct Slot {
    std::vector<std::string> answers;
    size_t waiting = 0;                     // earlier turns of this run not answered yet
    std::vector<std::pair<size_t, size_t>> later;  // (unit, its answer slot) waiting on this one
    std::string missing;                    // the earlier turn that is missing or failed
    bool failed = false;                    // `missing` was planned and failed (or was blocked)
  };
  void block(size_t unit, const std::string& missing, std::vector<size_t>& blocked);
  void block_later(size_t unit, std::vector<size_t>& blocked);
  const std::vector<WorkUnit>& units_;
  std::vector<Slot> slots_;
  std::vector<size_t> ready_at_start_;
  std::vector<size_t> blocked_at_start_;
};

}  // namespace ds::harness
