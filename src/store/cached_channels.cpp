// Channels by id, members' roles and mention lists in front of the ChannelStore; invalidation by
// channel, membership and team writes.
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
  cache_tx::write_then(
      [&] { inner_.permanent_delete(channel_id); },
      [this, id = std::string(channel_id)] {
        cache_.invalidate(id);
        cache_.member_roles.erase_if([&](const MemberRoles& m) { return m.channel_id == id; });
        cache_.member_counts.erase(id);
        mentions_.erase_channel(id);
      });
}

namespace {
std::string member_key(std::string_view channel_id, std::string_view user_id) {
  std::string key(channel_id);
  key += '/';
  key += user_id;
  return key;
}
}  // namespace

std::function<void()> CachedChannelStore::member(std::string_view channel_id,
                                                 std::string_view user_id) {
  return [this, key = member_key(channel_id, user_id), id = std::string(channel_id)] {
    cache_.member_roles.erase(key);
    cache_.member_counts.erase(id);
    mentions_.erase_channel(id);
  };
}

MemberCounts CachedChannelStore::counts(std::string_view channel_id) {
  auto load = [&] {
    return MemberCounts{inner_.member_count(channel_id), inner_.guest_count(channel_id)};
  };
  if (cache_tx::active()) return load();
  return *cache_.member_counts.get_or_load(channel_id,
                                           [&] { return std::optional<MemberCounts>(load()); });
}

std::optional<std::string> CachedChannelStore::member_roles(std::string_view channel_id,
                                                            std::string_view user_id) {
  if (cache_tx::active()) return inner_.member_roles(channel_id, user_id);
  auto hit = cache_.member_roles.get_or_load(
      member_key(channel_id, user_id), [&]() -> std::optional<MemberRoles> {
        auto roles = inner_.member_roles(channel_id, user_id);
        if (!roles) return std::nullopt;
        return MemberRoles{std::string(channel_id), std::string(user_id), std::move(*roles)};
      });
  if (!hit) return std::nullopt;
  return std::move(hit->roles);
}

void CachedChannelStore::save_member(const model::ChannelMember& m) {
  cache_tx::write_then([&] { inner_.save_member(m); }, member(m.channel_id, m.user_id));
}

void CachedChannelStore::update_member(const model::ChannelMember& m) {
  cache_tx::write_then([&] { inner_.update_member(m); }, member(m.channel_id, m.user_id));
}

void CachedChannelStore::remove_member(std::string_view channel_id, std::string_view user_id) {
  cache_tx::write_then([&] { inner_.remove_member(channel_id, user_id); },
                       member(channel_id, user_id));
}

void CachedChannelStore::remove_team_memberships(std::string_view team_id,
                                                 std::string_view user_id) {
  cache_tx::write_then(
      [&] { inner_.remove_team_memberships(team_id, user_id); },
      [this, uid = std::string(user_id)] {
        cache_.member_roles.erase_if([&](const MemberRoles& m) { return m.user_id == uid; });
        cache_.member_counts.clear();
        mentions_.erase_member(uid);
      });
}

void CachedTeamStore::permanent_delete(std::string_view team_id) {
  cache_tx::write_then([&] { inner_.permanent_delete(team_id); },
                       [this] {
                         cache_.clear();
                         mentions_.clear();
                       });
}

}  // namespace parley::store
