// The PostgreSQL schema, one numbered step per entry, mirroring store/sqlite/migrations.cpp
// (same tables, columns and indexes). Types: TEXT COLLATE "C" (byte order, as SQLite compares
// text), BIGINT for numbers and times, SMALLINT 0/1 for flags. Never edit a released step.
#include "store/postgres/migrations.h"

#include "util/ids.h"

#include <array>
#include <stdexcept>
#include <string>

namespace parley::store::postgres {
namespace {

constexpr std::array<std::string_view, 8> kMigrations = {
    // 1: core chat schema.
    R"sql(
CREATE TABLE Users (
  Id TEXT COLLATE "C" PRIMARY KEY, CreateAt BIGINT NOT NULL, UpdateAt BIGINT NOT NULL, DeleteAt BIGINT NOT NULL DEFAULT 0,
  Username TEXT COLLATE "C" NOT NULL UNIQUE, Password TEXT COLLATE "C" NOT NULL DEFAULT '', AuthData TEXT COLLATE "C" NOT NULL DEFAULT '',
  AuthService TEXT COLLATE "C" NOT NULL DEFAULT '', Email TEXT COLLATE "C" NOT NULL UNIQUE, EmailVerified SMALLINT NOT NULL DEFAULT 0,
  Nickname TEXT COLLATE "C" NOT NULL DEFAULT '', FirstName TEXT COLLATE "C" NOT NULL DEFAULT '', LastName TEXT COLLATE "C" NOT NULL DEFAULT '',
  Position TEXT COLLATE "C" NOT NULL DEFAULT '', Roles TEXT COLLATE "C" NOT NULL DEFAULT '', AllowMarketing SMALLINT NOT NULL DEFAULT 0,
  Props TEXT COLLATE "C" NOT NULL DEFAULT '{}', NotifyProps TEXT COLLATE "C" NOT NULL DEFAULT '{}', LastPasswordUpdate BIGINT NOT NULL DEFAULT 0,
  LastPictureUpdate BIGINT NOT NULL DEFAULT 0, FailedAttempts BIGINT NOT NULL DEFAULT 0, Locale TEXT COLLATE "C" NOT NULL DEFAULT 'en',
  Timezone TEXT COLLATE "C" NOT NULL DEFAULT '{}', MfaActive SMALLINT NOT NULL DEFAULT 0, MfaSecret TEXT COLLATE "C" NOT NULL DEFAULT '',
  LastActivityAt BIGINT NOT NULL DEFAULT 0, IsBot SMALLINT NOT NULL DEFAULT 0, BotDescription TEXT COLLATE "C" NOT NULL DEFAULT '',
  LastLogin BIGINT NOT NULL DEFAULT 0, DisableWelcomeEmail SMALLINT NOT NULL DEFAULT 0);
CREATE INDEX idx_users_update_at ON Users(UpdateAt);

CREATE TABLE Sessions (
  Id TEXT COLLATE "C" PRIMARY KEY, Token TEXT COLLATE "C" NOT NULL UNIQUE, CreateAt BIGINT NOT NULL, ExpiresAt BIGINT NOT NULL,
  LastActivityAt BIGINT NOT NULL, UserId TEXT COLLATE "C" NOT NULL, DeviceId TEXT COLLATE "C" NOT NULL DEFAULT '', Roles TEXT COLLATE "C" NOT NULL DEFAULT '',
  IsOAuth SMALLINT NOT NULL DEFAULT 0, ExpiredNotify SMALLINT NOT NULL DEFAULT 0, Props TEXT COLLATE "C" NOT NULL DEFAULT '{}');
CREATE INDEX idx_sessions_user_id ON Sessions(UserId);

CREATE TABLE Teams (
  Id TEXT COLLATE "C" PRIMARY KEY, CreateAt BIGINT NOT NULL, UpdateAt BIGINT NOT NULL, DeleteAt BIGINT NOT NULL DEFAULT 0,
  DisplayName TEXT COLLATE "C" NOT NULL, Name TEXT COLLATE "C" NOT NULL UNIQUE, Description TEXT COLLATE "C" NOT NULL DEFAULT '', Email TEXT COLLATE "C" NOT NULL DEFAULT '',
  Type TEXT COLLATE "C" NOT NULL, CompanyName TEXT COLLATE "C" NOT NULL DEFAULT '', AllowedDomains TEXT COLLATE "C" NOT NULL DEFAULT '',
  InviteId TEXT COLLATE "C" NOT NULL DEFAULT '', AllowOpenInvite SMALLINT NOT NULL DEFAULT 0, LastTeamIconUpdate BIGINT NOT NULL DEFAULT 0,
  SchemeId TEXT COLLATE "C" NOT NULL DEFAULT '', GroupConstrained SMALLINT NOT NULL DEFAULT 0);
CREATE INDEX idx_teams_invite_id ON Teams(InviteId);

CREATE TABLE TeamMembers (
  TeamId TEXT COLLATE "C" NOT NULL, UserId TEXT COLLATE "C" NOT NULL, Roles TEXT COLLATE "C" NOT NULL DEFAULT '', DeleteAt BIGINT NOT NULL DEFAULT 0,
  SchemeUser SMALLINT NOT NULL DEFAULT 1, SchemeAdmin SMALLINT NOT NULL DEFAULT 0, SchemeGuest SMALLINT NOT NULL DEFAULT 0,
  CreateAt BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (TeamId, UserId));
CREATE INDEX idx_teammembers_user_id ON TeamMembers(UserId);

CREATE TABLE Channels (
  Id TEXT COLLATE "C" PRIMARY KEY, CreateAt BIGINT NOT NULL, UpdateAt BIGINT NOT NULL, DeleteAt BIGINT NOT NULL DEFAULT 0,
  TeamId TEXT COLLATE "C" NOT NULL DEFAULT '', Type TEXT COLLATE "C" NOT NULL, DisplayName TEXT COLLATE "C" NOT NULL DEFAULT '', Name TEXT COLLATE "C" NOT NULL,
  Header TEXT COLLATE "C" NOT NULL DEFAULT '', Purpose TEXT COLLATE "C" NOT NULL DEFAULT '', LastPostAt BIGINT NOT NULL DEFAULT 0,
  TotalMsgCount BIGINT NOT NULL DEFAULT 0, ExtraUpdateAt BIGINT NOT NULL DEFAULT 0, CreatorId TEXT COLLATE "C" NOT NULL DEFAULT '',
  SchemeId TEXT COLLATE "C" NOT NULL DEFAULT '', Props TEXT COLLATE "C" NOT NULL DEFAULT '{}', GroupConstrained SMALLINT NOT NULL DEFAULT 0,
  Shared SMALLINT NOT NULL DEFAULT 0, TotalMsgCountRoot BIGINT NOT NULL DEFAULT 0, LastRootPostAt BIGINT NOT NULL DEFAULT 0,
  UNIQUE (Name, TeamId));
CREATE INDEX idx_channels_team_id ON Channels(TeamId);

CREATE TABLE ChannelMembers (
  ChannelId TEXT COLLATE "C" NOT NULL, UserId TEXT COLLATE "C" NOT NULL, Roles TEXT COLLATE "C" NOT NULL DEFAULT '', LastViewedAt BIGINT NOT NULL DEFAULT 0,
  MsgCount BIGINT NOT NULL DEFAULT 0, MentionCount BIGINT NOT NULL DEFAULT 0, MentionCountRoot BIGINT NOT NULL DEFAULT 0,
  UrgentMentionCount BIGINT NOT NULL DEFAULT 0, MsgCountRoot BIGINT NOT NULL DEFAULT 0,
  NotifyProps TEXT COLLATE "C" NOT NULL DEFAULT '{}', LastUpdateAt BIGINT NOT NULL DEFAULT 0, SchemeUser SMALLINT NOT NULL DEFAULT 1,
  SchemeAdmin SMALLINT NOT NULL DEFAULT 0, SchemeGuest SMALLINT NOT NULL DEFAULT 0, PRIMARY KEY (ChannelId, UserId));
CREATE INDEX idx_channelmembers_user_id ON ChannelMembers(UserId);

CREATE TABLE Posts (
  Id TEXT COLLATE "C" PRIMARY KEY, CreateAt BIGINT NOT NULL, UpdateAt BIGINT NOT NULL, EditAt BIGINT NOT NULL DEFAULT 0,
  DeleteAt BIGINT NOT NULL DEFAULT 0, IsPinned SMALLINT NOT NULL DEFAULT 0, UserId TEXT COLLATE "C" NOT NULL, ChannelId TEXT COLLATE "C" NOT NULL,
  RootId TEXT COLLATE "C" NOT NULL DEFAULT '', OriginalId TEXT COLLATE "C" NOT NULL DEFAULT '', Message TEXT COLLATE "C" NOT NULL DEFAULT '',
  Type TEXT COLLATE "C" NOT NULL DEFAULT '', Props TEXT COLLATE "C" NOT NULL DEFAULT '{}', Hashtags TEXT COLLATE "C" NOT NULL DEFAULT '',
  FileIds TEXT COLLATE "C" NOT NULL DEFAULT '[]', HasReactions SMALLINT NOT NULL DEFAULT 0, PendingPostId TEXT COLLATE "C" NOT NULL DEFAULT '',
  Priority TEXT COLLATE "C", RequestedAck SMALLINT, PersistentNotifications SMALLINT);
CREATE INDEX idx_posts_channel_create_at ON Posts(ChannelId, CreateAt);
CREATE INDEX idx_posts_user_pending ON Posts(UserId, PendingPostId);
CREATE INDEX idx_posts_channel_update_at ON Posts(ChannelId, UpdateAt);
CREATE INDEX idx_posts_root_id ON Posts(RootId);

CREATE TABLE Reactions (
  UserId TEXT COLLATE "C" NOT NULL, PostId TEXT COLLATE "C" NOT NULL, EmojiName TEXT COLLATE "C" NOT NULL, CreateAt BIGINT NOT NULL,
  UpdateAt BIGINT NOT NULL DEFAULT 0, DeleteAt BIGINT NOT NULL DEFAULT 0, ChannelId TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (PostId, UserId, EmojiName));

CREATE TABLE Preferences (
  UserId TEXT COLLATE "C" NOT NULL, Category TEXT COLLATE "C" NOT NULL, Name TEXT COLLATE "C" NOT NULL, Value TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (UserId, Category, Name));

CREATE TABLE Status (
  UserId TEXT COLLATE "C" PRIMARY KEY, Status TEXT COLLATE "C" NOT NULL, Manual SMALLINT NOT NULL DEFAULT 0,
  LastActivityAt BIGINT NOT NULL DEFAULT 0, DNDEndTime BIGINT NOT NULL DEFAULT 0, PrevStatus TEXT COLLATE "C" NOT NULL DEFAULT '');

CREATE TABLE SidebarCategories (
  Id TEXT COLLATE "C" PRIMARY KEY, UserId TEXT COLLATE "C" NOT NULL, TeamId TEXT COLLATE "C" NOT NULL, SortOrder BIGINT NOT NULL DEFAULT 0,
  Sorting TEXT COLLATE "C" NOT NULL DEFAULT '', Type TEXT COLLATE "C" NOT NULL, DisplayName TEXT COLLATE "C" NOT NULL DEFAULT '',
  Muted SMALLINT NOT NULL DEFAULT 0, Collapsed SMALLINT NOT NULL DEFAULT 0);
CREATE INDEX idx_sidebarcategories_user_team ON SidebarCategories(UserId, TeamId);

CREATE TABLE SidebarChannels (
  ChannelId TEXT COLLATE "C" NOT NULL, UserId TEXT COLLATE "C" NOT NULL, CategoryId TEXT COLLATE "C" NOT NULL, SortOrder BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (ChannelId, UserId, CategoryId));
CREATE INDEX idx_sidebarchannels_category ON SidebarChannels(CategoryId);

CREATE TABLE Systems (Name TEXT COLLATE "C" PRIMARY KEY, Value TEXT COLLATE "C" NOT NULL DEFAULT '');

-- Collapsed reply threads (Threads, ThreadMemberships).
CREATE TABLE Threads (
  PostId TEXT COLLATE "C" PRIMARY KEY, ChannelId TEXT COLLATE "C" NOT NULL, ReplyCount BIGINT NOT NULL DEFAULT 0,
  LastReplyAt BIGINT NOT NULL DEFAULT 0, Participants TEXT COLLATE "C" NOT NULL DEFAULT '[]', ThreadDeleteAt BIGINT NOT NULL DEFAULT 0,
  ThreadTeamId TEXT COLLATE "C" NOT NULL DEFAULT '');
CREATE INDEX idx_threads_channel_id ON Threads(ChannelId);
CREATE TABLE ThreadMemberships (
  PostId TEXT COLLATE "C" NOT NULL, UserId TEXT COLLATE "C" NOT NULL, Following SMALLINT NOT NULL DEFAULT 1,
  LastViewed BIGINT NOT NULL DEFAULT 0, LastUpdated BIGINT NOT NULL DEFAULT 0, UnreadMentions BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (PostId, UserId));
CREATE INDEX idx_threadmemberships_user_id ON ThreadMemberships(UserId);
-- End of collapsed reply threads.
)sql",
    // 2: drafts synced across a user's devices.
    R"sql(
CREATE TABLE Drafts (
  UserId TEXT COLLATE "C" NOT NULL, ChannelId TEXT COLLATE "C" NOT NULL, RootId TEXT COLLATE "C" NOT NULL DEFAULT '',
  CreateAt BIGINT NOT NULL, UpdateAt BIGINT NOT NULL, DeleteAt BIGINT NOT NULL DEFAULT 0,
  Message TEXT NOT NULL DEFAULT '', Props TEXT NOT NULL DEFAULT '{}', FileIds TEXT NOT NULL DEFAULT '[]',
  Priority TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (UserId, ChannelId, RootId));
CREATE INDEX idx_drafts_channel_root ON Drafts(ChannelId, RootId);
)sql",
    // 3: uploaded files (FileInfo), Mattermost's columns; MiniPreview holds base64 text.
    R"sql(
CREATE TABLE FileInfo (
  Id TEXT COLLATE "C" PRIMARY KEY, CreatorId TEXT COLLATE "C" NOT NULL, PostId TEXT COLLATE "C" NOT NULL DEFAULT '',
  ChannelId TEXT COLLATE "C" NOT NULL DEFAULT '', CreateAt BIGINT NOT NULL, UpdateAt BIGINT NOT NULL,
  DeleteAt BIGINT NOT NULL DEFAULT 0, Path TEXT NOT NULL, ThumbnailPath TEXT NOT NULL DEFAULT '',
  PreviewPath TEXT NOT NULL DEFAULT '', Name TEXT NOT NULL, Extension TEXT NOT NULL DEFAULT '',
  Size BIGINT NOT NULL DEFAULT 0, MimeType TEXT NOT NULL DEFAULT '', Width BIGINT NOT NULL DEFAULT 0,
  Height BIGINT NOT NULL DEFAULT 0, HasPreviewImage SMALLINT NOT NULL DEFAULT 0, MiniPreview TEXT,
  Content TEXT NOT NULL DEFAULT '', RemoteId TEXT NOT NULL DEFAULT '', Archived SMALLINT NOT NULL DEFAULT 0);
CREATE INDEX idx_fileinfo_postid ON FileInfo(PostId);
CREATE INDEX idx_fileinfo_channel_create_at ON FileInfo(ChannelId, CreateAt);
CREATE INDEX idx_fileinfo_creator ON FileInfo(CreatorId);
)sql",
    // 4: custom emoji (Emoji).
    R"sql(
