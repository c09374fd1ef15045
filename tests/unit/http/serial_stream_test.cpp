// append_text_frame_header: the three RFC 6455 payload length encodings of a server text frame.
#include "http/serial_stream.h"

#include <gtest/gtest.h>

namespace parley::http {
namespace {

void append_text_frame(std::string& out, std::string_view payload) {
  append_text_frame_header(out, payload.size());
  out.append(payload);
}

std::string header_of(const std::string& frame, std::size_t payload) {
  return frame.substr(0, frame.size() - payload);
}

TEST(AppendTextFrameTest, ShortPayloadHasOneLengthByte) {
  std::string out;
  append_text_frame(out, "hello");
  EXPECT_EQ(out, std::string("\x81\x05hello"));
}

TEST(AppendTextFrameTest, MediumPayloadHasSixteenBitLength) {
  std::string out;
  std::string payload(300, 'x');
  append_text_frame(out, payload);
  EXPECT_EQ(header_of(out, payload.size()), std::string("\x81\x7e\x01\x2c", 4));
  EXPECT_EQ(out.substr(4), payload);
}

TEST(AppendTextFrameTest, LongPayloadHasSixtyFourBitLength) {
  std::string out;
  std::string payload(70000, 'y');
  append_text_frame(out, payload);
  EXPECT_EQ(header_of(out, payload.size()), std::string("\x81\x7f\0\0\0\0\0\x01\x11\x70", 10));
}

TEST(AppendTextFrameTest, FramesAppendBackToBack) {
  std::string out;
  append_text_frame(out, "a");
  append_text_frame(out, "bc");
  EXPECT_EQ(out, std::string("\x81\x01"
                             "a\x81\x02"
                             "bc"));
}

}  // namespace
}  // namespace parley::http
