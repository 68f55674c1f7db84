/* The text of numbers in output (see numtext.h). */

#include "numtext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int slant_number_is_whole(double v)
{
    return v == floor(v) && v >= 0 && v < 1e15;
}

size_t slant_number_format(double v, int exact, char *out, size_t cap)
{
    int n = exact ? snprintf(out, cap, "%.17g", v) : snprintf(out, cap, "%.10g", v);
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

double slant_number_as_written(double v)
{
    if (isnan(v) || isinf(v))
        return NAN;
    if (slant_number_is_whole(v))
        return v;
    char text[32];
    return slant_number_format(v, 0, text, sizeof text) ? strtod(text, NULL) : NAN;
}
