// Reading posts: single posts, threads, channel pages with Mattermost's before/after/since
// cursors (AddCursorIdsForPostList) and first pages kept as JSON (app/post_page_cache.h), around
// the last unread post, by ids and pinned.
#include "app/authorization.h"
#include "app/post_page_cache.h"
#include "app/post_util.h"
#include "app/posts.h"
#include "app/threads.h"
#include "app/users.h"
#include "model/post_writer.h"
#include "store/channel_store.h"
#include "store/post_store.h"
#include "store/thread_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace parley::app {
namespace {

using post_util::check_read;
using post_util::load_channel;

// Adds the threads of `list`'s posts (Mattermost's getParentsPosts / getPostsAround): roots of
// replies, and unless `skip_threads` the other posts of those threads. `include_listed_roots`
// also pulls the threads of root posts in the list (before/after pages do, plain pages don't).
void add_threads(App& app, model::PostList& list, const std::string& channel_id, bool skip_threads,
                 bool include_listed_roots) {
  std::set<std::string> roots;
  for (const auto& id : list.order) {
    const auto& p = list.posts.at(id);
    if (!p.root_id.empty())
      roots.insert(p.root_id);
    else if (include_listed_roots)
      roots.insert(p.id);
  }
  if (roots.empty()) return;
  std::vector<std::string> ids(roots.begin(), roots.end());
  auto& posts = app.store().posts();
  std::vector<model::Post> extra;
  if (skip_threads) {
    for (auto& p : posts.get_many(ids))
      if (p.delete_at == 0) extra.push_back(std::move(p));
  } else {
    extra = posts.threads_of(channel_id, ids);
  }
  for (auto& p : extra)
    if (!list.posts.contains(p.id)) list.add(std::move(p));
}

model::PostList around(App& app, const std::string& channel_id, const std::string& post_id,
                       bool before, int page, int per_page, const ChannelPostsQuery& q) {
  store::PostPageQuery pq{channel_id, page * per_page, per_page, q.include_deleted,
                          q.collapsed_threads};
  model::PostList list;
  auto rows = app.store().posts().around(pq, post_id, before);
  if (!before) std::reverse(rows.begin(), rows.end());  // newest first
  for (auto& p : rows) list.add_ordered(std::move(p));
  if (!q.collapsed_threads) add_threads(app, list, channel_id, q.skip_fetch_threads, true);
  return list;
}

std::string next_post_id(App& app, const model::PostList& l, bool roots_only) {
  if (l.order.empty()) return {};
  const auto& first = l.posts.at(l.order.front());
  return app.store().posts().post_id_around_time(first.channel_id, first.create_at, false,
                                                 roots_only);
}

std::string prev_post_id(App& app, const model::PostList& l, bool roots_only) {
  if (l.order.empty()) return {};
  const auto& last = l.posts.at(l.order.back());
  return app.store().posts().post_id_around_time(last.channel_id, last.create_at, true, roots_only);
}

void extend(model::PostList& into, model::PostList&& from) {
  for (auto& [id, p] : from.posts) into.posts.insert_or_assign(id, std::move(p));
  for (auto& id : from.order)
    if (std::find(into.order.begin(), into.order.end(), id) == into.order.end())
      into.order.push_back(id);
}

// A channel page as get_channel_posts_json sends it, but for the user's is_following.
model::PostList channel_posts(App& app, const std::string& channel_id, const ChannelPostsQuery& q) {
  auto& posts = app.store().posts();
  bool roots_only = q.collapsed_threads;
  model::PostList list;
  if (q.since > 0) {
    std::set<std::string> missing_roots;
    for (auto& p : posts.since(channel_id, q.since, roots_only)) {
      if (!p.root_id.empty()) missing_roots.insert(p.root_id);
      list.add_ordered(std::move(p));
    }
    std::vector<std::string> ids;
    for (const auto& r : missing_roots)
      if (!list.posts.contains(r)) ids.push_back(r);
    for (auto& p : posts.get_many(ids)) list.add(std::move(p));
  } else if (!q.after.empty()) {
    list = around(app, channel_id, q.after, false, q.page, q.per_page, q);
  } else if (!q.before.empty()) {
    list = around(app, channel_id, q.before, true, q.page, q.per_page, q);
  } else {
    store::PostPageQuery pq{channel_id, q.page * q.per_page, q.per_page, q.include_deleted,
                            roots_only};
    for (auto& p : posts.page(pq)) list.add_ordered(std::move(p));
    if (!roots_only) add_threads(app, list, channel_id, q.skip_fetch_threads, false);
  }

  // Cursors (AddCursorIdsForPostList).
  bool next_set = false, prev_set = false;
  if (q.since > 0) {
    next_set = prev_set = true;
  } else if (!q.after.empty()) {
    if (q.page == 0) {
      list.prev_post_id = q.after;
      prev_set = true;
    }
    if (static_cast<int>(list.order.size()) < q.per_page) next_set = true;
  } else if (!q.before.empty()) {
    if (q.page == 0) {
      list.next_post_id = q.before;
      next_set = true;
    }
    if (static_cast<int>(list.order.size()) < q.per_page) prev_set = true;
  }
  if (!next_set) list.next_post_id = next_post_id(app, list, roots_only);
  if (!prev_set) list.prev_post_id = prev_post_id(app, list, roots_only);
  post_util::prepare(app, list, q.collapsed_threads_extended);
  return list;
}

// What a kept first page depends on besides its channel: the query's shape.
std::string page_key(const std::string& channel_id, const ChannelPostsQuery& q) {
  return channel_id + '/' + std::to_string(q.per_page) + (q.collapsed_threads ? "c" : "") +
         (q.skip_fetch_threads ? "s" : "");
}

}  // namespace

