/* Python's str methods of letter case: upper, lower, casefold, title, capitalize and swapcase with
 * Unicode's full mappings (a code point may become up to three: 'ß'.upper() == 'SS') and final
 * sigma, and the character-class predicates isalpha ... istitle, as CPython 3.11's unicodeobject.c
 * defines them over its character flags (rt_unicode_flags). */
#include "py_str_internal.h"

#define CAPITAL_SIGMA 0x3A3

static bool has(uint32_t cp, uint32_t flags) { return (rt_unicode_flags(cp) & flags) != 0; }

/* CPython's handle_capital_sigma: U+03A3 at bytes [at, after) lowers to final sigma when a cased
 * letter comes before it and none after, case-ignorable code points skipped both ways. */
static uint32_t lower_sigma(const rt_str *s, int64_t at, int64_t after) {
  uint32_t cp = 0;
  int64_t i = at;
  bool cased_before = false;
  while (i > 0) {
    cp = py_utf8_previous(s->data, &i);
    if (!has(cp, RT_UNICODE_CASE_IGNORABLE)) {
      cased_before = has(cp, RT_UNICODE_CASED);
      break;
    }
  }
  if (!cased_before) return 0x3C3;
  for (i = after; i < s->size;) {
    i += rt_utf8_decode((const unsigned char *)s->data + i, &cp);
    if (!has(cp, RT_UNICODE_CASE_IGNORABLE)) return has(cp, RT_UNICODE_CASED) ? 0x3C3 : 0x3C2;
  }
  return 0x3C2;
}

static void put_mapped(rt_buf *b, uint32_t cp, rt_unicode_case_kind kind) {
  uint32_t mapped[3];
  int count = rt_unicode_case(cp, kind, mapped);
  for (int i = 0; i < count; i++) rt_buf_put_cp(b, mapped[i]);
}

/* CPython's lower_ucs4: the lower-case form of the code point at bytes [at, after) of s. */
static void put_lower(rt_buf *b, const rt_str *s, uint32_t cp, int64_t at, int64_t after) {
  if (cp == CAPITAL_SIGMA) {
    rt_buf_put_cp(b, lower_sigma(s, at, after));
  } else {
    put_mapped(b, cp, RT_UNICODE_LOWER_CASE);
  }
}

typedef enum { UPPER, LOWER, CASEFOLD, TITLE, CAPITALIZE, SWAPCASE } case_operation;

static rt_str *change_case(rt_str *s, case_operation operation) {
  rt_buf b = {0};
  rt_buf_reserve(&b, (size_t)s->size);
  bool previous_cased = false;
  for (int64_t at = 0; at < s->size;) {
    uint32_t cp;
    int64_t after = at + rt_utf8_decode((const unsigned char *)s->data + at, &cp);
    switch (operation) {
    case UPPER: put_mapped(&b, cp, RT_UNICODE_UPPER_CASE); break;
    case LOWER: put_lower(&b, s, cp, at, after); break;
    case CASEFOLD: put_mapped(&b, cp, RT_UNICODE_FOLDED_CASE); break;
    case TITLE:
      if (previous_cased) {
        put_lower(&b, s, cp, at, after);
      } else {
        put_mapped(&b, cp, RT_UNICODE_TITLE_CASE);
      }
      previous_cased = has(cp, RT_UNICODE_CASED);
      break;
    case CAPITALIZE:
      if (at == 0) {
        put_mapped(&b, cp, RT_UNICODE_TITLE_CASE);
      } else {
        put_lower(&b, s, cp, at, after);
      }
      break;
    case SWAPCASE:
      if (has(cp, RT_UNICODE_UPPER)) {
        put_lower(&b, s, cp, at, after);
      } else if (has(cp, RT_UNICODE_LOWER)) {
        put_mapped(&b, cp, RT_UNICODE_UPPER_CASE);
      } else {
        rt_buf_put_cp(&b, cp);
      }
      break;
    }
    at = after;
  }
  return rt_buf_to_str(&b);
}

rt_str *py_str_upper(rt_str *s) { return change_case(s, UPPER); }

rt_str *py_str_lower(rt_str *s) { return change_case(s, LOWER); }

