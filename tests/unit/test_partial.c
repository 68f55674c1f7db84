/* A partial's identity (partial.h): read back as stamped, shard ids parsed, and the rules
 * of what may be combined. */

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "partial.h"

/* A partial's data as slant_json_write_partial writes it (the members identity ignores). */
static const char data[] = "{\"schema\":1,\"kind\":\"slant-partial\",\"by\":\"source\","
                           "\"event\":null,\"indicators\":[],\"entries\":[],\"groups\":[],"
                           "\"rows\":[]}\n";

static void stamp_and_read_back(void)
{
    slant_partial_identity id;
    slant_partial_identity_init(&id);
    id.schema = strdup("1"); /* (not stamped: the data has it) */
    id.lexicon = strdup("slant-en");
    id.version = strdup("0.3.0");
    id.hash = strdup("fnv1a64:0123456789abcdef");
    id.tool = strdup("0.1.0");
    id.has_options = 1;
    id.subset = strdup("--where source=\"A\\B\" --from 2025");
    slant_partial_add_shard(&id, "fnv1a64:00000000000000aa:shard:2/7:inputs:fnv1a64:1f");
    slant_partial_add_shard(&id, "fnv1a64:00000000000000bb");
    slant_buf b;
    slant_buf_init(&b, SLANT_OUTPUT_MAX_BYTES);
    slant_buf_adds(&b, data);
    slant_partial_stamp(&b, &id);
    CHECK(b.len > 0 && b.data[b.len - 1] == '\n' && b.data[b.len - 2] == '}');
    CHECK(strstr(b.data, "\"rows\":[],\"lexicon\":{") != NULL);
    slant_partial_identity back;
    slant_partial_identity_read(b.data, b.len, &back);
    CHECK_STR(back.schema, "1");
    CHECK_STR(back.tool, "0.1.0");
    CHECK_STR(back.lexicon, "slant-en");
    CHECK_STR(back.version, "0.3.0");
    CHECK_STR(back.hash, "fnv1a64:0123456789abcdef");
    CHECK(back.has_options);
    CHECK_STR(back.subset, "--where source=\"A\\B\" --from 2025"); /* escapes decoded */
    CHECK(back.weights == NULL);
    CHECK_INT(back.nshards, 2);
    if (back.nshards == 2) {
        CHECK_INT(back.shards[0].k, 2);
        CHECK_INT(back.shards[0].n, 7);
        CHECK_STR(back.shards[0].inputs, "fnv1a64:1f");
        CHECK_INT(back.shards[1].n, 0);
        CHECK(back.shards[1].inputs == NULL);
    }
    CHECK_INT(slant_partial_differ(&id, &back), SLANT_PARTIAL_SAME);
    slant_partial_identity_release(&back);
    slant_partial_identity_release(&id);
    slant_buf_release(&b);
}

static void a_partial_without_identity(void)
{
    slant_partial_identity id;
    slant_partial_identity_read(data, strlen(data), &id);
    CHECK(id.tool == NULL && id.lexicon == NULL && !id.has_options);
    CHECK_INT(id.nshards, 1); /* one shard: the hash of its bytes */
    if (id.nshards)
        CHECK(strncmp(id.shards[0].id, "fnv1a64:", 8) == 0 && id.shards[0].n == 0);
    slant_partial_identity_release(&id);
}

static void shard_ids(void)
{
    char *a = slant_partial_shard_id("x", 1, 3, 8, "fnv1a64:00ff");
    char *b = slant_partial_shard_id("x", 1, 0, 0, NULL);
    CHECK(strstr(a, ":shard:3/8:inputs:fnv1a64:00ff") != NULL);
    CHECK(strncmp(a, b, strlen(b)) == 0 && strchr(b + 8, ':') == NULL);
    slant_partial_identity id;
    slant_partial_identity_init(&id);
    const char *bad[] = { "fnv1a64:1:shard:0/3", "fnv1a64:1:shard:4/3", "fnv1a64:1:shard:x/3",
                          "fnv1a64:1:shard:1/3x", "fnv1a64:1:shard:1/" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        slant_partial_add_shard(&id, bad[i]);
    for (size_t i = 0; i < id.nshards; i++)
        CHECK(id.shards[i].n == 0); /* not a K/N: an id like any other */
    slant_partial_identity_release(&id);
    free(a);
    free(b);
}

static void what_may_be_combined(void)
{
    slant_partial_identity id;
    slant_partial_identity_init(&id);
    slant_partial_add_shard(&id, "fnv1a64:1:shard:1/4:inputs:fnv1a64:i");
    slant_partial_add_shard(&id, "fnv1a64:2:shard:2/4:inputs:fnv1a64:i");
    slant_partial_add_shard(&id, "fnv1a64:3:shard:1/4:inputs:fnv1a64:i"); /* 1/4 again */
    slant_partial_add_shard(&id, "fnv1a64:4:shard:1/2:inputs:fnv1a64:i");
    slant_partial_add_shard(&id, "fnv1a64:5:shard:1/4:inputs:fnv1a64:j"); /* other inputs */
    slant_partial_add_shard(&id, "fnv1a64:6:shard:1/4");                  /* older */
    const slant_partial_shard *s = id.shards;
    CHECK_INT(slant_partial_overlap(&s[0], &s[0]), SLANT_SHARDS_SAME_ID);
    CHECK_INT(slant_partial_overlap(&s[0], &s[1]), SLANT_SHARDS_APART);
    CHECK_INT(slant_partial_overlap(&s[0], &s[2]), SLANT_SHARDS_SAME_SHARD);
    CHECK_INT(slant_partial_overlap(&s[1], &s[3]), SLANT_SHARDS_OTHER_SPLIT);
    CHECK_INT(slant_partial_overlap(&s[0], &s[4]), SLANT_SHARDS_APART);
    CHECK_INT(slant_partial_overlap(&s[0], &s[5]), SLANT_SHARDS_APART);
    slant_partial_identity_release(&id);

    slant_partial_identity a, b;
    slant_partial_identity_init(&a);
    slant_partial_identity_init(&b);
    a.schema = strdup("1");
    b.schema = strdup("1");
    CHECK_INT(slant_partial_differ(&a, &b), SLANT_PARTIAL_SAME); /* neither records more */
    a.tool = strdup("0.1.0");
    CHECK_INT(slant_partial_differ(&a, &b), SLANT_PARTIAL_SAME); /* unknown: not compared */
    b.tool = strdup("0.2.0");
    CHECK_INT(slant_partial_differ(&a, &b), SLANT_PARTIAL_TOOL);
    free(b.tool);
    b.tool = strdup("0.1.0");
    a.has_options = b.has_options = 1;
    a.subset = strdup("--where a=b");
    CHECK_INT(slant_partial_differ(&a, &b), SLANT_PARTIAL_SUBSET);
    CHECK_STR(slant_partial_difference_value(&b, SLANT_PARTIAL_SUBSET), "(none)");
    b.subset = strdup("--where a=b");
    b.weights = strdup("fnv1a64:w");
    CHECK_INT(slant_partial_differ(&a, &b), SLANT_PARTIAL_WEIGHTS);
    free(b.schema);
    b.schema = strdup("2");
    CHECK_INT(slant_partial_differ(&a, &b), SLANT_PARTIAL_SCHEMA); /* checked first */
    slant_partial_identity_release(&a);
    slant_partial_identity_release(&b);
}

void suite_partial(void)
{
    RUN(stamp_and_read_back);
    RUN(a_partial_without_identity);
    RUN(shard_ids);
    RUN(what_may_be_combined);
}
