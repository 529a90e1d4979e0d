/*
 * The language library of the compiler's own tests, which build IR programs without any front end:
 * it defines the core runtime's language hooks (runtime.h) with a plain report that no language
 * owns, so that the tests can check exactly what the core hands over, and a few neutral helpers
 * for reading and writing numbers (at the end).
 *
 *   uncaught KIND: MESSAGE      (just KIND when the message is empty)
 *     at FUNCTION (FILE:LINE)   one line per frame, innermost first, none folded, each in its own file
 *       SOURCE TEXT             when the program embedded the line
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

void rt_language_report_uncaught(const rt_error_report *report) {
  rt_buf out = {0};
  rt_buf_puts(&out, "uncaught ");
  rt_buf_puts(&out, report->kind);
  if (report->message[0] != '\0') {
    rt_buf_puts(&out, ": ");
    rt_buf_puts(&out, report->message);
  }
  rt_buf_putc(&out, '\n');
  for (size_t i = 0; i < report->frame_count; i++) {
    const rt_traceback_frame *frame = &report->frames[i];
    const char *file = rt_error_report_frame_file(report, frame);
    char line[32];
    snprintf(line, sizeof line, "%lld", (long long)frame->line);
    rt_buf_puts(&out, "  at ");
    rt_buf_puts(&out, frame->function);
    rt_buf_puts(&out, " (");
    rt_buf_puts(&out, file != NULL ? file : "");
    rt_buf_putc(&out, ':');
    rt_buf_puts(&out, line);
    rt_buf_puts(&out, ")\n");
    const char *text = rt_error_report_source_line(report, file, frame->line);
    if (text != NULL) {
      rt_buf_puts(&out, "    ");
      rt_buf_puts(&out, text);
      rt_buf_putc(&out, '\n');
    }
  }
  rt_stderr_write(out.data, out.len);
  rt_buf_free(&out);
}

const char *rt_language_fatal_message(rt_fatal_failure failure) {
  return failure == RT_FATAL_STACK_OVERFLOW ? "fatal: stack overflow\n" : "fatal: out of memory\n";
}

/*
 * Numbers in and out for the tests' programs, spelled so that a test computes the expected text
 * itself: decimal integers, and floats by their bits. Declared for IR in test/native-build.ts
 * (TEST_LANGUAGE_FUNCTIONS); the tests pass only well-formed text.
 */

/* A decimal integer in the int64_t range, as strtoll reads it. */
int64_t test_str_to_i64(rt_str *s) { return (int64_t)strtoll(s->data, NULL, 10); }

/* A float as strtod reads it ("nan", "inf" and "-inf" included). */
double test_str_to_f64(rt_str *s) { return strtod(s->data, NULL); }

/* Writes "nan" for any NaN, else the 16 hexadecimal digits of the float's bits. */
void test_write_f64(double x) {
  if (isnan(x)) {
    rt_stdout_write("nan", 3);
    return;
  }
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  char text[17];
  snprintf(text, sizeof text, "%016llx", (unsigned long long)bits);
  rt_stdout_write(text, 16);
}

/*
 * Tagged words (IR `tagged`): an immediate integer when the low bit is 0, else a counted object at
 * word - 1. The tests' boxed words refer to strings, so the leak checker sees any that is lost.
 */
typedef int64_t test_tagged;

test_tagged test_boxed_word(int64_t n) {
  char text[32];
  snprintf(text, sizeof text, "boxed %lld", (long long)n);
  return (int64_t)((uintptr_t)rt_str_from_cstr(text) + 1);
}

/* Writes an immediate's value, or the text of the string a boxed word refers to. */
void test_write_tagged(test_tagged word) {
  if ((word & 1) == 0) {
    rt_write_i64(word >> 1);
    return;
  }
  const rt_str *s = (const rt_str *)(uintptr_t)(word - 1);
  rt_stdout_write(s->data, (size_t)s->size);
}
