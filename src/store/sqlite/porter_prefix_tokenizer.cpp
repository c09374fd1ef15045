// The "porter" tokenizer with prefix synonyms: each table's instance holds SQLite's porter over
// the table's arguments and porter's parent tokenizer alone (unicode61 ...); a prefix query term
// is tokenized by both and each stemmed token is followed by its unstemmed form when they differ.
#include "store/sqlite/porter_prefix_tokenizer.h"

#include "store/sqlite/db.h"

#include <sqlite3.h>

#include <memory>
#include <new>
#include <string>
#include <vector>

namespace parley::store::sqlite {
namespace {

// SQLite's own porter, found before ours replaces it; owned by the connection (freed by FTS5
// through destroy_builtin when the connection closes).
struct Builtin {
  fts5_api* api = nullptr;
  fts5_tokenizer porter{};
  void* porter_data = nullptr;
};

struct Instance {
  fts5_tokenizer porter_api{};
  Fts5Tokenizer* porter = nullptr;
  fts5_tokenizer parent_api{};
  Fts5Tokenizer* parent = nullptr;
  ~Instance() {
    if (porter) porter_api.xDelete(porter);
    if (parent) parent_api.xDelete(parent);
  }
};

struct Token {
  std::string text;
  int flags, start, end;
};

int collect(void* tokens, int flags, const char* text, int size, int start, int end) {
  try {
    static_cast<std::vector<Token>*>(tokens)->push_back(
        {std::string(text, size), flags, start, end});
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
}

int create(void* context, const char** args, int n_args, Fts5Tokenizer** out) {
  auto* builtin = static_cast<Builtin*>(context);
  std::unique_ptr<Instance> self;
  try {
    self = std::make_unique<Instance>();
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
  self->porter_api = builtin->porter;
  int rc = self->porter_api.xCreate(builtin->porter_data, args, n_args, &self->porter);
  if (rc != SQLITE_OK) return rc;
  // Porter's own arguments are its parent tokenizer's name and arguments (unicode61 by default).
  const char* parent_name = n_args > 0 ? args[0] : "unicode61";
  void* parent_data = nullptr;
  rc = builtin->api->xFindTokenizer(builtin->api, parent_name, &parent_data, &self->parent_api);
  if (rc != SQLITE_OK) return rc;
  rc = self->parent_api.xCreate(parent_data, n_args > 0 ? args + 1 : nullptr,
                                n_args > 0 ? n_args - 1 : 0, &self->parent);
  if (rc != SQLITE_OK) return rc;
  *out = reinterpret_cast<Fts5Tokenizer*>(self.release());
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* tokenizer) {
  std::unique_ptr<Instance>(reinterpret_cast<Instance*>(tokenizer));
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int size,
             TokenCallback emit) {
  auto& self = *reinterpret_cast<Instance*>(tokenizer);
  constexpr int kPrefixQuery = FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX;
  if ((flags & kPrefixQuery) != kPrefixQuery)
    return self.porter_api.xTokenize(self.porter, context, flags, text, size, emit);
  std::vector<Token> stemmed, plain;
  int rc = self.porter_api.xTokenize(self.porter, &stemmed, flags, text, size, collect);
  if (rc == SQLITE_OK)
    rc = self.parent_api.xTokenize(self.parent, &plain, flags, text, size, collect);
  // Porter stems each of its parent's tokens in place: the two lists pair up by offsets.
  size_t j = 0;
  for (const auto& t : stemmed) {
    if (rc != SQLITE_OK) break;
    rc = emit(context, t.flags, t.text.data(), static_cast<int>(t.text.size()), t.start, t.end);
    while (j < plain.size() && plain[j].start < t.start) ++j;
    if (rc == SQLITE_OK && j < plain.size() && plain[j].start == t.start && plain[j].text != t.text)
      rc = emit(context, FTS5_TOKEN_COLOCATED, plain[j].text.data(),
                static_cast<int>(plain[j].text.size()), t.start, t.end);
  }
  return rc;
}

void destroy_builtin(void* builtin) {
  std::unique_ptr<Builtin>(static_cast<Builtin*>(builtin));
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

void register_porter_prefix_tokenizer(sqlite3* db) {
  auto builtin = std::make_unique<Builtin>();
  builtin->api = fts5_api_of(db);
  if (!builtin->api) throw DbError(SQLITE_ERROR, "FTS5 is not available in this SQLite");
  int rc =
      builtin->api->xFindTokenizer(builtin->api, "porter", &builtin->porter_data, &builtin->porter);
  if (rc != SQLITE_OK) throw DbError(rc, "FTS5 has no porter tokenizer");
  fts5_tokenizer ours{create, destroy, tokenize};
  fts5_api* api = builtin->api;
  rc = api->xCreateTokenizer(api, "porter", builtin.get(), &ours, destroy_builtin);
  if (rc != SQLITE_OK) throw DbError(rc, "registering the porter prefix tokenizer");
  builtin.release();  // the connection's now: FTS5 calls destroy_builtin when it closes
}

}  // namespace parley::store::sqlite
