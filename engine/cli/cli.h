/* engine/cli/cli.h — shared by the files of cli/. */
#ifndef HS_CLI_H
#define HS_CLI_H

#include <stddef.h>

/* A folder installed with hoso: the option given, else the environment
 * variable, else the one found beside the executable (main.c). */
const char *hs_cli_find_dir(const char *given, const char *env_name, const char *name,
                            const char *probe, char *buf, size_t cap);
/* SOURCE_DATE_EPOCH, or -1 when unset (a bad value is said and ignored). */
long long hs_cli_source_date_epoch(void);

/* `hoso dump` (dump.c): argv[1] is "dump". Returns the exit status. */
int hs_cli_dump(int argc, char **argv);

#endif
