/*
 * Python's text files over the core's buffered files (runtime.h, file.c): open() with CPython's
 * modes and OSError messages, read/readline/readlines/write/close, and the standard streams as
 * sys.stdin, sys.stdout and sys.stderr. Text is UTF-8, as CPython's default encoding here
 * (PYTHONUTF8); reading bytes that are not UTF-8 raises UnicodeDecodeError. OSError and its
 * subclasses are py_os.c's py_raise_os_error.
 */
#include <string.h>

#include "py_containers.h"
#include "py_runtime.h"

static bool check_open(rt_file *file) {
  if (!rt_file_is_closed(file)) return true;
  rt_raise("ValueError", "I/O operation on closed file.");
  return false;
}

static rt_str *checked_text(rt_str *text) {
  if (text != NULL && !rt_str_is_valid_utf8(text)) {
    rt_release(&text->header);
    rt_raise("UnicodeDecodeError", "'utf-8' codec can't decode bytes: invalid UTF-8");
    return NULL;
  }
  return text;
}

rt_file *py_file_open(rt_str *path, rt_str *mode) {
  int64_t code;
  const char *m = mode->data;
  /* 't' is the default and 'b' (bytes) is not compiled: text modes only. */
  if (strcmp(m, "r") == 0 || strcmp(m, "rt") == 0) code = RT_FILE_READ;
  else if (strcmp(m, "w") == 0 || strcmp(m, "wt") == 0) code = RT_FILE_WRITE;
  else if (strcmp(m, "a") == 0 || strcmp(m, "at") == 0) code = RT_FILE_APPEND;
  else if (strcmp(m, "x") == 0 || strcmp(m, "xt") == 0) code = RT_FILE_CREATE;
  else {
    rt_raisef("ValueError", "invalid mode: '%s'", m);
    return NULL;
  }
  rt_file *file = rt_file_open(path, code);
  if (file == NULL) py_raise_os_error(rt_file_last_error(), path);
  return file;
}

rt_str *py_file_read(rt_file *file) {
  if (!check_open(file)) return NULL;
  rt_str *text = rt_file_read_all(file);
  if (text == NULL) {
    py_raise_os_error(rt_file_last_error(), NULL);
    return NULL;
  }
  return checked_text(text);
}

rt_str *py_file_readline(rt_file *file) {
  if (!check_open(file)) return NULL;
  rt_str *line = rt_file_read_line(file);
  if (line == NULL) {
    py_raise_os_error(rt_file_last_error(), NULL);
    return NULL;
  }
  return checked_text(line);
}

py_list *py_file_readlines(rt_file *file) {
  py_list *lines = py_list_new('o', 0);
  for (;;) {
    rt_str *line = py_file_readline(file);
    if (line == NULL) break;
    if (line->size == 0) {
      rt_release(&line->header);
      break;
    }
    py_list_append_obj(lines, &line->header);
    rt_release(&line->header);
  }
  return lines;
}

int64_t py_file_write(rt_file *file, rt_str *text) {
  if (!check_open(file)) return 0;
  if (!rt_file_write(file, text)) py_raise_os_error(rt_file_last_error(), NULL);
  return text->length;
}

void py_file_close(rt_file *file) {
  if (!rt_file_is_closed(file) && !rt_file_close(file)) py_raise_os_error(rt_file_last_error(), NULL);
}
