/*
 * floor.c: the tokenize-only floor of `make bench`.
 *
 *     floor FILE        (or '-' for standard input)
 *
 * Reads FILE in 1 MiB blocks and counts tokens, where a token is a maximal
 * run of ASCII letters, ASCII digits and bytes >= 0x80 (every byte of a
 * multi-byte UTF-8 character). This is the least work any tokenizer of the
 * same input must do: look at every byte once and decide "in a word or not".
 * No normalization, no case folding, no JSON parsing, no allocation.
 *
 * One concession to the input being JSON Lines: a backslash and the byte
 * after it are read as a separator, so that an escaped paragraph break
 * ("...end.\n\nNext") does not glue "n" onto the next word. It costs one
 * compare per byte. The count still includes the keys and the short fields
 * of each record (id, source, date, title), about a dozen tokens per
 * article; the benchmark uses this count as the common token count for
 * every tool and says so.
 *
 * Output, on one line: "tokens N bytes N". Exit 0 on success, 1 when the
 * file cannot be read, 2 on a usage error. Memory: a fixed 1 MiB buffer.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

enum { BLOCK = 1 << 20 };

static unsigned char block[BLOCK];

/* word[b] is 1 when byte b can be part of a token. */
static unsigned char word[256];

static void init_classes(void)
{
	for (int b = 0; b < 256; b++)
		word[b] = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') ||
			  (b >= 'a' && b <= 'z') || b >= 0x80;
}

struct counts {
	unsigned long long tokens;
	unsigned long long bytes;
	int in_token;  /* the previous byte was part of a token */
	int escaped;   /* the previous byte was an unescaped backslash */
};

/* Count the tokens of one block; the state carries across blocks. */
static void scan(struct counts *c, const unsigned char *p, size_t n)
{
	unsigned long long tokens = c->tokens;
	int in = c->in_token;
	int esc = c->escaped;

	for (size_t i = 0; i < n; i++) {
		unsigned char b = p[i];
		if (esc) {
			esc = 0;
			in = 0;
			continue;
		}
		int w = word[b];
		esc = b == '\\';
		tokens += (unsigned long long)(w & !in);
		in = w;
	}
	c->tokens = tokens;
	c->in_token = in;
	c->escaped = esc;
	c->bytes += n;
}

int main(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '\0') {
		fprintf(stderr, "usage: floor FILE\n");
		return 2;
	}
	const char *path = argv[1];
	int use_stdin = strcmp(path, "-") == 0;
	FILE *f = use_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "floor: cannot open '%s': %s\n", path,
			strerror(errno));
		return 1;
	}

	init_classes();
	struct counts c = {0, 0, 0, 0};
	size_t n;
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		scan(&c, block, n);
	if (ferror(f)) {
		fprintf(stderr, "floor: cannot read '%s': %s\n", path,
			strerror(errno));
		if (!use_stdin)
			fclose(f);
		return 1;
	}
	if (!use_stdin)
		fclose(f);

	printf("tokens %llu bytes %llu\n", c.tokens, c.bytes);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "floor: cannot write output: %s\n",
			strerror(errno));
		return 1;
	}
	return 0;
}
