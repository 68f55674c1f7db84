/* Events found automatically (--event auto) for compare and report: the search over the
 * dataset, with its note, and the sentence that describes what was found
 * (see cli_inputs.h). */

#include "cli_inputs.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_events_describe(const cli_comparison_args *a, const slant_events_summary *found,
                         char *out, size_t size)
{
    snprintf(out, size,
             "found automatically (%s similarity of content stems, window %d day%s either "
             "side, threshold %g): %zu event%s holding %zu article%s; %zu left out (%zu "
             "undated, %zu in no event)",
             slant_events_method_name(a->events.method), (int)a->events.window,
             a->events.window == 1 ? "" : "s", found->threshold, found->events,
             found->events == 1 ? "" : "s", found->in_events, found->in_events == 1 ? "" : "s",
             found->rows - found->in_events, found->undated, found->alone);
}

int cli_events_find(const cli_comparison_args *a, const cli_inputs_result *r,
                    slant_dataset *ds, slant_events_summary *found)
{
    memset(found, 0, sizeof *found);
    if (!a->in.event_auto) {
        if (a->events_tuned && !a->in.quiet)
            cli_message("note: --event-window, --event-threshold and --event-method apply "
                        "to --event auto only");
        return 0;
    }
    if (r->no_signature) {
        cli_message("%s: score record has no 'signature': --event auto finds events from "
                    "the articles' content signatures; score them with 'slant score "
                    "--signature', or give the articles themselves (%zu record%s without one)",
                    r->no_signature_where, r->no_signature, r->no_signature == 1 ? "" : "s");
        return SLANT_EXIT_USAGE;
    }
    slant_events_find(ds, &a->events, found);
    if (!a->in.quiet) {
        char text[400];
        cli_events_describe(a, found, text, sizeof text);
        cli_message("note: events (--event auto) %s", text);
    }
    return 0;
}
