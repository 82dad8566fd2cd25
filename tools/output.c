// SPDX-License-Identifier: GPL-2.0
/*
 * Text and JSON output. The JSON writer keeps just enough state to place
 * commas and indentation; strings are escaped as RFC 8259 asks.
 */
#include <stdio.h>

#include "output.h"

#define MAX_DEPTH 16

static FILE *fp;
static bool json, pretty;
static int depth;
static bool first[MAX_DEPTH];
static bool started;	/* no newline before the first JSON token */
static const char *indent;	/* text: before every line, if set */
static bool line_start = true;

void out_init(bool use_json, bool use_pretty)
{
	out_init_file(stdout, use_json, use_pretty);
}

void out_init_file(FILE *file, bool use_json, bool use_pretty)
{
	fp = file;
	json = use_json;
	pretty = use_pretty;
	depth = 0;
	first[0] = true;
	started = false;
	indent = NULL;
	line_start = true;
}

void out_text_indent(const char *prefix)
{
	indent = prefix;
}

/* Text is about to be printed: the indent first at the start of a line. */
static void text_begin(void)
{
	if (line_start && indent)
		fputs(indent, fp);
	line_start = false;
}

bool out_is_json(void)
{
	return json;
}

static void json_string(const char *s)
{
	putc('"', fp);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			putc(c, fp);
	}
	putc('"', fp);
}

static void json_indent(void)
{
	int i;

	if (!pretty)
		return;
	if (started)
		putc('\n', fp);
	started = true;
	for (i = 0; i < depth; i++)
		fputs("    ", fp);
}

/* Separator and key of the next JSON member or element. */
static void json_member(const char *key)
{
	if (!first[depth])
		putc(',', fp);
	first[depth] = false;
	json_indent();
	if (key) {
		json_string(key);
		fputs(pretty ? ": " : ":", fp);
	}
}

static void json_open(const char *key, char bracket)
{
	json_member(key);
	putc(bracket, fp);
	if (depth < MAX_DEPTH - 1)
		depth++;
	first[depth] = true;
}

static void json_close(char bracket)
{
	bool empty = first[depth];

	if (depth > 0)
		depth--;
	if (!empty)
		json_indent();
	putc(bracket, fp);
}

void out_open_array(const char *key)
{
	if (json)
		json_open(key, '[');
}

void out_close_array(void)
{
	if (json)
		json_close(']');
}

void out_open_object(const char *key)
{
	if (json)
		json_open(key, '{');
}

void out_close_object(void)
{
	if (json)
		json_close('}');
}

void out_finish(void)
{
	if (json)
		putc('\n', fp);
	fflush(fp);
}

/* print_secs' text and JSON number; a buffer of one call. */
static const char *secs_str(uint32_t ms)
{
	static char buf[16];

	return format_secs(buf, sizeof(buf), ms);
}

/*
 * The printers of each type, as iproute2's json_print.c makes them: the
 * JSON value is written by json_value, the text is fmt with text_value.
 */
#define PRINT_FUNC(type_name, type, json_value, text_value)		\
	void print_##type_name(enum output_mode mode, const char *key,	\
			       const char *fmt, type value)		\
	{								\
		if (json && mode != PRINT_TEXT) {			\
			json_member(key);				\
			json_value;					\
		} else if (!json && mode != PRINT_JSON) {		\
			text_begin();					\
			fprintf(fp, fmt, text_value);			\
		}							\
	}

PRINT_FUNC(str, const char *, json_string(value), value)
PRINT_FUNC(u64, uint64_t, fprintf(fp, "%llu", (unsigned long long)value),
	   (unsigned long long)value)
PRINT_FUNC(on_off, bool, fputs(value ? "true" : "false", fp),
	   value ? "on" : "off")
PRINT_FUNC(secs, uint32_t, fputs(secs_str(value), fp), secs_str(value))

void print_str_or_null(enum output_mode mode, const char *key,
		       const char *fmt, const char *value)
{
	if (value) {
		print_str(mode, key, fmt, value);
	} else if (json && mode != PRINT_TEXT) {
		json_member(key);
		fputs("null", fp);
	}
}

void print_nl(void)
{
	if (!json) {
		putc('\n', fp);
		line_start = true;
	}
}

void print_text(const char *text)
{
	if (!json) {
		text_begin();
		fputs(text, fp);
	}
}

const char *format_secs(char *buf, size_t size, uint32_t ms)
{
	unsigned int frac = ms % 1000;
	int digits = 3;

	if (!frac) {
		snprintf(buf, size, "%u", ms / 1000);
		return buf;
	}
	while (frac % 10 == 0) {
		frac /= 10;
		digits--;
	}
	snprintf(buf, size, "%u.%0*u", ms / 1000, digits, frac);
	return buf;
}
