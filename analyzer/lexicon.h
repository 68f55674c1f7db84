#ifndef SLANT_LEXICON_H
#define SLANT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "manifest.h"

/*
 * A compiled lexicon: categories, their entries, and the structure the matcher walks.
 * The format is lexicons/FORMAT.md.
 *
 * Every word of every entry becomes a *pattern*: a stem, an exact folded form, or a
 * prefix of a folded form, interned to a dense id. An article word is looked up once per
 * distinct form (slant_lexicon_patterns_of) to get the ids of the patterns it fits; the
 * matcher then walks a trie of pattern-id sequences (slant_lexicon_step), so single
 * words and multi-word expressions are found in one pass.
 *
 * A lexicon is immutable once loaded, so any number of threads may read it at once.
 */
typedef struct slant_lexicon slant_lexicon;

#define SLANT_MAX_ENTRY_WORDS 8
#define SLANT_TRIE_ROOT 0u
#define SLANT_TRIE_NONE UINT32_MAX

/*
 * A category. A contested concept of variants.json is a category too (`concept` set,
 * group "contested", the referent as its definition): its entries are the alternative
 * names, each with the stance that typically uses it, and output reports it per variant
 * ("contested") rather than among the categories.
 */
typedef struct {
    const char *id;
    const char *group;
    const char *polarity;       /* NULL if none */
    const char *definition;
    const char *label;          /* its name for a reader (manifest `label`), or NULL */
    slant_role role;
    int concept;
    int actor;                  /* an actor of an actor file: its entries are its aliases */
    size_t first_entry;         /* its entries are first_entry .. first_entry + nentries - 1 */
    size_t nentries;
} slant_category;

typedef struct {
    uint32_t category;
    uint32_t nwords;
    double weight;
    const char *text;           /* the entry as written, without its weight */
    const char *file;           /* the category file */
    uint32_t line;
    const char *stance;         /* a concept's variant: who typically uses it; else NULL */
} slant_entry;

/*
 * Loads the lexicon in directory `dir`: lexicon.json, its category files and, when the
 * directory has one, variants.json (contested concepts). On success returns SLANT_OK and sets `*out`
 * (free with slant_lexicon_free); on failure returns SLANT_ERR_IO or SLANT_ERR_INPUT
 * with `err` naming the file, line and column of the first problem.
 */
slant_status slant_lexicon_load(const char *dir, slant_lexicon **out, slant_error *err);
void slant_lexicon_free(slant_lexicon *lex);

/*
 * Checks the lexicon in `dir` and reports every problem, not only the first: each bad
 * entry is passed to `report` (with FILE:LINE:COL in the error) and the check goes on with
 * the next line. A problem with the manifest or a missing file stops the check. Returns
 * the number of problems found.
 */
size_t slant_lexicon_check(const char *dir, void (*report)(const slant_error *err, void *ctx),
                           void *ctx);

/*
 * Adds the actors of an actor file (lexicons/actors/README.md: lines `id: alias, alias`,
 * each alias in entry syntax) as categories flagged `actor`, group "actor". A lexicon's
 * manifest may name actor files ("actors"); `slant score --actors FILE` adds more. The
 * content hash then covers the file too. Errors name the file, line and column.
 */
slant_status slant_lexicon_add_actors(slant_lexicon *lex, const char *path, slant_error *err);

/* Identity for provenance; valid while the lexicon lives. */
const char *slant_lexicon_id(const slant_lexicon *lex);
const char *slant_lexicon_version(const slant_lexicon *lex);
const char *slant_lexicon_language(const slant_lexicon *lex);
const char *slant_lexicon_stemmer(const slant_lexicon *lex);
const char *slant_lexicon_dir(const slant_lexicon *lex);
/* "fnv1a64:" and 16 hex digits over the manifest and every category file, in order. */
const char *slant_lexicon_hash(const slant_lexicon *lex);

size_t slant_lexicon_ncategories(const slant_lexicon *lex);
const slant_category *slant_lexicon_category(const slant_lexicon *lex, size_t i);
size_t slant_lexicon_nentries(const slant_lexicon *lex);
const slant_entry *slant_lexicon_entry(const slant_lexicon *lex, size_t i);
/* Index of the category with this id, or -1. */
long slant_lexicon_find_category(const slant_lexicon *lex, const char *id);

/*
 * The index of the first category of `lex` whose manifest gives it `role`, or -1 when
 * none does (framing then has nothing of that kind to read).
 */
long slant_lexicon_find_role(const slant_lexicon *lex, slant_role role);

/*
 * Whether a category counts in the loaded-language index (index.h): its group is
 * `loaded` or `contested`, and it is neither a contested concept (variants.json) nor an
 * actor. This is the one place the rule is written; everything else asks here.
 */
int slant_category_in_index(const slant_category *c);

/*
 * The patterns a word fits, given its folded form and the stem of that form: writes up
 * to `max` pattern ids to `out` and returns how many it found (never more than `max`).
 */
size_t slant_lexicon_patterns_of(const slant_lexicon *lex, const char *folded, size_t len,
                                 const char *stem, size_t stem_len, uint32_t *out,
                                 size_t max);

/* The trie node reached from `node` by `pattern`, or SLANT_TRIE_NONE. */
uint32_t slant_lexicon_step(const slant_lexicon *lex, uint32_t node, uint32_t pattern);

/* Whether some entry goes on past `node` (it has children). */
int slant_lexicon_continues(const slant_lexicon *lex, uint32_t node);

/* Whether `pattern` is the second word of some entry, or a later one: a word none of whose
 * patterns does cannot go on a match that started before it. */
int slant_lexicon_follows(const slant_lexicon *lex, uint32_t pattern);

/* The entries (indices, ascending) that end at `node`; sets `*n`. */
const uint32_t *slant_lexicon_entries_at(const slant_lexicon *lex, uint32_t node, size_t *n);

#endif
