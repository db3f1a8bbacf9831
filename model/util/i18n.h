/*
** The language people read (SPEC 9.4): every user-facing text goes through
** gettext, English in the source and Japanese in rules/po/ja.po (built into
** build/locale/ja/LC_MESSAGES/bunkai.mo, installed under PREFIX/share/locale).
** Codes, ids and JSON keys are never translated.
*/
#ifndef BUNKAI_I18N_H
#define BUNKAI_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s) /* marks a string for the catalog; translated where it is printed */

/*
** Choose the language: `lang` "ja" or "en" (from --lang) wins; NULL follows
** the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), also when the named
** locale is not installed (docs/i18n.md says why). Then find the catalog:
** $BUNKAI_LOCALEDIR, the build tree beside the binary, or the installed one.
*/
void i18n_init(const char *lang);
/* What goes between the items of a list: ", " or "、". */
const char *list_sep(void);
/* "ja" or "en": the language the messages come out in. */
const char *i18n_lang(void);
/* The value of `--lang X` or `--lang=X` in argv, or NULL: read before the
   command line is parsed, so that --help and usage errors are translated. */
const char *i18n_lang_arg(int argc, char **argv);

#endif
