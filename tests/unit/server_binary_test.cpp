// The built server binary must not load libvips, poppler or glib at exec, directly or through
// another library: they are opened on first use (files/vips_api.h, extract/poppler_api.h) to
// keep ~130 libraries out of an idle server. Reads the binary's full library closure with ldd.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>

namespace {

std::string libraries_loaded_at_exec() {
  std::string cmd = std::string("ldd '") + PARLEY_SERVER_BINARY + "' 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  if (!pipe) return out;
  char buf[4096];
  while (size_t n = std::fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
  return out;
}

TEST(ServerBinaryTest, MediaLibrariesAreNotLoadedAtExec) {
  std::string libs = libraries_loaded_at_exec();
  // Proves ldd read the binary: every build links libc and libsqlite3.
  ASSERT_NE(libs.find("libc.so.6"), std::string::npos) << libs;
  ASSERT_NE(libs.find("libsqlite3.so"), std::string::npos) << libs;
  for (const char* lib :
       {"libvips.so", "libpoppler", "libglib-2.0.so", "libgobject-2.0.so", "librsvg", "libcairo"})
    EXPECT_EQ(libs.find(lib), std::string::npos) << lib << " is loaded at exec:\n" << libs;
}

}  // namespace
