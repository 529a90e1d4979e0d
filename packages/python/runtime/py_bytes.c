/*
 * bytes: an immutable sequence of bytes (Objects/bytesobject.c's semantics), and the codecs between
 * it and str that CPython's programs use most: UTF-8, ASCII and Latin-1, with the strict, ignore and
 * replace error handlers and CPython's exact UnicodeDecodeError and UnicodeEncodeError messages.
 * Indexing and iteration give ints; repr is b'...' with CPython's quoting and escapes.
 */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <string.h>

#include "py_containers.h"
#include "py_hash.h"
#include "py_runtime.h"

const rt_layout py_bytes_layout = {
    .name = "bytes",
    .type_id = PY_BYTES_TYPE_ID,
    .flags = 0,
    .size = sizeof(py_bytes),
    .drop = NULL,
    .traverse = NULL,
};

/* New bytes of `size`, uninitialised but for a NUL after them. */
static py_bytes *bytes_new(int64_t size) {
  py_bytes *b = (py_bytes *)rt_alloc(&py_bytes_layout, (int64_t)sizeof(py_bytes) + size + 1, NULL);
  b->size = size;
  b->data[size] = '\0';
  return b;
}

static py_bytes *bytes_of(const char *data, int64_t size) {
  py_bytes *b = bytes_new(size);
  memcpy(b->data, data, (size_t)size);
  return b;
}

py_bytes *py_bytes_from_latin1(rt_str *text) {
  py_bytes *b = bytes_new(text->length);
  const unsigned char *p = (const unsigned char *)text->data;
  for (int64_t i = 0; i < text->length; i++) {
    uint32_t cp;
    p += rt_utf8_decode(p, &cp);
    b->data[i] = (char)cp;
  }
  return b;
}

py_bytes *py_bytes_from_list(py_list *list) {
  py_bytes *b = bytes_new(list->items.length);
  for (int64_t i = 0; i < list->items.length; i++) {
    int64_t value;
    if (!py_int_get_i64(py_list_word(list, i), &value) || value < 0 || value > 255) {
      rt_raise("ValueError", "bytes must be in range(0, 256)");
      rt_release(&b->header);
      return NULL;
    }
    b->data[i] = (char)value;
  }
  return b;
}

py_bytes *py_bytes_zeros(int64_t count) {
  if (count < 0) {
    rt_raise("ValueError", "negative count");
    return NULL;
  }
  py_bytes *b = bytes_new(count);
  memset(b->data, 0, (size_t)count);
  return b;
}

int64_t py_bytes_length(py_bytes *b) { return b->size; }

int64_t py_bytes_getitem(py_bytes *b, int64_t index) {
  if (index < 0) index += b->size;
  if (index < 0 || index >= b->size) {
    rt_raise("IndexError", "index out of range");
    return 0;
  }
  return (unsigned char)b->data[index];
}

py_bytes *py_bytes_slice(py_bytes *b, int64_t start, bool has_start, int64_t stop, bool has_stop, int64_t step) {
  if (step == 0) {
    rt_raise("ValueError", "slice step cannot be zero");
    return NULL;
  }
  int64_t count = py_slice_adjust(b->size, &start, has_start, &stop, has_stop, step);
  py_bytes *slice = bytes_new(count);
  for (int64_t i = 0; i < count; i++) slice->data[i] = b->data[start + i * step];
  return slice;
}

py_bytes *py_bytes_concat(py_bytes *a, py_bytes *b) {
  py_bytes *result = bytes_new(a->size + b->size);
  memcpy(result->data, a->data, (size_t)a->size);
  memcpy(result->data + a->size, b->data, (size_t)b->size);
  return result;
}

py_bytes *py_bytes_repeat(py_bytes *b, int64_t n) {
  if (n <= 0 || b->size == 0) return bytes_new(0);
  if (b->size > INT64_MAX / 2 / n) {
    rt_raise("MemoryError", "");
    return NULL;
  }
  py_bytes *result = bytes_new(b->size * n);
  for (int64_t i = 0; i < n; i++) memcpy(result->data + i * b->size, b->data, (size_t)b->size);
  return result;
}

