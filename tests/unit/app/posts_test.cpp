// Tests for the post and reaction rules of the app layer over a real SQLite store: events and
// their per-user mentions, @here presence, permissions, the edit time limit, deletes that tell
// admins who deleted, and reaction validation.
#include "app/posts.h"
#include "../support/test_database.h"
#include "app/app.h"
#include "app/reactions.h"
#include "store/channel_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <filesystem>
#include <set>

namespace parley::app {
namespace {

namespace fs = std::filesystem;
namespace bj = boost::json;

class RecordingSink final : public EventSink {
 public:
  void publish(Event e) override { events.push_back(std::move(e)); }
  bool is_online(std::string_view user_id) const override {
    return online.count(std::string(user_id)) > 0;
  }
  std::vector<Event> named(const std::string& name) const {
    std::vector<Event> out;
    for (const auto& e : events)
      if (e.name == name) out.push_back(e);
    return out;
  }
  std::vector<Event> events;
  std::set<std::string> online;
};

class PostsAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<test::TestDatabase>();
    store_ = db_->open_store();
    auto tree = config::default_tree();
    tree["ServiceSettings"].as_object()["PostEditTimeLimit"] = 300;
    app_ = std::make_unique<App>(std::make_shared<const config::Config>(config::from_tree(tree)),
                                 *store_);
    app_->set_event_sink(&sink_);
    team_ = new_id();
    channel_ = new_id();
    admin_ = user("admin", "system_admin system_user");
    alice_ = user("alice", "system_user");
    bob_ = user("bob", "system_user");
    carol_ = user("carol", "system_user");
    sql("INSERT INTO Teams (Id, CreateAt, UpdateAt, DisplayName, Name, Type) VALUES ('" + team_ +
        "', 1, 1, 'T', 't', 'O')");
    sql("INSERT INTO Channels (Id, CreateAt, UpdateAt, TeamId, Type, DisplayName, Name) VALUES ('" +
        channel_ + "', 1, 1, '" + team_ + "', 'O', 'Town', 'town')");
    for (const auto* u : {&admin_, &alice_, &bob_, &carol_})
      sql("INSERT INTO TeamMembers (TeamId, UserId) VALUES ('" + team_ + "', '" + u->user_id +
          "')");
    for (const auto* u : {&admin_, &alice_, &bob_})
      sql("INSERT INTO ChannelMembers (ChannelId, UserId) VALUES ('" + channel_ + "', '" +
          u->user_id + "')");
  }
  void TearDown() override {
    app_.reset();
    store_.reset();
    db_.reset();
  }

  void sql(const std::string& s) { db_->exec(s); }

  model::Session user(const std::string& name, const std::string& roles) {
    model::User u;
    u.id = new_id();
    u.username = name;
    u.email = name + "@example.com";
    u.roles = roles;
    u.notify_props = model::default_notify_props();
    u.create_at = u.update_at = 1;
    store_->users().insert(u);
    model::Session s;
    s.user_id = u.id;
    s.roles = roles;
    return s;
  }

  model::Post post(const model::Session& s, const std::string& message) {
    model::Post p;
    p.channel_id = channel_;
    p.message = message;
    auto r = create_post(*app_, s, p, true);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().id);
    return r.ok() ? *r : model::Post{};
  }

  std::unique_ptr<test::TestDatabase> db_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<App> app_;
  RecordingSink sink_;
  std::string team_, channel_;
  model::Session admin_, alice_, bob_, carol_;
};

TEST_F(PostsAppTest, PostedEventCarriesMentionsAndChannelData) {
  auto p = post(alice_, "hi @bob and @nobody");
  auto posted = sink_.named("posted");
  ASSERT_EQ(posted.size(), 1u);
  const auto& e = posted[0];
  EXPECT_EQ(e.broadcast.channel_id, channel_);
  EXPECT_EQ(e.mentions, std::vector<std::string>{bob_.user_id});
  ASSERT_TRUE(e.recipients);
  EXPECT_EQ(e.recipients->size(), 3u);
  EXPECT_EQ(e.data.at("channel_display_name").as_string(), "Town");
  EXPECT_EQ(e.data.at("sender_name").as_string(), "@alice");
  EXPECT_EQ(e.data.at("team_id").as_string(), team_);
  auto json = bj::parse(e.data.at("post").as_string()).as_object();
  EXPECT_EQ(json.at("id").as_string(), p.id);
  // Written directly (model/post_writer.h), byte for byte the serialised boost::json tree.
  EXPECT_EQ(e.data.at("post").as_string(), bj::serialize(model::to_json(p)));
  // The poster has read the channel; the viewed event tells their other sessions.
  auto viewed = sink_.named("multiple_channels_viewed");
  ASSERT_EQ(viewed.size(), 1u);
  EXPECT_EQ(viewed[0].broadcast.user_id, alice_.user_id);
}

