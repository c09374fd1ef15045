// Events and hooks that follow team and channel membership changes, and the publish helpers.
#include "app/membership.h"

#include "app/app.h"
#include "app/publish.h"
#include "store/channel_store.h"
#include "store/team_store.h"
#include "util/log.h"

namespace parley::app {

void publish_to_channel_except(App& app, std::string name, boost::json::object data,
                               const std::string& channel_id, const std::string& omit_user) {
  Event e{std::move(name), std::move(data), {}, std::nullopt, {}, {}};
  e.broadcast.channel_id = channel_id;
  if (!omit_user.empty()) e.broadcast.omit_users.insert(omit_user);
  e.recipients = app.store().channels().member_user_ids(channel_id);
  app.publish(std::move(e));
}

void publish_to_team_except(App& app, std::string name, boost::json::object data,
                            const std::string& team_id, const std::string& omit_user) {
  Event e{std::move(name), std::move(data), {}, std::nullopt, {}, {}};
  e.broadcast.team_id = team_id;
  if (!omit_user.empty()) e.broadcast.omit_users.insert(omit_user);
  e.recipients = app.store().teams().member_user_ids(team_id);
  app.publish(std::move(e));
}

void publish_to_user_about(App& app, std::string name, boost::json::object data,
                           const std::string& user_id, const std::string& channel_id,
                           const std::string& team_id) {
  Event e{std::move(name), std::move(data), {}, std::nullopt, {}, {}};
  e.broadcast.user_id = user_id;
  e.broadcast.channel_id = channel_id;
  e.broadcast.team_id = team_id;
  app.publish(std::move(e));
}

namespace {
template <class Hooks, class Subject>
void run_hooks(App& app, const Hooks& hooks, const Subject& subject, const std::string& user_id,
               const char* what) {
  for (const auto& hook : hooks) {
    try {
      hook(app, subject, user_id);
    } catch (const std::exception& e) {
      log::warn("membership hook failed",
                {{"hook", what}, {"user_id", user_id}, {"error", e.what()}});
    }
  }
}
}  // namespace

void after_user_joined_team(App& app, const model::Team& team, const std::string& user_id) {
  app.publish_to_user("added_to_team", {{"team_id", team.id}, {"user_id", user_id}}, user_id);
  run_hooks(app, app.membership_hooks().team_joined, team, user_id, "team_joined");
}

void after_user_joined_channel(App& app, const model::Channel& channel, const std::string& user_id,
                               bool announce) {
  if (announce && !channel.is_group_or_direct()) {
    boost::json::object data{{"user_id", user_id}, {"team_id", channel.team_id}};
    publish_to_channel_except(app, "user_added", data, channel.id, user_id);
    publish_to_user_about(app, "user_added", data, user_id, channel.id);
  }
  run_hooks(app, app.membership_hooks().channel_joined, channel, user_id, "channel_joined");
}

void after_user_left_team(App& app, const model::Team& team, const std::string& user_id) {
  run_hooks(app, app.membership_hooks().team_left, team, user_id, "team_left");
}

void after_user_left_channel(App& app, const model::Channel& channel, const std::string& user_id,
                             const std::string& remover_id) {
  app.publish_to_channel("user_removed", {{"user_id", user_id}, {"remover_id", remover_id}},
                         channel.id);
  publish_to_user_about(app, "user_removed",
                        {{"channel_id", channel.id}, {"remover_id", remover_id}}, user_id, {});
  run_hooks(app, app.membership_hooks().channel_left, channel, user_id, "channel_left");
}

}  // namespace parley::app
