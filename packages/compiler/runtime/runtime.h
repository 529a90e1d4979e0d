/*
 * The language-neutral core of the C runtime linked statically into every executable the toolchain
 * builds: process start and exit, buffered output, the pending error and its traceback frames,
 * UTF-8 strings and their neutral operations, a growable byte buffer, allocation, Unicode tables, and
 * the building blocks of containers and files: growable arrays (array.h), insertion-ordered hash
 * tables and hash functions (hash_table.h), and buffered files (below).
 * It knows no source language: a language's semantics, error kinds and messages, and the text of an
 * uncaught-error report live in that language's runtime library (e.g. packages/python/runtime), which
 * is linked with this core and defines the hooks declared at the end of this file.
 *
 * Calling convention for emitted code (packages/compiler/src/runtime-functions.ts lists the core's
 * functions callable from IR with their IR signatures; a language library lists its own in its
 * package):
 * - `str` values are `rt_str *`. Arguments are borrowed; a returned string is a new reference
 *   (or an immortal one). Constants emitted by the compiler are immortal (refcount < 0).
 * - A function that can fail sets the pending error (rt_raise) and returns a dummy value; emitted
 *   code tests `rt_error_pending` after the call and unwinds, each frame adding itself to the
 *   traceback with rt_traceback_push. The fast path never touches anything but that one byte.
 * - The core's own functions do not fail with an error of their own: where an operation has a
 *   precondition (a divisor that is not zero, an index in range) the caller checks it and raises
 *   the error its language defines.
 */
#ifndef TOOLCHAIN_RUNTIME_H
#define TOOLCHAIN_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "array.h"
#include "hash_table.h"
#include "object.h"

/* ---- strings ------------------------------------------------------------------------------- */

/* A managed object of layout rt_str_layout; immortal (count < 0) when the compiler emits it as a
 * constant or the runtime keeps it forever. The layout module (packages/compiler/src/ir/layouts.ts,
 * `stringObject`) places these fields the same way; a test checks the two agree. */
typedef struct rt_str {
  rt_object header;
  int64_t size;   /* bytes of UTF-8 data, not counting the terminating NUL */
  int64_t length; /* code points */
  /* A language's hash of the text, cached by its library where the string is not immortal (an
     immortal one may be read-only); 0 until then. The core itself never reads it. */
  int64_t hash;
  char data[]; /* size bytes, then a NUL */
} rt_str;

extern const rt_layout rt_str_layout;

rt_str *rt_str_new_uninit(int64_t size);           /* refcount 1; caller fills data, length */
rt_str *rt_str_from_utf8(const char *data, size_t size);
rt_str *rt_str_from_cstr(const char *s);
/* A string that lives as long as the process (command-line arguments): never counted or freed, and
 * not an allocation of the object runtime, so the leak checker does not see it. */
rt_str *rt_str_immortal_from_cstr(const char *s);
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
/* s repeated n times (empty for n <= 0). A result too long to exist is fatal (out of memory); a
 * language that raises an error for it checks with rt_str_repeat_fits first. */
rt_str *rt_str_repeat(rt_str *s, int64_t n);
/* Whether the size of s * n fits in an int64_t. */
bool rt_str_repeat_fits(rt_str *s, int64_t n);
bool rt_str_contains(rt_str *haystack, rt_str *needle);
/* Code points [start, stop): a negative bound counts from the end, bounds out of range are clamped. */
rt_str *rt_str_slice(rt_str *s, int64_t start, int64_t stop);
rt_str *rt_i64_to_str(int64_t x);
/* Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF): text read from outside is bytes until a language decides what to do with bad ones. */
bool rt_utf8_valid(const char *data, size_t size);
bool rt_str_is_valid_utf8(rt_str *s);

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

/* ---- errors and tracebacks ------------------------------------------------------------------ */

extern uint8_t rt_error_pending;

