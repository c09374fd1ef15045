// Per-thread transaction state of the store's read caches.
#include "store/cache_tx.h"

#include <vector>

namespace parley::store::cache_tx {
namespace {
thread_local int t_depth = 0;
thread_local std::vector<std::function<void()>> t_after_commit;
}  // namespace

bool active() {
  return t_depth > 0;
}

void write_then(const std::function<void()>& write, const std::function<void()>& invalidate) {
  struct Guard {
    const std::function<void()>& f;
    ~Guard() {
      f();
      if (t_depth > 0) t_after_commit.push_back(f);
    }
  } guard{invalidate};
  write();
}

Scope::Scope() {
  ++t_depth;
}

Scope::~Scope() {
  if (--t_depth > 0) return;
  auto pending = std::move(t_after_commit);
  t_after_commit.clear();
  for (auto& invalidate : pending) invalidate();
}

}  // namespace parley::store::cache_tx
