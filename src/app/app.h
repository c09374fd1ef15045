// The application: configuration snapshot, store and event sink that every business function
// (free functions in app/<area>.h taking App&) works with.
#pragma once

#include "app/events.h"
#include "app/link_metadata_cache.h"
#include "app/membership.h"
#include "config/config.h"
#include "files/backend.h"
#include "store/store.h"

#include <atomic>
#include <memory>
#include <string>

namespace parley::app {

class ContentExtractionQueue;
class MentionKeywordsCache;
class PostPageCache;

// The Mattermost server version Parley reports (clients gate features on it; mobile needs 9.11+).
inline constexpr std::string_view kServerVersion = "10.11.0";

class App {
 public:
  App(std::shared_ptr<const config::Config> config, store::Store& store);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // The current configuration; a reload swaps the pointer, readers keep their snapshot.
  std::shared_ptr<const config::Config> config() const { return config_.load(); }
  void set_config(std::shared_ptr<const config::Config> c) { config_.store(std::move(c)); }

  store::Store& store() { return store_; }

  // The file store FileSettings.DriverName names (created with the App; nullptr when the
  // settings are unusable, e.g. amazons3 without a bucket). Tests may replace it.
  files::Backend* file_backend() { return file_backend_.get(); }
  void set_file_backend(std::shared_ptr<files::Backend> b) { file_backend_ = std::move(b); }
  // FileSettings.PublicLinkSalt, or a random salt kept in the Systems table when it is empty.
  std::string public_link_salt() const;

  void set_event_sink(EventSink* sink) { sink_ = sink; }
  // Where uploads' text extraction runs (app/content_extraction.h); without one, inline.
  void set_content_extraction(ContentExtractionQueue* q) { content_extraction_ = q; }
  ContentExtractionQueue* content_extraction() { return content_extraction_; }
  void publish(Event e);
  // Resolve recipients: members of the channel / team.
  void publish_to_channel(std::string name, boost::json::object data,
                          const std::string& channel_id);
  void publish_to_team(std::string name, boost::json::object data, const std::string& team_id);
  void publish_to_user(std::string name, boost::json::object data, const std::string& user_id);
  void publish_to_all(std::string name, boost::json::object data);
  // Tell the WebSocket layer that sessions were removed (see EventSink).
  void session_revoked(const std::string& session_id);
  void user_sessions_revoked(const std::string& user_id);
  void user_roles_changed(const std::string& user_id, const std::string& roles);
  // The session's user acted now (see EventSink::user_activity).
  void user_activity(const std::string& user_id, const std::string& session_id, int64_t at) {
    if (sink_) sink_->user_activity(user_id, session_id, at);
  }
  // Whether the user has a live WebSocket connection (false without an event sink).
  bool is_online(std::string_view user_id) const { return sink_ && sink_->is_online(user_id); }

  // Hooks run after team/channel membership changes (see app/membership.h). Register them
  // before serving; they are not synchronised.
  MembershipHooks& membership_hooks() { return membership_hooks_; }

  // What fetched links turned out to be (app/link_previews.h).
  LinkMetadataCache& link_metadata() { return link_metadata_; }

  // Channels' first pages of posts as sent to clients (app/post_page_cache.h).
  PostPageCache& post_pages() { return *post_pages_; }
  // Channel members' mention keywords (app/mention_keywords_cache.h).
  MentionKeywordsCache& mention_keywords() { return *mention_keywords_; }

  const std::string& server_version() const { return server_version_; }  // e.g. "10.11.0"
  const std::string& build_number() const { return build_number_; }
  const std::string& diagnostic_id() const { return diagnostic_id_; }
  int64_t installation_date() const { return installation_date_; }
  // "<version>.<build>.<config hash>.false" for X-Version-Id and the hello event.
  std::string version_header() const;

 private:
  std::atomic<std::shared_ptr<const config::Config>> config_;
  store::Store& store_;
  std::shared_ptr<files::Backend> file_backend_;
  std::string generated_link_salt_;
  EventSink* sink_ = nullptr;
  ContentExtractionQueue* content_extraction_ = nullptr;
  MembershipHooks membership_hooks_;
  LinkMetadataCache link_metadata_{10000, std::chrono::hours(1)};
  std::unique_ptr<PostPageCache> post_pages_;
  std::unique_ptr<MentionKeywordsCache> mention_keywords_;
  std::string server_version_;
  std::string build_number_;
  std::string diagnostic_id_;
  int64_t installation_date_ = 0;
};

}  // namespace parley::app