TEST_F(PostsAppTest, HereMentionsOnlyOnlineMembers) {
  sink_.online = {bob_.user_id};
  post(alice_, "@here ping");
  EXPECT_EQ(sink_.named("posted").back().mentions, std::vector<std::string>{bob_.user_id});
  sink_.online.clear();
  post(alice_, "@here again");
  EXPECT_TRUE(sink_.named("posted").back().mentions.empty());
  post(alice_, "@all hands");
  EXPECT_EQ(sink_.named("posted").back().mentions.size(), 2u);  // admin and bob
}

// Mention keywords are built once per member list (without @here): a profile change replaces
// the list and its keywords; @here in any case still asks who is online now.
TEST_F(PostsAppTest, MentionKeywordsFollowProfileChangesAndPresence) {
  post(alice_, "@bob first");
  EXPECT_EQ(sink_.named("posted").back().mentions, std::vector<std::string>{bob_.user_id});
  auto bob = *store_->users().get(bob_.user_id);
  bob.username = "robert";
  store_->users().update(bob);
  post(alice_, "@bob again");
  EXPECT_TRUE(sink_.named("posted").back().mentions.empty());
  post(alice_, "@robert now");
  EXPECT_EQ(sink_.named("posted").back().mentions, std::vector<std::string>{bob_.user_id});
  post(alice_, "ping @HERE.");
  EXPECT_TRUE(sink_.named("posted").back().mentions.empty());
  sink_.online = {bob_.user_id};
  post(alice_, "ping @HERE.");
  EXPECT_EQ(sink_.named("posted").back().mentions, std::vector<std::string>{bob_.user_id});
  // The viewed event carries the poster's new LastViewedAt: the post's own time.
  auto p = post(alice_, "last");
  auto viewed = sink_.named("multiple_channels_viewed");
  ASSERT_FALSE(viewed.empty());
  EXPECT_EQ(viewed.back().data.at("channel_times").as_object().at(channel_).as_int64(),
            p.create_at);
}

TEST_F(PostsAppTest, NonMembersCannotPostOrReadPrivate) {
  model::Post p;
  p.channel_id = channel_;
  p.message = "hello";
  auto r = create_post(*app_, carol_, p, true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status_code, 403);
  auto mine = post(alice_, "public");
  EXPECT_TRUE(get_post(*app_, carol_, mine.id, false).ok());  // open channel, team member
  auto ch = *app_->store().channels().get(channel_);
  ch.type = "P";
  app_->store().channels().update(ch);
  auto denied = get_post(*app_, carol_, mine.id, false);
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().id, "api.context.permissions.app_error");
}

TEST_F(PostsAppTest, EditRulesAndTimeLimit) {
  auto p = post(alice_, "original");
  PostPatch patch;
  patch.message = "changed";
  auto other = patch_post(*app_, bob_, p.id, patch);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().detailed_error.find("edit_others_posts") != std::string::npos, true);
  auto own = patch_post(*app_, alice_, p.id, patch);
  ASSERT_TRUE(own.ok());
  EXPECT_GT(own->edit_at, 0);
  EXPECT_EQ(sink_.named("post_edited").size(), 1u);
  // Admins may backdate; older than the 300 s limit the message is frozen, the pin is not.
  model::Post old;
  old.channel_id = channel_;
  old.message = "old";
  old.create_at = now_ms() - 600'000;
  auto created = create_post(*app_, admin_, old, true);
  ASSERT_TRUE(created.ok());
  auto late = patch_post(*app_, admin_, created->id, patch);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().id, "api.post.update_post.permissions_time_limit.app_error");
  EXPECT_TRUE(set_post_pinned(*app_, admin_, created->id, true).ok());
}

TEST_F(PostsAppTest, DeleteTellsAdminsWhoDeleted) {
  auto p = post(alice_, "bye");
  ASSERT_TRUE(delete_post(*app_, alice_, p.id).ok());
  auto events = sink_.named("post_deleted");
  ASSERT_EQ(events.size(), 2u);
  for (const auto& e : events) {
    ASSERT_TRUE(e.recipients);
    bool admin_copy = e.data.contains("delete_by");
    std::set<std::string> got(e.recipients->begin(), e.recipients->end());
    std::set<std::string> want = admin_copy ? std::set<std::string>{admin_.user_id}
                                            : std::set<std::string>{alice_.user_id, bob_.user_id};
    EXPECT_EQ(got, want);
    if (!admin_copy) continue;
    EXPECT_EQ(e.data.at("delete_by").as_string(), alice_.user_id);
  }
  EXPECT_FALSE(get_post(*app_, alice_, p.id, false).ok());
}

