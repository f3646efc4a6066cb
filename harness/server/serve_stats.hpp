#pragma once
// Counts what the server did per model, for GET /stats: tests use it to prove that a resumed
// run sent nothing twice ("repeats" counts answers to a body that was already answered).
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_set>

#include "core/json.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

class ServeStats {
 public:
  void request(const std::string& model);  // a well-formed request for a known model
  void fault(const std::string& model);
  void answered(const std::string& model, const std::string& body_key);
  void not_found(const std::string& model);  // replay: no recorded answer
  void rejected();                            // malformed request or unknown model
  // {"models": {NAME: {"requests", "answered", "faults", "not_found", "repeats"}}, "total",
  //  "answered", "rejected", "repeat_tracking"}. Repeats are tracked for the first
  // kMaxTrackedBodies distinct bodies (8 bytes each); beyond that "repeat_tracking" says
  // "partial" and memory stays bounded.
  static constexpr size_t kMaxTrackedBodies = 1u << 20;
  json to_json() const;
  void reset();

 private:
  struct Counts {
    int64_t requests = 0, answered = 0, faults = 0, not_found = 0, repeats = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Counts> models_;
  std::unordered_set<uint64_t> answered_keys_;  // hashes of model + body
  bool tracking_full_ = false;
  int64_t total_ = 0, rejected_ = 0;
};

}  // namespace ds::harness::server
