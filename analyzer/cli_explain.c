/* slant explain: not written yet; the command says so instead of pretending. */

#include <stdio.h>

#include "cli.h"

int slant_cli_explain(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_message("'explain' is not available in this version yet");
    return SLANT_EXIT_USAGE;
}
