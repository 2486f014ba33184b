# hoso — build, run the samples, test, bench.
#   make            build build/hoso (release)
#   make run        install what is missing, render every sample into out/
#   make test       install what is missing, run the whole suite (sanitizer build)
#   make golden     write tests/golden/expected/ again (review the diff)
#   make bench      speed and memory figures
#   make fuzz       libFuzzer targets of tests/fuzz/, FUZZ_SECONDS each (clang only)
#   make install    bin, share/hoso, library, man page, completion under PREFIX
#   make deb        a Debian package in build/deb/ (dpkg-buildpackage -b)
# The build is parallel (JOBS, default the number of cores; make -j1 or JOBS=1
# for one at a time) and prints one line per file; V=1 prints the commands.
BUILD   ?= release
JOBS    ?= $(shell nproc 2>/dev/null || echo 1)
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
  Q   := @
  say :=
else ifeq ($(V),1)
  Q   :=
  say :=
else
  Q   := @
  say = printf '  %-5s %s\n' $(1) $(2);
endif
# Parallel unless make -jN was given (a sub-make has it in its environment).
ifeq ($(findstring -j,$(shell printf '%s' "$$MAKEFLAGS")),)
  MAKEFLAGS += -j$(JOBS)
endif
FUZZ_CC ?= clang
OUT     := build/$(BUILD)
# libxxhash (Debian's libxxhash-dev): XXH3-128, the keys of the on-disk cache
# of font subsets and images (engine/cache/): several GB/s, so hashing a font
# file costs far less than the subset it saves; no one attacks their own
# cache, so a cryptographic hash's cost would buy nothing.
PKGS    := libxml-2.0 icu-uc icu-i18n libpng libjpeg libexif zlib freetype2 libxxhash
# Debian's libhpdf-dev ships no pkg-config file.
HPDF_LIBS := $(shell pkg-config --libs libhpdf 2>/dev/null || echo -lhpdf)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wundef -Wvla -Wno-unused-parameter
CFLAGS  ?=
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g $(WARN) -Iengine \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -MMD -MP
# The dynamic linker looks each symbol a library needs up through the
# libraries in the order the program names them, so the libraries most
# looked up at a start come first: ICU's C++ runtime (ICU and libxml2 bring
# it in, its own 1,700 symbols), ICU, libc, libharu; a fifth of the dynamic
# linking of every start (5.5M to 4.3M instructions, hoso --version).
LOAD_FIRST := -Wl,--push-state,--no-as-needed -lstdc++ -licuuc -lc $(HPDF_LIBS) -Wl,--pop-state
# libqrencode (Debian's libqrencode-dev) makes the QR matrices of <qr>.
# ICU's i18n library (collation, transliteration) is not linked: its headers
# only, for engine/text/i18n.c opens it when a document first needs it (its
# mapping and relocation were 0.9M instructions of every start).
# FreeType (outlined watermarks), libjpeg and libexif (JPEG images) are not
# linked either: engine/base/lib.c opens each on first use, by the soname
# read here from the library compiled against (their relocations, libexif's
# 2,600 above all, were 0.55M instructions and 50 page faults of every start).
LAZY_PKGS := icu-i18n libjpeg libexif freetype2
# (read once: an empty one, the library's -dev package missing, fails the
# compile of the file that opens it)
soname = $(shell objdump -p "$$($(CC) -print-file-name=lib$(1).so)" 2>/dev/null | sed -n 's/^ *SONAME *//p')
LAZY_SONAMES := -DHS_JPEG_SONAME='"$(call soname,jpeg)"' -DHS_EXIF_SONAME='"$(call soname,exif)"' \
                -DHS_FREETYPE_SONAME='"$(call soname,freetype)"'
CFLAGS  += $(LAZY_SONAMES)
LDLIBS  += $(LOAD_FIRST) $(shell pkg-config --libs $(filter-out $(LAZY_PKGS),$(PKGS)) 2>/dev/null) \
           $(HPDF_LIBS) -lqrencode -lz -lm
