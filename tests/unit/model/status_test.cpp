// The direct status writer produces exactly boost::json::serialize(to_json(s)).
#include "model/status.h"

#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

namespace parley::model {
namespace {

std::string written(const Status& s) {
  std::string out;
  append_json_text(out, s);
  return out;
}

TEST(StatusWriterTest, SameBytesAsTheJsonTree) {
  Status s{"u1", status::kDnd, true, 1795492697685, 1795499999, "online"};
  EXPECT_EQ(written(s), boost::json::serialize(to_json(s)));
  EXPECT_EQ(written(Status{}), boost::json::serialize(to_json(Status{})));
  Status odd{"a\"b\\c\n", "away", false, -1, 0, ""};
  EXPECT_EQ(written(odd), boost::json::serialize(to_json(odd)));
}

TEST(StatusWriterTest, AppendsToWhatIsThere) {
  std::string out = "[";
  append_json_text(out, Status{"u1", status::kOnline, false, 5, 0, ""});
  EXPECT_EQ(out,
            "[{\"user_id\":\"u1\",\"status\":\"online\",\"manual\":false,\"last_activity_at\":5,"
            "\"dnd_end_time\":0}");
}

}  // namespace
}  // namespace parley::model
