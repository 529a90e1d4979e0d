/*
 * The C runtime linked statically into every executable the toolchain builds. It is shared by all
 * source languages; functions whose behaviour is Python's (float repr, the format-spec
 * mini-language, int()/float() parsing rules, CPython's error messages) say so in their comment.
 *
 * Calling convention for emitted code (see packages/compiler/src/runtime-functions.ts, which lists
 * every function callable from IR with its IR signature):
 * - `str` values are `rt_str *`. Arguments are borrowed; a returned string is a new reference
 *   (or an immortal one). Constants emitted by the compiler are immortal (refcount < 0).
 * - A function that can fail sets the pending error (rt_raise) and returns a dummy value; emitted
 *   code tests `rt_error_pending` after the call and unwinds, each frame adding itself to the
 *   traceback with rt_traceback_push. The fast path never touches anything but that one byte.
 */
#ifndef TOOLCHAIN_RUNTIME_H
#define TOOLCHAIN_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "object.h"

/* ---- strings ------------------------------------------------------------------------------- */

typedef struct rt_str {
  int64_t refcount; /* < 0: immortal (compiler-emitted constants, runtime singletons) */
  int64_t size;     /* bytes of UTF-8 data, not counting the terminating NUL */
  int64_t length;   /* code points */
  char data[];      /* size bytes, then a NUL */
} rt_str;

