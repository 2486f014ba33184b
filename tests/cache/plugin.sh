# tests/cache/plugin.sh — hoso's code linked into a shared object (a
# plugin of another program): the build id that salts the cache's keys and
# that --resume compares (hs_cache_build_id) is the plugin's own, not the
# host program's (the first object the loader lists).
. tests/lib/tap.sh
CC=${CC:-cc}
cat >"$T/stub.c" <<'C'
/* what engine/cache/ needs of engine/base/ */
#include <stdio.h>
#include <stdlib.h>
_Noreturn void hs_fatal_at(const char *f, int l, const char *fmt, ...);
_Noreturn void
hs_fatal_at(const char *f, int l, const char *fmt, ...)
{
    fprintf(stderr, "%s:%d: fatal\n", f, l);
    exit(70);
}
C
cat >"$T/host.c" <<'C'
#include <dlfcn.h>
#include <stdio.h>
int
main(int argc, char **argv)
{
    void *h = dlopen(argv[1], RTLD_NOW);
    const char *(*id)(void) = h != NULL ? (const char *(*)(void))dlsym(h, "hs_cache_build_id") : NULL;
    if (id == NULL) {
        fprintf(stderr, "%s\n", dlerror());
        return 1;
    }
    const char *s = id();
    printf("%s\n", s != NULL ? s : "(none)");
    return 0;
}
C
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iengine $(pkg-config --cflags libxxhash 2>/dev/null)"
if $CC $flags -fPIC -shared -Wl,--build-id -o "$T/plugin.so" engine/cache/key.c engine/cache/store.c \
    engine/cache/prune.c "$T/stub.c" -lxxhash 2>"$T/cc.err" &&
    $CC -Wl,--build-id -o "$T/host" "$T/host.c" -ldl 2>>"$T/cc.err"; then
    want=$(readelf -n "$T/plugin.so" | sed -n 's/.*Build ID: *//p')
    host=$(readelf -n "$T/host" | sed -n 's/.*Build ID: *//p')
    got=$("$T/host" "$T/plugin.so")
    check "the plugin and its host have build ids, not the same" test -n "$want" -a -n "$host" -a "$want" != "$host"
    check_eq "hs_cache_build_id in a plugin: the plugin's build id" "$want" "$got"
else
    cat "$T/cc.err" >&2
    check "engine/cache/ builds as a shared object" false
fi
