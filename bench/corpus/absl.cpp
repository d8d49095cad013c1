// Real code from libabsl-dev (Abseil): Swiss tables, strings, StatusOr,
// InlinedVector, time, synchronisation and hashing.
#include <absl/algorithm/container.h>
#include <absl/container/btree_map.h>
#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/container/inlined_vector.h>
#include <absl/container/node_hash_map.h>
#include <absl/hash/hash.h>
#include <absl/status/status.h>
#include <absl/status/statusor.h>
#include <absl/strings/match.h>
#include <absl/strings/str_cat.h>
#include <absl/strings/str_format.h>
#include <absl/strings/str_join.h>
#include <absl/strings/str_replace.h>
#include <absl/strings/str_split.h>
#include <absl/strings/string_view.h>
#include <absl/synchronization/mutex.h>
#include <absl/time/clock.h>
#include <absl/time/time.h>
#include <absl/types/optional.h>
#include <absl/types/variant.h>

#include <iostream>
#include <string>
#include <vector>

struct Key {
  std::string name;
  int version;
  template <typename H> friend H AbslHashValue(H h, const Key &k) {
    return H::combine(std::move(h), k.name, k.version);
  }
  bool operator==(const Key &o) const { return name == o.name && version == o.version; }
};

absl::StatusOr<int> parse_port(absl::string_view s) {
  int port = 0;
  if (!absl::SimpleAtoi(s, &port))
    return absl::InvalidArgumentError(absl::StrCat("not a number: ", s));
  if (port <= 0 || port > 65535)
    return absl::OutOfRangeError(absl::StrFormat("port %d out of range", port));
  return port;
}

class Counter {
public:
  void add(absl::string_view word) {
    absl::MutexLock lock(&mu_);
    ++counts_[word];
  }
  std::vector<std::pair<std::string, int>> top() const {
    absl::MutexLock lock(&mu_);
    std::vector<std::pair<std::string, int>> v(counts_.begin(), counts_.end());
    absl::c_sort(v, [](const auto &a, const auto &b) { return a.second > b.second; });
    return v;
  }

private:
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, int> counts_ ABSL_GUARDED_BY(mu_);
};

int main() {
  Counter c;
  for (absl::string_view w : absl::StrSplit("a b a c b a", ' ', absl::SkipEmpty()))
    c.add(w);
  for (const auto &[w, n] : c.top())
    std::cout << absl::StrFormat("%-4s %3d\n", w, n);

  absl::flat_hash_set<Key> keys{{"x", 1}, {"y", 2}};
  absl::node_hash_map<Key, std::string, absl::Hash<Key>> names;
  names[{"x", 1}] = "first";
  absl::btree_map<int, std::string> ordered{{3, "c"}, {1, "a"}, {2, "b"}};
  absl::InlinedVector<int, 8> small{1, 2, 3};
  small.push_back(4);
  std::vector<std::string> parts = absl::StrSplit("k1=v1;k2=v2", absl::ByAnyChar(";="));
  std::string joined = absl::StrJoin(parts, ",");
  joined = absl::StrReplaceAll(joined, {{"k", "key"}, {"v", "value"}});
  std::cout << joined << ' ' << keys.contains(Key{"x", 1}) << ' ' << ordered.begin()->second << ' '
            << absl::StrJoin(small, "-") << ' ' << absl::StartsWith(joined, "key") << '\n';

  for (absl::string_view s : {"8080", "x", "70000"}) {
    absl::StatusOr<int> p = parse_port(s);
    std::cout << (p.ok() ? absl::StrCat(*p) : p.status().ToString()) << '\n';
  }
  absl::Time t = absl::Now();
  absl::Duration d = absl::Milliseconds(1500) + absl::Seconds(2);
  std::cout << absl::FormatTime(t + d, absl::UTCTimeZone()) << ' ' << absl::FormatDuration(d) << '\n';
  absl::variant<int, std::string> var = std::string("v");
  absl::optional<int> opt = absl::get_if<int>(&var) ? absl::optional<int>(1) : absl::nullopt;
  std::cout << opt.value_or(0) << '\n';
  return 0;
}
