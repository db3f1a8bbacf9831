#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DOMAIN "bunkai"

static int nonempty(const char *s)
{
	return s && *s;
}

/* What the environment asks for, in POSIX order of precedence. */
static const char *wanted_locale(void)
{
	const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (nonempty(getenv(names[i])))
			return getenv(names[i]);
	return NULL;
}

/*
** glibc translates by LANGUAGE only when LC_MESSAGES is not the C locale,
** and ignores the environment altogether when the named locale (say
** ja_JP.UTF-8) is not installed — a common state of servers and
** containers. Both ways a Japanese user would get English; so when the
** locale cannot be set, or is C, and LANGUAGE or the locale names Japanese,
** run LC_MESSAGES under C.UTF-8 (always present in glibc ≥ 2.35) with
** LANGUAGE saying the language. Only LC_MESSAGES changes: numbers and
** character classes stay C.
*/
static void follow_environment(void)
{
	const char *set = setlocale(LC_MESSAGES, "");
	if (set && strcmp(set, "C") && strcmp(set, "POSIX"))
		return;
	const char *language = getenv("LANGUAGE"), *loc = wanted_locale();
	if (nonempty(language)) {
		setlocale(LC_MESSAGES, "C.UTF-8");
	} else if (loc && !strncmp(loc, "ja", 2)) {
		setenv("LANGUAGE", "ja", 1);
		setlocale(LC_MESSAGES, "C.UTF-8");
	}
}

static int has_catalog(const char *dir)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof(path), "%s/ja/LC_MESSAGES/" DOMAIN ".mo", dir);
	return n > 0 && (size_t)n < sizeof(path) && access(path, R_OK) == 0;
}

/* The catalog beside the binary: build/locale for build/bunkai (and for
   build/asan/bunkai, one up), PREFIX/share/locale for PREFIX/bin/bunkai. */
static void bind_catalog(void)
{
	static char dir[PATH_MAX];
	const char *env = getenv("BUNKAI_LOCALEDIR");
	if (nonempty(env)) {
		bindtextdomain(DOMAIN, env);
		return;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		const char *const rel[] = { "locale", "../locale", "../share/locale" };
		for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			int len = snprintf(dir, sizeof(dir), "%s/%s", exe, rel[i]);
			if (len > 0 && (size_t)len < sizeof(dir) && has_catalog(dir)) {
				bindtextdomain(DOMAIN, dir);
				return;
			}
		}
	}
	bindtextdomain(DOMAIN, "/usr/share/locale");
}

/* Asked for by every message and list; the language is chosen once (here),
   so each is looked up once after it (a lookup that finds nothing, English,
   costs as much as one that does). */
static const char *cached_lang, *cached_sep;

void i18n_init(const char *lang)
{
	cached_lang = cached_sep = NULL;
	if (lang && !strcmp(lang, "en")) {
		setlocale(LC_MESSAGES, "C"); /* the C locale ignores LANGUAGE: English */
	} else if (lang && !strcmp(lang, "ja")) {
		setenv("LANGUAGE", "ja", 1);
		if (!setlocale(LC_MESSAGES, "ja_JP.UTF-8"))
			setlocale(LC_MESSAGES, "C.UTF-8");
	} else {
		follow_environment();
	}
	bind_catalog();
	bind_textdomain_codeset(DOMAIN, "UTF-8"); /* whatever LC_CTYPE says */
	/* glibc's own messages (strerror) too: under LC_CTYPE=C it would turn
	   their Japanese into question marks. */
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain(DOMAIN);
}

const char *list_sep(void)
{
	if (!cached_sep)
		/* TRANSLATORS: between the items of a list ("a, b"). */
		cached_sep = _(", ");
	return cached_sep;
}

const char *i18n_lang(void)
{
	if (!cached_lang)
		/* TRANSLATORS: the language code of this catalog ("ja"). */
		cached_lang = gettext("en");
	return cached_lang;
}

const char *i18n_lang_arg(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			return argv[i + 1];
		if (!strncmp(argv[i], "--lang=", 7))
			return argv[i] + 7;
	}
	return NULL;
}
