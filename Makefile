# slant: build, test, install. Objects go to build/; see README.md for the tour.

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
PYTHON  ?= /usr/bin/python3

WARN    := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wcast-qual -Wwrite-strings -Wvla -Wformat=2
ifdef CI
WARN    += -Werror
endif
OPT     ?= -O2 -g
PKGS    := gsl libcjson libutf8proc zlib libzstd
CPPFLAGS += -D_DEFAULT_SOURCE -Ianalyzer -MMD -MP
CFLAGS  += $(WARN) $(OPT) $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -pthread
LDLIBS  += -lstemmer $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -pthread

CLI_SRC := $(wildcard analyzer/cli*.c) analyzer/main.c
LIB_SRC := $(filter-out $(CLI_SRC),$(wildcard analyzer/*.c))
CLI_OBJ := $(CLI_SRC:analyzer/%.c=$(BUILD)/obj/%.o)
LIB_OBJ := $(LIB_SRC:analyzer/%.c=$(BUILD)/obj/%.o)
LIB     := $(BUILD)/libslant.a
BIN     := $(BUILD)/slant

UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_BIN := $(BUILD)/unit_tests
# The list of suites, made from the `void suite_NAME(void)` definitions in tests/unit/*.c:
# a new suite is one new file.
UNIT_LIST := $(BUILD)/unit/unit_suites.h
STATS_DRIVER := $(if $(wildcard tests/stats/driver.c),$(BUILD)/stats_driver)
TIME_DRIVER := $(BUILD)/time_driver
FUZZ_TARGETS := $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(BUILD)/replay/%)

.PHONY: all test check unit golden fuzz-replay golden-update demo setup setup-test \
        asan ubsan tsan valgrind fuzz bench lint install uninstall clean

all: $(BIN)

$(BUILD)/obj/%.o: analyzer/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -o $@

$(UNIT_LIST): $(UNIT_SRC) tools/unit_suites.sh
	@mkdir -p $(dir $@)
	@sh tools/unit_suites.sh $(UNIT_SRC) > $@.tmp && mv $@.tmp $@

$(UNIT_BIN): $(UNIT_SRC) $(UNIT_LIST) $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit -I$(dir $(UNIT_LIST)) $(UNIT_SRC) $(LIB) $(LDLIBS) -o $@

$(BUILD)/stats_driver: tests/stats/driver.c $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< $(LIB) $(LDLIBS) -o $@

$(BUILD)/time_driver: tests/time/driver.c $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< $(LIB) $(LDLIBS) -o $@

$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< tests/fuzz/replay.c $(LIB) $(LDLIBS) -o $@

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# --- set-up: Debian packages the build and the tests need ------------------------------
setup:
	@sh tools/setup.sh build

setup-test:
	@sh tools/setup.sh test

# --- the two commands of the README ----------------------------------------------------
demo: setup
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh

test: setup-test
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(FUZZ_REPLAY) $(STATS_DRIVER) $(TIME_DRIVER)
	@sh tests/run.sh

check: test

golden-update: all
	@sh tests/golden/run.sh --update

# --- checkers --------------------------------------------------------------------------
asan:
	@$(MAKE) --no-print-directory BUILD=build/asan CC=clang \
	    OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" all build/asan/unit_tests $(FUZZ_TARGETS:%=build/asan/replay/%) \
	    $(if $(STATS_DRIVER),build/asan/stats_driver) build/asan/time_driver
	@SLANT_BUILD=build/asan ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh

ubsan: asan

# ThreadSanitizer (clang) over the threaded paths: score's pipeline and compare's threads
# with several -j, which must give the output of -j 1 with no report (tests/batch/tsan.sh).
tsan:
	@$(MAKE) --no-print-directory BUILD=build/tsan CC=clang \
	    OPT="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" LDFLAGS="-fsanitize=thread" all
	@sh tests/batch/tsan.sh build/tsan

valgrind: all $(UNIT_BIN) $(FUZZ_REPLAY) $(STATS_DRIVER) $(TIME_DRIVER)
	@SLANT_VALGRIND=1 sh tests/run.sh

fuzz:
	@sh tests/fuzz/run.sh

bench:
	@sh tools/setup.sh bench
	@$(MAKE) --no-print-directory all
	@bash bench/run.sh
	@bash bench/compare.sh

lint: $(UNIT_LIST)
	@cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	    --suppress=missingIncludeSystem -Ianalyzer -I$(dir $(UNIT_LIST)) analyzer tests/unit

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/slant/lexicons
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/slant
	cp -R lexicons/en lexicons/actors $(DESTDIR)$(PREFIX)/share/slant/lexicons/
	install -m 644 lexicons/FORMAT.md $(DESTDIR)$(PREFIX)/share/slant/lexicons/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/slant.1 $(DESTDIR)$(PREFIX)/share/man/man1/slant.1

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/slant $(DESTDIR)$(PREFIX)/share/slant \
	    $(DESTDIR)$(PREFIX)/share/man/man1/slant.1

clean:
	rm -rf $(BUILD)
