// The caching store's channel mention lists (store/cached_mentions.h): served from the cache,
// and dropped after commit by every write that changes them: memberships saved, updated or
// removed, a user's team memberships removed, channels muted from the sidebar, channels deleted,
// and profile updates that change a listed username, first name or notify props. Runs on both
// backends.
#include "store/channel_store.h"
#include "store/sidebar_store.h"
#include "store_fixture.h"

#include <stdexcept>

namespace parley::testing {
namespace {

class CachedMentionsTest : public StoreFixture {
 protected:
  model::Channel add_channel(const std::string& name) {
    return StoreFixture::add_channel(team_, name, "O", name);
  }
  model::ChannelMember join(const model::Channel& c, const model::User& u) {
    model::ChannelMember m;
    m.channel_id = c.id;
    m.user_id = u.id;
    m.notify_props = model::default_channel_notify_props();
    store().channels().save_member(m);
    return m;
  }
  // "username:first name:mention keys:mark_unread" per member, in the list's order.
  std::vector<std::string> listed(const model::Channel& c) {
    std::vector<std::string> out;
    auto members = store().channels().mention_members(c.id);
    for (const auto& m : *members) {
      auto str = [](const boost::json::object& o, std::string_view key) {
        auto it = o.find(key);
        return it != o.end() && it->value().is_string() ? std::string(it->value().get_string())
                                                        : std::string();
      };
      out.push_back(m.username + ":" + m.first_name + ":" + str(m.notify_props, "mention_keys") +
                    ":" + str(m.channel_notify_props, "mark_unread"));
    }
    return out;
  }
  // Renames a user behind the store's back: a cached list keeps the old name.
  void rename_behind(const model::User& u, const std::string& name) {
    exec_sql("UPDATE Users SET Username = '" + name + "' WHERE Id = '" + u.id + "'");
  }

  std::string team_ = new_id();
};

using Names = std::vector<std::string>;

TEST_F(CachedMentionsTest, ListsMembersByUserIdWithTheirProfilesAndAreCached) {
  auto a = add_user("alice");
  auto b = add_user("bob");
  auto c = add_channel("town");
  join(c, a);
  join(c, b);
  auto first = store().channels().mention_members(c.id);
  ASSERT_EQ(first->size(), 2u);
  EXPECT_LT((*first)[0].user_id, (*first)[1].user_id);
  EXPECT_EQ(listed(c),
            (a.id < b.id ? Names{"alice:::all", "bob:::all"} : Names{"bob:::all", "alice:::all"}));
  rename_behind(a, "behind");
  EXPECT_EQ(store().channels().mention_members(c.id), first) << "the same cached list";
}

TEST_F(CachedMentionsTest, MembershipWritesDropTheChannel) {
  auto a = add_user("alice");
  auto b = add_user("bob");
  auto c = add_channel("town");
  join(c, a);
  ASSERT_EQ(listed(c), (Names{"alice:::all"}));

  rename_behind(a, "alice2");  // seen only once the list is read again
  auto mb = join(c, b);
  auto both = a.id < b.id ? Names{"alice2:::all", "bob:::all"} : Names{"bob:::all", "alice2:::all"};
  EXPECT_EQ(listed(c), both);

  mb.notify_props["mark_unread"] = "mention";
  store().channels().update_member(mb);
  both =
      a.id < b.id ? Names{"alice2:::all", "bob:::mention"} : Names{"bob:::mention", "alice2:::all"};
  EXPECT_EQ(listed(c), both);

  store().channels().remove_member(c.id, b.id);
  EXPECT_EQ(listed(c), (Names{"alice2:::all"}));
}

TEST_F(CachedMentionsTest, LeavingATeamDropsItsChannels) {
  auto a = add_user("alice");
  auto c = add_channel("town");
  auto other = add_channel("other");
  join(c, a);
  join(other, a);
  ASSERT_EQ(listed(c).size(), 1u);
  ASSERT_EQ(listed(other).size(), 1u);
  store().channels().remove_team_memberships(team_, a.id);
  EXPECT_TRUE(listed(c).empty());
  EXPECT_TRUE(listed(other).empty());
}

TEST_F(CachedMentionsTest, ProfileUpdatesDropOnlyTheUsersChannels) {
  auto a = add_user("alice");
  auto b = add_user("bob");
  auto with_a = add_channel("with-a");
  auto without_a = add_channel("without-a");
  join(with_a, a);
  join(without_a, b);
  ASSERT_EQ(listed(with_a), (Names{"alice:::all"}));
  ASSERT_EQ(listed(without_a), (Names{"bob:::all"}));
  rename_behind(b, "bob-behind");

  a.username = "alicia";
  a.first_name = "Alicia";
  a.notify_props = {{"mention_keys", "deploy"}};
  store().users().update(a);
  EXPECT_EQ(listed(with_a), (Names{"alicia:Alicia:deploy:all"}));
  EXPECT_EQ(listed(without_a), (Names{"bob:::all"})) << "a channel without alice stays cached";
}

TEST_F(CachedMentionsTest, ProfileUpdatesKeepListsWhenNamesAndNotifyPropsStay) {
  auto a = add_user("alice");
  auto b = add_user("bob");
  auto c = add_channel("town");
  join(c, a);
  join(c, b);
  auto names = [&](const std::string& alice, const std::string& bob) {
    return a.id < b.id ? Names{alice + ":::all", bob + ":::all"}
                       : Names{bob + ":::all", alice + ":::all"};
  };
  ASSERT_EQ(listed(c), names("alice", "bob"));
  rename_behind(b, "bob-behind");
  a.nickname = "ally";
  a.last_login = 42;
  store().users().update(a);
  EXPECT_EQ(listed(c), names("alice", "bob")) << "kept: alice's listed fields did not change";
  a.notify_props = {{"first_name", "true"}};
  store().users().update(a);
  EXPECT_EQ(listed(c), names("alice", "bob-behind")) << "dropped: alice's notify props changed";
}

TEST_F(CachedMentionsTest, MutingFromTheSidebarDropsThoseChannels) {
  auto a = add_user("alice");
  auto c = add_channel("town");
  join(c, a);
  ASSERT_EQ(listed(c), (Names{"alice:::all"}));
  store().sidebar().set_channels_muted(a.id, {c.id}, true);
  EXPECT_EQ(listed(c), (Names{"alice:::mention"}));
  store().sidebar().set_channels_muted(a.id, {c.id}, false);
  EXPECT_EQ(listed(c), (Names{"alice:::all"}));
}

TEST_F(CachedMentionsTest, PermanentlyDeletedChannelsListNobody) {
  auto a = add_user("alice");
  auto c = add_channel("town");
  join(c, a);
  ASSERT_EQ(listed(c).size(), 1u);
  store().channels().permanent_delete(c.id);
  EXPECT_TRUE(listed(c).empty());
}

TEST_F(CachedMentionsTest, TransactionsReadTheirWritesAndRollBackCleanly) {
  auto a = add_user("alice");
  auto b = add_user("bob");
  auto c = add_channel("town");
  join(c, a);
  ASSERT_EQ(listed(c).size(), 1u);
  EXPECT_THROW(store().transaction([&] {
    join(c, b);
    EXPECT_EQ(listed(c).size(), 2u) << "inside the transaction the write is seen";
    throw std::runtime_error("roll back");
  }),
               std::runtime_error);
  EXPECT_EQ(listed(c), (Names{"alice:::all"}));
  store().transaction([&] { join(c, b); });
  EXPECT_EQ(listed(c).size(), 2u);
}

}  // namespace
}  // namespace parley::testing