rt_str *py_str_casefold(rt_str *s) { return change_case(s, CASEFOLD); }

rt_str *py_str_title(rt_str *s) { return change_case(s, TITLE); }

rt_str *py_str_capitalize(rt_str *s) { return change_case(s, CAPITALIZE); }

rt_str *py_str_swapcase(rt_str *s) { return change_case(s, SWAPCASE); }

/* ---- predicates ------------------------------------------------------------------------------- */

typedef bool (*cp_test)(uint32_t cp);

/* Whether s is not empty and every code point passes. */
static bool all(const rt_str *s, cp_test test) {
  if (s->size == 0) return false;
  for (int64_t at = 0; at < s->size;) {
    uint32_t cp;
    at += rt_utf8_decode((const unsigned char *)s->data + at, &cp);
    if (!test(cp)) return false;
  }
  return true;
}

static bool is_decimal(uint32_t cp) { return rt_unicode_decimal(cp) >= 0; }
static bool is_digit(uint32_t cp) { return has(cp, RT_UNICODE_DIGIT); }
static bool is_numeric(uint32_t cp) { return has(cp, RT_UNICODE_NUMERIC); }
static bool is_alpha(uint32_t cp) { return has(cp, RT_UNICODE_ALPHA); }
static bool is_alnum(uint32_t cp) {
  return has(cp, RT_UNICODE_ALPHA | RT_UNICODE_DIGIT | RT_UNICODE_NUMERIC) || is_decimal(cp);
}

bool py_str_isdecimal(rt_str *s) { return all(s, is_decimal); }
bool py_str_isdigit(rt_str *s) { return all(s, is_digit); }
bool py_str_isnumeric(rt_str *s) { return all(s, is_numeric); }
bool py_str_isalpha(rt_str *s) { return all(s, is_alpha); }
bool py_str_isalnum(rt_str *s) { return all(s, is_alnum); }
bool py_str_isspace(rt_str *s) { return all(s, rt_unicode_is_space); }
bool py_str_isascii(rt_str *s) { return py_str_is_ascii(s); }

bool py_str_isidentifier(rt_str *s) {
  if (s->size == 0) return false;
  for (int64_t at = 0; at < s->size;) {
    uint32_t cp;
    bool first = at == 0;
    at += rt_utf8_decode((const unsigned char *)s->data + at, &cp);
    if (!has(cp, first ? RT_UNICODE_XID_START : RT_UNICODE_XID_CONTINUE)) return false;
  }
  return true;
}

/* isupper and islower: some cased code point, and none of the other case (title case counts as
 * the other case for both). */
static bool one_case(const rt_str *s, uint32_t wanted, uint32_t other) {
  if (s->length == 1) {
    /* CPython asks a single code point only whether it has the case wanted. */
    uint32_t cp;
    rt_utf8_decode((const unsigned char *)s->data, &cp);
    return has(cp, wanted);
  }
  bool cased = false;
  for (int64_t at = 0; at < s->size;) {
    uint32_t cp;
    at += rt_utf8_decode((const unsigned char *)s->data + at, &cp);
    uint32_t flags = rt_unicode_flags(cp);
    if (flags & (other | RT_UNICODE_TITLE)) return false;
    cased |= (flags & wanted) != 0;
  }
  return cased;
}

bool py_str_isupper(rt_str *s) { return one_case(s, RT_UNICODE_UPPER, RT_UNICODE_LOWER); }

bool py_str_islower(rt_str *s) { return one_case(s, RT_UNICODE_LOWER, RT_UNICODE_UPPER); }

/* Upper or title case only at the start of each run of cased code points, lower case only after. */
bool py_str_istitle(rt_str *s) {
  bool cased = false, previous_cased = false;
  for (int64_t at = 0; at < s->size;) {
    uint32_t cp;
    at += rt_utf8_decode((const unsigned char *)s->data + at, &cp);
    uint32_t flags = rt_unicode_flags(cp);
    if (flags & (RT_UNICODE_UPPER | RT_UNICODE_TITLE)) {
      if (previous_cased) return false;
      previous_cased = cased = true;
    } else if (flags & RT_UNICODE_LOWER) {
      if (!previous_cased) return false;
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return cased;
}
