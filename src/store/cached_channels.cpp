// Mention lists by channel id in front of the ChannelStore; invalidation by membership, member
// notify prop and profile writes.
#include "store/cached_channels.h"

#include "store/cache_tx.h"

#include <algorithm>

namespace parley::store {

using cache_tx::write_then;

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

void CachedChannelStore::save_member(const model::ChannelMember& m) {
  write_then([&] { inner_.save_member(m); },
             [this, id = m.channel_id] { mentions_.erase_channel(id); });
}

void CachedChannelStore::update_member(const model::ChannelMember& m) {
  write_then([&] { inner_.update_member(m); },
             [this, id = m.channel_id] { mentions_.erase_channel(id); });
}

void CachedChannelStore::remove_member(std::string_view channel_id, std::string_view user_id) {
  write_then([&] { inner_.remove_member(channel_id, user_id); },
             [this, id = std::string(channel_id)] { mentions_.erase_channel(id); });
}

void CachedChannelStore::remove_team_memberships(std::string_view team_id,
                                                 std::string_view user_id) {
  write_then([&] { inner_.remove_team_memberships(team_id, user_id); },
             [this, id = std::string(user_id)] { mentions_.erase_member(id); });
}

void CachedChannelStore::permanent_delete(std::string_view channel_id) {
  write_then([&] { inner_.permanent_delete(channel_id); },
             [this, id = std::string(channel_id)] { mentions_.erase_channel(id); });
}

MentionMembers CachedChannelStore::mention_members(std::string_view channel_id) {
  return mentions_.get(inner_, channel_id);
}

std::vector<std::string> CachedSidebarStore::set_channels_muted(
    std::string_view user_id, const std::vector<std::string>& channel_ids, bool muted) {
  std::vector<std::string> changed;
  write_then([&] { changed = inner_.set_channels_muted(user_id, channel_ids, muted); },
             [this, ids = channel_ids] {
               for (const auto& id : ids) mentions_.erase_channel(id);
             });
  return changed;
}

}  // namespace parley::store
