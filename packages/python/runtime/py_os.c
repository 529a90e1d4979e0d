/*
 * The os module's part of the subset (py_runtime.h): os.path's functions with posixpath's exact
 * rules (Lib/posixpath.py, Lib/genericpath.py), os.environ.get and os.getcwd, and the OSError
 * subclasses CPython raises for an errno, which open() and the file operations share. Paths are
 * str: the separator '/' and the dot are ASCII, so byte offsets into the UTF-8 text serve.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "py_containers.h"
#include "py_runtime.h"

extern char **environ;

void py_raise_os_error(int64_t error, rt_str *path) {
  const char *kind = error == ENOENT   ? "FileNotFoundError"
                     : error == EACCES ? "PermissionError"
                     : error == EISDIR ? "IsADirectoryError"
                     : error == EEXIST ? "FileExistsError"
                                       : "OSError";
  rt_buf b = {0};
  char head[64];
  snprintf(head, sizeof head, "[Errno %lld] %s", (long long)error, strerror((int)error));
  rt_buf_puts(&b, head);
  if (path != NULL) {
    rt_buf_puts(&b, ": ");
    py_repr_utf8(&b, path->data, (size_t)path->size);
  }
  rt_buf_putc(&b, '\0');
  rt_raise(kind, b.data);
  rt_buf_free(&b);
}

/* The byte offset of the last byte c in s, or -1. */
static int64_t last_byte(const rt_str *s, char c) {
  for (int64_t i = s->size - 1; i >= 0; i--)
    if (s->data[i] == c) return i;
  return -1;
}

static int64_t last_separator(const rt_str *s) { return last_byte(s, '/'); }

static rt_str *bytes(const rt_str *s, int64_t start, int64_t stop) {
  return rt_str_from_utf8(s->data + start, (size_t)(stop - start));
}

static rt_str *same(rt_str *s) {
  rt_retain(&s->header);
  return s;
}

rt_str *py_os_path_join(rt_str *a, rt_str *b) {
  if (b->size > 0 && b->data[0] == '/') return same(b);
  if (a->size == 0 || a->data[a->size - 1] == '/') return rt_str_concat(a, b);
  rt_buf text = {0};
  rt_buf_put(&text, a->data, (size_t)a->size);
  rt_buf_putc(&text, '/');
  rt_buf_put(&text, b->data, (size_t)b->size);
  return rt_buf_to_str(&text);
}

bool py_os_path_exists(rt_str *path) {
  /* os.stat raises ValueError for an embedded NUL, which exists() takes as False. */
  if (memchr(path->data, '\0', (size_t)path->size) != NULL) return false;
  struct stat info;
  return stat(path->data, &info) == 0;
}

rt_str *py_os_path_basename(rt_str *path) { return bytes(path, last_separator(path) + 1, path->size); }

rt_str *py_os_path_dirname(rt_str *path) {
  int64_t end = last_separator(path) + 1;
  /* The head without its trailing separators, unless it is nothing but separators ("/", "//"). */
  int64_t stop = end;
  while (stop > 0 && path->data[stop - 1] == '/') stop--;
  return bytes(path, 0, stop == 0 ? end : stop);
}

py_tuple *py_os_path_splitext(rt_str *path) {
  static const rt_str *kinds;
  if (kinds == NULL) kinds = rt_str_immortal_from_cstr("oo");
  int64_t separator = last_separator(path);
  int64_t dot = last_byte(path, '.');
  int64_t split = path->size;
  if (dot > separator) {
    /* A dot counts only after a character of the name that is not a dot: ".bashrc" has no extension. */
    for (int64_t i = separator + 1; i < dot; i++) {
      if (path->data[i] != '.') {
        split = dot;
        break;
      }
    }
  }
  py_tuple *parts = py_tuple_new(kinds);
  parts->words[0] = (int64_t)(intptr_t)bytes(path, 0, split);
  parts->words[1] = (int64_t)(intptr_t)bytes(path, split, path->size);
  return parts;
}

rt_str *py_os_environ_get(rt_str *key) {
  /* CPython's os.environ is the environment split at each entry's first '=', the first entry of a
     name winning; a key with a NUL or an '=' is no name of it. */
  size_t size = (size_t)key->size;
  if (memchr(key->data, '\0', size) != NULL) return NULL;
  for (char **entry = environ; *entry != NULL; entry++) {
    const char *equals = strchr(*entry, '=');
    if (equals == NULL || (size_t)(equals - *entry) != size || memcmp(*entry, key->data, size) != 0) continue;
    return rt_str_from_cstr(equals + 1);
  }
  return NULL;
}

rt_str *py_os_getcwd(void) {
  for (size_t size = 256;; size *= 2) {
    char *buffer = rt_malloc(size);
    if (getcwd(buffer, size) != NULL) {
      rt_str *directory = rt_str_from_cstr(buffer);
      free(buffer);
      return directory;
    }
    int error = errno;
    free(buffer);
    if (error != ERANGE) {
      py_raise_os_error(error, NULL);
      return NULL;
    }
  }
}
