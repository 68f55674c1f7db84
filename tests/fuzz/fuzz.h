#ifndef SLANT_FUZZ_H
#define SLANT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * The libFuzzer entry point that every tests/fuzz/fuzz_*.c defines. libFuzzer calls it
 * with each input it tries; replay.c calls it with each saved input, so that `make test`
 * runs the corpus without libFuzzer. `data` is borrowed for the call and is exactly `size`
 * bytes long (not NUL-terminated). A target returns 0 and calls abort() when an
 * invariant fails, so that both drivers report it as a crash.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Whether this is the replay (SLANT_FUZZ_REPLAY set, as tests/run.sh sets it): a target
 * that, for speed, gives each fuzzed input only a share of its checks (a round trip for
 * one input in 512, one of three import modes) gives every saved input all of them.
 */
static inline int fuzz_is_replay(void)
{
    static int replay = -1;
    if (replay < 0)
        replay = getenv("SLANT_FUZZ_REPLAY") != NULL;
    return replay;
}

/*
 * Whether an input gets a check that a target gives only a share of the fuzzed inputs, for
 * speed: in the replay every input does; when fuzzing, one input in `every`, chosen by a
 * hash of its bytes (FNV-1a, 64 bits), so an input always gets the same checks and a crash
 * reproduces with the input alone.
 */
static inline int fuzz_sampled(const uint8_t *data, size_t size, uint64_t every)
{
    if (fuzz_is_replay())
        return 1;
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * UINT64_C(0x100000001b3);
    return h % every == 0;
}

/* The slow checks of the lexicon and importer targets: one fuzzed input in four. */
static inline int fuzz_thorough(const uint8_t *data, size_t size)
{
    return fuzz_sampled(data, size, 4);
}

/*
 * Whether an input takes way `k` of a target's `n` ways (of reading, of importing): every
 * way in the replay; when fuzzing, the way its first byte names, so that an input always
 * takes the same way.
 */
static inline int fuzz_takes_way(const uint8_t *data, size_t size, int n, int k)
{
    return fuzz_is_replay() || (size ? data[0] % n : 0) == k;
}

/*
 * Fills `out` (of `size` bytes) with a mkstemp()/mkdtemp() template for a target's
 * scratch file or directory: "$TMPDIR/<name>-XXXXXX", or under /tmp when TMPDIR is
 * unset. The long runs set TMPDIR=/dev/shm: the targets that write and read files per
 * input (the lexicon, the importers, the spreadsheet reader) then spend no time on a disk.
 */
static inline void fuzz_temp_template(char *out, size_t size, const char *name)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    if ((size_t)snprintf(out, size, "%s/%s-XXXXXX", tmp, name) >= size)
        abort(); /* a TMPDIR longer than the caller's buffer */
}

#endif
