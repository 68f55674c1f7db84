/* Batch pieces: shards (shard.h), compressed streams (compress.h) and the dataset's
 * canonical order (slant_dataset_sort). */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compress.h"
#include "dataset.h"
#include "harness.h"
#include "shard.h"

static void shard_parse(void)
{
    slant_shard s;
    CHECK(slant_shard_parse("3/7", &s) == 0 && s.k == 3 && s.n == 7);
    CHECK(slant_shard_parse("1/1", &s) == 0 && s.k == 1 && s.n == 1);
    CHECK(slant_shard_parse("1000000/1000000", &s) == 0);
    const char *bad[] = { "0/3", "4/3", "1/0", "", "/", "3", "a/b", "1/2x", " 1/2", "-1/2",
                          "1/-2", "1/1000001", "99999999/99999999", "1//2", "+1/2" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(slant_shard_parse(bad[i], &s) == -1);
}

static void shards_cover_every_id_once(void)
{
    char id[32];
    size_t count[7] = { 0 };
    for (int i = 0; i < 7000; i++) {
        snprintf(id, sizeof id, "article-%d", i);
        int held = 0;
        for (unsigned long k = 1; k <= 7; k++) {
            slant_shard s = { k, 7 };
            if (slant_shard_holds(&s, id)) {
                held++;
                count[k - 1]++;
            }
        }
        CHECK_INT(held, 1);
    }
    for (int k = 0; k < 7; k++) /* about 1000 each: the hash spreads the ids */
        CHECK(count[k] > 850 && count[k] < 1150);
    slant_shard all = { 0, 0 };
    CHECK(slant_shard_holds(&all, "anything"));
    /* values fixed for every machine (computed in Python from the definition) */
    slant_shard a2 = { 2, 7 }, d3 = { 3, 7 }, big = { 439231, 1000003 };
    CHECK(slant_shard_holds(&a2, "a"));
    CHECK(slant_shard_holds(&d3, "northern-voice/01-dumar-bridge.txt"));
    CHECK(slant_shard_holds(&a2, ""));
    CHECK(slant_shard_holds(&big, "a"));
}

/* Writes `text` through a compressing stream into a temporary file and reads it back. */
static char *round_trip(slant_compression c, const char *text, size_t *len, int *failed)
{
    FILE *raw = tmpfile();
    CHECK(raw != NULL);
    if (!raw)
        return NULL;
    int fd = dup(fileno(raw));
    FILE *w = slant_compress_wrap_write(raw, c);
    CHECK(w != NULL);
    fputs(text, w);
    CHECK_INT(fclose(w), 0);
    FILE *again = fdopen(fd, "rb");
    rewind(again);
    FILE *r = slant_compress_wrap_read(again);
    CHECK(r != NULL);
    char *out = calloc(1, strlen(text) + 64);
    *len = fread(out, 1, strlen(text) + 63, r);
    *failed = ferror(r);
    fclose(r);
    fclose(again);
    return out;
}

static void compressed_round_trips(void)
{
    const char *text = "{\"id\":\"a\",\"text\":\"Radicals attacked the bridge.\"}\n"
                       "{\"id\":\"b\",\"text\":\"Calm.\"}\n";
    slant_compression kinds[] = { SLANT_COMPRESS_NONE, SLANT_COMPRESS_GZIP, SLANT_COMPRESS_ZSTD };
    for (size_t i = 0; i < 3; i++) {
        size_t len = 0;
        int failed = 1;
        char *out = round_trip(kinds[i], text, &len, &failed);
        CHECK_INT(len, strlen(text));
        CHECK(!failed);
        CHECK(out && memcmp(out, text, strlen(text)) == 0);
        free(out);
    }
    CHECK_INT(slant_compression_of_bytes("\x1f\x8b\x08", 3), SLANT_COMPRESS_GZIP);
    CHECK_INT(slant_compression_of_bytes("\x28\xb5\x2f\xfd", 4), SLANT_COMPRESS_ZSTD);
    CHECK_INT(slant_compression_of_bytes("\x28\xb5\x2f", 3), SLANT_COMPRESS_NONE);
    CHECK_INT(slant_compression_of_bytes("{\"id\"", 5), SLANT_COMPRESS_NONE);
    CHECK_INT(slant_compression_of_name("a.jsonl.gz"), SLANT_COMPRESS_GZIP);
    CHECK_INT(slant_compression_of_name("a.zst"), SLANT_COMPRESS_ZSTD);
    CHECK_INT(slant_compression_of_name(".gz"), SLANT_COMPRESS_NONE);
    CHECK_INT(slant_compression_base_len("a.jsonl.zst"), 7);
    CHECK_STR(slant_compress_strerror(SLANT_EBADDATA), "not valid compressed data, or cut short");
}

static void corrupt_data_is_a_read_error(void)
{
    FILE *f = tmpfile();
    fputs("\x1f\x8bnot deflate at all", f);
    rewind(f);
    FILE *r = slant_compress_wrap_read(f);
    char buf[64];
    size_t n = fread(buf, 1, sizeof buf, r);
    CHECK_INT(n, 0);
    CHECK(ferror(r));
    fclose(r);
    fclose(f);
}

/* The same articles in two orders and split in two: one canonical dataset. */
static void add(slant_dataset *ds, int which)
{
    const char *names[] = { "labels", "hedges" };
    const double v[][2] = { { 1, 2 }, { 3, NAN }, { 0.1, 0.7 }, { 5, 5 } };
    const char *ids[] = { "b/2", "a/1", "c/9", "a/3" }, *groups[] = { "B", "A", "C", "A" };
    const slant_entry_key entries[] = { { SLANT_ENTRY_TERM, "hedges", "may" },
                                        { SLANT_ENTRY_TERM, "labels", "radical" },
                                        { SLANT_ENTRY_VARIANT, "x", "y" },
                                        { SLANT_ENTRY_ACTOR, "z", "labels" } };
    slant_dataset_add_row(ds, ids[which], groups[which], which % 2 ? "e1" : NULL, 100.0 + which,
                          names, v[which], 2);
    slant_dataset_add_entry_key(ds, groups[which], &entries[which], which + 1);
}

static void same_dataset(const slant_dataset *x, const slant_dataset *y)
{
    CHECK_INT(slant_dataset_nrows(x), slant_dataset_nrows(y));
    CHECK_INT(slant_dataset_ngroups(x), slant_dataset_ngroups(y));
    CHECK_INT(slant_dataset_nentries(x), slant_dataset_nentries(y));
    for (size_t r = 0; r < slant_dataset_nrows(x) && r < slant_dataset_nrows(y); r++)
        CHECK_STR(slant_dataset_row(x, r)->id, slant_dataset_row(y, r)->id);
    for (size_t g = 0; g < slant_dataset_ngroups(x) && g < slant_dataset_ngroups(y); g++)
        CHECK_STR(slant_dataset_group_at(x, g)->name, slant_dataset_group_at(y, g)->name);
    for (size_t e = 0; e < slant_dataset_nentries(x) && e < slant_dataset_nentries(y); e++)
        CHECK_STR(slant_dataset_entry_name(x, e), slant_dataset_entry_name(y, e));
}

static void canonical_order(void)
{
    slant_dataset *whole = slant_dataset_new(), *rev = slant_dataset_new();
    slant_dataset *h1 = slant_dataset_new(), *h2 = slant_dataset_new();
    for (int i = 0; i < 4; i++) {
        add(whole, i);
        add(rev, 3 - i);
        add(i % 2 ? h1 : h2, i);
    }
    slant_dataset_merge(h1, h2);
    slant_dataset_sort(whole);
    slant_dataset_sort(rev);
    slant_dataset_sort(h1);
    same_dataset(whole, rev);
    same_dataset(whole, h1);
    CHECK_STR(slant_dataset_row(whole, 0)->id, "a/1");        /* rows by id */
    CHECK_STR(slant_dataset_group_at(whole, 0)->name, "A");   /* groups: first rows' order */
    CHECK_STR(slant_dataset_group_at(whole, 1)->name, "B");
    CHECK_STR(slant_dataset_entry_name(whole, 0), "labels:radical"); /* by indicator order */
    CHECK_STR(slant_dataset_entry_name(whole, 1), "hedges:may");
    const slant_entry_key radical = { SLANT_ENTRY_TERM, "labels", "radical" };
    size_t a = slant_dataset_group(whole, "A"), e = slant_dataset_entry_key(whole, &radical);
    CHECK(slant_dataset_group_at(whole, a)->entry_counts[e] == 2);
    CHECK(slant_dataset_group_at(whole, a)->articles == 2);
    CHECK(isnan(slant_dataset_row(whole, 0)->values[1]));
    slant_dataset_free(whole);
    slant_dataset_free(rev);
    slant_dataset_free(h1);
    slant_dataset_free(h2);
}

void suite_batch(void)
{
    RUN(shard_parse);
    RUN(shards_cover_every_id_once);
    RUN(compressed_round_trips);
    RUN(corrupt_data_is_a_read_error);
    RUN(canonical_order);
}
