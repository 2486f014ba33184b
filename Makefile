# hoso — build, run the samples, test, bench.
#   make            build build/hoso (release)
#   make run        install what is missing, render every sample into out/
#   make test       install what is missing, run the whole suite (sanitizer build)
#   make bench      speed and memory figures
#   make fuzz       libFuzzer targets of tests/fuzz/, FUZZ_SECONDS each (clang only)
BUILD   ?= release
FUZZ_CC ?= clang
OUT     := build/$(BUILD)
PKGS    := libxml-2.0 icu-uc icu-i18n libpng libjpeg libexif zlib
# Debian's libhpdf-dev ships no pkg-config file.
HPDF_LIBS := $(shell pkg-config --libs libhpdf 2>/dev/null || echo -lhpdf)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wundef -Wvla -Wno-unused-parameter
CFLAGS  ?=
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g $(WARN) -Iengine \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -MMD -MP
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(HPDF_LIBS) -lm
# engine/render/harufix.c replaces a libharu function; it must be visible to
# the library, so the program exports it.
LDFLAGS += -Wl,--export-dynamic-symbol=HPDF_MemStream_SeekFunc

ifeq ($(BUILD),release)
  CFLAGS  += -O2
else ifeq ($(BUILD),debug)
  CFLAGS  += -O0 -DHS_TEST_HOOKS
else ifeq ($(BUILD),sanitize)
  CFLAGS  += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
             -fno-sanitize-recover=all -DHS_ARENA_DEBUG -DHS_TEST_HOOKS
  LDFLAGS += -fsanitize=address,undefined
else ifeq ($(BUILD),fuzz)
  # libFuzzer instruments the engine, and links its main() into each target
  # only (the command-line tool is not built here). UB stops the run, as in
  # the sanitizer build, so that the fuzzer reports it as a crash.
  override CC := $(FUZZ_CC)
  CFLAGS  += -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
             -fno-sanitize-recover=all -DHS_ARENA_DEBUG
  LDFLAGS += -fsanitize=fuzzer,address,undefined
else
  $(error BUILD must be release, debug, sanitize or fuzz)
endif

LIB_SRC  := $(wildcard engine/*.c engine/*/*.c)
LIB_SRC  := $(filter-out engine/cli/%,$(LIB_SRC))
CLI_SRC  := $(wildcard engine/cli/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(OUT)/%.o) $(OUT)/gen/schema.o
CLI_OBJ  := $(CLI_SRC:%.c=$(OUT)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/%)

.PHONY: all deps run test test-sanitize valgrind unit bench clean format fuzz fuzz-build fuzz-targets
all: $(OUT)/hoso build/hoso fonts-reduced

