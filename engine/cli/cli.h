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

/* The files this render has written (written.c): 1, with who = "RECORD ×
 * TEMPLATE", when path is one of them and another document's. */
int hs_cli_written_by(const char *path, const char *record, const char *template_path, char *who,
                      size_t cap);
void hs_cli_wrote(const char *path, const char *record, const char *template_path);
/* The list carried across the watchdog's new start (execv): a descriptor
 * that stays open across it, holding every file written so far, or -1 (it
 * could not be made: the new start then knows nothing, as before). */
int hs_cli_written_carrier(void);
/* In the new start: the list read back from the carrier fd. 0, or -1. */
int hs_cli_written_resume(int fd);

/* `hoso dump` (dump.c): argv[1] is "dump". Returns the exit status. */
int hs_cli_dump(int argc, char **argv);

#endif
