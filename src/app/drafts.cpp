// Synced drafts: Mattermost's permission checks (create_post in the channel, or
// create_post_public on the team for an open channel), limits and events.
#include "app/drafts.h"

#include "app/authorization.h"
#include "model/post.h"
#include "model/team.h"
#include "store/channel_store.h"
#include "store/draft_store.h"
#include "util/ids.h"

#include <boost/json/serialize.hpp>

namespace parley::app {
namespace {

AppError disabled() {
  return AppError::make("api.drafts.disabled.app_error", "Drafts are disabled.", 501);
}

// The API uses the session's own drafts; another user's id in the path is refused.
Status check_self(const model::Session& s, const std::string& user_id) {
  if (user_id != s.user_id) return errors::permission("edit_other_users", s.user_id);
  return {};
}

bool may_draft_in(App& app, const model::Session& s, const std::string& channel_id) {
  if (has_channel_permission(app, s, channel_id, "create_post")) return true;
  auto channel = app.store().channels().get(channel_id);
  return channel && channel->type == "O" &&
         has_team_permission(app, s, channel->team_id, "create_post_public");
}

// Model validation failures surface as Mattermost's store error: 500 app.draft.save.app_error.
Status validate(const model::Draft& d) {
  auto bad = [](const std::string& what) {
    return AppError::make("app.draft.save.app_error", "Unable to save the draft.", 500,
                          "model.draft.is_valid." + what + ".app_error");
  };
  if (model::rune_count(d.message) > model::kPostMessageMaxRunes) return bad("message_length");
  if (!d.root_id.empty() && !is_valid_id(d.root_id)) return bad("root_id");
  if (model::rune_count(boost::json::serialize(
          d.file_ids.empty() ? boost::json::array()
                             : boost::json::array(d.file_ids.begin(), d.file_ids.end()))) > 300)
    return bad("file_ids");
  if (model::rune_count(boost::json::serialize(d.props)) > 800000) return bad("props");
  if (model::rune_count(boost::json::serialize(d.priority)) > 800000) return bad("priority");
  return {};
}

void publish_draft(App& app, const char* name, const model::Draft& d,
                   const std::string& connection_id) {
  Event e{name, {{"draft", boost::json::serialize(model::to_json(d))}}, {}, std::nullopt, {}, {}};
  e.broadcast.user_id = d.user_id;
  e.broadcast.channel_id = d.channel_id;
  e.broadcast.omit_connection_id = connection_id;
  app.publish(std::move(e));
}

}  // namespace

Status check_drafts_enabled(App& app) {
  if (!app.config()->service.allow_synced_drafts) return disabled();
  return {};
}

Result<std::optional<model::Draft>> upsert_draft(App& app, const model::Session& s,
                                                 model::Draft draft,
                                                 const std::string& connection_id) {
  if (!app.config()->service.allow_synced_drafts) return disabled();
  draft.user_id = s.user_id;
  draft.delete_at = 0;
  if (!may_draft_in(app, s, draft.channel_id)) return errors::permission("create_post", s.user_id);
  auto channel = app.store().channels().get(draft.channel_id);
  if (!channel) return errors::invalid_param("draft.channel_id");
  if (channel->delete_at != 0)
    return AppError::make("api.draft.create_draft.can_not_draft_to_deleted.error",
                          "Cannot create a draft in an archived channel.", 400);
  auto& drafts = app.store().drafts();
  if (draft.message.empty()) {
    drafts.remove(draft.user_id, draft.channel_id, draft.root_id);
    return std::optional<model::Draft>{};
  }
  int64_t now = now_ms();
  if (draft.create_at == 0) draft.create_at = now;
  draft.update_at = now;
  if (auto v = validate(draft); !v) return std::move(v).error();
  model::Draft saved = drafts.upsert(draft);
  saved.with_metadata = true;
  publish_draft(app, "draft_created", saved, connection_id);
  return std::optional<model::Draft>{std::move(saved)};
}

Result<std::vector<model::Draft>> get_drafts(App& app, const model::Session& s,
                                             const std::string& user_id,
                                             const std::string& team_id) {
  if (!app.config()->service.allow_synced_drafts) return disabled();
  if (auto c = check_self(s, user_id); !c) return std::move(c).error();
  if (!has_team_permission(app, s, team_id, "view_team"))
    return errors::permission("create_post", s.user_id);
  auto out = app.store().drafts().for_user(s.user_id, team_id);
  for (auto& d : out) d.with_metadata = true;
  return out;
}

Status delete_draft(App& app, const model::Session& s, const std::string& user_id,
                    const std::string& channel_id, const std::string& root_id,
                    const std::string& connection_id) {
  if (!app.config()->service.allow_synced_drafts) return disabled();
  if (auto c = check_self(s, user_id); !c) return c;
  auto& drafts = app.store().drafts();
  auto existing = drafts.get(s.user_id, channel_id, root_id);
  if (!existing) return {};
  if (drafts.remove(s.user_id, channel_id, root_id))
    publish_draft(app, "draft_deleted", *existing, connection_id);
  return {};
}

void delete_drafts_for_root(App& app, const std::string& channel_id, const std::string& root_id) {
  app.store().drafts().remove_for_root(channel_id, root_id);
}

}  // namespace parley::app
