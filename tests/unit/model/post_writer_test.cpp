// The direct post writer produces exactly boost::json::serialize(to_json(...)) for posts with
// every optional part, awkward strings, and whole post lists.
#include "model/post_writer.h"
#include "model/emoji.h"
#include "model/file_info.h"

#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

namespace parley::model {
namespace {

namespace bj = boost::json;

Post plain_post(const std::string& id) {
  Post p;
  p.id = id;
  p.create_at = 1700000000123;
  p.update_at = 1700000000456;
  p.user_id = "u1";
  p.channel_id = "c1";
  p.message = "hello";
  return p;
}

std::string expected(const Post& p) {
  return bj::serialize(to_json(p));
}

std::string written(const Post& p) {
  std::string out;
  append_json(out, p);
  return out;
}

TEST(PostWriter, PlainPost) {
  auto p = plain_post("p1");
  EXPECT_EQ(written(p), expected(p));
}

TEST(PostWriter, StringsAreEscapedAsBoostJsonDoes) {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  for (std::string s : {all, std::string("quote \" backslash \\ slash / é 日本 😀"),
                        std::string("\x01\x1f\x7f"), std::string()}) {
    std::string out;
    append_json_string(out, s);
    EXPECT_EQ(out, bj::serialize(bj::string_view(s)));
  }
}

TEST(PostWriter, EveryOptionalPart) {
  auto p = plain_post("p2");
  p.edit_at = 5;
  p.delete_at = 0;
  p.is_pinned = true;
  p.root_id = "root";
  p.original_id = "orig";
  p.message = "line\nwith \"quotes\" and :emoji: \t tab";
  p.type = "custom_type";
  p.props = {{"attachments", bj::array{bj::object{{"text", "x"}}}}, {"n", 3}, {"f", 1.5}};
  p.hashtags = "#one #two";
  p.file_ids = {"f1", "f2"};
  p.pending_post_id = "pending";
  p.has_reactions = true;
  p.reply_count = 7;
  p.last_reply_at = 99;
  p.participants = std::vector<bj::object>{bj::object{{"id", "u2"}, {"username", "bob"}}};
  p.is_following = false;
  p.reactions = {Reaction{"u1", "p2", "smile", 10, 11, 0, "c1"},
                 Reaction{"u2", "p2", "+1", 12, 12, 0, "c1"}};
  auto f = new_file_info("report.pdf");
  f.id = "f1";
  f.post_id = "p2";
  p.files = {f};
  PostPriority prio;
  prio.priority = "urgent";
  prio.requested_ack = true;
  p.priority = prio;
  p.embeds = {PostEmbed{"opengraph", "https://example.com/a", bj::object{{"title", "T"}}},
              PostEmbed{"message_attachment", "", nullptr}};
  p.images = {{"https://example.com/i.png", bj::object{{"width", 10}, {"height", 20}}}};
  Emoji e;
  e.id = "e1";
  e.name = "party";
  e.creator_id = "u1";
  p.emojis = {e};
  EXPECT_EQ(written(p), expected(p));
}

TEST(PostWriter, NoParticipantsIsNull) {
  auto p = plain_post("p3");
  p.participants.reset();
  p.is_following = true;
  EXPECT_EQ(written(p), expected(p));
  EXPECT_NE(written(p).find("\"participants\":null"), std::string::npos);
}

TEST(PostWriter, PostList) {
  PostList l;
  for (int i = 0; i < 5; ++i) l.add_ordered(plain_post("p" + std::to_string(i)));
  l.add(plain_post("thread-root"));
  l.next_post_id = "next";
  l.prev_post_id = "prev";
  EXPECT_EQ(to_json_text(l), bj::serialize(to_json(l)));
  l.has_next = true;
  l.first_inaccessible_post_time = 42;
  EXPECT_EQ(to_json_text(l), bj::serialize(to_json(l)));
  EXPECT_EQ(to_json_text(PostList{}), bj::serialize(to_json(PostList{})));
}

TEST(PostWriter, PiecesJoinToTheListWithEachReadersIsFollowing) {
  PostList l;
  for (int i = 0; i < 4; ++i) l.add_ordered(plain_post("p" + std::to_string(i)));
  auto reply = plain_post("r");
  reply.root_id = "p1";
  l.add_ordered(reply);
  l.prev_post_id = "prev";
  auto pieces = to_json_pieces(l);
  ASSERT_EQ(pieces.following_of.size(), 4u) << "one opening per root post, none for the reply";
  ASSERT_EQ(pieces.text.size(), 5u);

  EXPECT_EQ(join(pieces, {}), to_json_text(l)) << "no memberships: no is_following";
  l.posts.at("p0").is_following = true;
  l.posts.at("p2").is_following = false;
  EXPECT_EQ(join(pieces, {{"p0", true}, {"p2", false}, {"elsewhere", true}}), to_json_text(l));
  EXPECT_EQ(to_json_text(l), bj::serialize(to_json(l)));

  l.posts.at("p0").is_following = true;  // a post's own value is not written into the pieces
  EXPECT_EQ(join(to_json_pieces(l), {}), join(pieces, {}));
}

}  // namespace
}  // namespace parley::model
