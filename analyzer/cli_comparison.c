/* The options compare and report share (cli_comparison_args): their defaults, the
 * parsing of each (cli_comparison_option) and their release; and how an option was
 * spelled, for messages (see cli_inputs.h). */

#include "cli_inputs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "xalloc.h"

void cli_option_spelled(const struct option *options, int *longindex, int c, char *out,
                        size_t size)
{
    if (*longindex >= 0)
        snprintf(out, size, "--%s", options[*longindex].name);
    else
        snprintf(out, size, "-%c", c);
    *longindex = -1;
}

void cli_comparison_defaults(cli_comparison_args *a)
{
    memset(a, 0, sizeof *a);
    a->cmp.pairs = SLANT_PAIRS_ALL;
    a->cmp.correction = SLANT_CORRECT_BH;
    a->cmp.level = 0.95;
    a->cmp.min_n = 5;
    a->cmp.min_df = SLANT_DEFAULT_MIN_DF;
    a->cmp.max_pairs = 45;
    a->cmp.seed = 1;
    a->cmp.count_model = 1;
    a->in.by = "source";
    a->in.lang = "en";
    a->in.threads = cli_default_threads();
    a->in.text_field = "text";
    a->in.id_field = "id";
    a->alpha = 0.05;
    a->cmp.alpha = a->alpha;
    a->top = 5;
    a->events.window = SLANT_EVENTS_WINDOW;
    a->events.threshold = NAN;
    a->events.method = SLANT_EVENTS_TFIDF;
}

/* Appends " --where ARG" (as `spelled`) to a->subset_spelled. */
static void spell_subset(cli_comparison_args *a, const char *spelled, const char *arg)
{
    size_t had = a->subset_spelled ? strlen(a->subset_spelled) : 0;
    size_t size = had + strlen(spelled) + strlen(arg) + 3;
    a->subset_spelled = xrealloc(a->subset_spelled, size);
    snprintf(a->subset_spelled + had, size - had, "%s%s %s", had ? " " : "", spelled, arg);
}

