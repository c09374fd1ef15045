// The SQLite schema, one numbered step per entry; never edit a released step, add a new one.
#include "store/sqlite/migrations.h"

#include "util/ids.h"

#include <array>
#include <string>

namespace parley::store::sqlite {
namespace {

constexpr std::array<std::string_view, 9> kMigrations = {
    // 1: core chat schema.
    R"sql(
CREATE TABLE Users (
  Id TEXT PRIMARY KEY, CreateAt INTEGER NOT NULL, UpdateAt INTEGER NOT NULL, DeleteAt INTEGER NOT NULL DEFAULT 0,
  Username TEXT NOT NULL UNIQUE, Password TEXT NOT NULL DEFAULT '', AuthData TEXT NOT NULL DEFAULT '',
  AuthService TEXT NOT NULL DEFAULT '', Email TEXT NOT NULL UNIQUE, EmailVerified INTEGER NOT NULL DEFAULT 0,
  Nickname TEXT NOT NULL DEFAULT '', FirstName TEXT NOT NULL DEFAULT '', LastName TEXT NOT NULL DEFAULT '',
  Position TEXT NOT NULL DEFAULT '', Roles TEXT NOT NULL DEFAULT '', AllowMarketing INTEGER NOT NULL DEFAULT 0,
  Props TEXT NOT NULL DEFAULT '{}', NotifyProps TEXT NOT NULL DEFAULT '{}', LastPasswordUpdate INTEGER NOT NULL DEFAULT 0,
  LastPictureUpdate INTEGER NOT NULL DEFAULT 0, FailedAttempts INTEGER NOT NULL DEFAULT 0, Locale TEXT NOT NULL DEFAULT 'en',
  Timezone TEXT NOT NULL DEFAULT '{}', MfaActive INTEGER NOT NULL DEFAULT 0, MfaSecret TEXT NOT NULL DEFAULT '',
  LastActivityAt INTEGER NOT NULL DEFAULT 0, IsBot INTEGER NOT NULL DEFAULT 0, BotDescription TEXT NOT NULL DEFAULT '',
  LastLogin INTEGER NOT NULL DEFAULT 0, DisableWelcomeEmail INTEGER NOT NULL DEFAULT 0);
CREATE INDEX idx_users_update_at ON Users(UpdateAt);

CREATE TABLE Sessions (
  Id TEXT PRIMARY KEY, Token TEXT NOT NULL UNIQUE, CreateAt INTEGER NOT NULL, ExpiresAt INTEGER NOT NULL,
  LastActivityAt INTEGER NOT NULL, UserId TEXT NOT NULL, DeviceId TEXT NOT NULL DEFAULT '', Roles TEXT NOT NULL DEFAULT '',
  IsOAuth INTEGER NOT NULL DEFAULT 0, ExpiredNotify INTEGER NOT NULL DEFAULT 0, Props TEXT NOT NULL DEFAULT '{}');
CREATE INDEX idx_sessions_user_id ON Sessions(UserId);

CREATE TABLE Teams (
  Id TEXT PRIMARY KEY, CreateAt INTEGER NOT NULL, UpdateAt INTEGER NOT NULL, DeleteAt INTEGER NOT NULL DEFAULT 0,
  DisplayName TEXT NOT NULL, Name TEXT NOT NULL UNIQUE, Description TEXT NOT NULL DEFAULT '', Email TEXT NOT NULL DEFAULT '',
  Type TEXT NOT NULL, CompanyName TEXT NOT NULL DEFAULT '', AllowedDomains TEXT NOT NULL DEFAULT '',
  InviteId TEXT NOT NULL DEFAULT '', AllowOpenInvite INTEGER NOT NULL DEFAULT 0, LastTeamIconUpdate INTEGER NOT NULL DEFAULT 0,
  SchemeId TEXT NOT NULL DEFAULT '', GroupConstrained INTEGER NOT NULL DEFAULT 0);
CREATE INDEX idx_teams_invite_id ON Teams(InviteId);

CREATE TABLE TeamMembers (
  TeamId TEXT NOT NULL, UserId TEXT NOT NULL, Roles TEXT NOT NULL DEFAULT '', DeleteAt INTEGER NOT NULL DEFAULT 0,
  SchemeUser INTEGER NOT NULL DEFAULT 1, SchemeAdmin INTEGER NOT NULL DEFAULT 0, SchemeGuest INTEGER NOT NULL DEFAULT 0,
  CreateAt INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (TeamId, UserId));
CREATE INDEX idx_teammembers_user_id ON TeamMembers(UserId);

CREATE TABLE Channels (
  Id TEXT PRIMARY KEY, CreateAt INTEGER NOT NULL, UpdateAt INTEGER NOT NULL, DeleteAt INTEGER NOT NULL DEFAULT 0,
  TeamId TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL, DisplayName TEXT NOT NULL DEFAULT '', Name TEXT NOT NULL,
  Header TEXT NOT NULL DEFAULT '', Purpose TEXT NOT NULL DEFAULT '', LastPostAt INTEGER NOT NULL DEFAULT 0,
  TotalMsgCount INTEGER NOT NULL DEFAULT 0, ExtraUpdateAt INTEGER NOT NULL DEFAULT 0, CreatorId TEXT NOT NULL DEFAULT '',
  SchemeId TEXT NOT NULL DEFAULT '', Props TEXT NOT NULL DEFAULT '{}', GroupConstrained INTEGER NOT NULL DEFAULT 0,
  Shared INTEGER NOT NULL DEFAULT 0, TotalMsgCountRoot INTEGER NOT NULL DEFAULT 0, LastRootPostAt INTEGER NOT NULL DEFAULT 0,
  UNIQUE (Name, TeamId));
CREATE INDEX idx_channels_team_id ON Channels(TeamId);

CREATE TABLE ChannelMembers (
  ChannelId TEXT NOT NULL, UserId TEXT NOT NULL, Roles TEXT NOT NULL DEFAULT '', LastViewedAt INTEGER NOT NULL DEFAULT 0,
  MsgCount INTEGER NOT NULL DEFAULT 0, MentionCount INTEGER NOT NULL DEFAULT 0, MentionCountRoot INTEGER NOT NULL DEFAULT 0,
  UrgentMentionCount INTEGER NOT NULL DEFAULT 0, MsgCountRoot INTEGER NOT NULL DEFAULT 0,
  NotifyProps TEXT NOT NULL DEFAULT '{}', LastUpdateAt INTEGER NOT NULL DEFAULT 0, SchemeUser INTEGER NOT NULL DEFAULT 1,
  SchemeAdmin INTEGER NOT NULL DEFAULT 0, SchemeGuest INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (ChannelId, UserId));
CREATE INDEX idx_channelmembers_user_id ON ChannelMembers(UserId);

CREATE TABLE Posts (
  Id TEXT PRIMARY KEY, CreateAt INTEGER NOT NULL, UpdateAt INTEGER NOT NULL, EditAt INTEGER NOT NULL DEFAULT 0,
  DeleteAt INTEGER NOT NULL DEFAULT 0, IsPinned INTEGER NOT NULL DEFAULT 0, UserId TEXT NOT NULL, ChannelId TEXT NOT NULL,
  RootId TEXT NOT NULL DEFAULT '', OriginalId TEXT NOT NULL DEFAULT '', Message TEXT NOT NULL DEFAULT '',
  Type TEXT NOT NULL DEFAULT '', Props TEXT NOT NULL DEFAULT '{}', Hashtags TEXT NOT NULL DEFAULT '',
  FileIds TEXT NOT NULL DEFAULT '[]', HasReactions INTEGER NOT NULL DEFAULT 0, PendingPostId TEXT NOT NULL DEFAULT '',
  Priority TEXT, RequestedAck INTEGER, PersistentNotifications INTEGER);
CREATE INDEX idx_posts_channel_create_at ON Posts(ChannelId, CreateAt);
CREATE INDEX idx_posts_user_pending ON Posts(UserId, PendingPostId);
CREATE INDEX idx_posts_channel_update_at ON Posts(ChannelId, UpdateAt);
CREATE INDEX idx_posts_root_id ON Posts(RootId);

CREATE TABLE Reactions (
  UserId TEXT NOT NULL, PostId TEXT NOT NULL, EmojiName TEXT NOT NULL, CreateAt INTEGER NOT NULL,
  UpdateAt INTEGER NOT NULL DEFAULT 0, DeleteAt INTEGER NOT NULL DEFAULT 0, ChannelId TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (PostId, UserId, EmojiName));

CREATE TABLE Preferences (
  UserId TEXT NOT NULL, Category TEXT NOT NULL, Name TEXT NOT NULL, Value TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (UserId, Category, Name));

CREATE TABLE Status (
  UserId TEXT PRIMARY KEY, Status TEXT NOT NULL, Manual INTEGER NOT NULL DEFAULT 0,
  LastActivityAt INTEGER NOT NULL DEFAULT 0, DNDEndTime INTEGER NOT NULL DEFAULT 0, PrevStatus TEXT NOT NULL DEFAULT '');

CREATE TABLE SidebarCategories (
  Id TEXT PRIMARY KEY, UserId TEXT NOT NULL, TeamId TEXT NOT NULL, SortOrder INTEGER NOT NULL DEFAULT 0,
  Sorting TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL, DisplayName TEXT NOT NULL DEFAULT '',
  Muted INTEGER NOT NULL DEFAULT 0, Collapsed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX idx_sidebarcategories_user_team ON SidebarCategories(UserId, TeamId);

CREATE TABLE SidebarChannels (
  ChannelId TEXT NOT NULL, UserId TEXT NOT NULL, CategoryId TEXT NOT NULL, SortOrder INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (ChannelId, UserId, CategoryId));
CREATE INDEX idx_sidebarchannels_category ON SidebarChannels(CategoryId);

CREATE TABLE Systems (Name TEXT PRIMARY KEY, Value TEXT NOT NULL DEFAULT '');

-- Collapsed reply threads (Threads, ThreadMemberships).
CREATE TABLE Threads (
  PostId TEXT PRIMARY KEY, ChannelId TEXT NOT NULL, ReplyCount INTEGER NOT NULL DEFAULT 0,
  LastReplyAt INTEGER NOT NULL DEFAULT 0, Participants TEXT NOT NULL DEFAULT '[]', ThreadDeleteAt INTEGER NOT NULL DEFAULT 0,
  ThreadTeamId TEXT NOT NULL DEFAULT '');
CREATE INDEX idx_threads_channel_id ON Threads(ChannelId);
CREATE TABLE ThreadMemberships (
  PostId TEXT NOT NULL, UserId TEXT NOT NULL, Following INTEGER NOT NULL DEFAULT 1,
  LastViewed INTEGER NOT NULL DEFAULT 0, LastUpdated INTEGER NOT NULL DEFAULT 0, UnreadMentions INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (PostId, UserId));
CREATE INDEX idx_threadmemberships_user_id ON ThreadMemberships(UserId);
-- End of collapsed reply threads.
)sql",
    // 2: drafts synced across a user's devices.
    R"sql(
CREATE TABLE Drafts (
  UserId TEXT NOT NULL, ChannelId TEXT NOT NULL, RootId TEXT NOT NULL DEFAULT '',
  CreateAt INTEGER NOT NULL, UpdateAt INTEGER NOT NULL, DeleteAt INTEGER NOT NULL DEFAULT 0,
  Message TEXT NOT NULL DEFAULT '', Props TEXT NOT NULL DEFAULT '{}', FileIds TEXT NOT NULL DEFAULT '[]',
  Priority TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (UserId, ChannelId, RootId));
CREATE INDEX idx_drafts_channel_root ON Drafts(ChannelId, RootId);
)sql",
    // 3: uploaded files (FileInfo), Mattermost's columns; MiniPreview holds base64 text.
    R"sql(
CREATE TABLE FileInfo (
  Id TEXT PRIMARY KEY, CreatorId TEXT NOT NULL, PostId TEXT NOT NULL DEFAULT '',
  ChannelId TEXT NOT NULL DEFAULT '', CreateAt INTEGER NOT NULL, UpdateAt INTEGER NOT NULL,
  DeleteAt INTEGER NOT NULL DEFAULT 0, Path TEXT NOT NULL, ThumbnailPath TEXT NOT NULL DEFAULT '',
  PreviewPath TEXT NOT NULL DEFAULT '', Name TEXT NOT NULL, Extension TEXT NOT NULL DEFAULT '',
  Size INTEGER NOT NULL DEFAULT 0, MimeType TEXT NOT NULL DEFAULT '', Width INTEGER NOT NULL DEFAULT 0,
  Height INTEGER NOT NULL DEFAULT 0, HasPreviewImage INTEGER NOT NULL DEFAULT 0, MiniPreview TEXT,
  Content TEXT NOT NULL DEFAULT '', RemoteId TEXT NOT NULL DEFAULT '', Archived INTEGER NOT NULL DEFAULT 0);
CREATE INDEX idx_fileinfo_postid ON FileInfo(PostId);
CREATE INDEX idx_fileinfo_channel_create_at ON FileInfo(ChannelId, CreateAt);
CREATE INDEX idx_fileinfo_creator ON FileInfo(CreatorId);
)sql",
    // 4: custom emoji (Emoji).
    R"sql(
CREATE TABLE Emoji (
  Id TEXT PRIMARY KEY, CreateAt INTEGER NOT NULL, UpdateAt INTEGER NOT NULL, DeleteAt INTEGER NOT NULL DEFAULT 0,
  CreatorId TEXT NOT NULL, Name TEXT NOT NULL);
CREATE UNIQUE INDEX idx_emoji_name_delete_at ON Emoji(Name, DeleteAt);
CREATE INDEX idx_reactions_emoji_name ON Reactions(EmojiName);
-- End of custom emoji.
)sql",
    // 5: post search. A contentless FTS5 index of Posts.Message (unicode61 with diacritics
    // folded, porter stemming like PostgreSQL's 'english', prefix indexes for "foo*"), keyed by
    // PostsFtsIds because a Posts rowid may change on VACUUM. Triggers keep it in step with
    // Posts; existing rows are indexed here.
    R"sql(
