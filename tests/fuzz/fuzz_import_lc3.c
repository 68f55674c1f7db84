/* Fuzzes the Lexicoder .lc3 importer (lexicon_import.h); the body is import_target.h. */

#define FORMAT SLANT_IMPORT_LC3
#define NAME "fuzz_import_lc3"
#define INPUT "fuzz.lc3"

#include "import_target.h"