# Fonts cut down ahead of time to what Vietnamese documents print (Latin,
# Vietnamese, punctuation, ₫) and without hinting: libharu's per-document
# font work and the PDF size both scale with the font file (libharu.md).
# The originals stay in fonts/ (Liberation's licence reserves its name for
# unmodified fonts, so reduced copies are made here, never shipped) and are
# the fallbacks for any character outside the reduced repertoire.
FONT_SRC     := $(wildcard fonts/*.ttf)
FONT_REDUCED := $(FONT_SRC:fonts/%=build/fonts/%)
# Basic Latin, Latin-1, the Vietnamese letters of Latin Extended-A/B
# (Ă Đ Ĩ Ũ Ơ Ư) and Extended Additional (Ạ … Ỹ), the combining tone marks,
# dashes, quotes and ellipsis, ‰ ′ ″ ‹ ›, ₫ €, № ™ −, arrows, squares, circles.
FONT_RANGES  := U+0020-007E,U+00A0-00FF,U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0303,U+0309,U+0323,U+1EA0-1EF9,U+2010-2027,U+2030,U+2032-2033,U+2039-203A,U+20AB,U+20AC,U+2116,U+2122,U+2212,U+2190-2193,U+25A0-25A1,U+25CB-25CF
# fontTools is Debian's python3-fonttools: the system's python, not a version
# manager's shim that may not have it.
FONT_PYTHON  := $(firstword $(wildcard /usr/bin/python3) python3)
.PHONY: fonts-reduced
fonts-reduced: $(FONT_REDUCED) build/fonts/families.conf
build/fonts/%.ttf: fonts/%.ttf tools/rename-reduced.py
	@mkdir -p build/fonts
	pyftsubset $< --output-file=$@.tmp --unicodes="$(FONT_RANGES)" --no-hinting \
	    --desubroutinize --layout-features='' --name-IDs='*' \
	    --drop-tables+=DSIG,GSUB,GPOS,GDEF,kern,FFTM 2>/dev/null && \
	    $(FONT_PYTHON) tools/rename-reduced.py $@.tmp && mv $@.tmp $@
build/fonts/families.conf: fonts/families.conf tools/reduced-families.sh
	@mkdir -p build/fonts
	sh tools/reduced-families.sh fonts/families.conf > $@.tmp && mv $@.tmp $@

build/hoso: $(OUT)/hoso
	@mkdir -p build
	@if [ "$(BUILD)" = release ]; then cp $< $@; fi

$(OUT)/libhoso.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(OUT)/hoso: $(CLI_OBJ) $(OUT)/libhoso.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OUT)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

# The record schema is compiled into the binary, so hoso needs no install path.
$(OUT)/gen/schema.c: engine/record/record.xsd engine/record/profile.xsd tools/embed.sh
	@mkdir -p $(@D)
	{ sh tools/embed.sh hs_record_xsd engine/record/record.xsd && \
	  sh tools/embed.sh hs_profile_xsd engine/record/profile.xsd; } > $@.tmp && mv $@.tmp $@
$(OUT)/gen/schema.o: $(OUT)/gen/schema.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(OUT)/tests/%: tests/unit/%.c tests/unit/harness.h $(OUT)/libhoso.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(OUT)/libhoso.a $(LDLIBS)

unit: $(UNIT_BIN)

deps:
	@sh tools/deps.sh

run: deps
	@$(MAKE) --no-print-directory BUILD=release all
	@sh tools/run-samples.sh

# The suite runs on the sanitizer build (ASan + UBSan) and on the release build.
test: deps
	@$(MAKE) --no-print-directory BUILD=sanitize build/sanitize/hoso unit
	@$(MAKE) --no-print-directory BUILD=release all
	@sh tests/run

# The whole suite again with every command run by the sanitizer build.
test-sanitize: deps
	@$(MAKE) --no-print-directory BUILD=sanitize build/sanitize/hoso unit
	@$(MAKE) --no-print-directory BUILD=release all
	@HOSO_RELEASE=build/sanitize/hoso sh tests/run

# Every sample through every template under valgrind: no invalid access, no
# definite or indirect leak (ICU's cached break rules stay "possibly lost").
valgrind: deps
	@sh tools/deps.sh valgrind
	@$(MAKE) --no-print-directory BUILD=release all
	@rm -rf build/valgrind && mkdir -p build/valgrind
	HOSO_FONTS=$(CURDIR)/build/fonts valgrind -q --error-exitcode=3 --leak-check=full --show-possibly-lost=no \
	    --errors-for-leak-kinds=definite,indirect build/hoso render -q --all \
	    -p samples/profile.xml -o build/valgrind/ $(filter-out samples/profile.xml,$(wildcard samples/*.xml))
	@echo "valgrind: $$(ls build/valgrind | wc -l) documents, no error"

bench: deps
	@$(MAKE) --no-print-directory BUILD=release all build/floor
	@sh tools/bench.sh

# The floor of the benchmark: the same text and fonts with bare libharu.
build/floor: tools/floor.c
	@mkdir -p build
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -O2 $(WARN) -o $@ $< -lhpdf -lm

# Fuzzing (tests/fuzz/, clang + libFuzzer): never part of make test.
# tools/fuzz.sh installs what is missing, or skips with one line without it.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= record template vn render
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(OUT)/fuzz_%)
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_CC=$(FUZZ_CC) sh tools/fuzz.sh $(FUZZ_TARGETS)

fuzz-build:
	@FUZZ_CC=$(FUZZ_CC) sh tools/fuzz.sh --build-only $(FUZZ_TARGETS)

# What fuzz-build makes, in BUILD=fuzz: the targets and the reduced fonts.
fuzz-targets: $(FUZZ_BIN) fonts-reduced

# The targets find samples/ and templates/ through HS_FUZZ_SRCDIR (or
# $$HS_SRCDIR at run time), so they run from any folder.
$(OUT)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(OUT)/libhoso.a
	$(CC) $(CFLAGS) -Itests/fuzz -DHS_FUZZ_SRCDIR='"$(CURDIR)"' $(LDFLAGS) -o $@ $< \
	    $(OUT)/libhoso.a $(LDLIBS)

format:
	clang-format -i engine/*.h engine/*/*.c engine/*/*.h tests/unit/*.c tests/fuzz/*.c tests/fuzz/*.h

clean:
	rm -rf build out

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(FUZZ_BIN:=.d)
