// util::SharedLibrary: functions are found in an opened library; a missing library or symbol
// is reported, not crashed on.
#include "util/shared_library.h"

#include <gtest/gtest.h>

#include <cmath>

namespace parley::util {
namespace {

TEST(SharedLibraryTest, BindsAFunctionOfTheLibrary) {
  SharedLibrary lib("libm.so.6");
  ASSERT_TRUE(lib.loaded()) << lib.error();
  decltype(&::hypot) fn = nullptr;
  ASSERT_TRUE(lib.bind(fn, "hypot"));
  EXPECT_DOUBLE_EQ(fn(3.0, 4.0), 5.0);
}

TEST(SharedLibraryTest, MissingSymbolIsReported) {
  SharedLibrary lib("libm.so.6");
  ASSERT_TRUE(lib.loaded());
  void (*fn)() = nullptr;
  EXPECT_FALSE(lib.bind(fn, "parley_no_such_function"));
  EXPECT_EQ(fn, nullptr);
  EXPECT_NE(lib.error().find("parley_no_such_function"), std::string::npos) << lib.error();
}

TEST(SharedLibraryTest, MissingLibraryIsReported) {
  SharedLibrary lib("libparley-no-such-library.so.1");
  EXPECT_FALSE(lib.loaded());
  EXPECT_NE(lib.error().find("libparley-no-such-library.so.1"), std::string::npos) << lib.error();
  void (*fn)() = nullptr;
  EXPECT_FALSE(lib.bind(fn, "anything"));
}

}  // namespace
}  // namespace parley::util
