// Read caches in front of a Store, as Mattermost's local cache layer keeps them: sessions by
// token (every authenticated request), users by id, statuses by user (every post), reactions by
// post (store/cached_reactions.h), channels by id and each channel's first page of posts with the
// threads and cursors around it (store/cached_posts.h, store/cached_channels.h), and each
// channel's mention list (store/cached_channels.h). Every write made through the wrapped stores
// invalidates what it touches once it has committed (again at the end of an enclosing
// Store::transaction); reads inside a transaction bypass the caches. Nothing else writes the
// Sessions, Users, Status, Channels and Posts tables, only the emoji store otherwise changes live
// reactions, and other stores touch ChannelMembers only for unread counters (posts), so the
// caches stay exact within one server process.
#pragma once

#include "store/store.h"

#include <memory>

namespace parley::store {

struct CacheOptions {
  // Channel post listings (store/cached_posts.h). Off with PostgreSQL read replicas: there the
  // channel pages are lag-tolerant reads that replicas serve, with read-after-write for their
  // author only, which one cache shared by every user cannot honour.
  bool post_listings = true;
};

std::unique_ptr<Store> with_caches(std::unique_ptr<Store> inner, CacheOptions options = {});

}  // namespace parley::store
