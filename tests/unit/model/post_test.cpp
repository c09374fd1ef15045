// Tests for the Post model: hashtag extraction, rune counting and the JSON shapes of Post,
// PostList and Reaction.
#include "model/post.h"
#include "model/emoji.h"
#include "model/team.h"  // rune_count

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace parley::model {
namespace {

TEST(Hashtags, ExtractsValidTags) {
  EXPECT_EQ(parse_hashtags("hello #world and #foo-bar."), "#world #foo-bar");
  EXPECT_EQ(parse_hashtags("##double (#paren) #a #1abc #ok1"), "#double #paren #ok1");
  EXPECT_EQ(parse_hashtags("no tags here"), "");
  EXPECT_EQ(parse_hashtags("#über #x.y"), "#über #x.y");
}

TEST(Hashtags, TruncatesAtThousandBytes) {
  std::string msg;
  for (int i = 0; i < 200; ++i) msg += "#tag" + std::to_string(i) + " ";
  auto tags = parse_hashtags(msg);
  EXPECT_LE(tags.size(), 1000u);
  EXPECT_NE(tags.back(), ' ');
}

TEST(Runes, CountsCodePoints) {
  EXPECT_EQ(rune_count("abc"), 3u);
  EXPECT_EQ(rune_count("héllo"), 5u);
  EXPECT_EQ(rune_count("日本"), 2u);
}

TEST(PostJson, Shape) {
  Post p;
  p.id = "p";
  p.message = "hi";
  p.file_ids = {"f"};
  auto o = to_json(p);
  for (auto k : {"id",          "create_at",     "update_at",    "edit_at",
                 "delete_at",   "is_pinned",     "user_id",      "channel_id",
                 "root_id",     "original_id",   "message",      "type",
                 "props",       "hashtags",      "file_ids",     "pending_post_id",
                 "reply_count", "last_reply_at", "participants", "metadata"})
    EXPECT_TRUE(o.contains(k)) << k;
  EXPECT_FALSE(o.contains("has_reactions"));
  EXPECT_TRUE(o.at("participants").is_null());
  EXPECT_TRUE(o.at("metadata").as_object().empty());
  p.has_reactions = true;
  p.reactions.push_back({"u", "p", "smile", 1, 1, 0, "c"});
  p.priority = PostPriority{"urgent", std::nullopt, std::nullopt};
  o = to_json(p);
  EXPECT_TRUE(o.at("has_reactions").as_bool());
  const auto& meta = o.at("metadata").as_object();
  EXPECT_EQ(meta.at("reactions").as_array().size(), 1u);
  EXPECT_EQ(meta.at("priority").at("priority").as_string(), "urgent");
  EXPECT_TRUE(meta.at("priority").at("requested_ack").is_null());
}

TEST(PostJson, ListAndReaction) {
  PostList l;
  Post a;
  a.id = "a";
  a.create_at = 1;
  Post b;
  b.id = "b";
  b.create_at = 2;
  l.add_ordered(a);
  l.add_ordered(b);
  l.sort_by_create_at();
  auto o = to_json(l);
  EXPECT_EQ(o.at("order").as_array().at(0).as_string(), "b");
  EXPECT_EQ(o.at("posts").as_object().size(), 2u);
  EXPECT_FALSE(o.contains("has_next"));
  EXPECT_EQ(o.at("first_inaccessible_post_time").as_int64(), 0);
  auto r = to_json(Reaction{"u", "p", "+1", 5, 6, 0, "c"});
  EXPECT_EQ(r.at("emoji_name").as_string(), "+1");
  EXPECT_EQ(r.at("remote_id").as_string(), "");
}

TEST(Emoji, SystemNames) {
  EXPECT_TRUE(is_system_emoji("+1"));
  EXPECT_TRUE(is_system_emoji("thumbsup"));
  EXPECT_TRUE(is_system_emoji("smile"));
  EXPECT_TRUE(is_system_emoji("white_check_mark"));
  EXPECT_TRUE(is_system_emoji("+1_light_skin_tone"));
  EXPECT_TRUE(is_system_emoji("mattermost"));
  EXPECT_FALSE(is_system_emoji("not_an_emoji_at_all"));
  EXPECT_FALSE(is_system_emoji(""));
}

}  // namespace
}  // namespace parley::model
