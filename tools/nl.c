// SPDX-License-Identifier: GPL-2.0
/*
 * libmnl plumbing shared by the generic netlink and rtnetlink requests.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "nl.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_CAP_ACK
#define NETLINK_CAP_ACK 10
#endif

#define NL_BUF_SIZE (MNL_SOCKET_BUFFER_SIZE * 4)

int nl_open(struct nl_sock *nl, int bus)
{
	int one = 1;

	memset(nl, 0, sizeof(*nl));
	nl->buf = malloc(NL_BUF_SIZE);
	if (!nl->buf)
		return -1;
	nl->sock = mnl_socket_open(bus);
	if (!nl->sock)
		goto err_free;
	/* Older kernels lack these; errors then simply carry no message. */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0)
		goto err_close;
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = time(NULL);
	return 0;

err_close:
	mnl_socket_close(nl->sock);
err_free:
	free(nl->buf);
	nl->buf = NULL;
	return -1;
}

void nl_close(struct nl_sock *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl->buf);
	memset(nl, 0, sizeof(*nl));
}

struct nlmsghdr *nl_msg(struct nl_sock *nl, uint16_t type, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(nl->buf);

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++nl->seq;
	return nlh;
}

struct nlmsghdr *genl_msg(struct nl_sock *nl, uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = nl_msg(nl, nl->genl_family, flags);
	struct genlmsghdr *genl;

	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = 1;
	return nlh;
}

struct talk_ctx {
	mnl_cb_t cb;
	void *data;
	struct nl_error *err;
	bool interrupted;
};

static int talk_error_attr(const struct nlattr *attr, void *data)
{
	struct nl_error *err = data;

	if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
	    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
		snprintf(err->msg, sizeof(err->msg), "%s",
			 mnl_attr_get_str(attr));
	return MNL_CB_OK;
}

/* NLMSG_ERROR: an ACK (error 0) or a failure with its extack TLVs. */
static int talk_error(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	struct talk_ctx *ctx = data;
	unsigned int offset;

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e))) {
		ctx->err->err = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (!e->error) {
		/* Done, with something the admin should know. */
		if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
			struct nl_error note = { 0 };

			mnl_attr_parse(nlh, sizeof(*e), talk_error_attr, &note);
			if (note.msg[0])
				fprintf(stderr, "Warning: %s\n", note.msg);
		}
		return MNL_CB_STOP;
	}
	ctx->err->err = -e->error;
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
		offset = sizeof(*e);
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
			offset += e->msg.nlmsg_len - sizeof(e->msg);
		mnl_attr_parse(nlh, offset, talk_error_attr, ctx->err);
	}
	return MNL_CB_ERROR;
}

/* NLMSG_DONE ends a dump; it carries an error code if the dump failed. */
static int talk_done(const struct nlmsghdr *nlh, void *data)
{
	struct talk_ctx *ctx = data;
	const int *status = mnl_nlmsg_get_payload(nlh);

	if (nlh->nlmsg_len >= mnl_nlmsg_size(sizeof(*status)) && *status < 0) {
		ctx->err->err = -*status;
		return MNL_CB_ERROR;
	}
	return MNL_CB_STOP;
}

static int talk_data(const struct nlmsghdr *nlh, void *data)
{
	struct talk_ctx *ctx = data;

	return ctx->cb ? ctx->cb(nlh, ctx->data) : MNL_CB_OK;
}

/*
 * libmnl fails a whole dump with EINTR when a message carries
 * NLM_F_DUMP_INTR; we print what came and warn instead, so take the flag
 * off (the NLMSG_DONE of an interrupted dump carries it too).
 */
static void strip_dump_intr(void *buf, ssize_t len, struct talk_ctx *ctx)
{
	struct nlmsghdr *nlh = buf;
	int left = len;

	for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR) {
			nlh->nlmsg_flags &= ~NLM_F_DUMP_INTR;
			ctx->interrupted = true;
		}
	}
}