# engine/render/harufix.c replaces a libharu function; it must be visible to
# the library, so the program exports it.
LDFLAGS += -Wl,--export-dynamic-symbol=HPDF_MemStream_SeekFunc \
           -Wl,--export-dynamic-symbol=HPDF_MemCpy -Wl,--export-dynamic-symbol=HPDF_MemSet \
           -Wl,--export-dynamic-symbol=HPDF_Stream_WriteToStreamWithDeflate

ifeq ($(BUILD),release)
  CFLAGS  += -O2
else ifeq ($(BUILD),debug)
  CFLAGS  += -O0 -DHS_TEST_HOOKS
else ifeq ($(BUILD),sanitize)
  CFLAGS  += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
             -fno-sanitize-recover=all -DHS_ARENA_DEBUG -DHS_TEST_HOOKS
  LDFLAGS += -fsanitize=address,undefined
else ifeq ($(BUILD),memcheck)
  # make valgrind: optimized, but every block its own malloc (no arena
  # blocks, no free lists of small blocks), so that valgrind sees each one
  CFLAGS  += -O1 -g -DHS_ARENA_DEBUG
else ifeq ($(BUILD),fuzz)
  # libFuzzer instruments the engine, and links its main() into each target
  # only (the command-line tool is not built here). UB stops the run, as in
  # the sanitizer build, so that the fuzzer reports it as a crash.
  override CC := $(FUZZ_CC)
  CFLAGS  += -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
             -fno-sanitize-recover=all -DHS_ARENA_DEBUG
  LDFLAGS += -fsanitize=fuzzer,address,undefined
else
  $(error BUILD must be release, debug, sanitize, memcheck or fuzz)
endif

LIB_SRC  := $(wildcard engine/*.c engine/*/*.c)
LIB_SRC  := $(filter-out engine/cli/%,$(LIB_SRC))
CLI_SRC  := $(wildcard engine/cli/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(OUT)/%.o) $(OUT)/gen/schema.o
CLI_OBJ  := $(CLI_SRC:%.c=$(OUT)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/%)

.PHONY: all deps run test test-sanitize valgrind unit golden examples bench bench-peers clean format fuzz fuzz-build fuzz-targets
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
.PHONY: fonts-reduced
fonts-reduced: $(FONT_REDUCED) build/fonts/families.conf
build/fonts/%.ttf: fonts/%.ttf
	@mkdir -p build/fonts
	$(Q)$(call say,FONT,$@)pyftsubset $< --output-file=$@.tmp --unicodes="$(FONT_RANGES)" --no-hinting \
	    --desubroutinize --layout-features='' --name-IDs='*' \
	    --drop-tables+=DSIG,GSUB,GPOS,GDEF,kern,FFTM 2>/dev/null && mv $@.tmp $@
build/fonts/families.conf: fonts/families.conf tools/reduced-families.sh
	@mkdir -p build/fonts
	$(Q)$(call say,GEN,$@)sh tools/reduced-families.sh fonts/families.conf > $@.tmp && mv $@.tmp $@

build/hoso: $(OUT)/hoso
	@mkdir -p build
	@if [ "$(BUILD)" = release ]; then cp $< $@; fi

$(OUT)/libhoso.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)$(call say,AR,$@)ar rcs $@ $^

$(OUT)/hoso: $(CLI_OBJ) $(OUT)/libhoso.a
	$(Q)$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OUT)/%.o: %.c
	@mkdir -p $(@D)
	$(Q)$(call say,CC,$<)$(CC) $(CFLAGS) -c -o $@ $<

# The record schema is compiled into the binary, so hoso needs no install path;
# without its comments, annotations and indentation (tools/xsd-min.py), which
# every start of hoso would parse for nothing. Beside each: the schema
# without its two "no outer white space" patterns, which validates a record
# first, and the names those patterns apply to, which record/trim.c checks
# in C (both read from the schema here, not at every start).
$(OUT)/gen/%.xsd: engine/record/%.xsd tools/xsd-min.py
	@mkdir -p $(@D)
	$(Q)$(call say,GEN,$@)python3 tools/xsd-min.py $< > $@.tmp && mv $@.tmp $@
