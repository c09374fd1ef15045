// ActingUser scopes (see acting_user.h): a thread-local pointer to the innermost scope, which
// lives on the stack of the request being handled on this thread.
#include "store/acting_user.h"

namespace parley::store {
namespace {
thread_local ActingUser* t_current = nullptr;
}

ActingUser::ActingUser(std::string user_id) : user_id_(std::move(user_id)), outer_(t_current) {
  t_current = this;
}

ActingUser::~ActingUser() {
  t_current = outer_;
}

ActingUser* ActingUser::current() {
  return t_current;
}

}  // namespace parley::store
