#include "stats.h"

#include <gsl/gsl_errno.h>

void slant_stats_init(void)
{
    gsl_set_error_handler_off();
}