$(OUT)/gen/%-fast.xsd: engine/record/%.xsd tools/xsd-min.py
	@mkdir -p $(@D)
	$(Q)$(call say,GEN,$@)python3 tools/xsd-min.py --fast $< > $@.tmp && mv $@.tmp $@
$(OUT)/gen/%-trim.c: engine/record/%.xsd tools/xsd-min.py
	@mkdir -p $(@D)
	$(Q)$(call say,GEN,$@)python3 tools/xsd-min.py --trim hs_$*_trim $< > $@.tmp && mv $@.tmp $@
SCHEMA_GEN := $(foreach s,record profile,$(OUT)/gen/$(s).xsd $(OUT)/gen/$(s)-fast.xsd $(OUT)/gen/$(s)-trim.c)
$(OUT)/gen/schema.c: $(SCHEMA_GEN) tools/embed.sh
	@mkdir -p $(@D)
	$(Q)$(call say,GEN,$@){ for s in record profile; do \
	  sh tools/embed.sh hs_$${s}_xsd $(OUT)/gen/$$s.xsd && \
	  sh tools/embed.sh hs_$${s}_fast_xsd $(OUT)/gen/$$s-fast.xsd && \
	  cat $(OUT)/gen/$$s-trim.c || exit 1; done; } > $@.tmp && mv $@.tmp $@
$(OUT)/gen/schema.o: $(OUT)/gen/schema.c
	$(Q)$(call say,CC,$<)$(CC) $(CFLAGS) -c -o $@ $<

$(OUT)/tests/%: tests/unit/%.c tests/unit/harness.h $(OUT)/libhoso.a
	@mkdir -p $(@D)
	$(Q)$(call say,LD,$@)$(CC) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(OUT)/libhoso.a $(LDLIBS)

unit: $(UNIT_BIN)