rt_str *rt_str_new_uninit(int64_t size);           /* refcount 1; caller fills data, length */
rt_str *rt_str_from_utf8(const char *data, size_t size);
rt_str *rt_str_from_cstr(const char *s);
void rt_str_incref(rt_str *s);
void rt_str_decref(rt_str *s);
int64_t rt_utf8_length(const char *data, size_t size);
/* Decodes one code point at p (valid UTF-8 assumed); returns bytes consumed. */
int rt_utf8_decode(const unsigned char *p, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns bytes written. */
int rt_utf8_encode(uint32_t cp, char *out);

rt_str *rt_str_concat(rt_str *a, rt_str *b);
int64_t rt_str_compare(rt_str *a, rt_str *b);
bool rt_str_eq(rt_str *a, rt_str *b);
int64_t rt_str_len(rt_str *s);
rt_str *rt_str_repr(rt_str *s);
rt_str *rt_str_repeat(rt_str *s, int64_t n);
bool rt_str_contains(rt_str *haystack, rt_str *needle);
rt_str *rt_str_getitem(rt_str *s, int64_t index);
rt_str *rt_str_slice(rt_str *s, int64_t start, int64_t stop);
rt_str *rt_str_chr(int64_t cp);
int64_t rt_str_ord(rt_str *s);
rt_str *rt_i64_to_str(int64_t x);
rt_str *rt_f64_repr_str(double x);
rt_str *rt_bool_to_str(bool b);

/* ---- a growable byte buffer for building strings -------------------------------------------- */

typedef struct rt_buf {
  char *data;
  size_t len, cap;
} rt_buf;

void rt_buf_reserve(rt_buf *b, size_t extra);
void rt_buf_put(rt_buf *b, const char *p, size_t n);
void rt_buf_putc(rt_buf *b, char c);
void rt_buf_puts(rt_buf *b, const char *s);
void rt_buf_put_cp(rt_buf *b, uint32_t cp);
void rt_buf_fill(rt_buf *b, uint32_t cp, int64_t count);
rt_str *rt_buf_to_str(rt_buf *b); /* consumes the buffer */
void rt_buf_free(rt_buf *b);
/* Python's repr of UTF-8 text, appended to b. */
void rt_py_repr_utf8(rt_buf *b, const char *data, size_t size);

/* ---- errors and tracebacks ------------------------------------------------------------------ */

extern uint8_t rt_error_pending;

void rt_raise(const char *kind, const char *message);
void rt_raisef(const char *kind, const char *format, ...) __attribute__((format(printf, 2, 3)));
void rt_raise_at(const char *kind, const char *message, const char *function, int64_t line);
void rt_raise_message(rt_str *kind, rt_str *message);
/* Raises the configured integer-overflow error (rt_init's overflow kind and message). */
void rt_raise_int_overflow(void);
void rt_traceback_push(const char *function, int64_t line);
/* `count` frames of `function` at `line`: the calls a tail-recursive loop stands for. */
void rt_traceback_push_repeated(const char *function, int64_t line, int64_t count);
_Noreturn void rt_report_uncaught(const char *file, const int64_t *line_numbers, const char *const *line_texts,
                                  int64_t line_count);
const char *rt_error_kind(void);
const char *rt_error_message(void);
void rt_error_clear(void);

/* ---- process -------------------------------------------------------------------------------- */

void rt_init(int32_t argc, char **argv, const char *overflow_kind, const char *overflow_message);
int32_t rt_shutdown(void);
_Noreturn void rt_exit(int64_t status);
int64_t rt_argv_count(void);
rt_str *rt_argv_get(int64_t index);
void rt_exit_message(rt_str *message);
double rt_time_perf_counter(void);
double rt_time_time(void);
rt_str *rt_read_line(void);

/* ---- output --------------------------------------------------------------------------------- */

void rt_stdout_write(const char *p, size_t n);
void rt_stdout_flush(void);
void rt_stderr_write(const char *p, size_t n);
void rt_write_str(rt_str *s);
void rt_write_i64(int64_t x);
void rt_write_f64_repr(double x);
void rt_write_bool(bool b);
void rt_write_none(void);
void rt_write_newline(void);
void rt_write_stderr_str(rt_str *s);

/* ---- numbers to text (Python-flavoured) ----------------------------------------------------- */

/* Writes the decimal digits of x into out (at least 21 bytes); returns the length. */
int rt_i64_to_chars(int64_t x, char *out);
/* Python's repr(float) into out (at least 32 bytes); returns the length. */
int rt_py_float_repr(double x, char *out);
/*
 * CPython's PyOS_double_to_string: format_code 'e', 'f', 'g' or 'r' (repr), upper for E/F/G;
 * flags as below. Returns a malloc'd NUL-terminated string.
 */
enum { RT_DTSF_ADD_DOT_0 = 1, RT_DTSF_ALT = 2, RT_DTSF_NO_NEG_0 = 4 };
char *rt_py_double_to_string(double x, char format_code, int precision, int flags, bool upper);

rt_str *rt_format_i64(int64_t x, rt_str *spec);
rt_str *rt_format_f64(double x, rt_str *spec);
rt_str *rt_format_str(rt_str *s, rt_str *spec);
rt_str *rt_format_bool(bool b, rt_str *spec);

/* ---- text to numbers (Python's int() and float()) ------------------------------------------- */

int64_t rt_str_to_i64(rt_str *s);
int64_t rt_str_to_i64_base(rt_str *s, int64_t base);
double rt_str_to_f64(rt_str *s);

/* ---- arithmetic and math ---------------------------------------------------------------------- */

int64_t rt_f64_to_i64(double x);
double rt_f64_abs(double x);
double rt_f64_floordiv(double a, double b);
double rt_f64_mod(double a, double b);
double rt_f64_pow(double a, double b);
int64_t rt_i64_pow(int64_t base, int64_t exponent);
double rt_i64_true_divide(int64_t a, int64_t b);
int64_t rt_compare_i64_f64(int64_t a, double x);
int64_t rt_i64_pow_mod(int64_t base, int64_t exponent, int64_t modulus);
int64_t rt_f64_round_to_i64(double x);
double rt_f64_round_digits(double x, int64_t digits);
int64_t rt_i64_round_digits(int64_t x, int64_t digits);

/* ---- Unicode tables (generated: unicode_tables.c) --------------------------------------------- */

bool rt_unicode_is_printable(uint32_t cp);
/* The decimal digit value of cp (category Nd), or -1. */
int rt_unicode_decimal(uint32_t cp);
/* Python's str.isspace() for one code point. */
bool rt_unicode_is_space(uint32_t cp);

/* ---- internals shared between runtime files ---------------------------------------------- */

_Noreturn void rt_out_of_memory(void);
void *rt_malloc(size_t size);
void *rt_realloc(void *p, size_t size);

#endif
