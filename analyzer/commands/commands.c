/*
** The command table: every subcommand, in the order of bunkai --help. Each
** entry lives in its cmd_*.c (command.h says what an entry holds).
*/
#include "analyzer/commands/command.h"

extern const struct command cmd_check, cmd_analyze, cmd_plan, cmd_diff, cmd_matrix, cmd_report, cmd_diagram,
	cmd_pack, cmd_items, cmd_template, cmd_import, cmd_export;

const struct command *const command_table[] = {
	&cmd_check, &cmd_analyze, &cmd_plan, &cmd_diff, &cmd_matrix, &cmd_report, &cmd_diagram, &cmd_pack, &cmd_items, &cmd_template, &cmd_import,
	&cmd_export, NULL,
};