# Programs that embed the engine through hoso.h alone (examples/): built and
# run by make test (tests/embed/), and against the installed header and
# library by tests/install/.
EXAMPLE_SRC := $(wildcard examples/*.c)
EXAMPLE_BIN := $(EXAMPLE_SRC:examples/%.c=$(OUT)/examples/%)
$(OUT)/examples/%: examples/%.c engine/hoso.h $(OUT)/libhoso.a
	@mkdir -p $(@D)
	$(Q)$(call say,LD,$@)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(OUT)/libhoso.a $(LDLIBS)
examples: $(EXAMPLE_BIN)

deps:
	@sh tools/deps.sh

run: deps
	@$(MAKE) --no-print-directory BUILD=release all
	@sh tools/run-samples.sh

# The suite runs on the sanitizer build (ASan + UBSan) and on the release build.
test: deps
	@$(MAKE) --no-print-directory BUILD=sanitize build/sanitize/hoso unit examples
	@$(MAKE) --no-print-directory BUILD=release all
	@sh tests/run

# The golden dumps of tests/golden/ written again after an intended change
# (review `git diff tests/golden/expected` before committing it).
golden:
	@$(MAKE) --no-print-directory BUILD=release all
	@sh tests/golden/update

# The whole suite again with every command run by the sanitizer build.
test-sanitize: deps
	@$(MAKE) --no-print-directory BUILD=sanitize build/sanitize/hoso unit examples
	@$(MAKE) --no-print-directory BUILD=release all
	@HOSO_RELEASE=build/sanitize/hoso sh tests/run

# Every sample through every template under valgrind: no invalid access, no
# definite or indirect leak (ICU's cached break rules stay "possibly lost").
# The on-disk cache in a folder of its own, empty: its entries written (every
# byte of them defined), never the user's.
valgrind: deps
	@sh tools/deps.sh valgrind
	@$(MAKE) --no-print-directory BUILD=memcheck all
	@rm -rf build/valgrind build/valgrind-cache && mkdir -p build/valgrind
	HOSO_CACHE=$(CURDIR)/build/valgrind-cache HOSO_FONTS=$(CURDIR)/build/fonts valgrind -q --error-exitcode=3 --leak-check=full --show-possibly-lost=no \
	    --errors-for-leak-kinds=definite,indirect build/memcheck/hoso render -q --all \
	    -p samples/profile.xml -o build/valgrind/ $(filter-out samples/profile.xml,$(wildcard samples/*.xml))
	@echo "valgrind: $$(ls build/valgrind | wc -l) documents, no error"

bench: deps
	@$(MAKE) --no-print-directory BUILD=release all build/floor
	@sh tools/bench.sh

# hoso beside Typst (npm, into build/peers/) and ReportLab (Debian) on the
# same quote, in one run; installs what it needs, leaves out a peer it cannot.
bench-peers: deps
	@$(MAKE) --no-print-directory BUILD=release all
	@sh tools/bench-peers.sh

# The floor of the benchmark: the same text, fonts and logo with bare
# libharu, and the engine's per-process font resources (render/fontres.c).
build/floor: tools/floor.c $(OUT)/libhoso.a
	@mkdir -p build
	$(Q)$(call say,LD,$@)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(OUT)/libhoso.a $(LDLIBS)

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
	$(Q)$(call say,LD,$@)$(CC) $(CFLAGS) -Itests/fuzz -DHS_FUZZ_SRCDIR='"$(CURDIR)"' $(LDFLAGS) -o $@ $< \
	    $(OUT)/libhoso.a $(LDLIBS)

# Installing. The installed hoso is linked from the same objects, except its
# command line, which is compiled with the data folder fixed (HS_DATADIR): it
# finds templates/ and fonts/ there, with no option and no environment.
PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share/hoso
MANDIR     ?= $(PREFIX)/share/man
DOCDIR     ?= $(PREFIX)/share/doc/hoso
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
INST       := $(OUT)/installed
INST_OBJ   := $(CLI_SRC:engine/cli/%.c=$(INST)/%.o)
DIST_FONTS := build/dist-fonts
# Installed, the reduced fonts are distributed: Liberation's licence reserves
# its name for the unmodified fonts, so the copies are renamed "Hoso"
# (tools/rename-font.py); the originals go beside them, unchanged, as the
# fallbacks, with the licence.
DIST_REDUCED := $(patsubst fonts/%,$(DIST_FONTS)/%,$(subst Liberation,Hoso,$(FONT_SRC)))

# The data folder compiled in: rebuilt when PREFIX or DATADIR changes.
$(INST)/datadir.h: FORCE
	@mkdir -p $(@D)
	@echo '#define HS_DATADIR "$(DATADIR)"' > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi
$(INST)/%.o: engine/cli/%.c $(INST)/datadir.h
	$(Q)$(call say,CC,$@)$(CC) $(CFLAGS) -include $(INST)/datadir.h -c -o $@ $<
$(INST)/hoso: $(INST_OBJ) $(OUT)/libhoso.a
	$(Q)$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(DIST_FONTS)/Hoso%.ttf: build/fonts/Liberation%.ttf tools/rename-font.py
	@mkdir -p $(@D)
	$(Q)$(call say,FONT,$@)/usr/bin/python3 tools/rename-font.py $< $@.tmp Liberation Hoso && mv $@.tmp $@
$(DIST_FONTS)/families.conf: fonts/families.conf tools/reduced-families.sh
	@mkdir -p $(@D)
	$(Q)$(call say,GEN,$@)sh tools/reduced-families.sh fonts/families.conf original Liberation Hoso > $@.tmp && mv $@.tmp $@
VERSION := $(shell sed -n 's/^\#define HS_VERSION "\(.*\)"/\1/p' engine/hoso.h)
$(OUT)/hoso.pc: tools/hoso.pc.in engine/hoso.h FORCE
	@sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|; s|@VERSION@|$(VERSION)|' \
	    $< > $@.tmp && if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

# hoso-template(5): the template vocabulary, printed from its table (engine/tpl/vocab.h).
$(OUT)/hoso-template.5: $(OUT)/hoso
	$(Q)$(call say,GEN,$@)$(OUT)/hoso help template --man > $@.tmp && mv $@.tmp $@

.PHONY: install install-files uninstall deb test-deb FORCE
install:
	@$(MAKE) --no-print-directory BUILD=release install-files

install-files: $(INST)/hoso $(OUT)/libhoso.a $(OUT)/hoso.pc $(DIST_REDUCED) $(DIST_FONTS)/families.conf \
    $(OUT)/hoso-template.5
	$(Q)$(call say,INST,$(DESTDIR)$(PREFIX))true
	$(Q)install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)/hoso \
	    $(DESTDIR)$(DATADIR)/templates/parts $(DESTDIR)$(DATADIR)/fonts/original \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(DOCDIR)/examples
	$(Q)install -m 755 $(INST)/hoso $(DESTDIR)$(BINDIR)/hoso
	$(Q)install -m 644 $(OUT)/libhoso.a $(DESTDIR)$(LIBDIR)/libhoso.a
	$(Q)install -m 644 $(OUT)/hoso.pc $(DESTDIR)$(LIBDIR)/pkgconfig/hoso.pc
	$(Q)install -m 644 engine/hoso.h $(DESTDIR)$(INCLUDEDIR)/hoso/hoso.h
	$(Q)install -m 644 templates/*.xml $(DESTDIR)$(DATADIR)/templates/
	$(Q)install -m 644 templates/parts/*.xml $(DESTDIR)$(DATADIR)/templates/parts/
	$(Q)install -m 644 $(DIST_REDUCED) $(DIST_FONTS)/families.conf fonts/LICENSE-Liberation.txt \
	    $(DESTDIR)$(DATADIR)/fonts/
	$(Q)install -m 644 $(FONT_SRC) fonts/LICENSE-Liberation.txt $(DESTDIR)$(DATADIR)/fonts/original/
	$(Q)sed -e 's|@DATADIR@|$(DATADIR)|g; s|@DOCDIR@|$(DOCDIR)|g; s|@VERSION@|$(VERSION)|g' man/hoso.1 \
	    > $(DESTDIR)$(MANDIR)/man1/hoso.1 && chmod 644 $(DESTDIR)$(MANDIR)/man1/hoso.1
	$(Q)install -m 644 $(OUT)/hoso-template.5 $(DESTDIR)$(MANDIR)/man5/hoso-template.5
	$(Q)install -m 644 tools/hoso.bash-completion $(DESTDIR)$(BASHCOMPDIR)/hoso
	$(Q)install -m 644 $(wildcard samples/*) $(DESTDIR)$(DOCDIR)/examples/

# Removes what install-files puts there, the folders only hoso uses, and the
# folders install made for it if they are left empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/hoso $(DESTDIR)$(LIBDIR)/libhoso.a $(DESTDIR)$(LIBDIR)/pkgconfig/hoso.pc \
	    $(DESTDIR)$(MANDIR)/man1/hoso.1 $(DESTDIR)$(MANDIR)/man5/hoso-template.5 \
	    $(DESTDIR)$(BASHCOMPDIR)/hoso
	rm -rf $(DESTDIR)$(INCLUDEDIR)/hoso $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)
	@for d in $(LIBDIR)/pkgconfig $(MANDIR)/man1 $(MANDIR)/man5 $(BASHCOMPDIR) $(dir $(BASHCOMPDIR:/=)) \
	    $(dir $(DOCDIR:/=)); do rmdir "$(DESTDIR)$$d" 2>/dev/null || :; done

# The Debian package, with Debian's tooling (debian/): build/deb/hoso_*.deb.
deb: deps
	@sh tools/deps.sh deb
	@sh tools/make-deb.sh

# The package in a fresh Debian 12 root (root and debootstrap only).
test-deb: deb
	@sh tools/test-deb.sh

format:
	clang-format -i engine/*.h engine/*/*.c engine/*/*.h tests/unit/*.c tests/fuzz/*.c tests/fuzz/*.h

# (a Debian root of the install tests may still have /proc mounted if its
# test was killed: unmount it, and never cross into another file system)
clean:
	@for m in build/deb12-*/proc; do umount "$$m" 2>/dev/null || :; done
	rm -rf --one-file-system build out

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(EXAMPLE_BIN:=.d) $(INST_OBJ:.o=.d) $(FUZZ_BIN:=.d)
