// Tests for mention detection: @username with punctuation, sentence ends, @channel/@all/@here,
// no mentions inside words, emails or code, case-insensitive usernames, mention keys and first
// names, and the keyword rules for channel-wide mentions.
#include "app/mentions.h"

#include <gtest/gtest.h>

namespace parley::app {
namespace {

// Owns the fields a MentionCandidate views.
struct TestUser {
  std::string id;
  std::string username;
  std::string first_name;
  boost::json::object notify_props;
  boost::json::object channel_notify_props;
  bool online = false;
};

TestUser user(std::string id, std::string username) {
  TestUser u;
  u.id = std::move(id);
  u.username = std::move(username);
  u.notify_props = {{"channel", "true"}, {"mention_keys", ""}, {"first_name", "false"}};
  return u;
}

MentionKeywords keywords(std::initializer_list<TestUser> users, bool allow_channel = true) {
  MentionKeywords k;
  for (const auto& u : users)
    add_mention_keywords(
        k, {u.id, u.username, u.first_name, u.notify_props, u.channel_notify_props, u.online},
        allow_channel);
  return k;
}

bool mentioned(const MentionResults& r, const std::string& id) {
  return r.mentions.count(id) > 0;
}

TEST(Mentions, UsernameWithPunctuation) {
  auto k = keywords({user("u1", "alice"), user("u2", "bob")});
  for (std::string msg : {"hi @alice", "@alice, look", "(@alice)", "hey @alice!", "@alice's idea",
                          "@alice?", "\"@alice\"", "**@alice**", "_@alice_", "@alice:"}) {
    auto r = parse_mentions(msg, k);
    EXPECT_TRUE(mentioned(r, "u1")) << msg;
    EXPECT_FALSE(mentioned(r, "u2")) << msg;
  }
}

TEST(Mentions, SentenceEndDot) {
  auto k = keywords({user("u1", "alice")});
  EXPECT_TRUE(mentioned(parse_mentions("thanks @alice.", k), "u1"));
  EXPECT_TRUE(mentioned(parse_mentions("thanks @alice...", k), "u1"));
  EXPECT_EQ(parse_mentions("thanks @alice.", k).mentions.at("u1"), MentionType::keyword);
}

TEST(Mentions, UsernamesWithDotsAndDashes) {
  auto k = keywords({user("u1", "john.smith"), user("u2", "john"), user("u3", "ann-marie")});
  auto r = parse_mentions("ping @john.smith and @ann-marie.", k);
  EXPECT_TRUE(mentioned(r, "u1"));
  EXPECT_TRUE(mentioned(r, "u3"));
  EXPECT_FALSE(mentioned(r, "u2"));
  EXPECT_TRUE(mentioned(parse_mentions("ping @john.", k), "u2"));
}

TEST(Mentions, CaseInsensitiveUsernames) {
  auto k = keywords({user("u1", "alice")});
  EXPECT_TRUE(mentioned(parse_mentions("hello @ALICE", k), "u1"));
  EXPECT_TRUE(mentioned(parse_mentions("hello @Alice", k), "u1"));
}

TEST(Mentions, NoMentionInsideWordsOrEmails) {
  auto k = keywords({user("u1", "alice"), user("u2", "example")});
  EXPECT_TRUE(parse_mentions("mail alice@example.com please", k).mentions.empty());
  EXPECT_TRUE(parse_mentions("foo@alice", k).mentions.empty());
  EXPECT_TRUE(parse_mentions("alice without at", k).mentions.empty());
  EXPECT_TRUE(parse_mentions("@alicea", k).mentions.empty());
}

TEST(Mentions, UnknownNamesArePotentialMentions) {
  auto k = keywords({user("u1", "alice")});
  auto r = parse_mentions("hi @carol. and @dave", k);
  EXPECT_TRUE(r.mentions.empty());
  ASSERT_EQ(r.other_potential.size(), 2u);
  EXPECT_EQ(r.other_potential[0], "carol");
  EXPECT_EQ(r.other_potential[1], "dave");
}

TEST(Mentions, ChannelWide) {
  auto a = user("u1", "alice");
  auto b = user("u2", "bob");
  b.online = true;
  auto k = keywords({a, b});
  auto r = parse_mentions("@channel please read", k);
  EXPECT_TRUE(r.channel);
  EXPECT_TRUE(mentioned(r, "u1"));
  EXPECT_TRUE(mentioned(r, "u2"));
  EXPECT_EQ(r.mentions.at("u1"), MentionType::channel);
  r = parse_mentions("@ALL hands", k);
  EXPECT_TRUE(r.all);
  EXPECT_EQ(r.mentions.size(), 2u);
  r = parse_mentions("@here: who is around?", k);
  EXPECT_TRUE(r.here);
  EXPECT_FALSE(mentioned(r, "u1"));  // offline
  EXPECT_TRUE(mentioned(r, "u2"));
}

TEST(Mentions, ChannelWideNeedsPermissionAndUserSetting) {
  auto a = user("u1", "alice");
  EXPECT_TRUE(parse_mentions("@channel", keywords({a}, false)).mentions.empty());
  a.notify_props["channel"] = "false";
  EXPECT_TRUE(parse_mentions("@channel", keywords({a})).mentions.empty());
  auto b = user("u2", "bob");
  b.channel_notify_props = {{"ignore_channel_mentions", "on"}};
  EXPECT_TRUE(parse_mentions("@all", keywords({b})).mentions.empty());
  auto c = user("u3", "carol");
  c.channel_notify_props = {{"mark_unread", "mention"}, {"ignore_channel_mentions", "default"}};
  EXPECT_TRUE(parse_mentions("@all", keywords({c})).mentions.empty());
  // A direct mention still counts.
  EXPECT_TRUE(mentioned(parse_mentions("@carol", keywords({c})), "u3"));
}

TEST(Mentions, KeywordBeatsChannelMention) {
  auto k = keywords({user("u1", "alice")});
  auto r = parse_mentions("@channel and @alice", k);
  EXPECT_EQ(r.mentions.at("u1"), MentionType::keyword);
}

TEST(Mentions, MentionKeysAndFirstName) {
  auto a = user("u1", "alice");
  a.notify_props["mention_keys"] = "Deploy, oncall";
  a.first_name = "Alice";
  a.notify_props["first_name"] = "true";
  auto k = keywords({a});
  EXPECT_TRUE(mentioned(parse_mentions("time to deploy now", k), "u1"));
  EXPECT_TRUE(mentioned(parse_mentions("who is ONCALL?", k), "u1"));
  EXPECT_TRUE(mentioned(parse_mentions("ask Alice", k), "u1"));
  EXPECT_FALSE(mentioned(parse_mentions("ask alice", k), "u1"));  // first names are case sensitive
  EXPECT_FALSE(mentioned(parse_mentions("deployment", k), "u1"));
}

TEST(Mentions, NoFirstNameUnlessEnabled) {
  auto a = user("u1", "alice");
  a.first_name = "Alice";
  EXPECT_TRUE(parse_mentions("ask Alice", keywords({a})).mentions.empty());
}

TEST(Mentions, IgnoresCodeAndEmoji) {
  auto k = keywords({user("u1", "alice")});
  EXPECT_TRUE(parse_mentions("run `echo @alice`", k).mentions.empty());
  EXPECT_TRUE(parse_mentions("```\n@alice\n```", k).mentions.empty());
  EXPECT_TRUE(mentioned(parse_mentions("```\ncode\n```\n@alice", k), "u1"));
  EXPECT_TRUE(parse_mentions(":alice:", keywords({user("u1", "alice")})).mentions.empty());
}

TEST(Mentions, StripCodeKeepsText) {
  EXPECT_EQ(strip_code("a `b` c"), "a   c\n");
  EXPECT_EQ(strip_code("a ``b`` c `d"), "a   c `d\n");
  EXPECT_EQ(strip_code("x\n~~~\ny\n~~~\nz"), "x\n\n\n\nz\n");
}

TEST(Mentions, FindChannelMention) {
  EXPECT_EQ(find_channel_mention("hello @Channel!"), "@channel");
  EXPECT_EQ(find_channel_mention("@here"), "@here");
  EXPECT_EQ(find_channel_mention("mail me@all.com"), "");
  EXPECT_EQ(find_channel_mention("@allison"), "");
  EXPECT_EQ(find_channel_mention("nothing"), "");
}

}  // namespace
}  // namespace parley::app
