/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One print call serves text and JSON, as in iproute2: the key names the
 * JSON member, the format prints the text. PRINT_ANY prints in both modes,
 * PRINT_TEXT and PRINT_JSON in one only.
 */
#ifndef MCS_OUTPUT_H
#define MCS_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum output_mode {
	PRINT_ANY,
	PRINT_TEXT,
	PRINT_JSON,
};

void out_init(bool json, bool pretty);
/* Output to another stream (unit tests). */
void out_init_file(FILE *file, bool json, bool pretty);
bool out_is_json(void);
void out_finish(void);

void out_open_array(const char *key);
void out_close_array(void);
void out_open_object(const char *key);
void out_close_object(void);

void print_str(enum output_mode mode, const char *key, const char *fmt,
	       const char *value);
/* A string, or JSON null when value is NULL (text then prints nothing). */
void print_str_or_null(enum output_mode mode, const char *key,
		       const char *fmt, const char *value);
void print_u64(enum output_mode mode, const char *key, const char *fmt,
	       uint64_t value);
/* "on"/"off" in text, true/false in JSON. */
void print_on_off(enum output_mode mode, const char *key, const char *fmt,
		  bool value);
/*
 * Milliseconds as seconds: "1.5" in text (through fmt's %s), the number
 * 1.5 in JSON. Trailing zeros of the decimals are dropped.
 */
void print_secs(enum output_mode mode, const char *key, const char *fmt,
		uint32_t ms);
/* The text print_secs prints; buf needs 16 bytes. */
const char *format_secs(char *buf, size_t size, uint32_t ms);
/* Text only: a newline, or literal text. */
void print_nl(void);
void print_text(const char *text);
/* Text only: print prefix before every line that follows (NULL: none). */
void out_text_indent(const char *prefix);

#endif /* MCS_OUTPUT_H */
