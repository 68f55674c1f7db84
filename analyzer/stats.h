#ifndef SLANT_STATS_H
#define SLANT_STATS_H

/*
 * Statistics on GSL. This is the only file that includes GSL headers.
 *
 * GSL's default error handler aborts the process; slant checks every status instead.
 * slant_stats_init() turns the handler off and must run once at the start of main().
 */
void slant_stats_init(void);

#endif