CREATE TABLE Emoji (
  Id TEXT COLLATE "C" PRIMARY KEY, CreateAt BIGINT NOT NULL, UpdateAt BIGINT NOT NULL, DeleteAt BIGINT NOT NULL DEFAULT 0,
  CreatorId TEXT COLLATE "C" NOT NULL, Name TEXT COLLATE "C" NOT NULL);
CREATE UNIQUE INDEX idx_emoji_name_delete_at ON Emoji(Name, DeleteAt);
CREATE INDEX idx_reactions_emoji_name ON Reactions(EmojiName);
-- End of custom emoji.
)sql",
    // 5: post search. A GIN index on to_tsvector('english', Message), the expression the search
    // queries use (as Mattermost's idx_posts_message_txt); built over the existing rows.
    R"sql(
CREATE INDEX idx_posts_message_txt ON Posts USING gin (to_tsvector('english', Message));
)sql",
    // 6: file search. One GIN index on the words of FileInfo.Name and FileInfo.Content (the text
    // extracted from uploads), with ".", ",", "-" and "_" read as spaces (Mattermost's
    // idx_fileinfo_name_splitted and idx_fileinfo_content_txt in one expression, the one the
    // search queries use).
    R"sql(
CREATE INDEX idx_fileinfo_words_txt ON FileInfo USING gin (
  (to_tsvector('english', translate(Name, '.,-_', '    ')) ||
   to_tsvector('english', translate(Content, '.,-_', '    '))));
)sql",
    // 7: read path (idempotent). Channel pages walk (ChannelId, CreateAt, Id) backwards with no
    // sort step; reply counts are answered from (RootId, DeleteAt) without touching the rows.
    R"sql(