/* Kinds and messages are the caller's (the front end's or a language library's) and are copied. */
void rt_raise(const char *kind, const char *message);
void rt_raisef(const char *kind, const char *format, ...) __attribute__((format(printf, 2, 3)));
/* Raises and starts the traceback at the frame of `function` at `file`:`line`. The function and file
 * names are not copied: the emitter passes constants (one per file, shared by its frames). */
void rt_raise_at(const char *kind, const char *message, const char *function, const char *file, int64_t line);
void rt_raise_message(rt_str *kind, rt_str *message);
/* Raises the configured integer-overflow error (rt_init's overflow kind and message). */
void rt_raise_int_overflow(void);
/* Adds the frame of `function` at `file`:`line` (constants, not copied) to the pending error's traceback. */
void rt_traceback_push(const char *function, const char *file, int64_t line);
/* `count` frames of `function` at `file`:`line`: the calls a tail-recursive loop stands for. */
void rt_traceback_push_repeated(const char *function, const char *file, int64_t line, int64_t count);
const char *rt_error_kind(void);
const char *rt_error_message(void);
void rt_error_clear(void);

/* One entry of the traceback: a function, the file it is defined in (each frame names its own, as a
 * module may span several source files) and the line it was at. */
typedef struct rt_traceback_frame {
  const char *function;
  const char *file; /* NULL: the program's (rt_error_report's `program`) */
  int64_t line;
} rt_traceback_frame;

/* Moves the pending error's kind, message (malloc'd) and frames (a malloc'd copy) to the caller and
 * clears it: what rt_exception_catch builds an exception object of. */
void rt_error_take(char **kind, char **message, rt_traceback_frame **frames, size_t *frame_count);
/* Makes kind, message and frames (copied) the pending error again: rt_exception_raise. */
void rt_error_restore(const char *kind, const char *message, const rt_traceback_frame *frames, size_t frame_count);

/* ---- exceptions (exception.c) --------------------------------------------------------------- */

/* An exception as a managed object (layout rt_exception_layout): what a handler's landing holds. */
typedef struct rt_exception {
  rt_object header;
  char *kind;
  char *message;
  rt_traceback_frame *frames; /* innermost first */
  size_t frame_count;
} rt_exception;

extern const rt_layout rt_exception_layout;
/* A landing: the pending error as a new exception object (owned); nothing is pending after it. */
rt_exception *rt_exception_catch(void);
/* Raises the exception (consumed): its kind, message and frames become the pending error. */
void rt_exception_raise(rt_exception *exception);
/* A new exception of the front end's kind and message, with no frames yet. */
rt_exception *rt_exception_new(rt_str *kind, rt_str *message);
rt_str *rt_exception_kind(rt_exception *exception);
rt_str *rt_exception_message(rt_exception *exception);

/* A speculative copy of a function gives up (the back end's speculation pass): the pending error
 * becomes the speculation failure, which only the copy's dispatcher catches, to run the function
 * as compiled. No program sees it. */
void rt_raise_speculation_failure(void);
bool rt_exception_is_speculation_failure(rt_exception *exception);

/* The lines of one source file that traceback frames may point at, sorted by number (the emitter
 * embeds only those). */
typedef struct rt_source_lines {
  const char *file;
  const int64_t *line_numbers;
  const char *const *line_texts;
  int64_t line_count;
} rt_source_lines;

/* Everything known about an error nothing handled, for the language library to report. */
typedef struct rt_error_report {
  const char *kind;
  const char *message; /* "" when there is none */
  /* Innermost frame first: each unwinding frame appended itself. */
  const rt_traceback_frame *frames;
  size_t frame_count;
  /* The program's main source file, as the front end named it: the file of a frame that names none
   * (read a frame's file with rt_error_report_frame_file). */
  const char *program;
  /* The embedded source lines, one entry per file; read them with rt_error_report_source_line. */
  const rt_source_lines *sources;
  int64_t source_count;
} rt_error_report;

/* The file a frame of the report is in: its own, or the program's when it names none. */
const char *rt_error_report_frame_file(const rt_error_report *report, const rt_traceback_frame *frame);
/* The text of line `line` of `file` as the emitter embedded it, or NULL when it is not embedded. */
const char *rt_error_report_source_line(const rt_error_report *report, const char *file, int64_t line);

