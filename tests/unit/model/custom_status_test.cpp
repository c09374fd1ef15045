// Tests for the custom status model: RFC 3339 expiry parsing and Go's printed form, Mattermost's
// duration/expiry validation and PreSave, JSON decoding and the recent-statuses list.
#include "model/custom_status.h"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

namespace parley::model {
namespace {

TEST(CustomStatusTest, ParsesRfc3339AsGoPrintsIt) {
  auto z = parse_rfc3339("1970-01-01T00:00:01.500Z");
  ASSERT_TRUE(z);
  EXPECT_EQ(z->first, 1500);
  EXPECT_EQ(z->second, "1970-01-01T00:00:01.5Z");
  auto off = parse_rfc3339("1970-01-01T02:00:00+02:00");
  ASSERT_TRUE(off);
  EXPECT_EQ(off->first, 0);
  EXPECT_EQ(off->second, "1970-01-01T02:00:00+02:00");
  EXPECT_EQ(parse_rfc3339("2030-05-01T10:00:00.000+00:00")->second, "2030-05-01T10:00:00Z");
  EXPECT_EQ(parse_rfc3339("0001-01-01T00:00:00Z")->first, CustomStatus{}.expires_at_ms);
  for (const char* bad : {"", "tomorrow", "2030-13-01T00:00:00Z", "2030-02-30T00:00:00Z",
                          "2030-01-01 00:00:00Z", "2030-01-01T00:00:00", "2030-01-01T00:00:00+1"})
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
}

TEST(CustomStatusTest, DurationAndExpiryRules) {
  int64_t now = 1'000'000;
  CustomStatus cs;
  EXPECT_TRUE(cs.valid_duration_and_expiry(now));  // no duration, no expiry
  cs.duration = "one_hour";
  EXPECT_FALSE(cs.valid_duration_and_expiry(now));  // a duration needs a future expiry
  cs.expires_at_ms = now + 1;
  cs.expires_at = "1970-01-01T00:16:40.001Z";
  EXPECT_TRUE(cs.valid_duration_and_expiry(now));
  cs.duration = "forever";
  EXPECT_FALSE(cs.valid_duration_and_expiry(now));
  cs.duration.clear();
  cs.expires_at_ms = now - 1;
  EXPECT_FALSE(cs.valid_duration_and_expiry(now));  // past expiry

  CustomStatus later;
  later.expires_at_ms = now + 60'000;
  later.expires_at = "1970-01-01T00:17:40Z";
  later.text = std::string(99, 'a') + "\xC3\xA9\xC3\xA9";  // 101 characters
  later.pre_save(now);
  EXPECT_EQ(later.duration, "date_and_time");
  EXPECT_EQ(later.text, std::string(99, 'a') + "\xC3\xA9");
  CustomStatus open;
  open.pre_save(now);
  EXPECT_EQ(open.duration, "");
}

TEST(CustomStatusTest, DecodesRequestBodies) {
  auto cs = custom_status_from_json(boost::json::parse(
      R"({"emoji":"x","text":"y","duration":null,"expires_at":"2030-05-01T10:00:00.000Z","z":1})"));
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->expires_at, "2030-05-01T10:00:00Z");
  EXPECT_EQ(to_json(*cs).at("expires_at").as_string(), "2030-05-01T10:00:00Z");
  EXPECT_FALSE(custom_status_from_json(boost::json::parse(R"({"emoji":1})")));
  EXPECT_FALSE(custom_status_from_json(boost::json::parse(R"({"expires_at":"soon"})")));
  EXPECT_FALSE(custom_status_from_json(boost::json::parse("[]")));
  boost::json::object props{{"customStatus", R"({"emoji":"x","text":"y"})"}};
  EXPECT_EQ(custom_status_from_props(props)->expires_at, "0001-01-01T00:00:00Z");
  props["customStatus"] = "";
  EXPECT_FALSE(custom_status_from_props(props));
}

TEST(CustomStatusTest, RecentListKeepsFiveNewestFirstOnePerText) {
  std::vector<CustomStatus> list;
  for (int i = 0; i < 7; ++i) {
    CustomStatus cs;
    cs.emoji = "e" + std::to_string(i);
    cs.text = "t" + std::to_string(i % 6);
    add_recent_custom_status(list, cs);
  }
  ASSERT_EQ(list.size(), kMaxRecentCustomStatuses);
  EXPECT_EQ(list[0].emoji, "e6");  // e0 (also t0) already fell off the end
  EXPECT_EQ(list[1].emoji, "e5");
  bool ok = false;
  auto back = recent_custom_statuses_from(recent_custom_statuses_value(list), &ok);
  EXPECT_TRUE(ok);
  EXPECT_EQ(back, list);
  recent_custom_statuses_from("{", &ok);
  EXPECT_FALSE(ok);
}

}  // namespace
}  // namespace parley::model
