// Tests for ws::Connection: sequence numbering, the replay buffer and its ranges, refusal to
// resume when events are gone, and socket attach/detach.
#include "ws/connection.h"

#include "fake_socket.h"

#include <gtest/gtest.h>

namespace parley::ws {
namespace {

using testing::FakeSocket;

// An event's shared text, as the hub hands it to every connection.
std::shared_ptr<const std::string> event() {
  return std::make_shared<const std::string>(R"({"event":"e","seq":)");
}

std::vector<int64_t> range(int64_t from, int64_t to) {
  std::vector<int64_t> v;
  for (int64_t i = from; i < to; ++i) v.push_back(i);
  return v;
}

TEST(ConnectionTest, EventsAreNumberedFromZeroAndSentWhenAttached) {
  Connection c("cid", "u1", "s1", 8);
  auto sock = std::make_shared<FakeSocket>();
  c.attach(sock);
  for (int i = 0; i < 3; ++i) c.deliver(event());
  EXPECT_EQ(sock->sent()[0], R"({"event":"e","seq":0})");
  EXPECT_EQ(sock->seqs(), range(0, 3));
}

TEST(ConnectionTest, AnEventTextIsSharedByItsConnectionsAndTheirReplays) {
  Connection a("a", "u1", "s1", 8);
  Connection b("b", "u2", "s2", 8);
  auto sa = std::make_shared<FakeSocket>();
  a.attach(sa);
  auto shared = event();
  a.deliver(event());  // a's seq 0
  a.deliver(shared);   // a's seq 1
  b.deliver(shared);   // b's seq 0, detached
  auto sb = std::make_shared<FakeSocket>();
  ASSERT_TRUE(b.resume(sb, 0, "s2"));
  EXPECT_EQ(sa->received()[1].text, shared);
  EXPECT_EQ(sb->received()[0].text, shared);
  EXPECT_EQ(sa->sent()[1], R"({"event":"e","seq":1})");
  EXPECT_EQ(sb->sent()[0], R"({"event":"e","seq":0})");
}

TEST(FrameTest, AnEventGetsItsSequenceNumberAndAReplyIsSentAsItIs) {
  Frame event{std::make_shared<const std::string>(R"({"event":"e","seq":)"), 12345};
  EXPECT_EQ(event.str(), R"({"event":"e","seq":12345})");
  EXPECT_EQ(event.size(), event.str().size());
  Frame reply{std::make_shared<const std::string>(R"({"status":"OK","seq_reply":3})")};
  EXPECT_EQ(reply.str(), R"({"status":"OK","seq_reply":3})");
  EXPECT_EQ(reply.size(), reply.str().size());
}

TEST(ConnectionTest, ResumeReplaysExactlyTheMissedRange) {
  Connection c("cid", "u1", "s1", 8);
  auto first = std::make_shared<FakeSocket>();
  c.attach(first);
  c.deliver(event());  // 0
  c.deliver(event());  // 1
  EXPECT_TRUE(c.detach(first.get(), 100));
  EXPECT_FALSE(c.attached());
  for (int i = 0; i < 3; ++i) c.deliver(event());  // 2, 3, 4 while away
  EXPECT_EQ(first->sent().size(), 2u);

  auto second = std::make_shared<FakeSocket>();
  ASSERT_TRUE(c.resume(second, 2, "s2"));
  EXPECT_EQ(second->seqs(), range(2, 5));
  EXPECT_EQ(c.session_id(), "s2");
  c.deliver(event());
  EXPECT_EQ(second->seqs(), range(2, 6));
}

TEST(ConnectionTest, ResumeFromAnyBufferedPointAndLossless) {
  Connection c("cid", "u1", "s1", 8);
  for (int i = 0; i < 5; ++i) c.deliver(event());
  auto from_start = std::make_shared<FakeSocket>();
  ASSERT_TRUE(c.resume(from_start, 0, "s1"));
  EXPECT_EQ(from_start->seqs(), range(0, 5));
  auto lossless = std::make_shared<FakeSocket>();
  ASSERT_TRUE(c.resume(lossless, 5, "s1"));  // nothing missed
  EXPECT_TRUE(lossless->sent().empty());
  EXPECT_TRUE(from_start->closed()) << "the replaced socket is closed";
}

TEST(ConnectionTest, BufferOverflowRefusesResume) {
  Connection c("cid", "u1", "s1", 3);
  for (int i = 0; i < 5; ++i) c.deliver(event());  // buffer keeps 2, 3, 4
  auto sock = std::make_shared<FakeSocket>();
  EXPECT_FALSE(c.resume(sock, 0, "s2"));
  EXPECT_FALSE(c.resume(sock, 1, "s2"));
  EXPECT_TRUE(sock->sent().empty());
  EXPECT_FALSE(c.attached()) << "a refused resume attaches nothing";
  EXPECT_EQ(c.session_id(), "s1");
  ASSERT_TRUE(c.resume(sock, 2, "s2"));
  EXPECT_EQ(sock->seqs(), range(2, 5));
}

TEST(ConnectionTest, FutureOrNegativeSequenceRefusesResume) {
  Connection c("cid", "u1", "s1", 8);
  c.deliver(event());
  auto sock = std::make_shared<FakeSocket>();
  EXPECT_FALSE(c.resume(sock, 2, "s1"));
  EXPECT_FALSE(c.resume(sock, -1, "s1"));
  EXPECT_FALSE(c.attached());
}

TEST(ConnectionTest, EmptyBufferResumesOnlyAtZero) {
  Connection c("cid", "u1", "s1", 8);
  auto sock = std::make_shared<FakeSocket>();
  EXPECT_FALSE(c.resume(sock, 1, "s1"));
  EXPECT_TRUE(c.resume(sock, 0, "s1"));
}

TEST(ConnectionTest, DetachOnlyTheCurrentSocketAndExpiry) {
  Connection c("cid", "u1", "s1", 8);
  auto a = std::make_shared<FakeSocket>();
  auto b = std::make_shared<FakeSocket>();
  c.attach(a);
  ASSERT_TRUE(c.resume(b, 0, "s1"));
  EXPECT_FALSE(c.detach(a.get(), 10)) << "a replaced socket's late detach is ignored";
  EXPECT_TRUE(c.attached());
  EXPECT_FALSE(c.expired(1'000'000, 0));
  EXPECT_TRUE(c.detach(b.get(), 1000));
  EXPECT_FALSE(c.expired(1500, 1000));
  EXPECT_TRUE(c.expired(2001, 1000));
  c.close_socket();  // no socket: nothing to do
}

TEST(ConnectionTest, CloseSocketClosesTheAttachedOne) {
  Connection c("cid", "u1", "s1", 8);
  auto a = std::make_shared<FakeSocket>();
  c.attach(a);
  c.close_socket();
  EXPECT_TRUE(a->closed());
}

}  // namespace
}  // namespace parley::ws
