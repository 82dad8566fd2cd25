// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace unit tests: the JSON/text output layer. Prints KTAP and a
 * closing "N passed, N failed" line.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

static int passed, failed, n;

static void expect(const char *name, const char *got, const char *want)
{
	n++;
	if (!strcmp(got, want)) {
		passed++;
		printf("ok %d %s\n", n, name);
	} else {
		failed++;
		printf("not ok %d %s\n# got:  %s\n# want: %s\n", n, name, got,
		       want);
	}
}

/* Run one writer against a memory stream and return what it wrote. */
static char *render(void (*writer)(void), int json, int pretty)
{
	static char *buf;
	size_t len;
	FILE *f;

	free(buf);
	f = open_memstream(&buf, &len);
	if (!f)
		abort();
	out_init_file(f, json, pretty);
	writer();
	out_finish();
	fclose(f);
	return buf;
}

static void bridge_like(void)
{
	out_open_array(NULL);
	out_open_object(NULL);
	print_str(PRINT_ANY, "ifname", "%s:", "br0");
	print_u64(PRINT_ANY, "ifindex", " ifindex %llu", 5);
	print_on_off(PRINT_ANY, "saved", " saved %s", 1);
	print_on_off(PRINT_JSON, "json_only", NULL, 0);
	print_nl();
	out_open_object("stats");
	print_text("    stats:");
	print_u64(PRINT_ANY, "igmp", " igmp %llu", 18446744073709551615ULL);
	print_nl();
	out_close_object();
	out_close_object();
	out_close_array();
}

static void empty_array(void)
{
	out_open_array(NULL);
	out_close_array();
}

static void escapes(void)
{
	out_open_object(NULL);
	print_str(PRINT_ANY, "s", "%s", "a\"b\\c\n\x01");
	out_close_object();
}

int main(void)
{
	printf("TAP version 13\n1..5\n");
	expect("json compact", render(bridge_like, 1, 0),
	       "[{\"ifname\":\"br0\",\"ifindex\":5,\"saved\":true,"
	       "\"json_only\":false,\"stats\":{\"igmp\":18446744073709551615}}]\n");
	expect("json pretty", render(bridge_like, 1, 1),
	       "[\n    {\n        \"ifname\": \"br0\",\n"
	       "        \"ifindex\": 5,\n        \"saved\": true,\n"
	       "        \"json_only\": false,\n        \"stats\": {\n"
	       "            \"igmp\": 18446744073709551615\n        }\n"
	       "    }\n]\n");
	expect("text", render(bridge_like, 0, 0),
	       "br0: ifindex 5 saved on\n"
	       "    stats: igmp 18446744073709551615\n");
	expect("empty json array", render(empty_array, 1, 0), "[]\n");
	expect("json escapes", render(escapes, 1, 0),
	       "{\"s\":\"a\\\"b\\\\c\\n\\u0001\"}\n");
	printf("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:0 error:0\n",
	       passed, failed);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
