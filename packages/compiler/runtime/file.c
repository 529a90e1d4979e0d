/*
 * Files as managed objects (runtime.h, "files"): buffered reading and writing by path, and handles
 * over the standard streams that share the core's own buffers.
 *
 * Why a managed object: a handle is a value a program passes around and drops, like any object; its
 * layout's drop closes the file, so a dropped handle is closed at once (as CPython's reference
 * counting closes an unreferenced file), and one never released is reported by the leak checker by
 * its layout name, "file". Why errors as errno: the kinds and messages of I/O errors are a
 * language's (Python's kind for a missing file and its "[Errno 2] ..." text), the error number is not.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime.h"

/* The runtime's own layouts are numbered below 16 (the compiler numbers a module's from there). */
enum { FILE_TYPE_ID = 3 };

/* rt_file.stream */
enum { OWN_FILE = 0, STANDARD_INPUT = 1, STANDARD_OUTPUT = 2, STANDARD_ERROR = 3 };

static int64_t last_error;

/* Records a failure: the error number for rt_file_last_error, and errno for C callers. */
static void fail(int error) {
  last_error = error;
  errno = error;
}

/* ---- the open files, written out at exit ------------------------------------------------------- */

static rt_file open_files = {.next_open = &open_files, .previous_open = &open_files};
static bool flush_at_exit_registered;

static bool write_out(rt_file *file);

/* What open files still buffer reaches them when the process exits (the end of main, rt_exit, an
   uncaught error): the program wrote it, as C's stdio and CPython write it. */
static void flush_open_files(void) {
  int saved = errno;
  for (rt_file *file = open_files.next_open; file != &open_files; file = file->next_open) write_out(file);
  errno = saved;
}

static void remember_open(rt_file *file) {
  if (!flush_at_exit_registered) {
    flush_at_exit_registered = true;
    atexit(flush_open_files);
  }
  file->previous_open = open_files.previous_open;
  file->next_open = &open_files;
  open_files.previous_open->next_open = file;
  open_files.previous_open = file;
}

static void forget_open(rt_file *file) {
  file->previous_open->next_open = file->next_open;
  file->next_open->previous_open = file->previous_open;
  file->next_open = file->previous_open = NULL;
}

/* ---- the layout ---------------------------------------------------------------------------------- */

static void file_drop(rt_object *object) {
  rt_file *file = (rt_file *)object;
  if (file->stream != OWN_FILE) return;
  /* A failure here has nobody to report to; it must not look like the failure of a later call. */
  int64_t saved_error = last_error;
  int saved_errno = errno;
  rt_file_close(file);
  last_error = saved_error;
  errno = saved_errno;
}

const rt_layout rt_file_layout = {
    .name = "file",
    .type_id = FILE_TYPE_ID,
    .flags = 0,
    .size = sizeof(rt_file),
    .drop = file_drop,
    .traverse = NULL,
};

static rt_file standard_input = {{RT_REFCOUNT_IMMORTAL, &rt_file_layout}, 0, RT_FILE_READ, STANDARD_INPUT, 0, NULL,
                                 0, 0, NULL, NULL};
static rt_file standard_output = {{RT_REFCOUNT_IMMORTAL, &rt_file_layout}, 1, RT_FILE_WRITE, STANDARD_OUTPUT, 0, NULL,
                                  0, 0, NULL, NULL};
static rt_file standard_error = {{RT_REFCOUNT_IMMORTAL, &rt_file_layout}, 2, RT_FILE_WRITE, STANDARD_ERROR, 0, NULL,
                                 0, 0, NULL, NULL};

rt_file *rt_file_stdin(void) { return &standard_input; }
rt_file *rt_file_stdout(void) { return &standard_output; }
rt_file *rt_file_stderr(void) { return &standard_error; }

int64_t rt_file_last_error(void) { return last_error; }
bool rt_file_is_closed(rt_file *file) { return file->fd < 0; }
int64_t rt_file_mode(rt_file *file) { return file->mode; }

/* ---- opening and closing ------------------------------------------------------------------------ */