/* Called by emitted `main` when its entry function returned with an error pending: flushes stdout,
 * has the language library report the error (rt_language_report_uncaught) and exits with status 1.
 * `program` is the program's main source file; `sources` the embedded lines, per file. */
_Noreturn void rt_report_uncaught(const char *program, const rt_source_lines *sources, int64_t source_count);

/* ---- process -------------------------------------------------------------------------------- */

/* overflow_kind and overflow_message (either may be NULL for the core's neutral default) are what
 * rt_raise_int_overflow raises: data the front end passes through emitted `main`. */
void rt_init(int32_t argc, char **argv, const char *overflow_kind, const char *overflow_message);
int32_t rt_shutdown(void);
_Noreturn void rt_exit(int64_t status);
int64_t rt_argv_count(void);
/* argv[index] (borrowed, immortal) for 0 <= index < rt_argv_count(); the empty string otherwise
 * (the caller checks the index and raises its language's error). */
rt_str *rt_argv_get(int64_t index);
/* Writes the text and a newline to stderr (stdout flushed first), as a program's last words. */
void rt_exit_message(rt_str *message);
double rt_time_perf_counter(void);
double rt_time_time(void);
/* One line of stdin without its newline (stdout flushed first), or NULL at the end of input. */
rt_str *rt_stdin_read_line(void);

/* ---- output --------------------------------------------------------------------------------- */

void rt_stdout_write(const char *p, size_t n);
void rt_stdout_flush(void);
void rt_stderr_write(const char *p, size_t n);
void rt_write_str(rt_str *s);
void rt_write_i64(int64_t x);
void rt_write_newline(void);
void rt_write_stderr_str(rt_str *s);

/* ---- weak references (weak.c) ---------------------------------------------------------------- */

/*
 * Weak references, for a language that breaks reference cycles itself (LumaScript's `weak<T>`): a
 * weak reference is a counted reference to a small cell (layout rt_weak_cell_layout, named "weak"),
 * and the cell points at its target without counting it. An object that weak references may observe
 * keeps its cell in its first field (ir/layouts.ts WEAK_CELL_FIELD, right after the header: NULL until
 * the first weak reference), holding one count of it; the object's generated drop calls
 * rt_weak_detach first, so every weak reference sees the target gone once its last strong reference
 * is. Why a cell rather than a weak count in the header (Rust's Rc): the header stays 16 bytes for
 * the objects no weak reference ever observes, which are most of them.
 */
typedef struct rt_weak_cell rt_weak_cell;
extern const rt_layout rt_weak_cell_layout;
/* A new weak reference to target (whose first field is its cell): the cell, made on first use. */
rt_weak_cell *rt_weak_new(void *target);
/* Whether the cell's target is still alive. */
bool rt_weak_alive(rt_weak_cell *cell);
/* The cell's target, which must be alive, as a new reference. */
void *rt_weak_upgrade(rt_weak_cell *cell);
/* The object is being dropped: its weak references, if any, no longer reach it. */
void rt_weak_detach(rt_object *object);

/* ---- files (file.c) ------------------------------------------------------------------------- */

/*
 * A file opened by path, or a standard stream, as a managed object (layout rt_file_layout, named
 * "file"): the leak checker reports a handle never released, and releasing the last reference
 * closes the file (writing what is buffered first; errors at that point are lost, so a program that
 * cares closes explicitly). Reads and writes are buffered (RT_FILE_BUFFER_SIZE bytes, allocated on
 * first use); what is still buffered in open files is written at process exit too.
 *
 * Failure is data, not an error: a function that fails returns NULL, false or -1 and keeps the
 * operating system's error number (errno) in rt_file_last_error() (and errno), for the caller to turn
 * into its language's error. Operations the handle cannot do (writing a file opened for reading, any
 * operation but close on a closed file) fail with EBADF; a language that raises its own error for
 * those tests rt_file_mode and rt_file_is_closed first.
 *
 * The standard streams (rt_file_stdin/stdout/stderr) are immortal handles over the core's own output:
 * writing to the stdout handle goes into the same buffer as rt_write_str (so the two interleave in
 * program order), the stderr handle writes at once after flushing stdout, as rt_stderr_write does,
 * and the stdin handle reads through the same C stdio buffer as rt_stdin_read_line (flushing stdout
 * first). Closing one flushes it and leaves it open.
 */
