/* What the framing suites share (frame_helpers.h). */

#include "frame_helpers.h"

#include <stdio.h>

void frame_quote_words(const slant_doc *d, const slant_quotation *q, const char *text,
                       char *speaker, char *verb, size_t size)
{
    speaker[0] = verb[0] = '\0';
    if (q->speaker_first >= 0) {
        const slant_token *a = &d->tokens[q->speaker_first];
        const slant_token *b = &d->tokens[q->speaker_first + (int32_t)q->speaker_words - 1];
        snprintf(speaker, size, "%.*s", (int)(b->end - a->start), text + a->start);
    }
    if (q->verb >= 0) {
        const slant_token *v = &d->tokens[q->verb];
        snprintf(verb, size, "%.*s", (int)(v->end - v->start), text + v->start);
    }
}
