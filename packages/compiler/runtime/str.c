/* The immutable, reference-counted UTF-8 string and its operations. */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/* ---- construction and reference counting ------------------------------------------------------ */

/* The runtime's own layouts are numbered below 16 (the compiler numbers a module's from there). */
enum { STRING_TYPE_ID = 1 };

/* A string holds no references and owns nothing but itself. */
const rt_layout rt_str_layout = {
    .name = "str",
    .type_id = STRING_TYPE_ID,
    .flags = 0,
    .size = sizeof(rt_str),
    .drop = NULL,
    .traverse = NULL,
};

/* Immortal strings laid out as rt_str with room for their text. */
typedef struct {
  rt_object header;
  int64_t size, length, hash;
  char data[2];
} small_string;

static small_string empty_storage = {{RT_REFCOUNT_IMMORTAL, &rt_str_layout}, 0, 0, 0, {0}};
#define EMPTY ((rt_str *)&empty_storage)

/* One immortal string per ASCII character, so indexing ASCII text allocates nothing. */
static small_string ascii_storage[128];
static bool ascii_ready;

static rt_str *ascii_char(unsigned char c) {
  if (!ascii_ready) {
    for (int i = 0; i < 128; i++) {
      ascii_storage[i] = (small_string){{RT_REFCOUNT_IMMORTAL, &rt_str_layout}, 1, 1, 0, {(char)i, '\0'}};
    }
    ascii_ready = true;
  }
  return (rt_str *)&ascii_storage[c];
}

rt_str *rt_str_new_uninit(int64_t size) {
  rt_str *s = (rt_str *)rt_alloc(&rt_str_layout, (int64_t)sizeof(rt_str) + size + 1, NULL);
  s->size = size;
  s->length = 0;
  s->hash = 0;
  s->data[size] = '\0';
  return s;
}

int64_t rt_utf8_length(const char *data, size_t size) {
  int64_t continuation = 0;
  for (size_t i = 0; i < size; i++) continuation += ((unsigned char)data[i] & 0xC0) == 0x80;
  return (int64_t)size - continuation;
}

rt_str *rt_str_from_utf8(const char *data, size_t size) {
  if (size == 0) return EMPTY;
  if (size == 1 && (unsigned char)data[0] < 128) return ascii_char((unsigned char)data[0]);
  rt_str *s = rt_str_new_uninit((int64_t)size);
  memcpy(s->data, data, size);
  s->length = rt_utf8_length(data, size);
  return s;
}

rt_str *rt_str_from_cstr(const char *text) { return rt_str_from_utf8(text, strlen(text)); }

rt_str *rt_str_immortal_from_cstr(const char *text) {
  size_t size = strlen(text);
  rt_str *s = rt_malloc(sizeof(rt_str) + size + 1);
  s->header = (rt_object){RT_REFCOUNT_IMMORTAL, &rt_str_layout};
  s->size = (int64_t)size;
  s->length = rt_utf8_length(text, size);
  s->hash = 0;
  memcpy(s->data, text, size + 1);
  return s;
}

void rt_str_incref(rt_str *s) { rt_retain(&s->header); }

void rt_str_decref(rt_str *s) { rt_release(&s->header); }

int rt_utf8_decode(const unsigned char *p, uint32_t *cp) {
  unsigned char c = p[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c < 0xE0) {
    *cp = ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 3;
  }
  *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
        (p[3] & 0x3F);
  return 4;
}

int rt_utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* The sequences RFC 3629 allows: the second byte's range depends on the first (no overlong forms,
   no surrogates U+D800-DFFF, nothing past U+10FFFF); later bytes are 80-BF. */
bool rt_utf8_valid(const char *data, size_t size) {
  const unsigned char *p = (const unsigned char *)data, *end = p + size;
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      p++;
      continue;
    }
    int more;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      more = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      more = 2;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      more = 3;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (end - p <= more || p[1] < low || p[1] > high) return false;
    for (int i = 2; i <= more; i++)
      if ((p[i] & 0xC0) != 0x80) return false;
    p += more + 1;
  }
  return true;
}

bool rt_str_is_valid_utf8(rt_str *s) { return rt_utf8_valid(s->data, (size_t)s->size); }

/* ---- the byte buffer -------------------------------------------------------------------------- */

void rt_buf_reserve(rt_buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return;
  size_t cap = b->cap == 0 ? 64 : b->cap;
  while (cap < b->len + extra + 1) cap *= 2;
  b->data = rt_realloc(b->data, cap);
  b->cap = cap;
}

void rt_buf_put(rt_buf *b, const char *p, size_t n) {
  rt_buf_reserve(b, n);
  memcpy(b->data + b->len, p, n);
  b->len += n;
}

void rt_buf_putc(rt_buf *b, char c) {
  rt_buf_reserve(b, 1);
  b->data[b->len++] = c;
}

void rt_buf_puts(rt_buf *b, const char *s) { rt_buf_put(b, s, strlen(s)); }