typedef struct rt_file {
  rt_object header;
  int32_t fd;     /* -1 once closed */
  int32_t mode;   /* RT_FILE_READ, _WRITE, _APPEND or _CREATE */
  int32_t stream; /* 0 for a file opened by path, else which standard stream (file.c) */
  int32_t unused;
  char *buffer;  /* NULL until first used, and for the standard streams */
  int64_t start; /* reading: buffer[start, end) has been read from the file and not yet returned */
  int64_t end;   /* writing: buffer[0, end) has been written to the handle and not yet to the file */
  struct rt_file *next_open, *previous_open; /* the open files, written out at exit */
} rt_file;

extern const rt_layout rt_file_layout;

#define RT_FILE_BUFFER_SIZE 8192
/* Modes (int64_t, as IR passes them). Files are created with permissions 0666 less the umask. */
#define RT_FILE_READ 0   /* reading; the file must exist */
#define RT_FILE_WRITE 1  /* writing; created, or emptied when it exists */
#define RT_FILE_APPEND 2 /* writing at the end; created when missing */
#define RT_FILE_CREATE 3 /* writing; created, and failing with EEXIST when it exists */

/* Opens the file at `path` (UTF-8 bytes, as the system takes them): a new handle, or NULL with the
 * error kept (ENOENT, EACCES, EISDIR for a directory, EINVAL for a path with a NUL or a bad mode). */
rt_file *rt_file_open(rt_str *path, int64_t mode);
rt_file *rt_file_open_path(const char *path, int64_t mode);
/* The rest of the file (bytes, a string's length counting them as UTF-8), "" at the end; NULL on an
 * error. A language that needs text checks it with rt_str_is_valid_utf8. */
rt_str *rt_file_read_all(rt_file *file);
/* The next line: the bytes up to and including the next '
', or to the end of the file when none is
 * left ("" at the end); NULL on an error. */
rt_str *rt_file_read_line(rt_file *file);
/* The same into a byte buffer, appended: whether it succeeded; the line's length, 0 at the end of the
 * file, -1 on an error (what was read of the line stays in the buffer). */
bool rt_file_read_all_into(rt_file *file, rt_buf *out);
int64_t rt_file_read_line_into(rt_file *file, rt_buf *out);
/* Up to `size` bytes into `out`, fewer only at the end of the file: how many, or -1 on an error
 * before any was read. */
int64_t rt_file_read_bytes(rt_file *file, char *out, int64_t size);
/* Writes the string's bytes (buffered): whether it succeeded. An error writing the buffer out is
 * reported by the call that writes it (this one, flush or close); what it failed to write is dropped. */
bool rt_file_write(rt_file *file, rt_str *data);
bool rt_file_write_bytes(rt_file *file, const char *data, size_t size);
/* Writes out what is buffered: whether it succeeded (reading handles have nothing to write). */
bool rt_file_flush(rt_file *file);
/* Writes out what is buffered and closes the file: whether both succeeded. The handle stays (it is
 * an object like any other) and is closed from then on; closing it again does nothing and succeeds. */
bool rt_file_close(rt_file *file);
bool rt_file_is_closed(rt_file *file);
int64_t rt_file_mode(rt_file *file);
/* The error number of the last file operation that failed (0 before any did). */
int64_t rt_file_last_error(void);
rt_file *rt_file_stdin(void);
rt_file *rt_file_stdout(void);
rt_file *rt_file_stderr(void);

/* ---- numbers -------------------------------------------------------------------------------- */

