/* Process state, buffered output, the pending error and the traceback frames. Everything a language
 * says (error kinds, messages, the layout of a report) comes from its runtime library, through the
 * hooks declared at the end of runtime.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "runtime.h"

/* ---- memory --------------------------------------------------------------------------------- */

_Noreturn void rt_out_of_memory(void) {
  rt_stdout_flush();
  const char *message = rt_language_fatal_message(RT_FATAL_OUT_OF_MEMORY);
  if (write(2, message, strlen(message)) < 0) {
    /* nothing more to do */
  }
  _exit(1);
}

void *rt_malloc(size_t size) {
  void *p = malloc(size == 0 ? 1 : size);
  if (p == NULL) rt_out_of_memory();
  return p;
}

void *rt_realloc(void *p, size_t size) {
  void *q = realloc(p, size == 0 ? 1 : size);
  if (q == NULL) rt_out_of_memory();
  return q;
}

/* ---- output --------------------------------------------------------------------------------- */

/* Block-buffered on a pipe or file, line-buffered on a terminal, as C's stdio is. */
#define OUT_CAPACITY (1 << 16)
static char out_buffer[OUT_CAPACITY];
static size_t out_length;
static bool out_line_buffered;

static void write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t written = write(fd, p, n);
    if (written < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += written;
    n -= (size_t)written;
  }
}

void rt_stdout_flush(void) {
  write_all(1, out_buffer, out_length);
  out_length = 0;
}

void rt_stdout_write(const char *p, size_t n) {
  if (n > OUT_CAPACITY - out_length) {
    rt_stdout_flush();
    if (n >= OUT_CAPACITY) {
      write_all(1, p, n);
      return;
    }
  }
  memcpy(out_buffer + out_length, p, n);
  out_length += n;
  if (out_line_buffered && memchr(p, '\n', n) != NULL) rt_stdout_flush();
}

void rt_stderr_write(const char *p, size_t n) {
  rt_stdout_flush();
  write_all(2, p, n);
}

void rt_write_str(rt_str *s) { rt_stdout_write(s->data, (size_t)s->size); }

void rt_write_i64(int64_t x) {
  char digits[24];
  int n = rt_i64_to_chars(x, digits);
  rt_stdout_write(digits, (size_t)n);
}

void rt_write_newline(void) { rt_stdout_write("\n", 1); }

void rt_write_stderr_str(rt_str *s) { rt_stderr_write(s->data, (size_t)s->size); }

/* ---- the pending error ------------------------------------------------------------------------ */

uint8_t rt_error_pending;
static char *error_kind;
static char *error_message;

/* Innermost frame first: each unwinding frame appends itself. */
static rt_traceback_frame *frames;
static size_t frame_count, frame_capacity;

/* What rt_raise_int_overflow raises unless the front end configures it (rt_init). */
static const char *overflow_kind = "IntegerOverflow";
static const char *overflow_message = "integer overflow";

static char *copy_text(const char *s, size_t n) {
  char *copy = rt_malloc(n + 1);
  memcpy(copy, s, n);
  copy[n] = '\0';
  return copy;
}

static void set_error(char *kind, char *message) {
  free(error_kind);
  free(error_message);
  error_kind = kind;
  error_message = message;
  rt_error_pending = 1;
  frame_count = 0;
}

void rt_raise(const char *kind, const char *message) {
  set_error(copy_text(kind, strlen(kind)), copy_text(message, strlen(message)));
}

void rt_raisef(const char *kind, const char *format, ...) {
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  int n = vsnprintf(NULL, 0, format, args);
  va_end(args);
  char *message = rt_malloc((size_t)n + 1);
  vsnprintf(message, (size_t)n + 1, format, again);
  va_end(again);
  set_error(copy_text(kind, strlen(kind)), message);
}

void rt_raise_message(rt_str *kind, rt_str *message) {
  set_error(copy_text(kind->data, (size_t)kind->size), copy_text(message->data, (size_t)message->size));
}

void rt_raise_int_overflow(void) { rt_raise(overflow_kind, overflow_message); }

void rt_traceback_push(const char *function, const char *file, int64_t line) {
  if (frame_count == frame_capacity) {
    frame_capacity = frame_capacity == 0 ? 64 : frame_capacity * 2;
    frames = rt_realloc(frames, frame_capacity * sizeof *frames);
  }
  frames[frame_count].function = function;
  frames[frame_count].file = file;
  frames[frame_count].line = line;
  frame_count++;
}

void rt_traceback_push_repeated(const char *function, const char *file, int64_t line, int64_t count) {
  for (int64_t i = 0; i < count; i++) rt_traceback_push(function, file, line);
}

void rt_raise_at(const char *kind, const char *message, const char *function, const char *file, int64_t line) {
  rt_raise(kind, message);
  rt_traceback_push(function, file, line);
}

void rt_error_take(char **kind, char **message, rt_traceback_frame **taken_frames, size_t *taken_count) {
  *kind = error_kind != NULL ? error_kind : copy_text("", 0);
  *message = error_message != NULL ? error_message : copy_text("", 0);
  *taken_frames = rt_malloc((frame_count == 0 ? 1 : frame_count) * sizeof *frames);
  memcpy(*taken_frames, frames, frame_count * sizeof *frames);
  *taken_count = frame_count;
  error_kind = NULL;
  error_message = NULL;
  rt_error_clear();
}