rt_file *rt_file_open_path(const char *path, int64_t mode) {
  int flags;
  switch (mode) {
    case RT_FILE_READ:
      flags = O_RDONLY;
      break;
    case RT_FILE_WRITE:
      flags = O_WRONLY | O_CREAT | O_TRUNC;
      break;
    case RT_FILE_APPEND:
      flags = O_WRONLY | O_CREAT | O_APPEND;
      break;
    case RT_FILE_CREATE:
      flags = O_WRONLY | O_CREAT | O_EXCL;
      break;
    default:
      fail(EINVAL);
      return NULL;
  }
  int fd;
  do {
    fd = open(path, flags | O_CLOEXEC, 0666);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    fail(errno);
    return NULL;
  }
  /* A directory opens for reading but cannot be read as a file: say so now, as CPython's open does. */
  struct stat status;
  if (fstat(fd, &status) == 0 && S_ISDIR(status.st_mode)) {
    close(fd);
    fail(EISDIR);
    return NULL;
  }
  rt_file *file = (rt_file *)rt_alloc(&rt_file_layout, sizeof(rt_file), NULL);
  file->fd = fd;
  file->mode = (int32_t)mode;
  file->stream = OWN_FILE;
  file->buffer = NULL;
  file->start = file->end = 0;
  remember_open(file);
  return file;
}

rt_file *rt_file_open(rt_str *path, int64_t mode) {
  if (memchr(path->data, '\0', (size_t)path->size) != NULL) {
    fail(EINVAL);
    return NULL;
  }
  return rt_file_open_path(path->data, mode);
}

static bool write_fd(int fd, const char *data, size_t size) {
  while (size > 0) {
    ssize_t written = write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(errno);
      return false;
    }
    data += written;
    size -= (size_t)written;
  }
  return true;
}

/* Writes out a writing handle's buffer; what fails to go is dropped, so the error is reported once. */
static bool write_out(rt_file *file) {
  if (file->mode == RT_FILE_READ || file->end == 0) return true;
  size_t size = (size_t)file->end;
  file->end = 0;
  return write_fd(file->fd, file->buffer, size);
}

bool rt_file_flush(rt_file *file) {
  switch (file->stream) {
    case STANDARD_OUTPUT:
      rt_stdout_flush();
      return true;
    case STANDARD_INPUT:
    case STANDARD_ERROR:
      return true;
    default:
      break;
  }
  if (file->fd < 0) {
    fail(EBADF);
    return false;
  }
  return write_out(file);
}

bool rt_file_close(rt_file *file) {
  if (file->stream != OWN_FILE) return rt_file_flush(file);
  if (file->fd < 0) return true;
  bool ok = write_out(file);
  /* Linux frees the descriptor even when close reports an error, so it is never retried. */
  if (close(file->fd) != 0 && ok) {
    fail(errno);
    ok = false;
  }
  file->fd = -1;
  free(file->buffer);
  file->buffer = NULL;
  file->start = file->end = 0;
  forget_open(file);
  return ok;
}

/* ---- writing ------------------------------------------------------------------------------------ */

bool rt_file_write_bytes(rt_file *file, const char *data, size_t size) {
  switch (file->stream) {
    case STANDARD_OUTPUT:
      rt_stdout_write(data, size);
      return true;
    case STANDARD_ERROR:
      rt_stderr_write(data, size);
      return true;
    default:
      break;
  }
  if (file->fd < 0 || file->mode == RT_FILE_READ) {
    fail(EBADF);
    return false;
  }
  if (file->buffer == NULL) file->buffer = rt_malloc(RT_FILE_BUFFER_SIZE);
  if (size > (size_t)(RT_FILE_BUFFER_SIZE - file->end)) {
    if (!write_out(file)) return false;
    if (size >= RT_FILE_BUFFER_SIZE) return write_fd(file->fd, data, size);
  }
  memcpy(file->buffer + file->end, data, size);
  file->end += (int64_t)size;
  return true;
}

bool rt_file_write(rt_file *file, rt_str *data) { return rt_file_write_bytes(file, data->data, (size_t)data->size); }

/* ---- reading ------------------------------------------------------------------------------------ */

static bool readable(rt_file *file) {
  if (file->fd < 0 || file->mode != RT_FILE_READ) {
    fail(EBADF);
    return false;
  }
  return true;
}

/* Reads into the buffer when it is drained: 1 with bytes ready, 0 at the end of the file, -1 on an
   error. */
