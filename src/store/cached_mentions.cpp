// Mention lists by channel id (see cached_mentions.h) and the sidebar writes that drop them.
#include "store/cached_mentions.h"

#include "store/cache_tx.h"

#include <algorithm>

namespace parley::store {

MentionMembers MentionCache::get(ChannelStore& inner, std::string_view channel_id) {
  if (cache_tx::active()) return inner.mention_members(channel_id);
  return *cache_.get_or_load(
      channel_id, [&] { return std::optional<MentionMembers>(inner.mention_members(channel_id)); });
}

void MentionCache::erase_member(std::string_view user_id) {
  cache_.erase_if([&](const MentionMembers& members) {
    return std::any_of(members->begin(), members->end(),
                       [&](const MentionMember& m) { return m.user_id == user_id; });
  });
}

void MentionCache::user_written(const model::User& u) {
  // erase_if also drops every fill read before this point, so a list kept here is one that
  // already holds the written values.
  cache_.erase_if([&](const MentionMembers& members) {
    return std::any_of(members->begin(), members->end(), [&](const MentionMember& m) {
      return m.user_id == u.id && (m.username != u.username || m.first_name != u.first_name ||
                                   m.notify_props != u.notify_props);
    });
  });
}

std::vector<std::string> CachedSidebarStore::set_channels_muted(
    std::string_view user_id, const std::vector<std::string>& channel_ids, bool muted) {
  std::vector<std::string> changed;
  cache_tx::write_then([&] { changed = inner_.set_channels_muted(user_id, channel_ids, muted); },
                       [this, ids = channel_ids] {
                         for (const auto& id : ids) mentions_.erase_channel(id);
                       });
  return changed;
}

}  // namespace parley::store