DROP INDEX IF EXISTS idx_posts_channel_create_at;
CREATE INDEX IF NOT EXISTS idx_posts_channel_create_at_id ON Posts(ChannelId, CreateAt, Id);
DROP INDEX IF EXISTS idx_posts_root_id;
CREATE INDEX IF NOT EXISTS idx_posts_root_id_delete_at ON Posts(RootId, DeleteAt);
)sql",
    // 8: channel stats (every channel switch) count a channel's pinned posts from a partial index
    // instead of walking all of its posts.
    R"sql(
CREATE INDEX IF NOT EXISTS idx_posts_channel_pinned ON Posts(ChannelId) WHERE IsPinned = 1 AND DeleteAt = 0;
)sql",
};

}  // namespace

int latest_schema_version() {
  return static_cast<int>(kMigrations.size());
}

void migrate(Db& db) {
  // One transaction: concurrent starts wait on the write lock, and a failed step leaves
  // nothing behind.
  db.write([](Conn& c) {
    c.exec(
        "CREATE TABLE IF NOT EXISTS SchemaMigrations (Version BIGINT PRIMARY KEY, AppliedAt "
        "BIGINT NOT NULL)");
    auto s = c.prepare("SELECT COALESCE(MAX(Version), 0) FROM SchemaMigrations");
    s.step();
    int current = static_cast<int>(s.int64(0));
    if (current > latest_schema_version())
      throw std::runtime_error("database schema version " + std::to_string(current) +
                               " is newer than this Parley binary supports (" +
                               std::to_string(latest_schema_version()) + "); upgrade Parley");
    for (int v = current + 1; v <= latest_schema_version(); ++v) {
      c.exec(kMigrations[v - 1]);
      c.prepare("INSERT INTO SchemaMigrations (Version, AppliedAt) VALUES ($1, $2)")
          .bind_all(v, now_ms())
          .run();
    }
  });
}

}  // namespace parley::store::postgres
