/* The core's language hooks for Python: an uncaught exception reported in CPython's traceback
 * layout, and the lines for the failures that end the process at once. */
#include <stdio.h>
#include <string.h>

#include "py_runtime.h"

/* `  File "FILE", line N, in FUNCTION`, each frame naming its own file, then the source line without
 * its indentation when the program embedded it. */
static void put_frame(rt_buf *out, const rt_error_report *report, const rt_traceback_frame *frame) {
  char line[32];
  const char *file = rt_error_report_frame_file(report, frame);
  rt_buf_puts(out, "  File \"");
  rt_buf_puts(out, file != NULL ? file : "");
  rt_buf_puts(out, "\", line ");
  snprintf(line, sizeof line, "%lld", (long long)frame->line);
  rt_buf_puts(out, line);
  rt_buf_puts(out, ", in ");
  rt_buf_puts(out, frame->function);
  rt_buf_putc(out, '\n');
  const char *text = rt_error_report_source_line(report, file, frame->line);
  if (text != NULL && text[0] != '\0') {
    rt_buf_puts(out, "    ");
    rt_buf_puts(out, text);
    rt_buf_putc(out, '\n');
  }
}

static void put_repeated(rt_buf *out, long repeated, long cutoff) {
  if (repeated <= cutoff) return;
  char note[96];
  long more = repeated - cutoff;
  snprintf(note, sizeof note, "  [Previous line repeated %ld more time%s]\n", more, more > 1 ? "s" : "");
  rt_buf_puts(out, note);
}

/* Whether two frames are the same entry: file, line and function, as CPython compares them. */
static bool same_entry(const rt_error_report *report, const rt_traceback_frame *a, const rt_traceback_frame *b) {
  if (a->line != b->line || strcmp(a->function, b->function) != 0) return false;
  const char *file_a = rt_error_report_frame_file(report, a);
  const char *file_b = rt_error_report_frame_file(report, b);
  return file_a == file_b || (file_a != NULL && file_b != NULL && strcmp(file_a, file_b) == 0);
}

/* CPython's layout: outermost frame first, at most the 1000 innermost frames (sys.tracebacklimit's
 * default), and runs of more than 3 identical entries (same file, line and function) folded into
 * "[Previous line repeated N more times]"; then the exception, "Kind: message" or just "Kind" when
 * the message is empty. */
void rt_language_report_uncaught(const rt_error_report *report) {
  rt_buf out = {0};
  rt_buf_puts(&out, "Traceback (most recent call last):\n");
  enum { LIMIT = 1000, CUTOFF = 3 };
  size_t shown = report->frame_count < LIMIT ? report->frame_count : LIMIT;
  const rt_traceback_frame *last = NULL;
  long repeated = 0;
  for (size_t i = shown; i-- > 0;) {
    const rt_traceback_frame *frame = &report->frames[i];
    if (last == NULL || !same_entry(report, frame, last)) {
      put_repeated(&out, repeated, CUTOFF);
      last = frame;
      repeated = 0;
    }
    repeated++;
    if (repeated <= CUTOFF) put_frame(&out, report, frame);
  }
  put_repeated(&out, repeated, CUTOFF);
  rt_buf_puts(&out, report->kind);
  if (report->message[0] != '\0') {
    rt_buf_puts(&out, ": ");
    rt_buf_puts(&out, report->message);
  }
  rt_buf_putc(&out, '\n');
  rt_stderr_write(out.data, out.len);
  rt_buf_free(&out);
}

const char *rt_language_fatal_message(rt_fatal_failure failure) {
  switch (failure) {
    case RT_FATAL_OUT_OF_MEMORY:
      return "MemoryError\n";
    case RT_FATAL_STACK_OVERFLOW:
      return "RecursionError: maximum recursion depth exceeded (the native stack overflowed)\n";
  }
  return "fatal error\n";
}
