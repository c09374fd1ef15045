// /api/v4/users/{user_id}/teams/{team_id}/threads routes: collapsed reply threads of a user.
#include "app/threads.h"
#include "api/params.h"
#include "api/respond.h"
#include "api/routes.h"

#include <charconv>

namespace parley::api {
namespace {

struct Ids {
  std::string user_id;
  std::string team_id;
  std::string thread_id;
};

Result<Ids> ids(Context& c, bool with_thread) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return user_id.error();
  auto team_id = path_id(c, "team_id");
  if (!team_id) return team_id.error();
  Ids out{*user_id, *team_id, ""};
  if (with_thread) {
    auto thread_id = path_id(c, "thread_id");
    if (!thread_id) return thread_id.error();
    out.thread_id = *thread_id;
  }
  return out;
}

Result<std::string> optional_id(Context& c, std::string_view name) {
  std::string v(c.req.query_param(name));
  if (!v.empty() && !is_valid_id(v)) return errors::invalid_url_param(name);
  return v;
}

Response list(Context& c) {
  auto i = ids(c, false);
  if (!i) return c.fail(i.error());
  app::UserThreadsQuery q;
  auto before = optional_id(c, "before");
  if (!before) return c.fail(before.error());
  auto after = optional_id(c, "after");
  if (!after) return c.fail(after.error());
  q.before = *before;
  q.after = *after;
  q.per_page = c.per_page();
  if (std::string since(c.req.query_param("since")); !since.empty()) {
    auto [p, ec] = std::from_chars(since.data(), since.data() + since.size(), q.since);
    if (ec != std::errc{} || p != since.data() + since.size() || q.since < 0)
      return c.fail(errors::invalid_param("since"));
  }
  q.extended = c.query_bool("extended");
  q.deleted = c.query_bool("deleted");
  q.unread = c.query_bool("unread");
  q.totals_only = c.query_bool("totalsOnly");
  q.threads_only = c.query_bool("threadsOnly");
  if (q.totals_only && q.threads_only)
    return c.fail(AppError::make("api.getThreadsForUser.bad_only_params",
                                 "OnlyThreads and OnlyTotals parameters to getThreadsForUser are "
                                 "mutually exclusive",
                                 400));
  auto r = app::get_user_threads(c.app, c.s(), i->user_id, i->team_id, q);
  if (!r) return c.fail(r.error());
  return json_response(*r);
}

Response get_one(Context& c) {
  auto i = ids(c, true);
  if (!i) return c.fail(i.error());
  auto r = app::get_user_thread(c.app, c.s(), i->user_id, i->team_id, i->thread_id,
                                c.query_bool("extended"));
  if (!r) return c.fail(r.error());
  return json_response(*r);
}

Response follow(Context& c, bool state) {
  auto i = ids(c, true);
  if (!i) return c.fail(i.error());
  auto st = app::set_thread_following(c.app, c.s(), i->user_id, i->team_id, i->thread_id, state);
  if (!st) return c.fail(st.error());
  return status_ok();
}

Response read(Context& c) {
  auto i = ids(c, true);
  if (!i) return c.fail(i.error());
  std::string text = c.param("timestamp");
  int64_t ts = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), ts);
  if (text.empty() || ec != std::errc{} || p != text.data() + text.size() || ts < 0)
    return c.fail(errors::invalid_url_param("timestamp"));
  auto r = app::set_thread_read(c.app, c.s(), i->user_id, i->team_id, i->thread_id, ts);
  if (!r) return c.fail(r.error());
  return json_response(*r);
}

Response set_unread(Context& c) {
  auto i = ids(c, true);
  if (!i) return c.fail(i.error());
  auto post_id = path_id(c, "post_id");
  if (!post_id) return c.fail(post_id.error());
  // Mattermost makes sure the thread is followed when marking it unread.
  if (auto st = app::set_thread_following(c.app, c.s(), i->user_id, i->team_id, i->thread_id, true);
      !st)
    return c.fail(st.error());
  auto r = app::set_thread_unread(c.app, c.s(), i->user_id, i->team_id, i->thread_id, *post_id);
  if (!r) return c.fail(r.error());
  return json_response(*r);
}

Response mention_counts(Context& c) {
  auto i = ids(c, false);
  if (!i) return c.fail(i.error());
  auto r = app::get_thread_mention_counts(c.app, c.s(), i->user_id, i->team_id);
  if (!r) return c.fail(r.error());
  return json_response(*r);
}

Response read_all(Context& c) {
  auto i = ids(c, false);
  if (!i) return c.fail(i.error());
  auto st = app::set_threads_read(c.app, c.s(), i->user_id, i->team_id);
  if (!st) return c.fail(st.error());
  return status_ok();
}

}  // namespace

void register_thread_routes(Router& r) {
  constexpr std::string_view kBase = "/api/v4/users/{user_id}/teams/{team_id}/threads";
  auto path = [&](std::string_view tail) { return std::string(kBase) + std::string(tail); };
  r.add("GET", path(""), list);
  r.add("PUT", path("/read"), read_all);
  r.add("GET", path("/mention_counts"), mention_counts);
  r.add("GET", path("/{thread_id}"), get_one);
  r.add("PUT", path("/{thread_id}/following"), [](Context& c) { return follow(c, true); });
  r.add("DELETE", path("/{thread_id}/following"), [](Context& c) { return follow(c, false); });
  r.add("PUT", path("/{thread_id}/read/{timestamp}"), read);
  r.add("POST", path("/{thread_id}/set_unread/{post_id}"), set_unread);
}

}  // namespace parley::api
