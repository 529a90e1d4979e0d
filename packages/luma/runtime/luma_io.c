/*
 * LumaScript's file built-ins: `read_file(path)` and `write_file(path, text)` (`read_line()` is the
 * core's rt_stdin_read_line). A failed operation leaves its reason (C's strerror text, with the
 * path) for luma_io_error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

static char last_error[512];

static void remember_error(const char *what, rt_str *path) {
  snprintf(last_error, sizeof last_error, "%s %s: %s", what, path->data, strerror(errno));
}

/* The file's whole text, or NULL (the reason kept for luma_io_error). */
rt_str *luma_read_file(rt_str *path) {
  FILE *file = fopen(path->data, "rb");
  if (file == NULL) {
    remember_error("cannot read", path);
    return NULL;
  }
  rt_buf text = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, file)) > 0) rt_buf_put(&text, chunk, n);
  bool failed = ferror(file) != 0;
  fclose(file);
  if (failed) {
    remember_error("cannot read", path);
    rt_buf_free(&text);
    return NULL;
  }
  return rt_buf_to_str(&text);
}

/* Writes the text to the file (replacing it); false on failure (the reason kept). */
bool luma_write_file(rt_str *path, rt_str *text) {
  FILE *file = fopen(path->data, "wb");
  if (file == NULL) {
    remember_error("cannot write", path);
    return false;
  }
  bool ok = fwrite(text->data, 1, (size_t)text->size, file) == (size_t)text->size;
  if (fclose(file) != 0) ok = false;
  if (!ok) remember_error("cannot write", path);
  return ok;
}

/* Why the last file operation failed. */
rt_str *luma_io_error(void) { return rt_str_from_cstr(last_error); }
