/*
 * LumaScript's runtime library: the core runtime's language hooks and the helpers compiled
 * LumaScript calls to format values (`luma_*`, declared for IR in src/runtime-library.ts).
 *
 * A panic is an error whose kind is "panic@COL" (COL the 1-based column of the construct that
 * panicked: the core's frames carry only lines) and whose message is the panic's text. Nothing
 * handles errors in LumaScript, so every panic reaches rt_language_report_uncaught, which prints
 *
 *   panic: MESSAGE
 *     at FILE:LINE:COL
 *
 * on stderr and exits with status 101 (the issue's), after the leak checker's report.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "object.h"
#include "runtime.h"

void rt_language_report_uncaught(const rt_error_report *report) {
  rt_buf out = {0};
  const char *kind = report->kind;
  long column = 0;
  if (strncmp(kind, "panic", 5) == 0) {
    if (kind[5] == '@') column = strtol(kind + 6, NULL, 10);
    rt_buf_puts(&out, "panic: ");
  } else {
    rt_buf_puts(&out, kind);
    rt_buf_puts(&out, ": ");
  }
  rt_buf_puts(&out, report->message);
  rt_buf_putc(&out, '\n');
  if (report->frame_count > 0) {
    const rt_traceback_frame *frame = &report->frames[0];
    const char *file = rt_error_report_frame_file(report, frame);
    char position[64];
    if (column > 0)
      snprintf(position, sizeof position, ":%lld:%ld\n", (long long)frame->line, column);
    else
      snprintf(position, sizeof position, ":%lld\n", (long long)frame->line);
    rt_buf_puts(&out, "  at ");
    rt_buf_puts(&out, file != NULL ? file : "");
    rt_buf_puts(&out, position);
  }
  rt_stderr_write(out.data, out.len);
  rt_buf_free(&out);
  /* The core would exit with status 1; a LumaScript panic exits with 101. */
  rt_leak_check_report();
  exit(101);
}

const char *rt_language_fatal_message(rt_fatal_failure failure) {
  return failure == RT_FATAL_STACK_OVERFLOW ? "panic: stack overflow\n" : "panic: out of memory\n";
}

/* ---- formatting ------------------------------------------------------------------------------ */

rt_str *luma_i64_to_str(int64_t x) {
  char text[32];
  snprintf(text, sizeof text, "%lld", (long long)x);
  return rt_str_from_cstr(text);
}

rt_str *luma_u64_to_str(int64_t x) {
  char text[32];
  snprintf(text, sizeof text, "%llu", (unsigned long long)(uint64_t)x);
  return rt_str_from_cstr(text);
}

rt_str *luma_bool_to_str(bool x) { return rt_str_from_cstr(x ? "true" : "false"); }

/*
 * The shortest decimal text that reads back as the same float (of 32 bits when `single`), written
 * as Python's repr writes it: positional for exponents from -4 to 15 with at least one digit after
 * the point (`1.0`, `0.1`, `123.5`), else scientific with a two-digit exponent at least (`2.5e-07`,
 * `1e+20`); `inf`, `-inf`, `NaN`.
 */
static void shortest(double x, bool single, char *out, size_t size) {
  if (isnan(x)) {
    snprintf(out, size, "NaN");
    return;
  }
  if (isinf(x)) {
    snprintf(out, size, x < 0 ? "-inf" : "inf");
    return;
  }
  char digits[64];
  int max = single ? 9 : 17;
  for (int precision = 1; precision <= max; precision++) {
    snprintf(digits, sizeof digits, "%.*e", precision - 1, x);
    if (single ? strtof(digits, NULL) == (float)x : strtod(digits, NULL) == x) break;
  }
  /* digits: [-]D[.DDD]e[+-]XX */
  const char *p = digits;
  bool negative = *p == '-';
  if (negative) p++;
  char mantissa[32];
  size_t n = 0;
  for (; *p != 'e'; p++)
    if (*p != '.') mantissa[n++] = *p;
  mantissa[n] = '\0';
  while (n > 1 && mantissa[n - 1] == '0') mantissa[--n] = '\0';
  int exponent = atoi(p + 1);
  size_t o = 0;
  if (negative) out[o++] = '-';
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out[o++] = '0';
      out[o++] = '.';
      for (int i = -1; i > exponent; i--) out[o++] = '0';
      for (size_t i = 0; i < n; i++) out[o++] = mantissa[i];
    } else {
      for (int i = 0; i <= exponent; i++) out[o++] = (size_t)i < n ? mantissa[i] : '0';
      out[o++] = '.';
      if ((size_t)exponent + 1 < n)
        for (size_t i = (size_t)exponent + 1; i < n; i++) out[o++] = mantissa[i];
      else
        out[o++] = '0';
    }
    out[o] = '\0';
  } else {
    out[o++] = mantissa[0];
    if (n > 1) {
      out[o++] = '.';
      for (size_t i = 1; i < n; i++) out[o++] = mantissa[i];
    }
    snprintf(out + o, size - o, "e%c%02d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
  }
}

rt_str *luma_f64_to_str(double x) {
  char text[64];
  shortest(x, false, text, sizeof text);
  return rt_str_from_cstr(text);
}

rt_str *luma_f32_to_str(double x) {
  char text[64];
  shortest(x, true, text, sizeof text);
  return rt_str_from_cstr(text);
}

/* `{:.N}`: N decimals, rounded as printf rounds. */
rt_str *luma_float_to_str_fixed(double x, int64_t decimals) {
  if (decimals < 0) decimals = 0;
  if (decimals > 100) decimals = 100;
  int size = snprintf(NULL, 0, "%.*f", (int)decimals, x);
  char *text = rt_malloc((size_t)size + 1);
  snprintf(text, (size_t)size + 1, "%.*f", (int)decimals, x);
  rt_str *s = rt_str_from_cstr(text);
  free(text);
  return s;
}

/* `{:>W}`, `{:<W}`: padded with spaces to W characters (code points); right-aligned when `right`. */
rt_str *luma_str_pad(rt_str *s, int64_t width, bool right) {
  int64_t length = rt_str_len(s);
  if (length >= width) {
    rt_str_incref(s);
    return s;
  }
  int64_t pad = width - length;
  rt_str *space = rt_str_from_cstr(" ");
  rt_str *spaces = rt_str_repeat(space, pad);
  rt_str_decref(space);
  rt_str *result = right ? rt_str_concat(spaces, s) : rt_str_concat(s, spaces);
  rt_str_decref(spaces);
  return result;
}

/* now_ns(): a monotonic clock's nanoseconds, for timing. */
int64_t luma_now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* The index a test executable (`luma test`) is given as its argument: decimal digits, else -1. */
int64_t luma_test_index(rt_str *s) {
  if (s->size == 0) return -1;
  int64_t index = 0;
  for (int64_t i = 0; i < s->size; i++) {
    if (s->data[i] < '0' || s->data[i] > '9' || index > 100000000) return -1;
    index = index * 10 + (s->data[i] - '0');
  }
  return index;
}
