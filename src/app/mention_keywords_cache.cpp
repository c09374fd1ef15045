// Mention keywords kept per member list (see mention_keywords_cache.h).
#include "app/mention_keywords_cache.h"

#include <algorithm>

namespace parley::app {

std::shared_ptr<const MentionKeywords> MentionKeywordsCache::get(
    const store::MentionMembers& members, bool allow_channel) {
  auto same = [&](const Entry& e) {
    return e.allow_channel == allow_channel && !e.list.owner_before(members) &&
           !members.owner_before(e.list);
  };
  {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(entries_.begin(), entries_.end(), same);
    if (it != entries_.end()) {
      auto keywords = it->keywords;
      std::rotate(it, it + 1, entries_.end());
      return keywords;
    }
  }
  auto built = std::make_shared<MentionKeywords>();
  for (const auto& m : *members)
    add_mention_keywords(
        *built,
        {m.user_id, m.username, m.first_name, m.notify_props, m.channel_notify_props, false},
        allow_channel);
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [](const Entry& e) { return e.list.expired(); });
  if (entries_.size() >= kMaxLists) entries_.erase(entries_.begin());
  entries_.push_back({members, allow_channel, built});
  return built;
}

}  // namespace parley::app
