// The load generator's EventCache: frames that differ only in their trailing seq are parsed once,
// anything else is parsed on its own, and a frame that is no event is refused.
#include "event_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace loadgen {
namespace {

std::string posted(const std::string& post_id, int64_t seq) {
  return R"({"event":"posted","data":{"channel_display_name":"Town Square","post":"{\"id\":\")" +
         post_id +
         R"(\",\"channel_id\":\"c1\",\"user_id\":\"u1\",\"message\":\"a,\\\"seq\\\":1}\"}"},)" +
         R"("broadcast":{"channel_id":"c1"},"seq":)" + std::to_string(seq) + "}";
}

TEST(SplitSeq, SplitsTheTrailingSequenceNumber) {
  auto split = split_seq(R"({"event":"typing","data":{},"seq":12})");
  ASSERT_TRUE(split);
  EXPECT_EQ(split->shared, R"({"event":"typing","data":{})");
  EXPECT_EQ(split->seq, 12);
}

TEST(SplitSeq, RefusesFramesThatDoNotEndInASequenceNumber) {
  EXPECT_FALSE(split_seq(R"({"status":"OK","seq_reply":3})"));
  EXPECT_FALSE(split_seq(R"({"event":"x","data":{"a":1,"seq":5}})"));
  EXPECT_FALSE(split_seq(R"({"event":"x","seq":})"));
  EXPECT_FALSE(split_seq(R"({"event":"x","seq":7x})"));
  EXPECT_FALSE(split_seq(""));
}

TEST(EventCache, ParsesAFanOutOnceAndGivesEachFrameItsOwnSeq) {
  EventCache cache;
  int64_t seq = 0;
  const Event* first = cache.parse(posted("p1", 4), seq);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(seq, 4);
  EXPECT_EQ(first->name, "posted");
  EXPECT_FALSE(first->msg.contains("seq"));
  ASSERT_TRUE(first->post.is_object());
  EXPECT_EQ(first->post.as_object().at("channel_id").as_string(), "c1");
  EXPECT_EQ(first->post.as_object().at("message").as_string(), "a,\"seq\":1}");

  const Event* second = cache.parse(posted("p1", 9), seq);
  EXPECT_EQ(second, first);
  EXPECT_EQ(seq, 9);
  EXPECT_EQ(cache.reused(), 1);
  EXPECT_EQ(cache.parsed(), 1);

  const Event* other = cache.parse(posted("p2", 10), seq);
  ASSERT_NE(other, nullptr);
  EXPECT_NE(other, first);
  EXPECT_EQ(other->post.as_object().at("id").as_string(), "p2");
  EXPECT_EQ(cache.reused(), 1);
}

TEST(EventCache, ReplacesTheLeastRecentlyUsedEvent) {
  EventCache cache;
  int64_t seq = 0;
  cache.parse(posted("kept", 1), seq);
  for (int i = 0; i < 40; ++i) {
    cache.parse(posted("other" + std::to_string(i), 2 + i), seq);
    cache.parse(posted("kept", 100 + i), seq);  // used again after each new event: stays
  }
  EXPECT_EQ(cache.reused(), 40);
  cache.parse(posted("other0", 200), seq);  // long replaced
  EXPECT_EQ(cache.reused(), 40);
}

TEST(EventCache, RefusesFramesThatNameNoEvent) {
  EventCache cache;
  int64_t seq = 0;
  EXPECT_EQ(cache.parse(R"({"status":"OK","seq_reply":3})", seq), nullptr);
  EXPECT_EQ(seq, -1);
  EXPECT_EQ(cache.parse(R"(not json,"seq":3})", seq), nullptr);
  EXPECT_EQ(cache.parse(R"({"data":{},"seq":3})", seq), nullptr);
  // A refused frame leaves nothing behind: the same bytes are refused again, not found.
  EXPECT_EQ(cache.parse(R"({"data":{},"seq":4})", seq), nullptr);
  EXPECT_EQ(cache.reused(), 0);

  const Event* unsequenced = cache.parse(R"({"event":"hello","data":{"connection_id":"x"}})", seq);
  ASSERT_NE(unsequenced, nullptr);  // an event without seq is parsed, not kept
  EXPECT_EQ(seq, -1);
  EXPECT_TRUE(unsequenced->post.is_null());
}

