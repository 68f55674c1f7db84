/* How far two names are apart, for "did you mean" (see suggest.h). */

#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

size_t slant_edit_distance(const char *a, const char *b)
{
    size_t m = strlen(a), n = strlen(b);
    size_t *row = xmalloc((n + 1) * sizeof *row);
    for (size_t j = 0; j <= n; j++)
        row[j] = j;
    for (size_t i = 1; i <= m; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= n; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[n];
    free(row);
    return d;
}