Result<model::Post> get_post(App& app, const model::Session& s, const std::string& post_id,
                             bool include_deleted) {
  if (include_deleted && !has_permission(s, "manage_system"))
    return errors::permission("manage_system", s.user_id);
  auto post = post_util::load_post(app, post_id, include_deleted);
  if (!post) return post;
  auto channel = load_channel(app, post->channel_id);
  if (!channel) return std::move(channel).error();
  if (auto st = check_read(app, s, *channel); !st) return std::move(st).error();
  post_util::prepare(app, *post);
  return post;
}

Result<model::PostList> get_thread(App& app, const model::Session& s, const std::string& post_id,
                                   const ThreadQuery& q) {
  auto post = post_util::load_post(app, post_id, false);
  if (!post) return std::move(post).error();
  auto channel = load_channel(app, post->channel_id);
  if (!channel) return std::move(channel).error();
  if (auto st = check_read(app, s, *channel); !st) return std::move(st).error();

  std::string root = post->root_id.empty() ? post->id : post->root_id;
  std::vector<model::Post> others;
  for (auto& p : app.store().posts().thread(root)) {
    if (p.id == post->id) continue;
    if (q.collapsed_threads && p.root_id != post->id) continue;  // replies of this post only
    others.push_back(std::move(p));
  }
  bool down = q.direction == "down";
  if (q.direction == "up" || q.direction.empty())
    std::reverse(others.begin(), others.end());  // newest first
  if (q.from_create_at != 0) {
    std::erase_if(others, [&](const model::Post& p) {
      bool after = p.create_at > q.from_create_at ||
                   (!q.from_post.empty() && p.create_at == q.from_create_at && p.id > q.from_post);
      bool before = p.create_at < q.from_create_at ||
                    (!q.from_post.empty() && p.create_at == q.from_create_at && p.id < q.from_post);
      return down ? !after : !before;
    });
  }
  model::PostList list;
  if (q.per_page > 0) {
    list.has_next = static_cast<int>(others.size()) > q.per_page;
    if (*list.has_next) others.resize(static_cast<std::size_t>(q.per_page));
  }
  list.add_ordered(std::move(*post));
  for (auto& p : others) list.add_ordered(std::move(p));
  post_util::prepare(app, list, q.collapsed_threads_extended);
  if (q.collapsed_threads) set_is_following(app, s.user_id, list);
  return list;
}

Result<std::string> get_channel_posts_json(App& app, const model::Session& s,
                                           const std::string& channel_id,
                                           const ChannelPostsQuery& q) {
  if (q.include_deleted && !has_permission(s, "manage_system"))
    return errors::permission("read_deleted_posts", s.user_id);
  auto channel = load_channel(app, channel_id);
  if (!channel) return std::move(channel).error();
  if (!can_read_channel(app, s, *channel))
    return errors::permission("read_channel_content", s.user_id);

  // First pages are kept (app/post_page_cache.h); extended participants are user objects, which
  // the channel stamp does not follow.
  bool first_page = q.since == 0 && q.after.empty() && q.before.empty() && q.page == 0 &&
                    !q.include_deleted && !q.collapsed_threads_extended;
  auto channel_stamp =
      first_page ? app.store().posts().channel_stamp(channel_id) : std::optional<uint64_t>{};
  if (!channel_stamp) {
    auto list = channel_posts(app, channel_id, q);
    if (q.collapsed_threads) set_is_following(app, s.user_id, list);
    return model::to_json_text(list);
  }
  PostPageStamp stamp{*channel_stamp, app.link_metadata().generation(), app.config()};
  auto key = page_key(channel_id, q);
  auto page = app.post_pages().find(key, stamp);
  if (!page) {
    page = std::make_shared<const model::PostListPieces>(
        model::to_json_pieces(channel_posts(app, channel_id, q)));
    app.post_pages().put(std::move(key), std::move(stamp), page);
  }
  std::unordered_map<std::string, bool> following;
  if (q.collapsed_threads)
    for (const auto& m : app.store().threads().user_memberships(s.user_id, page->following_of))
      following.emplace(m.post_id, m.following);
  return model::join(*page, following);
}

