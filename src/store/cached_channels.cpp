// Channels by id in front of the ChannelStore; invalidation by channel and team writes.
#include "store/cached_channels.h"

#include "store/cache_tx.h"

namespace parley::store {

void CachedChannelStore::insert(const model::Channel& c) {
  cache_tx::write_then([&] { inner_.insert(c); }, [this, id = c.id] { cache_.invalidate(id); });
}

void CachedChannelStore::update(const model::Channel& c) {
  cache_tx::write_then([&] { inner_.update(c); }, [this, id = c.id] { cache_.invalidate(id); });
}

std::optional<model::Channel> CachedChannelStore::get(std::string_view id) {
  if (cache_tx::active()) return inner_.get(id);
  return cache_.by_id.get_or_load(id, [&] { return inner_.get(id); });
}

void CachedChannelStore::permanent_delete(std::string_view channel_id) {
  cache_tx::write_then([&] { inner_.permanent_delete(channel_id); },
                       [this, id = std::string(channel_id)] { cache_.invalidate(id); });
}

void CachedTeamStore::permanent_delete(std::string_view team_id) {
  cache_tx::write_then([&] { inner_.permanent_delete(team_id); }, [this] { cache_.clear(); });
}

}  // namespace parley::store