int nl_talk(struct nl_sock *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	    struct nl_error *err)
{
	/* libmnl skips its defaults for types this array leaves empty. */
	static mnl_cb_t ctl[NLMSG_MIN_TYPE] = {
		[NLMSG_ERROR] = talk_error,
		[NLMSG_DONE] = talk_done,
	};
	struct talk_ctx ctx = { .cb = cb, .data = data, .err = err };
	uint32_t seq = nlh->nlmsg_seq;
	ssize_t len;
	int ret;

	memset(err, 0, sizeof(*err));
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0) {
		err->err = errno;
		return -1;
	}
	do {
		len = mnl_socket_recvfrom(nl->sock, nl->buf, NL_BUF_SIZE);
		if (len < 0) {
			err->err = errno;
			return -1;
		}
		strip_dump_intr(nl->buf, len, &ctx);
		ret = mnl_cb_run2(nl->buf, len, seq, nl->portid, talk_data,
				  &ctx, ctl, NLMSG_MIN_TYPE);
	} while (ret > MNL_CB_STOP);
	if (ret < 0) {
		if (!err->err)
			err->err = errno ? errno : EIO;
		return -1;
	}
	if (ctx.interrupted)
		fprintf(stderr,
			"Warning: the table changed during the dump; the output may be inconsistent\n");
	return 0;
}

static int family_id_attr(const struct nlattr *attr, void *data)
{
	if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_ID &&
	    mnl_attr_validate(attr, MNL_TYPE_U16) == 0)
		*(uint16_t *)data = mnl_attr_get_u16(attr);
	return MNL_CB_OK;
}

static int family_id_cb(const struct nlmsghdr *nlh, void *data)
{
	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), family_id_attr, data);
	return MNL_CB_OK;
}

int genl_open(struct nl_sock *nl, const char *family, struct nl_error *err)
{
	struct nlmsghdr *nlh;
	uint16_t id = 0;

	memset(err, 0, sizeof(*err));
	if (nl_open(nl, NETLINK_GENERIC) < 0) {
		err->err = errno;
		return -1;
	}
	nl->genl_family = GENL_ID_CTRL;
	nlh = genl_msg(nl, CTRL_CMD_GETFAMILY, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, family);
	if (nl_talk(nl, nlh, family_id_cb, &id, err) < 0 || !id) {
		if (!err->err)
			err->err = ENOENT;
		nl_close(nl);
		return -1;
	}
	nl->genl_family = id;
	return 0;
}

struct attr_table {
	const struct nlattr **tb;
	unsigned int max;
};

static int attr_table_cb(const struct nlattr *attr, void *data)
{
	struct attr_table *t = data;
	unsigned int type = mnl_attr_get_type(attr);

	if (type <= t->max)
		t->tb[type] = attr;
	return MNL_CB_OK;
}

void nl_attrs(const struct nlmsghdr *nlh, unsigned int offset,
	      const struct nlattr **tb, unsigned int max)
{
	struct attr_table t = { .tb = tb, .max = max };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	mnl_attr_parse(nlh, offset, attr_table_cb, &t);
}

void nl_nested(const struct nlattr *nest, const struct nlattr **tb,
	       unsigned int max)
{
	struct attr_table t = { .tb = tb, .max = max };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	if (nest)
		mnl_attr_parse_nested(nest, attr_table_cb, &t);
}

uint8_t nl_u8(const struct nlattr *attr)
{
	return attr && !mnl_attr_validate(attr, MNL_TYPE_U8) ?
	       mnl_attr_get_u8(attr) : 0;
}

uint16_t nl_u16(const struct nlattr *attr)
{
	return attr && !mnl_attr_validate(attr, MNL_TYPE_U16) ?
	       mnl_attr_get_u16(attr) : 0;
}

uint32_t nl_u32(const struct nlattr *attr)
{
	return attr && !mnl_attr_validate(attr, MNL_TYPE_U32) ?
	       mnl_attr_get_u32(attr) : 0;
}

uint64_t nl_u64(const struct nlattr *attr)
{
	return attr && !mnl_attr_validate(attr, MNL_TYPE_U64) ?
	       mnl_attr_get_u64(attr) : 0;
}

const char *nl_str(const struct nlattr *attr)
{
	return attr && !mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) ?
	       mnl_attr_get_str(attr) : NULL;
}

void nl_perror(const struct nl_error *err, const char *context)
{
	const char *msg = err->msg[0] ? err->msg : strerror(err->err);

	if (context)
		fprintf(stderr, "Error: %s: %s\n", context, msg);
	else
		fprintf(stderr, "Error: %s\n", msg);
}
