// Read caches in front of a Store, as Mattermost's local cache layer keeps them: sessions by
// token (every authenticated request), users by id, reactions by post (store/cached_reactions.h)
// and each channel's mention list (store/cached_channels.h). Every write made through the
// wrapped stores invalidates what it touches once it has committed (again at the end of an
// enclosing Store::transaction); reads inside a transaction bypass the caches. Nothing else
// writes the Sessions and Users tables, only the emoji store otherwise changes live reactions,
// and other stores touch ChannelMembers only for unread counters (posts) or to delete a whole
// team, so the caches stay exact within one server process.
#pragma once

#include "store/store.h"

#include <memory>

namespace parley::store {

std::unique_ptr<Store> with_caches(std::unique_ptr<Store> inner);

}  // namespace parley::store