void rt_buf_put_cp(rt_buf *b, uint32_t cp) {
  char encoded[4];
  rt_buf_put(b, encoded, (size_t)rt_utf8_encode(cp, encoded));
}

void rt_buf_fill(rt_buf *b, uint32_t cp, int64_t count) {
  if (count <= 0) return;
  char encoded[4];
  int n = rt_utf8_encode(cp, encoded);
  rt_buf_reserve(b, (size_t)count * (size_t)n);
  if (n == 1) {
    memset(b->data + b->len, encoded[0], (size_t)count);
    b->len += (size_t)count;
    return;
  }
  for (int64_t i = 0; i < count; i++) {
    memcpy(b->data + b->len, encoded, (size_t)n);
    b->len += (size_t)n;
  }
}

rt_str *rt_buf_to_str(rt_buf *b) {
  rt_str *s = rt_str_from_utf8(b->data != NULL ? b->data : "", b->len);
  rt_buf_free(b);
  return s;
}

void rt_buf_free(rt_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

/* ---- operations --------------------------------------------------------------------------------- */

rt_str *rt_str_concat(rt_str *a, rt_str *b) {
  if (b->size == 0) {
    rt_str_incref(a);
    return a;
  }
  if (a->size == 0) {
    rt_str_incref(b);
    return b;
  }
  rt_str *s = rt_str_new_uninit(a->size + b->size);
  memcpy(s->data, a->data, (size_t)a->size);
  memcpy(s->data + a->size, b->data, (size_t)b->size);
  s->length = a->length + b->length;
  return s;
}

/* UTF-8 byte order is code point order, so this orders by code points. Returns -1, 0 or 1. */
int64_t rt_str_compare(rt_str *a, rt_str *b) {
  int64_t n = a->size < b->size ? a->size : b->size;
  int c = memcmp(a->data, b->data, (size_t)n);
  if (c != 0) return c < 0 ? -1 : 1;
  return a->size < b->size ? -1 : a->size > b->size ? 1 : 0;
}

bool rt_str_eq(rt_str *a, rt_str *b) {
  return a == b || (a->size == b->size && memcmp(a->data, b->data, (size_t)a->size) == 0);
}

int64_t rt_str_len(rt_str *s) { return s->length; }

bool rt_str_repeat_fits(rt_str *s, int64_t n) { return n <= 0 || s->size == 0 || s->size <= INT64_MAX / n; }

rt_str *rt_str_repeat(rt_str *s, int64_t n) {
  if (n <= 0 || s->size == 0) return EMPTY;
  if (n == 1) {
    rt_str_incref(s);
    return s;
  }
  if (!rt_str_repeat_fits(s, n)) rt_out_of_memory();
  rt_str *r = rt_str_new_uninit(s->size * n);
  for (int64_t i = 0; i < n; i++) memcpy(r->data + i * s->size, s->data, (size_t)s->size);
  r->length = s->length * n;
  return r;
}

bool rt_str_contains(rt_str *haystack, rt_str *needle) {
  if (needle->size == 0) return true;
  if (needle->size > haystack->size) return false;
  const char *end = haystack->data + haystack->size - needle->size;
  for (const char *p = haystack->data; p <= end; p++) {
    p = memchr(p, needle->data[0], (size_t)(end - p + 1));
    if (p == NULL) return false;
    if (memcmp(p, needle->data, (size_t)needle->size) == 0) return true;
  }
  return false;
}

/* Byte offset of code point `index` (0 <= index <= length). */
static int64_t offset_of(rt_str *s, int64_t index) {
  if (s->size == s->length) return index;
  int64_t offset = 0;
  for (int64_t seen = 0; seen < index; offset++) seen += ((unsigned char)s->data[offset + 1] & 0xC0) != 0x80;
  return offset;
}

rt_str *rt_str_slice(rt_str *s, int64_t start, int64_t stop) {
  int64_t n = s->length;
  if (start < 0) start = start + n < 0 ? 0 : start + n;
  if (start > n) start = n;
  if (stop < 0) stop = stop + n < 0 ? 0 : stop + n;
  if (stop > n) stop = n;
  if (stop <= start) return EMPTY;
  if (start == 0 && stop == n) {
    rt_str_incref(s);
    return s;
  }
  int64_t from = offset_of(s, start);
  int64_t to = offset_of(s, stop);
  return rt_str_from_utf8(s->data + from, (size_t)(to - from));
}

/* ---- conversions to str ------------------------------------------------------------------------- */

int rt_i64_to_chars(int64_t x, char *out) {
  char digits[24];
  int n = 0;
  uint64_t magnitude = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
  do {
    digits[n++] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  int length = 0;
  if (x < 0) out[length++] = '-';
  while (n > 0) out[length++] = digits[--n];
  out[length] = '\0';
  return length;
}

rt_str *rt_i64_to_str(int64_t x) {
  char digits[24];
  int n = rt_i64_to_chars(x, digits);
  return rt_str_from_utf8(digits, (size_t)n);
}
