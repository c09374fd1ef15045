// dlopen/dlsym behind util::SharedLibrary.
#include "util/shared_library.h"

#include <dlfcn.h>

namespace parley::util {

SharedLibrary::SharedLibrary(const char* soname) : handle_(dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {
  if (!handle_) error_ = dlerror();
}

void* SharedLibrary::symbol(const char* name) {
  if (!handle_) return nullptr;
  dlerror();
  void* p = dlsym(handle_, name);
  if (!p) {
    const char* e = dlerror();
    error_ = e ? e : std::string(name) + ": null symbol";
  }
  return p;
}

}  // namespace parley::util