/* Writes the decimal digits of x into out (at least 21 bytes); returns the length. */
int rt_i64_to_chars(int64_t x, char *out);
double rt_f64_abs(double x);
/* The IR's floored float division and remainder (ffloordiv, fmod): the quotient is rounded toward
 * negative infinity and the remainder takes the divisor's sign. The caller excludes a zero divisor. */
double rt_f64_floordiv(double a, double b);
double rt_f64_mod(double a, double b);
/* Compares an int with a float exactly (not by converting the int): -1, 0 or 1, and 2 for NaN. */
int64_t rt_compare_i64_f64(int64_t a, double x);

/* ---- Unicode tables (generated: unicode_tables.c) --------------------------------------------- */

/* Unicode 14.0.0 properties, the version the front ends' reference implementations use. */
/* Not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs, except U+0020 (printable). */
bool rt_unicode_is_printable(uint32_t cp);
/* The decimal digit value of cp (category Nd), or -1. */
int rt_unicode_decimal(uint32_t cp);
/* Whitespace: bidirectional class WS, B or S, or category Zs. */
bool rt_unicode_is_space(uint32_t cp);

/* The character flags of CPython's unicodectype.c, which its str predicates and case operations
 * read: ALPHA is categories L*; DIGIT and NUMERIC have a digit or numeric value; LOWER and UPPER
 * are the derived properties Lowercase and Uppercase, TITLE category Lt; CASED and CASE_IGNORABLE
 * are Unicode's (they decide final sigma); XID_START also holds for '_'. */
enum {
  RT_UNICODE_ALPHA = 1 << 0,
  RT_UNICODE_DIGIT = 1 << 1,
  RT_UNICODE_NUMERIC = 1 << 2,
  RT_UNICODE_LOWER = 1 << 3,
  RT_UNICODE_UPPER = 1 << 4,
  RT_UNICODE_TITLE = 1 << 5,
  RT_UNICODE_CASED = 1 << 6,
  RT_UNICODE_CASE_IGNORABLE = 1 << 7,
  RT_UNICODE_XID_START = 1 << 8,
  RT_UNICODE_XID_CONTINUE = 1 << 9,
};
uint32_t rt_unicode_flags(uint32_t cp);

typedef enum rt_unicode_case_kind {
  RT_UNICODE_LOWER_CASE,
  RT_UNICODE_UPPER_CASE,
  RT_UNICODE_TITLE_CASE,
  RT_UNICODE_FOLDED_CASE,
} rt_unicode_case_kind;
/* The full (context-free) case mapping of cp, SpecialCasing and CaseFolding included: 1 to 3 code
 * points written to out, their count returned. Final sigma, which needs context, is the caller's. */
int rt_unicode_case(uint32_t cp, rt_unicode_case_kind kind, uint32_t out[3]);

/* ---- internals shared between runtime files ---------------------------------------------- */

_Noreturn void rt_out_of_memory(void);
void *rt_malloc(size_t size);
void *rt_realloc(void *p, size_t size);

/* ---- hooks each language's runtime library defines ------------------------------------------ */
/*
 * The core calls these; every executable links exactly one language library, whose archive
 * (see packages/compiler/src/toolchain/runtime-archive.ts) holds the core too. A program that
 * compiles IR without a front end links a test language library (packages/compiler/test/
 * runtime-test-language/) that defines them with a plain, neutral report.
 */

/* Writes the report of an error nothing handled to stderr (with rt_stderr_write), in the language's
 * own layout. The core has flushed stdout before and exits with status 1 after. */
void rt_language_report_uncaught(const rt_error_report *report);

typedef enum rt_fatal_failure {
  RT_FATAL_OUT_OF_MEMORY,
  /* The native stack overflowed (unbounded recursion). */
  RT_FATAL_STACK_OVERFLOW,
} rt_fatal_failure;

/* The line, newline included, written to stderr when the process dies of `failure` (after stdout
 * is flushed; the status is 1). Called from a signal handler and with memory exhausted: it must
 * return a constant string and do nothing else. */
const char *rt_language_fatal_message(rt_fatal_failure failure);

#endif
