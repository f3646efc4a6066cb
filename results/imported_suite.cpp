#include "results/imported_suite.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/conversation_key.hpp"
#include "core/json_bounded.hpp"
#include "core/sha256.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

// "9.t1" before "10.t1": runs of digits compare as numbers, so MT-bench's question order holds.
bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = std::isdigit(static_cast<unsigned char>(a[i])), db = std::isdigit(static_cast<unsigned char>(b[j]));
    if (da && db) {
      size_t ei = i, ej = j;
      while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
      while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
      const auto na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
      const auto ta = na.substr(std::min(na.find_first_not_of('0'), na.size()));
      const auto tb = nb.substr(std::min(nb.find_first_not_of('0'), nb.size()));
      if (ta.size() != tb.size()) return ta.size() < tb.size();
      if (ta != tb) return ta < tb;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

SuiteItem suite_item(const StoredItem& stored) {
  json value = {{"id", stored.item_id}, {"suite", stored.suite}, {"messages", stored.messages}};
  if (!stored.system.empty()) value["system"] = stored.system;
  SuiteItem item = parse_suite_item(value, fmt::format("store item {}/{}", stored.suite, stored.item_id));
  item.data = stored.data;
  item.kind = resolve_suite_kind(item.suite, stored.data);
  return item;
}

bool only_user_turns(const SuiteItem& item) {
  return std::all_of(item.messages.begin(), item.messages.end(), [](const Message& m) { return m.role == "user"; });
}

// Turn k (k user messages, no answers in between) follows the items holding its first
// 1..k-1 user messages, when all of them are in the suite; otherwise it is sent as stored.
void link_turns(std::vector<SuiteItem>& items) {
  std::map<std::string, std::string> by_turns;  // user-turns key -> item id
  for (const auto& item : items)
    if (only_user_turns(item)) by_turns.emplace(user_turns_key(item.messages), item.id);
  for (auto& item : items) {
    if (item.messages.size() < 2 || !only_user_turns(item)) continue;
    std::vector<std::string> earlier;
    for (size_t k = 1; k < item.messages.size(); ++k) {
      const auto found = by_turns.find(user_turns_key({item.messages.begin(), item.messages.begin() + k}));
      if (found == by_turns.end()) break;
      earlier.push_back(found->second);
    }
    if (earlier.size() + 1 == item.messages.size()) item.earlier_turns = std::move(earlier);
  }
}

}  // namespace

std::vector<std::string> stored_suite_names(Store& store) {
  const auto builtin = builtin_suite_names();
  const std::set<std::string> builtins(builtin.begin(), builtin.end());
  std::vector<std::string> out;
  auto s = store.db().prepare("SELECT DISTINCT suite FROM items ORDER BY suite");
  while (s.step())
    if (!builtins.count(s.text(0))) out.push_back(s.text(0));
  return out;
}

std::optional<Suite> stored_suite(Store& store, const std::string& name) {
  const auto stored = store.items(name);
  if (stored.empty()) return std::nullopt;
  Suite suite;
  suite.name = name;
  suite.version = "imported";
  suite.path = "the results store";
  suite.stored = true;
  std::string bytes;
  for (const auto& s : stored) {
    suite.items.push_back(suite_item(s));
    bytes += s.item_id + '\n' + dump_json(s.messages) + '\n' + s.system + '\n';
  }
  suite.sha256 = sha256_hex(bytes);
  link_turns(suite.items);
  // A conversation's turns stay together and in order, so --limit never keeps a turn
  // without the turns before it.
  const auto root = [](const SuiteItem& i) { return i.earlier_turns.empty() ? i.id : i.earlier_turns.front(); };
  std::stable_sort(suite.items.begin(), suite.items.end(), [&](const SuiteItem& a, const SuiteItem& b) {
    const std::string ra = root(a), rb = root(b);
    if (ra != rb) return natural_less(ra, rb);
    return a.earlier_turns.size() < b.earlier_turns.size();
  });
  return suite;
}

}  // namespace ds::results