int cli_comparison_option(cli_comparison_args *a, int c, const char *arg, const char *spelled,
                          const char *command)
{
    long v;
    switch (c) {
    case CLI_OPT_BY:
        if (slant_bin_of(arg) < 0)
            return cli_usage_error(command, "unknown date bin '%s' (date:year, date:month or "
                                   "date:week)", arg);
        a->in.by = arg;
        break;
    case CLI_OPT_EVENT:
        a->in.event_auto = !strcmp(arg, "auto");
        a->in.event = a->in.event_auto ? NULL : arg;
        break;
    case CLI_OPT_EVENT_WINDOW:
        if (cli_parse_count(arg, 0, SLANT_EVENTS_MAX_WINDOW, &v) != 0)
            return cli_usage_error(command, "invalid number of days '%s' for %s (0 to %d)",
                                   arg, spelled, SLANT_EVENTS_MAX_WINDOW);
        a->events.window = (int32_t)v;
        a->events_tuned = 1;
        break;
    case CLI_OPT_EVENT_THRESHOLD:
        if (cli_parse_real(arg, 1e-9, 1, &a->events.threshold) != 0)
            return cli_usage_error(command, "invalid threshold '%s' for %s (above 0, at "
                                   "most 1)", arg, spelled);
        a->events_tuned = 1;
        break;
    case CLI_OPT_EVENT_METHOD: {
        int m = slant_events_method_of(arg);
        if (m < 0)
            return cli_usage_error(command, "unknown event method '%s' (tfidf or jaccard)",
                                   arg);
        a->events.method = (slant_events_method)m;
        a->events_tuned = 1;
        break;
    }
    case CLI_OPT_STRATA:
        a->in.strata = arg;
        a->cmp.strata = arg;
        break;
    case CLI_OPT_LEXICON: a->in.lexicon = arg; break;
    case CLI_OPT_LANG: a->in.lang = arg; break;
    case CLI_OPT_WEIGHTS: a->in.weights = arg; break;
    case CLI_OPT_TEXT_FIELD: a->in.text_field = arg; break;
    case CLI_OPT_ID_FIELD: a->in.id_field = arg; break;
    case 'q': a->in.quiet = 1; break;
    case CLI_OPT_FORCE: a->in.force = 1; break;
    case CLI_OPT_MIN_DF:
        if (cli_parse_count(arg, 1, 1000000000L, &v) != 0)
            return cli_usage_error(command, "invalid number '%s' for %s (1 or more)", arg,
                                   spelled);
        a->cmp.min_df = (size_t)v;
        break;
    case CLI_OPT_ACTORS:
        if (a->in.nactors == CLI_MAX_ACTORS)
            return cli_usage_error(command, "at most %d --actors files", CLI_MAX_ACTORS);
        a->in.actors[a->in.nactors++] = arg;
        break;
    case CLI_OPT_WHERE:
    case CLI_OPT_FROM:
    case CLI_OPT_TO:
        if (cli_subset_option(&a->subset, c == CLI_OPT_WHERE ? "where"
                                          : c == CLI_OPT_FROM ? "from" : "to",
                              arg, command) != 0)
            return SLANT_EXIT_USAGE;
        a->in.subset = a->subset;
        spell_subset(a, spelled, arg);
        break;
    case CLI_OPT_EVERY: {
        int unit = slant_period_of(arg);
        if (unit < 0)
            return cli_usage_error(command, "unknown period '%s' for --every (day, week, "
                                   "month or year)", arg);
        a->cmp.every = unit;
        break;
    }
    case CLI_OPT_SPLIT:
        if (slant_date_parse(arg, strlen(arg), &a->cmp.split) != 0)
            return cli_usage_error(command, "invalid date '%s' for --split (2025-03-04, "
                                   "'March 4, 2025', '4 Mar 2025', ...)", arg);
        a->cmp.has_split = 1;
        break;
    case CLI_OPT_INDICATORS:
        cli_free_list(a->indicators);
        a->indicators = cli_split_list(arg, &a->cmp.nindicators);
        a->cmp.indicators = (const char *const *)a->indicators;
        break;
    case CLI_OPT_PAIRS:
        if (!strcmp(arg, "all"))
            a->cmp.pairs = SLANT_PAIRS_ALL;
        else if (!strcmp(arg, "vs-rest"))
            a->cmp.pairs = SLANT_PAIRS_VS_REST;
        else if (!strcmp(arg, "none"))
            a->cmp.pairs = SLANT_PAIRS_NONE;
        else
            return cli_usage_error(command, "unknown pairs mode '%s' (all, vs-rest or none)",
                                   arg);
        break;
    case CLI_OPT_MAX_PAIRS:
    case CLI_OPT_MIN_N:
    case CLI_OPT_TOP:
    case CLI_OPT_SEED:
        if (cli_parse_count(arg, c == CLI_OPT_MIN_N ? 1 : 0, 1000000000L, &v) != 0)
            return cli_usage_error(command, "invalid number '%s' for %s", arg, spelled);
        if (c == CLI_OPT_MAX_PAIRS)
            a->cmp.max_pairs = (size_t)v;
        else if (c == CLI_OPT_MIN_N)
            a->cmp.min_n = (size_t)v;
        else if (c == CLI_OPT_TOP)
            a->top = (size_t)v;
        else
            a->cmp.seed = (unsigned long)v;
        break;
    case CLI_OPT_CORRECTION:
        if (!strcmp(arg, "bh"))
            a->cmp.correction = SLANT_CORRECT_BH;
        else if (!strcmp(arg, "holm"))
            a->cmp.correction = SLANT_CORRECT_HOLM;
        else
            return cli_usage_error(command, "unknown correction '%s' (bh or holm)", arg);
        break;
    case CLI_OPT_LEVEL:
        if (cli_parse_real(arg, 0.5, 0.9999, &a->cmp.level) != 0)
            return cli_usage_error(command, "invalid level '%s' (0.5 to 0.9999)", arg);
        break;
    case CLI_OPT_ALPHA:
        if (cli_parse_real(arg, 1e-12, 1, &a->alpha) != 0)
            return cli_usage_error(command, "invalid alpha '%s' (above 0, at most 1)", arg);
        a->cmp.alpha = a->alpha;
        break;
    case 'j':
        if (cli_parse_count(arg, 1, CLI_MAX_THREADS, &v) != 0)
            return cli_usage_error(command, "invalid thread count '%s' (1 to 256)", arg);
        a->in.threads = v;
        break;
    default:
        return CLI_OPTION_OTHER;
    }
    return CLI_OPTION_APPLIED;
}

void cli_comparison_release(cli_comparison_args *a)
{
    cli_free_list(a->indicators);
    a->indicators = NULL;
    slant_subset_free(a->subset);
    a->subset = NULL;
    free(a->subset_spelled);
    a->subset_spelled = NULL;
    a->in.subset = NULL;
}