TEST(EventCache, NumbersThePostsIdsOnceForEveryRecipient) {
  const std::string post = "pppppppppppppppppppppppppp", channel = "cccccccccccccccccccccccccc",
                    author = "uuuuuuuuuuuuuuuuuuuuuuuuuu", root = "rrrrrrrrrrrrrrrrrrrrrrrrrr";
  auto frame = [&](const std::string& root_id, int64_t seq) {
    return R"({"event":"posted","data":{"post":"{\"id\":\")" + post + R"(\",\"channel_id\":\")" +
           channel + R"(\",\"user_id\":\")" + author + R"(\",\"root_id\":\")" + root_id +
           R"(\"}"},"seq":)" + std::to_string(seq) + "}";
  };
  EventCache cache;
  cache.user_ids().number("aaaaaaaaaaaaaaaaaaaaaaaaaa");  // numbered earlier by a user's request
  int64_t seq = 0;
  const Event* e = cache.parse(frame("", 1), seq);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->post_id);
  EXPECT_EQ(to_string(*e->post_id), post);
  EXPECT_EQ(e->user, 1u);
  EXPECT_EQ(cache.user_ids().id(e->user), author);
  EXPECT_EQ(e->channel, 0u);
  EXPECT_EQ(cache.channel_ids().id(e->channel), channel);
  EXPECT_FALSE(e->reply);
  EXPECT_EQ(cache.user_ids().number(author), 1u);  // the same number when asked again

  const Event* reply = cache.parse(frame(root, 2), seq);
  ASSERT_NE(reply, nullptr);
  EXPECT_TRUE(reply->reply);
  EXPECT_EQ(reply->user, 1u);
  EXPECT_EQ(cache.user_ids().size(), 2u);

  const Event* typing = cache.parse(
      R"({"event":"typing","data":{"parent_id":"","user_id":")" + author + R"("},"seq":3})", seq);
  ASSERT_NE(typing, nullptr);
  EXPECT_FALSE(typing->post_id);
  EXPECT_EQ(typing->user, 1u);
  EXPECT_EQ(typing->channel, IdTable::kNone);
}

TEST(IdTable, NumbersOnlyMattermostIds) {
  IdTable ids;
  EXPECT_EQ(ids.number("short"), IdTable::kNone);
  EXPECT_EQ(ids.number(""), IdTable::kNone);
  EXPECT_EQ(ids.number("bbbbbbbbbbbbbbbbbbbbbbbbbb"), 0u);
  EXPECT_EQ(ids.number("aaaaaaaaaaaaaaaaaaaaaaaaaa"), 1u);
  EXPECT_EQ(ids.number("bbbbbbbbbbbbbbbbbbbbbbbbbb"), 0u);
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids.id(1), "aaaaaaaaaaaaaaaaaaaaaaaaaa");
}

// A slot's arena grows past its buffer for a large event. Boost.JSON's monotonic_resource doubles
// its next block on each growth and release() does not undo that, so reusing one arena made every
// large event ask for twice the memory of the one before, until an allocation failed (in stop 21,
// std::bad_alloc ended most simulated users' read loops after 40 minutes).
TEST(EventCache, LargeEventsAskForNoMoreMemoryEachTime) {
  EventCache cache;
  std::string text(20'000, 'x');
  for (int i = 0; i < 200; ++i) {
    // No seq: every frame goes through the same slot.
    std::string frame = R"({"event":"posted","data":{"post":"{\"id\":\"p)" + std::to_string(i) +
                        R"(\",\"message\":\")" + text + R"(\"}"}})";
    int64_t seq = 0;
    const Event* e = nullptr;
    ASSERT_NO_THROW(e = cache.parse(frame, seq)) << "frame " << i;
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->post.as_object().at("id").as_string(), "p" + std::to_string(i));
  }
}

}  // namespace
}  // namespace loadgen
