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

void print_str(enum output_mode mode, const char *key, const char *fmt,
	       const char *value)
{
	if (json && mode != PRINT_TEXT) {
		json_member(key);
		json_string(value);
	} else if (!json && mode != PRINT_JSON) {
		text_begin();
		fprintf(fp, fmt, value);
	}
}

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

void print_u64(enum output_mode mode, const char *key, const char *fmt,
	       uint64_t value)
{
	if (json && mode != PRINT_TEXT) {
		json_member(key);
		fprintf(fp, "%llu", (unsigned long long)value);
	} else if (!json && mode != PRINT_JSON) {
		text_begin();
		fprintf(fp, fmt, (unsigned long long)value);
	}
}

void print_on_off(enum output_mode mode, const char *key, const char *fmt,
		  bool value)
{
	if (json && mode != PRINT_TEXT) {
		json_member(key);
		fputs(value ? "true" : "false", fp);
	} else if (!json && mode != PRINT_JSON) {
		text_begin();
		fprintf(fp, fmt, value ? "on" : "off");
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

void print_secs(enum output_mode mode, const char *key, const char *fmt,
		uint32_t ms)
{
	char buf[16];

	format_secs(buf, sizeof(buf), ms);
	if (json && mode != PRINT_TEXT) {
		json_member(key);
		fputs(buf, fp);
	} else if (!json && mode != PRINT_JSON) {
		text_begin();
		fprintf(fp, fmt, buf);
	}
}