CREATE TABLE PostsFtsIds (Rowid INTEGER PRIMARY KEY, PostId TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE PostsFts USING fts5(
  Message, content='', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
INSERT INTO PostsFtsIds (PostId) SELECT Id FROM Posts ORDER BY CreateAt;
INSERT INTO PostsFts (rowid, Message)
  SELECT i.Rowid, p.Message FROM PostsFtsIds i JOIN Posts p ON p.Id = i.PostId;
CREATE TRIGGER posts_fts_insert AFTER INSERT ON Posts BEGIN
  INSERT INTO PostsFtsIds (PostId) VALUES (new.Id);
  INSERT INTO PostsFts (rowid, Message)
    VALUES ((SELECT Rowid FROM PostsFtsIds WHERE PostId = new.Id), new.Message);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF Message ON Posts
  WHEN old.Message IS NOT new.Message BEGIN
  INSERT INTO PostsFts (PostsFts, rowid, Message)
    VALUES ('delete', (SELECT Rowid FROM PostsFtsIds WHERE PostId = old.Id), old.Message);
  INSERT INTO PostsFts (rowid, Message)
    VALUES ((SELECT Rowid FROM PostsFtsIds WHERE PostId = new.Id), new.Message);
END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON Posts BEGIN
  INSERT INTO PostsFts (PostsFts, rowid, Message)
    VALUES ('delete', (SELECT Rowid FROM PostsFtsIds WHERE PostId = old.Id), old.Message);
  DELETE FROM PostsFtsIds WHERE PostId = old.Id;
END;
)sql",
    // 6: file search. A contentless FTS5 index of FileInfo.Name and FileInfo.Content (the text
    // extracted from uploads), tokenized like PostsFts (unicode61 splits names at ".", "-", "_"),
    // keyed by FileInfoFtsIds; triggers keep it in step; existing rows are indexed here.
    R"sql(
CREATE TABLE FileInfoFtsIds (Rowid INTEGER PRIMARY KEY, FileId TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE FileInfoFts USING fts5(
  Name, Content, content='', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
INSERT INTO FileInfoFtsIds (FileId) SELECT Id FROM FileInfo ORDER BY CreateAt;
INSERT INTO FileInfoFts (rowid, Name, Content)
  SELECT i.Rowid, f.Name, f.Content FROM FileInfoFtsIds i JOIN FileInfo f ON f.Id = i.FileId;
CREATE TRIGGER fileinfo_fts_insert AFTER INSERT ON FileInfo BEGIN
  INSERT INTO FileInfoFtsIds (FileId) VALUES (new.Id);
  INSERT INTO FileInfoFts (rowid, Name, Content)
    VALUES ((SELECT Rowid FROM FileInfoFtsIds WHERE FileId = new.Id), new.Name, new.Content);
END;
CREATE TRIGGER fileinfo_fts_update AFTER UPDATE OF Name, Content ON FileInfo
  WHEN old.Name IS NOT new.Name OR old.Content IS NOT new.Content BEGIN
  INSERT INTO FileInfoFts (FileInfoFts, rowid, Name, Content)
    VALUES ('delete', (SELECT Rowid FROM FileInfoFtsIds WHERE FileId = old.Id), old.Name,
            old.Content);
  INSERT INTO FileInfoFts (rowid, Name, Content)
    VALUES ((SELECT Rowid FROM FileInfoFtsIds WHERE FileId = new.Id), new.Name, new.Content);
END;
CREATE TRIGGER fileinfo_fts_delete AFTER DELETE ON FileInfo BEGIN
  INSERT INTO FileInfoFts (FileInfoFts, rowid, Name, Content)
    VALUES ('delete', (SELECT Rowid FROM FileInfoFtsIds WHERE FileId = old.Id), old.Name,
            old.Content);
  DELETE FROM FileInfoFtsIds WHERE FileId = old.Id;
END;
)sql",
    // 7: read path (idempotent). Channel pages walk (ChannelId, CreateAt, Id) backwards with no
    // sort step; reply counts are answered from (RootId, DeleteAt) without touching the rows.
    R"sql(
DROP INDEX IF EXISTS idx_posts_channel_create_at;
CREATE INDEX IF NOT EXISTS idx_posts_channel_create_at_id ON Posts(ChannelId, CreateAt, Id);
DROP INDEX IF EXISTS idx_posts_root_id;
CREATE INDEX IF NOT EXISTS idx_posts_root_id_delete_at ON Posts(RootId, DeleteAt);
)sql",
    // 8: new posts are indexed for search in groups (SqlitePostStore::index_pending, at the
    // commit that queues the 64th, and index_queued, before any post search) instead of by the
    // insert trigger: FTS5 writes its pending terms out as a new segment at every savepoint and
    // every statement that opens a statement journal, i.e. once per post. The trigger now only
    // queues the post in PostsFtsPending; an edit or deletion of a queued post leaves the index
    // alone (the queue is indexed with the message as it is then, and a deleted post leaves the
    // queue). Idempotent.
    R"sql(
CREATE TABLE IF NOT EXISTS PostsFtsPending (Rowid INTEGER PRIMARY KEY);
DROP TRIGGER IF EXISTS posts_fts_insert;
CREATE TRIGGER posts_fts_insert AFTER INSERT ON Posts BEGIN
  INSERT INTO PostsFtsIds (PostId) VALUES (new.Id);
  INSERT INTO PostsFtsPending (Rowid) VALUES (last_insert_rowid());
END;
DROP TRIGGER IF EXISTS posts_fts_update;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF Message ON Posts
  WHEN old.Message IS NOT new.Message AND NOT EXISTS (SELECT 1 FROM PostsFtsPending q
    WHERE q.Rowid = (SELECT Rowid FROM PostsFtsIds WHERE PostId = old.Id)) BEGIN
  INSERT INTO PostsFts (PostsFts, rowid, Message)
    VALUES ('delete', (SELECT Rowid FROM PostsFtsIds WHERE PostId = old.Id), old.Message);
  INSERT INTO PostsFts (rowid, Message)
    VALUES ((SELECT Rowid FROM PostsFtsIds WHERE PostId = new.Id), new.Message);
END;
DROP TRIGGER IF EXISTS posts_fts_delete;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON Posts BEGIN
  INSERT INTO PostsFts (PostsFts, rowid, Message)
    SELECT 'delete', i.Rowid, old.Message FROM PostsFtsIds i WHERE i.PostId = old.Id
      AND NOT EXISTS (SELECT 1 FROM PostsFtsPending q WHERE q.Rowid = i.Rowid);
  DELETE FROM PostsFtsPending WHERE Rowid = (SELECT Rowid FROM PostsFtsIds WHERE PostId = old.Id);
  DELETE FROM PostsFtsIds WHERE PostId = old.Id;
END;
)sql",
    // 9: channel stats (every channel switch) count a channel's pinned posts from a partial index
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
  db.write([](Conn& c) {
    c.exec(
        "CREATE TABLE IF NOT EXISTS SchemaMigrations (Version INTEGER PRIMARY KEY, AppliedAt "
        "INTEGER NOT NULL)");
  });
  int current = db.read([](Conn& c) {
    auto s = c.prepare("SELECT COALESCE(MAX(Version), 0) FROM SchemaMigrations");
    s.step();
    return static_cast<int>(s.int64(0));
  });
  if (current > latest_schema_version())
    throw std::runtime_error("database schema version " + std::to_string(current) +
                             " is newer than this Parley binary supports (" +
                             std::to_string(latest_schema_version()) + "); upgrade Parley");
  for (int v = current + 1; v <= latest_schema_version(); ++v) {
    db.write([&](Conn& c) {
      c.exec(kMigrations[v - 1]);
      c.prepare("INSERT INTO SchemaMigrations (Version, AppliedAt) VALUES (?, ?)")
          .bind_all(v, now_ms())
          .run();
    });
  }
}

}  // namespace parley::store::sqlite
