#include "json_write.h"

#include "model/util/exit_codes.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

void json_write(FILE *fp, cJSON *root, const char *what)
{
	char *text = cJSON_Print(root);
	if (!text)
		die(EXIT_FAILURE_IO, _("out of memory printing %s"), what);
	fputs(text, fp);
	fputc('\n', fp);
	cJSON_free(text);
	cJSON_Delete(root);
}
