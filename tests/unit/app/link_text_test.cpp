// Which links of a message Mattermost previews: autolinks outside code, Markdown images, and
// RestrictLinkPreviews.
#include "app/link_text.h"

#include <gtest/gtest.h>

namespace parley::app {
namespace {

using V = std::vector<std::string>;

TEST(LinkText, FindsAutolinksAndTrimsPunctuation) {
  EXPECT_EQ(autolinks("see https://example.com/a?b=1. and (http://x.org/p) www.test.com!"),
            (V{"https://example.com/a?b=1", "http://x.org/p", "http://www.test.com"}));
  EXPECT_EQ(autolinks("<https://angle.example/x> https://wiki/a_(b)"),
            (V{"https://angle.example/x", "https://wiki/a_(b)"}));
}

TEST(LinkText, SkipsCodeLinkDestinationsAndEmbeddedSchemes) {
  EXPECT_EQ(
      autolinks("`https://code.example` ```\nhttps://fenced.example\n``` https://real.example"),
      (V{"https://real.example"}));
  EXPECT_EQ(autolinks("[text](https://dest.example) ![img](https://img.example/a.png)"), V{});
  EXPECT_EQ(autolinks("xhttps://glued.example https:// http:///path"), V{});
}

TEST(LinkText, MarkdownImages) {
  EXPECT_EQ(
      markdown_images("a ![alt](https://img.example/a.png) b ![](<https://x/b.gif>) `![c](d)`"),
      (V{"https://img.example/a.png", "https://x/b.gif"}));
}

TEST(LinkText, RestrictLinkPreviews) {
  EXPECT_TRUE(link_allowed_for_preview("https://example.com/x", ""));
  EXPECT_FALSE(link_allowed_for_preview("https://sub.example.com/x", "@example.com, other.org"));
  EXPECT_FALSE(link_allowed_for_preview("https://OTHER.org", "example.com other.org"));
  EXPECT_TRUE(link_allowed_for_preview("https://fine.net", "example.com other.org"));
}

}  // namespace
}  // namespace parley::app
