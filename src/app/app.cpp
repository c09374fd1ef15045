// App construction and event publication helpers.
#include "app/app.h"

#include "app/mention_keywords_cache.h"
#include "app/post_page_cache.h"

#include "store/channel_store.h"
#include "store/system_store.h"
#include "store/team_store.h"
#include "util/ids.h"
#include "util/log.h"

namespace parley::app {

namespace {
constexpr std::size_t kPostPageCacheBytes = 32 << 20;  // ~1,000 pages of 60 posts
}  // namespace

App::App(std::shared_ptr<const config::Config> config, store::Store& store)
    : config_(std::move(config)),
      store_(store),
      post_pages_(std::make_unique<PostPageCache>(kPostPageCacheBytes)),
      mention_keywords_(std::make_unique<MentionKeywordsCache>()),
      server_version_(kServerVersion),
      build_number_("parley") {
  diagnostic_id_ = store_.system().get_or_insert("DiagnosticId", new_id());
  installation_date_ =
      std::stoll(store_.system().get_or_insert("InstallationDate", std::to_string(now_ms())));
  generated_link_salt_ = store_.system().get_or_insert("PublicLinkSalt", random_hex(16));
  auto backend = files::make_backend(config_.load()->file);
  if (backend)
    file_backend_ = std::move(backend).value();
  else
    log::error("file storage unavailable",
               {{"error", backend.error().message}, {"detail", backend.error().detailed_error}});
}

App::~App() = default;

std::string App::public_link_salt() const {
  const auto& salt = config()->file.public_link_salt;
  return salt.empty() ? generated_link_salt_ : salt;
}

std::string App::version_header() const {
  return server_version_ + "." + build_number_ + "." + diagnostic_id_.substr(0, 8) + ".false";
}

void App::publish(Event e) {
  if (sink_) sink_->publish(std::move(e));
}

void App::publish_to_channel(std::string name, boost::json::object data,
                             const std::string& channel_id) {
  Event e{std::move(name), std::move(data), {}, std::nullopt, {}, {}};
  e.broadcast.channel_id = channel_id;
  e.recipients = store_.channels().member_user_ids(channel_id);
  publish(std::move(e));
}

void App::publish_to_team(std::string name, boost::json::object data, const std::string& team_id) {
  Event e{std::move(name), std::move(data), {}, std::nullopt, {}, {}};
  e.broadcast.team_id = team_id;
  e.recipients = store_.teams().member_user_ids(team_id);
  publish(std::move(e));
}

void App::publish_to_user(std::string name, boost::json::object data, const std::string& user_id) {
  Event e{std::move(name), std::move(data), {}, std::nullopt, {}, {}};
  e.broadcast.user_id = user_id;
  publish(std::move(e));
}

void App::publish_to_all(std::string name, boost::json::object data) {
  publish(Event{std::move(name), std::move(data), {}, std::nullopt, {}, {}});
}

void App::session_revoked(const std::string& session_id) {
  if (sink_) sink_->session_revoked(session_id);
}

void App::user_sessions_revoked(const std::string& user_id) {
  if (sink_) sink_->user_sessions_revoked(user_id);
}

void App::user_roles_changed(const std::string& user_id, const std::string& roles) {
  if (sink_) sink_->user_roles_changed(user_id, roles);
}

}  // namespace parley::app
