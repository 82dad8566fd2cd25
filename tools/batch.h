/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Batch mode (mcsnoopctl -b FILE): one command per line, split like a
 * shell splits simple words.
 */
#ifndef MCS_BATCH_H
#define MCS_BATCH_H

#include "mcsnoopctl.h"

/* Most words one line may have. */
#define MCS_BATCH_MAX_WORDS 256

/* mcs_split_line's answer for a backslash at the very end of the line. */
#define MCS_SPLIT_MORE (-2)

/*
 * Split line into words: whitespace separates them; '...' keeps
 * everything literally, "..." too except that a backslash escapes " \ $
 * and `; a backslash outside quotes escapes any character; an unquoted #
 * at the start of a word starts a comment. The words are written to buf
 * (strlen(line) + 1 bytes) and pointed at by argv (max entries).
 * Returns the number of words; -1 with *err set for a line that cannot
 * be split (unterminated quote, too many words); MCS_SPLIT_MORE when the
 * line ends in an unquoted backslash (the command goes on on the next
 * line).
 */
int mcs_split_line(const char *line, char *buf, char **argv, int max,
		   const char **err);

/*
 * Run the commands of file ("-": standard input) in order through
 * mcs_dispatch(objects), stopping at the first one that fails. Returns
 * the exit status.
 */
int mcs_batch(struct mcs_ctx *ctx, const char *file,
	      const struct mcs_cmd *objects, void (*usage)(void));

#endif /* MCS_BATCH_H */
