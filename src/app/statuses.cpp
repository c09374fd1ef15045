// Status reads and transitions; each write is one transaction, the event follows the commit.
#include "app/statuses.h"

#include "app/authorization.h"
#include "store/status_store.h"
#include "util/ids.h"

#include <string_view>
#include <unordered_map>

namespace parley::app {
namespace {

namespace st = model::status;

bool enabled(App& app) {
  return app.config()->service.enable_user_statuses;
}

void broadcast(App& app, const model::Status& s) {
  app.publish_to_user("status_change", {{"status", s.status}, {"user_id", s.user_id}}, s.user_id);
}

model::Status fresh(const std::string& user_id, const char* status, bool manual, int64_t at) {
  model::Status s;
  s.user_id = user_id;
  s.status = status;
  s.manual = manual;
  s.last_activity_at = at;
  return s;
}

// Runs `change` on the current status (nullopt when none) in one transaction; saves and
// announces what it returns.
template <class F>
void transition(App& app, const std::string& user_id, F change) {
  if (!enabled(app)) return;
  std::optional<model::Status> saved;
  app.store().transaction([&] {
    auto& store = app.store().statuses();
    saved = change(store.get(user_id));
    if (saved) store.save(*saved);
  });
  if (saved) broadcast(app, *saved);
}

// Mattermost's SetStatusAwayIfNeeded decision on `s`; nullopt when the status stays.
std::optional<model::Status> away_if_needed(model::Status s, bool manual, int64_t timeout_ms) {
  if (!manual && s.manual) return std::nullopt;
  if (!manual) {
    if (s.status == st::kAway) return std::nullopt;
    if (now_ms() - s.last_activity_at < timeout_ms) return std::nullopt;
  }
  s.status = st::kAway;
  s.manual = manual;
  return s;
}

}  // namespace

std::vector<model::Status> statuses_by_ids(App& app, const std::vector<std::string>& user_ids) {
  if (!enabled(app)) return {};
  auto rows = app.store().statuses().get_many(user_ids);
  std::unordered_map<std::string_view, const model::Status*> found;
  found.reserve(rows.size());
  for (const auto& s : rows) found.emplace(s.user_id, &s);
  std::vector<model::Status> out;
  out.reserve(user_ids.size());
  for (const auto& id : user_ids) {
    auto it = found.find(id);
    out.push_back(it != found.end() ? *it->second : fresh(id, st::kOffline, false, 0));
  }
  return out;
}

std::vector<model::Status> active_statuses(App& app) {
  if (!enabled(app)) return {};
  return app.store().statuses().not_offline();
}

Status update_status(App& app, const model::Session& actor, const std::string& user_id,
                     const std::string& status, int64_t dnd_end_time) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  if (status == st::kOnline)
    set_status_online(app, user_id, true);
  else if (status == st::kOffline)
    set_status_offline(app, user_id, true);
  else if (status == st::kAway)
    set_status_away_if_needed(app, user_id, true);
  else if (status == st::kDnd)
    set_status_dnd(app, user_id, dnd_end_time);
  else
    return errors::invalid_param("status");
  return {};
}

void set_status_online(App& app, const std::string& user_id, bool manual) {
  if (!enabled(app)) return;
  // Most calls change nothing (already online, activity recorded recently): decide that with a
  // plain read so a post does not take the write lock for it.
  if (auto cur = app.store().statuses().get(user_id);
      cur && ((cur->manual && !manual) || (cur->status == st::kOnline && !cur->manual &&
                                           now_ms() - cur->last_activity_at <= st::kMinUpdateMs)))
    return;
  std::optional<model::Status> changed;
  app.store().transaction([&] {
    auto& store = app.store().statuses();
    int64_t now = now_ms();
    auto cur = store.get(user_id);
    if (!cur) {
      changed = fresh(user_id, st::kOnline, false, now);
      store.save(*changed);
      return;
    }
    if (cur->manual && !manual) return;  // a status set by hand wins
    model::Status next = *cur;
    next.status = st::kOnline;
    next.manual = false;  // "online" is never manual
    next.last_activity_at = now;
    if (cur->status != st::kOnline) {
      changed = next;
      store.save(next);
    } else if (cur->manual || now - cur->last_activity_at > st::kMinUpdateMs) {
      store.save(next);
    }
  });
  if (changed) broadcast(app, *changed);
}

void set_status_offline(App& app, const std::string& user_id, bool manual) {
  transition(app, user_id, [&](std::optional<model::Status> cur) -> std::optional<model::Status> {
    if (cur && cur->manual && !manual) return std::nullopt;
    return fresh(user_id, st::kOffline, manual, now_ms());
  });
}

void set_status_away_if_needed(App& app, const std::string& user_id, bool manual) {
  int64_t timeout_ms = app.config()->team.user_status_away_timeout * 1000;
  // Automatic checks (every WebSocket pong) mostly change nothing: decide that with a read.
  if (!manual && enabled(app)) {
    auto cur = app.store().statuses().get(user_id);
    if (cur && !away_if_needed(*cur, false, timeout_ms)) return;
  }
  transition(app, user_id, [&](std::optional<model::Status> cur) -> std::optional<model::Status> {
    return away_if_needed(cur ? *cur : fresh(user_id, st::kOffline, manual, 0), manual, timeout_ms);
  });
}

void set_status_last_activity_at(App& app, const std::string& user_id, int64_t at) {
  if (!enabled(app)) return;
  int64_t timeout_ms = app.config()->team.user_status_away_timeout * 1000;
  std::optional<model::Status> changed;
  app.store().transaction([&] {
    auto& store = app.store().statuses();
    auto cur = store.get(user_id);
    if (!cur) return;
    cur->last_activity_at = at;
    changed = away_if_needed(*cur, false, timeout_ms);
    store.save(changed ? *changed : *cur);
  });
  if (changed) broadcast(app, *changed);
}

void set_status_dnd(App& app, const std::string& user_id, int64_t end_seconds) {
  transition(app, user_id, [&](std::optional<model::Status> cur) -> std::optional<model::Status> {
    model::Status s = cur ? *cur : fresh(user_id, st::kOffline, false, 0);
    if (s.status != st::kDnd) s.prev_status = s.status;  // a new end time keeps what to return to
    s.status = st::kDnd;
    s.manual = true;
    s.dnd_end_time = end_seconds > 0 ? end_seconds - end_seconds % 60 : end_seconds;
    return s;
  });
}

void expire_dnd_statuses(App& app, int64_t now_seconds) {
  if (!enabled(app)) return;
  for (const auto& s : app.store().statuses().expire_dnd(now_seconds)) broadcast(app, s);
}

void reset_statuses(App& app) {
  app.store().statuses().reset_all();
}

}  // namespace parley::app