void rt_error_restore(const char *kind, const char *message, const rt_traceback_frame *from, size_t count) {
  rt_raise(kind, message);
  for (size_t i = 0; i < count; i++) rt_traceback_push(from[i].function, from[i].file, from[i].line);
}

const char *rt_error_kind(void) { return error_kind != NULL ? error_kind : ""; }
const char *rt_error_message(void) { return error_message != NULL ? error_message : ""; }

void rt_error_clear(void) {
  rt_error_pending = 0;
  frame_count = 0;
}

const char *rt_error_report_frame_file(const rt_error_report *report, const rt_traceback_frame *frame) {
  return frame->file != NULL ? frame->file : report->program;
}

const char *rt_error_report_source_line(const rt_error_report *report, const char *file, int64_t line) {
  if (file == NULL) return NULL;
  for (int64_t i = 0; i < report->source_count; i++) {
    const rt_source_lines *source = &report->sources[i];
    /* The emitter shares one constant per file name, but a frame may come from another module. */
    if (source->file != file && strcmp(source->file, file) != 0) continue;
    int64_t lo = 0, hi = source->line_count;
    while (lo < hi) {
      int64_t mid = lo + (hi - lo) / 2;
      if (source->line_numbers[mid] < line)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo < source->line_count && source->line_numbers[lo] == line ? source->line_texts[lo] : NULL;
  }
  return NULL;
}

_Noreturn void rt_report_uncaught(const char *program, const rt_source_lines *sources, int64_t source_count) {
  rt_stdout_flush();
  rt_error_report report = {
      .kind = rt_error_kind(),
      .message = rt_error_message(),
      .frames = frames,
      .frame_count = frame_count,
      .program = program,
      .sources = sources,
      .source_count = source_count,
  };
  rt_language_report_uncaught(&report);
  rt_leak_check_report();
  exit(1);
}

/* ---- stack overflow ------------------------------------------------------------------------------ */

/* Unbounded recursion overflows the native stack (there is no recursion limit to raise an error at).
 * Rather than dying silently with the buffered output lost, a handler on its own stack flushes stdout,
 * writes the language library's line for it and exits with status 1. */
static uintptr_t stack_top;
static size_t stack_limit;

static void write_text(int fd, const char *text) { write_all(fd, text, strlen(text)); }

static void on_segv(int signal_number, siginfo_t *info, void *context) {
  (void)context;
  uintptr_t address = (uintptr_t)info->si_addr;
  bool in_stack = address < stack_top && stack_top - address < stack_limit + ((size_t)1 << 20);
  write_all(1, out_buffer, out_length);
  if (in_stack) {
    write_text(2, rt_language_fatal_message(RT_FATAL_STACK_OVERFLOW));
    _exit(1);
  }
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

static void catch_stack_overflow(void) {
  char here;
  stack_top = (uintptr_t)&here;
  struct rlimit limit;
  stack_limit = getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY ? limit.rlim_cur
                                                                                        : (size_t)8 << 20;
  static char alternate[1 << 16];
  stack_t stack = {.ss_sp = alternate, .ss_size = sizeof alternate, .ss_flags = 0};
  if (sigaltstack(&stack, NULL) != 0) return;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_segv;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  sigaction(SIGSEGV, &action, NULL);
}

/* ---- process ---------------------------------------------------------------------------------- */

static int32_t arg_count;
static rt_str **arg_values;

void rt_init(int32_t argc, char **argv, const char *overflow_kind_, const char *overflow_message_) {
  out_line_buffered = isatty(1) != 0;
  catch_stack_overflow();
  rt_objects_init();
  rt_hash_init();
  if (overflow_kind_ != NULL) overflow_kind = overflow_kind_;
  if (overflow_message_ != NULL) overflow_message = overflow_message_;
  arg_count = argc;
  arg_values = rt_malloc(sizeof(rt_str *) * (size_t)(argc > 0 ? argc : 1));
  for (int32_t i = 0; i < argc; i++) {
    arg_values[i] = rt_str_immortal_from_cstr(argv[i]);
  }
}

int32_t rt_shutdown(void) {
  rt_stdout_flush();
  rt_leak_check_report();
  return 0;
}

_Noreturn void rt_exit(int64_t status) {
  rt_stdout_flush();
  /* The frames still running when the program exits keep what they hold: the report counts it. */
  rt_leak_check_report();
  exit((int)status);
}

int64_t rt_argv_count(void) { return arg_count; }

rt_str *rt_argv_get(int64_t index) {
  if (index < 0 || index >= arg_count) return rt_str_from_utf8("", 0);
  return arg_values[index];
}

/* The caller then exits (e.g. with status 1). */
void rt_exit_message(rt_str *message) {
  rt_stderr_write(message->data, (size_t)message->size);
  rt_stderr_write("\n", 1);
}

double rt_time_perf_counter(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

double rt_time_time(void) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

rt_str *rt_stdin_read_line(void) {
  rt_stdout_flush();
  rt_buf line = {0};
  int c;
  bool any = false;
  while ((c = getchar()) != EOF) {
    any = true;
    if (c == '\n') break;
    rt_buf_putc(&line, (char)c);
  }
  if (!any) {
    rt_buf_free(&line);
    return NULL;
  }
  return rt_buf_to_str(&line);
}
