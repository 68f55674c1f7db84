#ifndef SLANT_TABLE_H
#define SLANT_TABLE_H

#include "buf.h"
#include "lexicon.h"
#include "record.h"

/*
 * The wide table writer: one row per article, one column per indicator, as CSV
 * (RFC 4180 quoting) or TSV (tabs and line breaks inside a value become spaces). The
 * columns are id, source, date, title, url, event, lang, file, line, the kept fields,
 * the size counts, the loaded-language index (loaded_index, loaded_index_author,
 * loaded_index_quoted), coverage, and for each category its count, rate, score, author and
 * quoted counts, negated, boosted and diminished: `CATEGORY_count` and so on.
 * An undefined number (the rate of an article with no words) is an empty cell, which
 * pandas and R read as missing.
 */

/* LONG is tidy CSV: one row per article and indicator, "id,source,indicator,value", with
 * the kept fields (--keep) as columns after source. */
typedef enum { SLANT_TABLE_CSV, SLANT_TABLE_TSV, SLANT_TABLE_LONG } slant_table_kind;

/* Appends the header row. `keep` names the kept fields, as in slant_result. */
void slant_table_write_header(slant_table_kind kind, const slant_lexicon *lex,
                              const char *const *keep, size_t nkeep, slant_buf *out);

/* Appends the row of one article. */
void slant_table_write_row(slant_table_kind kind, const slant_result *r, slant_buf *out);

/*
 * `slant score --sentences --format csv|tsv` (CSV or TSV only): one row per sentence of
 * the text, with the columns id, source, file, line, the kept fields (`keep`), sentence,
 * paragraph, start, end, tokens, quote_tokens, loaded_index, loaded_index_author,
 * loaded_index_quoted, then `ID_count` per index category (slant_category_in_index), then
 * the sentence's text.
 */
void slant_table_write_sentence_header(slant_table_kind kind, const slant_lexicon *lex,
                                       const char *const *keep, size_t nkeep, slant_buf *out);
void slant_table_write_sentences(slant_table_kind kind, const slant_result *r, slant_buf *out);

#endif