bool py_bytes_contains(py_bytes *b, py_bytes *sub) {
  if (sub->size == 0) return true;
  if (sub->size > b->size) return false;
  return memmem(b->data, (size_t)b->size, sub->data, (size_t)sub->size) != NULL;
}

bool py_bytes_contains_int(py_bytes *b, int64_t byte) {
  if (byte < 0 || byte > 255) {
    rt_raise("ValueError", "byte must be in range(0, 256)");
    return false;
  }
  return memchr(b->data, (int)byte, (size_t)b->size) != NULL;
}

bool py_bytes_eq(py_bytes *a, py_bytes *b) {
  return a->size == b->size && memcmp(a->data, b->data, (size_t)a->size) == 0;
}

int64_t py_bytes_compare(py_bytes *a, py_bytes *b) {
  int64_t shorter = a->size < b->size ? a->size : b->size;
  int order = memcmp(a->data, b->data, (size_t)shorter);
  if (order != 0) return order < 0 ? -1 : 1;
  return (a->size > b->size) - (a->size < b->size);
}

int64_t py_bytes_hash(py_bytes *b) { return py_hash_bytes(b->data, b->size); }

/* bytes_repr: single quotes unless the bytes hold a ' and no ", escapes for the rest. */
void py_bytes_repr_into(rt_buf *out, const py_bytes *b) {
  bool double_quotes = memchr(b->data, '\'', (size_t)b->size) != NULL && memchr(b->data, '"', (size_t)b->size) == NULL;
  char quote = double_quotes ? '"' : '\'';
  rt_buf_putc(out, 'b');
  rt_buf_putc(out, quote);
  for (int64_t i = 0; i < b->size; i++) {
    unsigned char c = (unsigned char)b->data[i];
    if (c == quote || c == '\\') {
      rt_buf_putc(out, '\\');
      rt_buf_putc(out, (char)c);
    } else if (c == '\t') {
      rt_buf_puts(out, "\\t");
    } else if (c == '\n') {
      rt_buf_puts(out, "\\n");
    } else if (c == '\r') {
      rt_buf_puts(out, "\\r");
    } else if (c < ' ' || c >= 0x7f) {
      char escape[5];
      snprintf(escape, sizeof escape, "\\x%02x", c);
      rt_buf_puts(out, escape);
    } else {
      rt_buf_putc(out, (char)c);
    }
  }
  rt_buf_putc(out, quote);
}

rt_str *py_bytes_repr(py_bytes *b) {
  rt_buf out = {0};
  py_bytes_repr_into(&out, b);
  return rt_buf_to_str(&out);
}

rt_str *py_bytes_hex(py_bytes *b) {
  rt_buf out = {0};
  for (int64_t i = 0; i < b->size; i++) {
    char pair[3];
    snprintf(pair, sizeof pair, "%02x", (unsigned char)b->data[i]);
    rt_buf_put(&out, pair, 2);
  }
  return rt_buf_to_str(&out);
}

py_bytes *py_bytes_join(py_bytes *sep, py_list *parts) {
  int64_t count = parts->items.length;
  int64_t size = count > 0 ? sep->size * (count - 1) : 0;
  for (int64_t i = 0; i < count; i++) size += ((py_bytes *)(intptr_t)py_list_word(parts, i))->size;
  py_bytes *result = bytes_new(size);
  char *out = result->data;
  for (int64_t i = 0; i < count; i++) {
    const py_bytes *part = (const py_bytes *)(intptr_t)py_list_word(parts, i);
    if (i > 0) {
      memcpy(out, sep->data, (size_t)sep->size);
      out += sep->size;
    }
    memcpy(out, part->data, (size_t)part->size);
    out += part->size;
  }
  return result;
}

/* ---- codecs ----------------------------------------------------------------------------------- */

