/* Fuzzes the LIWC-22 .dicx (CSV) importer (lexicon_import.h); the body is import_target.h. */

#define FORMAT SLANT_IMPORT_DICX
#define NAME "fuzz_import_dicx"
#define INPUT "fuzz.dicx"

#include "import_target.h"