static int fill(rt_file *file) {
  if (file->start < file->end) return 1;
  if (file->buffer == NULL) file->buffer = rt_malloc(RT_FILE_BUFFER_SIZE);
  ssize_t got;
  do {
    got = read(file->fd, file->buffer, RT_FILE_BUFFER_SIZE);
  } while (got < 0 && errno == EINTR);
  if (got < 0) {
    fail(errno);
    return -1;
  }
  file->start = 0;
  file->end = got;
  return got > 0;
}

/* The standard input goes through C's stdio, whose buffer rt_stdin_read_line reads too. */
static bool stdin_failed(void) {
  if (!ferror(stdin)) return false;
  fail(errno != 0 ? errno : EIO);
  clearerr(stdin);
  return true;
}

int64_t rt_file_read_bytes(rt_file *file, char *out, int64_t size) {
  if (file->stream == STANDARD_INPUT) {
    rt_stdout_flush();
    size_t got = fread(out, 1, (size_t)size, stdin);
    if (stdin_failed() && got == 0) return -1;
    return (int64_t)got;
  }
  if (!readable(file)) return -1;
  int64_t done = 0;
  while (done < size) {
    int ready = fill(file);
    if (ready < 0) return done > 0 ? done : -1;
    if (ready == 0) break;
    int64_t take = file->end - file->start;
    if (take > size - done) take = size - done;
    memcpy(out + done, file->buffer + file->start, (size_t)take);
    file->start += take;
    done += take;
  }
  return done;
}

int64_t rt_file_read_line_into(rt_file *file, rt_buf *out) {
  int64_t appended = 0;
  if (file->stream == STANDARD_INPUT) {
    rt_stdout_flush();
    int c;
    while ((c = getchar()) != EOF) {
      rt_buf_putc(out, (char)c);
      appended++;
      if (c == '\n') break;
    }
    return stdin_failed() ? -1 : appended;
  }
  if (!readable(file)) return -1;
  for (;;) {
    int ready = fill(file);
    if (ready < 0) return -1;
    if (ready == 0) return appended;
    const char *from = file->buffer + file->start;
    size_t available = (size_t)(file->end - file->start);
    const char *newline = memchr(from, '\n', available);
    size_t take = newline != NULL ? (size_t)(newline - from) + 1 : available;
    rt_buf_put(out, from, take);
    file->start += (int64_t)take;
    appended += (int64_t)take;
    if (newline != NULL) return appended;
  }
}

bool rt_file_read_all_into(rt_file *file, rt_buf *out) {
  if (file->stream == STANDARD_INPUT) {
    rt_stdout_flush();
    for (;;) {
      rt_buf_reserve(out, RT_FILE_BUFFER_SIZE);
      size_t got = fread(out->data + out->len, 1, out->cap - out->len - 1, stdin);
      out->len += got;
      if (got == 0) return !stdin_failed();
    }
  }
  if (!readable(file)) return false;
  if (file->start < file->end) {
    rt_buf_put(out, file->buffer + file->start, (size_t)(file->end - file->start));
    file->start = file->end = 0;
  }
  /* Room for the whole file and one byte more when its size is known, so that the read that finds
     the end needs no more; otherwise (or when it grew) the room doubles. */
  struct stat status;
  if (fstat(file->fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0)
    rt_buf_reserve(out, (size_t)status.st_size + 1);
  for (;;) {
    if (out->cap <= out->len + 1) rt_buf_reserve(out, out->len > RT_FILE_BUFFER_SIZE ? out->len : RT_FILE_BUFFER_SIZE);
    ssize_t got;
    do {
      got = read(file->fd, out->data + out->len, out->cap - out->len - 1);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
      fail(errno);
      return false;
    }
    if (got == 0) return true;
    out->len += (size_t)got;
  }
}

rt_str *rt_file_read_all(rt_file *file) {
  rt_buf text = {0};
  if (!rt_file_read_all_into(file, &text)) {
    rt_buf_free(&text);
    return NULL;
  }
  return rt_buf_to_str(&text);
}

rt_str *rt_file_read_line(rt_file *file) {
  rt_buf line = {0};
  if (rt_file_read_line_into(file, &line) < 0) {
    rt_buf_free(&line);
    return NULL;
  }
  return rt_buf_to_str(&line);
}
