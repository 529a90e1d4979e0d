/* What print(), sys.argv and input() need beyond the core: Python's spelling of floats, bools and
 * None, negative indexing of sys.argv, and the errors CPython raises. */
#include "py_containers.h"
#include "py_runtime.h"

void py_write_f64_repr(double x) {
  char text[40];
  int n = py_float_repr(x, text);
  rt_stdout_write(text, (size_t)n);
}

void py_write_int(py_int x) {
  if (py_int_is_small(x)) {
    rt_write_i64(x >> 1);
    return;
  }
  rt_str *text = py_int_to_str(x);
  if (text == NULL) return;
  rt_write_str(text);
  rt_release(&text->header);
}

void py_write_bool(bool b) {
  if (b)
    rt_stdout_write("True", 4);
  else
    rt_stdout_write("False", 5);
}

void py_write_none(void) { rt_stdout_write("None", 4); }

rt_str *py_argv_get(int64_t index) {
  int64_t count = rt_argv_count();
  if (index < 0) index += count;
  if (index < 0 || index >= count) {
    rt_raise("IndexError", "list index out of range");
    return NULL;
  }
  return rt_argv_get(index);
}

rt_str *py_read_line(void) {
  rt_str *line = rt_stdin_read_line();
  if (line == NULL) rt_raise("EOFError", "EOF when reading a line");
  return line;
}

py_list *py_argv_list(void) {
  int64_t count = rt_argv_count();
  py_list *list = py_list_new('o', count);
  for (int64_t i = 0; i < count; i++) py_list_append_obj(list, &rt_argv_get(i)->header);
  return list;
}
