#include "harness/plan/turn_order.hpp"

#include <fmt/format.h>

#include <map>
#include <tuple>

#include "harness/layer.hpp"

namespace ds::harness {

TurnOrder::TurnOrder(const std::vector<WorkUnit>& units, const StoredAnswerFn& stored_answer)
    : units_(units), slots_(units.size()) {
  std::map<std::tuple<size_t, std::string, std::string, int>, size_t> planned;
  for (size_t i = 0; i < units.size(); ++i)
    planned[{units[i].model_index, units[i].item->suite, units[i].item->id, units[i].sample}] = i;
  for (size_t i = 0; i < units.size(); ++i) {
    const WorkUnit& u = units[i];
    Slot& slot = slots_[i];
    slot.answers.resize(u.item->earlier_turns.size());
    for (size_t k = 0; k < u.item->earlier_turns.size() && slot.missing.empty(); ++k) {
      const std::string& earlier = u.item->earlier_turns[k];
      if (const auto p = planned.find({u.model_index, u.item->suite, earlier, u.sample}); p != planned.end()) {
        slots_[p->second].later.push_back({i, k});
        ++slot.waiting;
      } else if (auto answer = stored_answer(u.model_index, u.item->suite, earlier, u.sample)) {
        slot.answers[k] = std::move(*answer);
      } else {
        slot.missing = earlier;
      }
    }
    if (!slot.missing.empty()) {
      blocked_at_start_.push_back(i);
    } else if (slot.waiting == 0) {
      ready_at_start_.push_back(i);
    }
  }
  // The turns after a blocked turn are blocked too (the list grows while it is walked).
  for (size_t b = 0; b < blocked_at_start_.size(); ++b) block_later(blocked_at_start_[b], blocked_at_start_);
}

std::string TurnOrder::blocked_reason(size_t unit) const {
  return fmt::format("not sent: this turn needs the same model's answer to {}/{} (sample {}), which {}",
                     units_[unit].item->suite, slots_[unit].missing, units_[unit].sample,
                     slots_[unit].failed ? "failed or was not sent" : "is neither in this run nor stored");
}

void TurnOrder::block(size_t unit, const std::string& missing, std::vector<size_t>& blocked) {
  Slot& slot = slots_[unit];
  if (!slot.missing.empty()) return;
  slot.missing = missing;
  slot.failed = true;
  blocked.push_back(unit);
  block_later(unit, blocked);
}

void TurnOrder::block_later(size_t unit, std::vector<size_t>& blocked) {
  for (const auto& [later, _] : slots_[unit].later) block(later, units_[unit].item->id, blocked);
}

TurnOrder::Released TurnOrder::finished(size_t unit, const std::optional<std::string>& answer) {
  Released out;
  for (const auto& [later, k] : slots_[unit].later) {
    Slot& slot = slots_[later];
    if (!answer) {
      block(later, units_[unit].item->id, out.blocked);
      continue;
    }
    slot.answers[k] = *answer;
    if (--slot.waiting == 0 && slot.missing.empty()) out.ready.push_back(later);
  }
  return out;
}

}  // namespace ds::harness