Result<model::PostList> get_posts_around_last_unread(App& app, const model::Session& s,
                                                     const std::string& user_id,
                                                     const std::string& channel_id,
                                                     int limit_before, int limit_after,
                                                     const ChannelPostsQuery& q) {
  if (!can_manage_user(app, s, user_id)) return errors::permission("edit_other_users", s.user_id);
  auto channel = load_channel(app, channel_id);
  if (!channel) return std::move(channel).error();
  if (!can_read_channel(app, s, *channel))
    return errors::permission("read_channel_content", s.user_id);
  if (limit_after == 0) return errors::invalid_url_param("limit_after");

  auto member = app.store().channels().get_member(channel_id, user_id);
  if (!member)
    return AppError::make("app.channel.get_member.missing.app_error",
                          "No channel member found for that user ID and channel ID.", 404);
  bool roots_only = q.collapsed_threads;
  model::PostList list;
  std::string last_unread;
  if (member->last_viewed_at != 0)
    last_unread = app.store().posts().post_id_around_time(channel_id, member->last_viewed_at, false,
                                                          roots_only);
  if (!last_unread.empty()) {
    if (auto unread = app.store().posts().get(last_unread, false)) {
      std::string root = unread->root_id.empty() ? unread->id : unread->root_id;
      if (!q.skip_fetch_threads) {
        for (auto& p : app.store().posts().thread(root))
          if (!roots_only || p.root_id == unread->id) list.add(std::move(p));
      }
      list.add(*unread);
      list.order = {last_unread};
      extend(list, around(app, channel_id, last_unread, true, 0, limit_before, q));
    }
    extend(list, around(app, channel_id, last_unread, false, 0, limit_after - 1, q));
    list.sort_by_create_at();
  } else {
    store::PostPageQuery pq{channel_id, 0, limit_before, false, roots_only};
    for (auto& p : app.store().posts().page(pq)) list.add_ordered(std::move(p));
    if (!roots_only) add_threads(app, list, channel_id, q.skip_fetch_threads, false);
  }
  list.next_post_id = next_post_id(app, list, roots_only);
  list.prev_post_id = prev_post_id(app, list, roots_only);
  post_util::prepare(app, list, q.collapsed_threads_extended);
  if (q.collapsed_threads) set_is_following(app, s.user_id, list);
  return list;
}

Result<std::vector<model::Post>> get_posts_by_ids(App& app, const model::Session& s,
                                                  const std::vector<std::string>& ids) {
  auto found = app.store().posts().get_many(ids);
  if (found.empty())
    return AppError::make("app.post.get.app_error", "Unable to get the post.", 404);
  std::vector<model::Post> out;
  std::map<std::string, bool> readable;
  for (auto& p : found) {
    auto it = readable.find(p.channel_id);
    if (it == readable.end()) {
      auto channel = app.store().channels().get(p.channel_id);
      it = readable.emplace(p.channel_id, channel && can_read_channel(app, s, *channel)).first;
    }
    if (!it->second) continue;
    post_util::prepare(app, p);
    out.push_back(std::move(p));
  }
  return out;
}

Result<model::PostList> get_pinned_posts(App& app, const model::Session& s,
                                         const std::string& channel_id) {
  auto channel = load_channel(app, channel_id);
  if (!channel) return std::move(channel).error();
  if (!can_read_channel(app, s, *channel))
    return errors::permission("read_channel_content", s.user_id);
  model::PostList list;
  for (auto& p : app.store().posts().pinned(channel_id)) list.add_ordered(std::move(p));
  post_util::prepare(app, list);
  return list;
}

Result<model::PostList> get_flagged_posts(App& app, const model::Session& s,
                                          const std::string& user_id, const FlaggedPostsQuery& q) {
  if (!can_manage_user(app, s, user_id)) return errors::permission("edit_other_users", s.user_id);
  store::FlaggedPostQuery fq{user_id, q.channel_id, q.channel_id.empty() ? q.team_id : "", q.offset,
                             q.limit};
  auto posts = app.store().posts().flagged(fq);
  // The store keeps the flagging user's channels; the session (an admin reading someone else's
  // flags) must also be able to read each of them.
  std::map<std::string, bool> readable;
  model::PostList list;
  for (auto& p : posts) {
    auto [it, fresh] = readable.try_emplace(p.channel_id, false);
    if (fresh) {
      auto channel = app.store().channels().get(p.channel_id);
      it->second = channel && can_read_channel(app, s, *channel);
    }
    if (it->second) list.add_ordered(std::move(p));
  }
  list.sort_by_create_at();
  post_util::prepare(app, list);
  return list;
}

}  // namespace parley::app
