// SPDX-License-Identifier: GPL-2.0
/*
 * Batch mode: mcsnoopctl -b FILE runs one command per line of FILE (the
 * words that would follow "mcsnoopctl" on the command line), in order,
 * with the global options of the command line and one netlink socket,
 * and stops at the first command that fails, naming its line.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "output.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

int mcs_split_line(const char *line, char *buf, char **argv, int max,
		   const char **err)
{
	const char *r = line;
	char *w = buf;
	int argc = 0;

	for (;;) {
		while (is_blank(*r))
			r++;
		if (!*r || *r == '#')
			return argc;
		if (argc == max) {
			*err = "too many words on the line";
			return -1;
		}
		argv[argc++] = w;
		while (*r && !is_blank(*r)) {
			if (*r == '\'') {
				r++;
				while (*r && *r != '\'')
					*w++ = *r++;
				if (!*r) {
					*err = "missing closing ' quote";
					return -1;
				}
				r++;
			} else if (*r == '"') {
				r++;
				while (*r && *r != '"') {
					if (*r == '\\' && r[1] &&
					    strchr("\"\\$`", r[1]))
						r++;
					*w++ = *r++;
				}
				if (!*r) {
					*err = "missing closing \" quote";
					return -1;
				}
				r++;
			} else if (*r == '\\') {
				if (!r[1])
					return MCS_SPLIT_MORE;
				r++;
				*w++ = *r++;
			} else {
				*w++ = *r++;
			}
		}
		*w++ = '\0';
	}
}

/* Make the buffer *p of *size bytes at least want bytes long. */
static int grow(char **p, size_t *size, size_t want)
{
	char *n;

	if (*size >= want)
		return 0;
	n = realloc(*p, want);
	if (!n)
		return -1;
	*p = n;
	*size = want;
	return 0;
}

/* Append len bytes of s to the string *p (*used bytes, *size allocated). */
static int append(char **p, size_t *size, size_t *used, const char *s,
		  size_t len)
{
	if (grow(p, size, *used + len + 1) < 0)
		return -1;
	memcpy(*p + *used, s, len);
	*used += len;
	(*p)[*used] = '\0';
	return 0;
}

static int failed(const char *name, unsigned int lineno)
{
	fprintf(stderr, "Error: %s:%u: command failed\n", name, lineno);
	return 1;
}

int mcs_batch(struct mcs_ctx *ctx, const char *file,
	      const struct mcs_cmd *objects, void (*usage)(void))
{
	char *line = NULL, *cmd = NULL, *words = NULL;
	size_t line_size = 0, cmd_size = 0, cmd_len = 0, words_size = 0;
	char *argv[MCS_BATCH_MAX_WORDS];
	unsigned int lineno = 0, start = 0;
	const char *name = file, *err;
	int argc, ret = 0;
	ssize_t len;
	FILE *fp;

	if (!strcmp(file, "-")) {
		fp = stdin;
		name = "stdin";
	} else {
		fp = fopen(file, "r");
		if (!fp) {
			fprintf(stderr, "Error: cannot open batch file \"%s\": %s\n",
				file, strerror(errno));
			return 1;
		}
	}
	while ((len = getline(&line, &line_size, fp)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!cmd_len)
			start = lineno;
		if (append(&cmd, &cmd_size, &cmd_len, line, len) < 0 ||
		    grow(&words, &words_size, cmd_size) < 0) {
			fprintf(stderr, "Error: out of memory\n");
			ret = failed(name, start);
			break;
		}
		argc = mcs_split_line(cmd, words, argv, MCS_BATCH_MAX_WORDS,
				      &err);
		if (argc == MCS_SPLIT_MORE) {
			/* A backslash before the newline: join the next line. */
			cmd[--cmd_len] = '\0';
			continue;
		}
		cmd_len = 0;
		if (argc < 0) {
			fprintf(stderr, "Error: %s\n", err);
			ret = failed(name, start);
			break;
		}
		if (!argc)
			continue;
		/* Each command prints a JSON document of its own. */
		out_init(ctx->json, ctx->pretty);
		if (mcs_dispatch(ctx, objects, usage, argc, argv)) {
			fflush(stdout);
			ret = failed(name, start);
			break;
		}
		fflush(stdout);
	}
	if (!ret && cmd_len) {
		fprintf(stderr, "Error: backslash at the end of the file\n");
		ret = failed(name, start);
	} else if (!ret && ferror(fp)) {
		fprintf(stderr, "Error: cannot read batch file \"%s\": %s\n",
			name, strerror(errno));
		ret = 1;
	}
	if (fp != stdin)
		fclose(fp);
	free(line);
	free(cmd);
	free(words);
	return ret;
}
