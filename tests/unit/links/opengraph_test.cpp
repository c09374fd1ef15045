// The HTML head parser behind link previews: og:* tags, structured images, fallbacks, entities,
// and malformed markup.
#include "links/opengraph.h"

#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

namespace parley::links {
namespace {

TEST(OpenGraphParser, ReadsOgTagsAndStructuredImages) {
  auto og = parse_opengraph(R"(<!DOCTYPE html><html><head>
    <meta charset="utf-8">
    <meta property="og:type" content="article" />
    <meta property='og:title' content='Tom &amp; Jerry&#39;s &#x263A; page'>
    <meta property="og:description" content="A &quot;quoted&quot; text">
    <meta property="og:url" content="https://example.com/a">
    <meta property="og:site_name" content="Example">
    <meta property="og:locale" content="en_US">
    <meta property="og:locale:alternate" content="fr_FR">
    <meta property="og:image" content="https://example.com/1.png">
    <meta property="og:image:width" content="640">
    <meta property="og:image:height" content="480">
    <meta property="og:image:secure_url" content="https://secure.example.com/1.png">
    <meta property="og:image" content="/2.png">
    <meta property="og:video" content="https://example.com/v.mp4">
    <meta property="og:audio:url" content="https://example.com/a.mp3">
    <title>Ignored title</title>
  </head><body><meta property="og:title" content="from body"></body></html>)");
  EXPECT_EQ(og.type, "article");
  EXPECT_EQ(og.title, "Tom & Jerry's \xE2\x98\xBA page");
  EXPECT_EQ(og.description, "A \"quoted\" text");
  EXPECT_EQ(og.url, "https://example.com/a");
  EXPECT_EQ(og.site_name, "Example");
  EXPECT_EQ(og.locale, "en_US");
  ASSERT_EQ(og.locales_alternate.size(), 1u);
  ASSERT_EQ(og.images.size(), 2u);
  EXPECT_EQ(og.images[0].url, "https://example.com/1.png");
  EXPECT_EQ(og.images[0].secure_url, "https://secure.example.com/1.png");
  EXPECT_EQ(og.images[0].width, 640u);
  EXPECT_EQ(og.images[0].height, 480u);
  EXPECT_EQ(og.images[1].url, "/2.png");
  ASSERT_EQ(og.videos.size(), 1u);
  ASSERT_EQ(og.audios.size(), 1u);
  EXPECT_EQ(og.audios[0].url, "https://example.com/a.mp3");
}

TEST(OpenGraphParser, FallsBackToTwitterThenTitleAndDescription) {
  auto og = parse_opengraph(R"(<html><head><title>  Plain
      title </title><meta name="description" content="desc">
      <meta name="twitter:image" content="https://example.com/t.png"></head></html>)");
  EXPECT_EQ(og.title, "Plain title");
  EXPECT_EQ(og.description, "desc");
  ASSERT_EQ(og.images.size(), 1u);
  EXPECT_EQ(og.images[0].url, "https://example.com/t.png");
  EXPECT_TRUE(og.has_content());

  auto tw = parse_opengraph(R"(<head><title>T</title><meta name="twitter:title" content="TW">
      <meta name="twitter:description" content="TD"><meta name="description" content="D">)");
  EXPECT_EQ(tw.title, "TW");
  EXPECT_EQ(tw.description, "TD");
}

TEST(OpenGraphParser, SkipsCommentsScriptsAndSurvivesMalformedMarkup) {
  auto og = parse_opengraph(R"(<head><!-- <meta property="og:title" content="comment"> -->
      <script>var s = '<meta property="og:title" content="script">';</script>
      <style>a<b{}</style>
      <meta property=og:type content=website>
      <meta property="og:title" content="Real" >
      < not a tag <meta content="unterminated)");
  EXPECT_EQ(og.title, "Real");
  EXPECT_EQ(og.type, "website");
  EXPECT_FALSE(parse_opengraph("").has_content());
  EXPECT_FALSE(parse_opengraph("<<<>>><meta").has_content());
  EXPECT_FALSE(parse_opengraph("<title>never closed").title.empty());
}

TEST(OpenGraphParser, DecodesEntities) {
  EXPECT_EQ(decode_entities("a &lt;b&gt; &amp;amp; &#65;&#x42; &unknown; & x"),
            "a <b> &amp; AB &unknown; & x");
  EXPECT_EQ(decode_entities("&#0;"), "\xEF\xBF\xBD");
  EXPECT_EQ(latin1_to_utf8("caf\xE9"), "caf\xC3\xA9");
}

TEST(OpenGraphParser, JsonAndTruncation) {
  OpenGraph og;
  og.title = std::string(310, 'x');
  og.locale = "en";
  og.images.resize(7);
  og.images[0].url = "u0";
  auto empty = to_json(OpenGraph{});
  EXPECT_TRUE(empty.at("images").is_null());
  EXPECT_TRUE(empty.at("locales_alternate").is_null());
  EXPECT_EQ(empty.at("url").as_string(), "");
  auto t = truncated(og);
  EXPECT_EQ(t.title, std::string(300, 'x') + "[...]");
  EXPECT_EQ(t.images.size(), 5u);
  EXPECT_EQ(t.locale, "");
  auto j = to_json(t);
  EXPECT_EQ(j.at("images").as_array().at(0).as_object().at("width").as_uint64(), 0u);
}

}  // namespace
}  // namespace parley::links