typedef enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UNKNOWN } codec;
typedef enum { ERRORS_STRICT, ERRORS_IGNORE, ERRORS_REPLACE, ERRORS_UNKNOWN } error_handler;

/* The codec an encoding name names, normalised as CPython's codec lookup does (case, '_' and '-'). */
static codec codec_named(const rt_str *name) {
  char normal[32];
  if (name->size >= (int64_t)sizeof normal) return CODEC_UNKNOWN;
  for (int64_t i = 0; i <= name->size; i++) {
    char c = name->data[i];
    normal[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  if (strcmp(normal, "utf-8") == 0 || strcmp(normal, "utf8") == 0 || strcmp(normal, "u8") == 0) return CODEC_UTF8;
  if (strcmp(normal, "ascii") == 0 || strcmp(normal, "us-ascii") == 0) return CODEC_ASCII;
  if (strcmp(normal, "latin-1") == 0 || strcmp(normal, "latin1") == 0 || strcmp(normal, "iso-8859-1") == 0 ||
      strcmp(normal, "iso8859-1") == 0 || strcmp(normal, "l1") == 0)
    return CODEC_LATIN1;
  return CODEC_UNKNOWN;
}

/* CPython's LookupError for an encoding it does not know; NULL, the failing codec call's result. */
static void *unknown_encoding(const rt_str *encoding) {
  rt_raisef("LookupError", "unknown encoding: %s", encoding->data);
  return NULL;
}

static const char *codec_name(codec c) { return c == CODEC_UTF8 ? "utf-8" : c == CODEC_ASCII ? "ascii" : "latin-1"; }

static error_handler handler_named(const rt_str *name) {
  if (strcmp(name->data, "strict") == 0) return ERRORS_STRICT;
  if (strcmp(name->data, "ignore") == 0) return ERRORS_IGNORE;
  if (strcmp(name->data, "replace") == 0) return ERRORS_REPLACE;
  return ERRORS_UNKNOWN;
}

/* Handles an undecodable range [start, end) as the handler says: false after raising. */
static bool decode_error(rt_buf *out, error_handler handler, codec c, const py_bytes *b, int64_t start, int64_t end,
                         const char *reason, const rt_str *handler_name) {
  if (handler == ERRORS_IGNORE) return true;
  if (handler == ERRORS_REPLACE) {
    rt_buf_put_cp(out, 0xfffd);
    return true;
  }
  if (handler == ERRORS_UNKNOWN) {
    rt_raisef("LookupError", "unknown error handler name '%s'", handler_name->data);
    return false;
  }
  if (end - start == 1)
    rt_raisef("UnicodeDecodeError", "'%s' codec can't decode byte 0x%02x in position %lld: %s", codec_name(c),
              (unsigned char)b->data[start], (long long)start, reason);
  else
    rt_raisef("UnicodeDecodeError", "'%s' codec can't decode bytes in position %lld-%lld: %s", codec_name(c),
              (long long)start, (long long)(end - 1), reason);
  return false;
}

/* The length of the well-formed UTF-8 sequence at i, or 0 with the bad range's end and the reason
   (the maximal subpart CPython's decoder reports and replaces as one). */
static int64_t utf8_sequence(const unsigned char *p, int64_t i, int64_t size, int64_t *bad_end, const char **reason) {
  unsigned char lead = p[i];
  if (lead < 0x80) return 1;
  int64_t length;
  unsigned char second_min = 0x80, second_max = 0xbf;
  if (lead < 0xc2 || lead >= 0xf5) {
    *bad_end = i + 1;
    *reason = "invalid start byte";
    return 0;
  }
  if (lead < 0xe0) {
    length = 2;
  } else if (lead < 0xf0) {
    length = 3;
    if (lead == 0xe0) second_min = 0xa0;
    if (lead == 0xed) second_max = 0x9f; /* no surrogates */
  } else {
    length = 4;
    if (lead == 0xf0) second_min = 0x90;
    if (lead == 0xf4) second_max = 0x8f; /* nothing above U+10FFFF */
  }
  for (int64_t k = 1; k < length; k++) {
    if (i + k >= size) {
      *bad_end = size;
      *reason = "unexpected end of data";
      return 0;
    }
    unsigned char c = p[i + k];
    bool ok = k == 1 ? c >= second_min && c <= second_max : c >= 0x80 && c <= 0xbf;
    if (!ok) {
      *bad_end = i + k;
      *reason = "invalid continuation byte";
      return 0;
    }
  }
  return length;
}

rt_str *py_bytes_decode(py_bytes *b, rt_str *encoding, rt_str *errors) {
  codec c = codec_named(encoding);
  if (c == CODEC_UNKNOWN) return unknown_encoding(encoding);
  error_handler handler = handler_named(errors);
  const unsigned char *p = (const unsigned char *)b->data;
  rt_buf out = {0};
  for (int64_t i = 0; i < b->size;) {
    if (c == CODEC_LATIN1 || p[i] < 0x80) {
      rt_buf_put_cp(&out, p[i++]);
      continue;
    }
    if (c == CODEC_ASCII) {
      if (!decode_error(&out, handler, c, b, i, i + 1, "ordinal not in range(128)", errors)) break;
      i++;
      continue;
    }
    int64_t bad_end;
    const char *reason;
    int64_t length = utf8_sequence(p, i, b->size, &bad_end, &reason);
    if (length == 0) {
      if (!decode_error(&out, handler, c, b, i, bad_end, reason, errors)) break;
      i = bad_end;
      continue;
    }
    rt_buf_put(&out, (const char *)p + i, (size_t)length);
    i += length;
  }
  if (rt_error_pending) {
    rt_buf_free(&out);
    return NULL;
  }
  return rt_buf_to_str(&out);
}

/* The text of str() of a one-character string's repr inside CPython's encode errors: '\ud800'. */
static void raise_encode_error(codec c, uint32_t cp, int64_t position, const char *reason) {
  char shown[16];
  if (cp < 0x100) snprintf(shown, sizeof shown, "\\x%02x", cp);
  else if (cp < 0x10000) snprintf(shown, sizeof shown, "\\u%04x", cp);
  else snprintf(shown, sizeof shown, "\\U%08x", cp);
  rt_raisef("UnicodeEncodeError", "'%s' codec can't encode character '%s' in position %lld: %s", codec_name(c), shown,
            (long long)position, reason);
}

py_bytes *py_str_encode(rt_str *text, rt_str *encoding, rt_str *errors) {
  codec c = codec_named(encoding);
  if (c == CODEC_UNKNOWN) return unknown_encoding(encoding);
  error_handler handler = handler_named(errors);
  rt_buf out = {0};
  const unsigned char *p = (const unsigned char *)text->data;
  for (int64_t i = 0; i < text->length; i++) {
    uint32_t cp;
    int width = rt_utf8_decode(p, &cp);
    bool surrogate = cp >= 0xd800 && cp <= 0xdfff;
    uint32_t limit = c == CODEC_ASCII ? 0x80 : c == CODEC_LATIN1 ? 0x100 : 0x110000;
    if (cp < limit && !surrogate) {
      if (c == CODEC_UTF8) rt_buf_put(&out, (const char *)p, (size_t)width);
      else rt_buf_putc(&out, (char)cp);
    } else if (handler == ERRORS_REPLACE) {
      rt_buf_putc(&out, '?');
    } else if (handler == ERRORS_STRICT) {
      const char *reason = c == CODEC_UTF8 ? "surrogates not allowed"
                           : c == CODEC_ASCII ? "ordinal not in range(128)"
                                              : "ordinal not in range(256)";
      raise_encode_error(c, cp, i, reason);
      break;
    } else if (handler == ERRORS_UNKNOWN) {
      rt_raisef("LookupError", "unknown error handler name '%s'", errors->data);
      break;
    }
    p += width;
  }
  py_bytes *result = rt_error_pending ? NULL : bytes_of(out.data == NULL ? "" : out.data, (int64_t)out.len);
  rt_buf_free(&out);
  return result;
}