TEST_F(PostsAppTest, Reactions) {
  auto p = post(alice_, "react");
  model::Reaction r;
  r.user_id = bob_.user_id;
  r.post_id = p.id;
  r.emoji_name = "tada";
  auto saved = save_reaction(*app_, bob_, r);
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->channel_id, channel_);
  EXPECT_EQ(sink_.named("reaction_added").size(), 1u);
  r.emoji_name = "definitely_not_an_emoji";
  auto bad = save_reaction(*app_, bob_, r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().status_code, 404);
  r.emoji_name = "tada";
  r.user_id = alice_.user_id;
  auto spoof = save_reaction(*app_, bob_, r);
  ASSERT_FALSE(spoof.ok());
  EXPECT_EQ(spoof.error().id, "api.reaction.save_reaction.user_id.app_error");
  auto got = get_post(*app_, alice_, p.id, false);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->has_reactions);
  ASSERT_EQ(got->reactions.size(), 1u);
  r.user_id = bob_.user_id;
  ASSERT_TRUE(delete_reaction(*app_, bob_, r).ok());
  EXPECT_EQ(sink_.named("reaction_removed").size(), 1u);
  EXPECT_FALSE(get_post(*app_, alice_, p.id, false)->has_reactions);
}

// create_post answers with the post as inserted instead of reading it back: the answer must be
// what a later read returns (apart from the echoed pending_post_id), for every stored column.
TEST_F(PostsAppTest, TheCreatedAnswerIsTheStoredPost) {
  auto same_as_read = [&](const model::Post& created) {
    auto read = get_post(*app_, alice_, created.id, false);
    ASSERT_TRUE(read.ok());
    auto a = model::to_json(created);
    auto b = model::to_json(*read);
    a.erase("pending_post_id");
    b.erase("pending_post_id");
    EXPECT_EQ(bj::serialize(a), bj::serialize(b));
  };
  // A channel whose last post is in the future: the new post's create_at is shifted past it.
  int64_t future = now_ms() + 60'000;
  sql("UPDATE Channels SET LastPostAt = " + std::to_string(future) + " WHERE Id = '" + channel_ +
      "'");
  model::Post p;
  p.channel_id = channel_;
  p.message = "release #v2 :smile: for @bob";
  p.pending_post_id = alice_.user_id + ":1234";
  p.is_pinned = true;
  p.file_ids = {new_id()};  // nobody's file: dropped from the post
  p.props = bj::parse(R"({"n": 1.5, "big": 18446744073709551615, "neg": -3, "nested": {"a": [1,
      "x", null, true]}, "text": "h\u00e9llo \"q\""})")
                .as_object();
  auto root = create_post(*app_, alice_, p, true);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(root->create_at, future + 1);
  EXPECT_EQ(root->pending_post_id, p.pending_post_id);
  EXPECT_TRUE(root->file_ids.empty());
  EXPECT_EQ(root->hashtags, "#v2");
  EXPECT_EQ(root->reply_count, 0);
  same_as_read(*root);

  // Replies read their thread's reply count back.
  model::Post reply;
  reply.channel_id = channel_;
  reply.root_id = root->id;
  reply.message = "first";
  auto first = create_post(*app_, bob_, reply, true);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->reply_count, 1);
  reply.message = "second";
  auto second = create_post(*app_, alice_, reply, true);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->reply_count, 2);
  same_as_read(*second);
}

// The channel and the poster's membership are read once for every permission of create_post:
// the team's create_post_public lets a non-member post in open channels only, and a missing
// channel is 400 for a system admin, 403 for others.
TEST_F(PostsAppTest, CreatePermissionsFromChannelTeamAndSystemRoles) {
  sql("UPDATE TeamMembers SET Roles = 'team_post_all_public' WHERE UserId = '" + carol_.user_id +
      "'");
  auto open = post(carol_, "not a member, open channel");
  EXPECT_FALSE(open.id.empty());
  auto made_private = *app_->store().channels().get(channel_);
  made_private.type = "P";
  app_->store().channels().update(made_private);
  model::Post p;
  p.channel_id = channel_;
  p.message = "private now";
  auto denied = create_post(*app_, carol_, p, true);
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().status_code, 403);
  p.channel_id = new_id();
  auto missing = create_post(*app_, alice_, p, true);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().status_code, 403);
  auto missing_admin = create_post(*app_, admin_, p, true);
  ASSERT_FALSE(missing_admin.ok());
  EXPECT_EQ(missing_admin.error().status_code, 400);
}

}  // namespace
}  // namespace parley::app
