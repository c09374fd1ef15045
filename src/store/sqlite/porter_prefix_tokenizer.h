// The FTS5 tokenizer "porter" as Parley's SQLite connections see it: SQLite's own porter
// tokenizer, except that a prefix query term also matches as written. Porter stems a prefix like
// a word ("happy" -> "happi"), which then misses the words it begins ("happyland"), so the
// unstemmed prefix is added as a synonym of the stemmed one, as PostgreSQL search adds
// to_tsquery('simple'). Documents and all other query terms are tokenized exactly as by SQLite's
// porter: the index is the one the sqlite3 shell builds and reads.
#pragma once

struct sqlite3;

namespace parley::store::sqlite {

// Registers it on `db` under the name "porter", in place of the built-in one for this connection
// only; the FTS5 tables opened afterwards use it. Throws DbError on failure.
void register_porter_prefix_tokenizer(sqlite3* db);

}  // namespace parley::store::sqlite
