/* tests/cache/reseal.c — a cache entry's checksum made again after a test
 * changed its payload (engine/cache/store.c's header: the payload's XXH3-64,
 * little-endian, at byte 40 of 48), so that only what its reader checks
 * beyond the checksum can refuse it: reseal FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <xxhash.h>

int
main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "r+b");
        static unsigned char b[64 << 20];
        size_t n = f != NULL ? fread(b, 1, sizeof b, f) : 0;
        if (n < 48) {
            fprintf(stderr, "reseal: %s: not an entry\n", argv[i]);
            return 1;
        }
        unsigned long long h = XXH3_64bits(b + 48, n - 48);
        for (int k = 0; k < 8; k++)
            b[40 + k] = (unsigned char)(h >> (8 * k));
        if (fseek(f, 40, SEEK_SET) != 0 || fwrite(b + 40, 1, 8, f) != 8 || fclose(f) != 0)
            return 1;
    }
    return 0;
}
