/* Fuzzes the LIWC .dic importer (lexicon_import.h); the body is import_target.h. */

#define FORMAT SLANT_IMPORT_LIWC
#define NAME "fuzz_import_liwc"
#define INPUT "fuzz.dic"

#include "import_target.h"
