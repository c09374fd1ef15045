// A shared library opened at run time (dlopen) and its functions looked up by name: the heavy
// media libraries (libvips, poppler-glib) are loaded on first use instead of at exec, which
// keeps their ~130 dependent libraries out of an idle server's memory and start-up.
#pragma once

#include <string>

namespace parley::util {

class SharedLibrary {
 public:
  // Opens `soname` with RTLD_NOW | RTLD_LOCAL. The library is never closed: the media libraries
  // register GObject types and start threads, so unloading them is not safe.
  explicit SharedLibrary(const char* soname);

  bool loaded() const { return handle_ != nullptr; }
  // dlerror()'s text when opening or the last bind() failed.
  const std::string& error() const { return error_; }

  // Points `fn` at the function `name` of the library or of one of its dependencies (glib's
  // functions are found through libvips' handle); false when the library has no such symbol.
  template <class F>
  bool bind(F& fn, const char* name) {
    fn = reinterpret_cast<F>(symbol(name));
    return fn != nullptr;
  }

 private:
  void* symbol(const char* name);

  void* handle_ = nullptr;
  std::string error_;
};

}  // namespace parley::util

// For a struct of function pointers listed as X(prefix, name): declares the member `name`
// typed from the library's own declaration of prefix##name.
#define PARLEY_DL_MEMBER(prefix, name) decltype(&::prefix##name) name = nullptr;
