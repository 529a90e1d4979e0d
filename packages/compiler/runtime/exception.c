/*
 * Exceptions as managed objects. While an error travels it is the runtime's pending error (kind,
 * message, traceback frames: core.c), which costs the fast path one byte to test; a handler's landing
 * turns it into an rt_exception object, which the program can hold, pass around and raise again.
 * The kind and message are the front end's text: the runtime gives them no meaning.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

/* The runtime's own layouts are numbered below 16 (the compiler numbers a module's from there). */
enum { EXCEPTION_TYPE_ID = 2 };

static void exception_drop(rt_object *object) {
  rt_exception *exception = (rt_exception *)object;
  free(exception->kind);
  free(exception->message);
  free(exception->frames);
  exception->kind = NULL;
  exception->message = NULL;
  exception->frames = NULL;
  exception->frame_count = 0;
}

const rt_layout rt_exception_layout = {
    .name = "exception",
    .type_id = EXCEPTION_TYPE_ID,
    .flags = 0,
    .size = sizeof(rt_exception),
    .drop = exception_drop,
    .traverse = NULL,
};

static rt_exception *new_exception(void) {
  return (rt_exception *)rt_alloc(&rt_exception_layout, sizeof(rt_exception), NULL);
}

rt_exception *rt_exception_catch(void) {
  rt_exception *exception = new_exception();
  rt_error_take(&exception->kind, &exception->message, &exception->frames, &exception->frame_count);
  return exception;
}

void rt_exception_raise(rt_exception *exception) {
  rt_error_restore(exception->kind != NULL ? exception->kind : "", exception->message != NULL ? exception->message : "",
                   exception->frames, exception->frame_count);
  rt_release(&exception->header);
}

static char *copy_str(const rt_str *s) {
  char *copy = rt_malloc((size_t)s->size + 1);
  memcpy(copy, s->data, (size_t)s->size);
  copy[s->size] = '\0';
  return copy;
}

rt_exception *rt_exception_new(rt_str *kind, rt_str *message) {
  rt_exception *exception = new_exception();
  exception->kind = copy_str(kind);
  exception->message = copy_str(message);
  exception->frames = NULL;
  exception->frame_count = 0;
  return exception;
}

rt_str *rt_exception_kind(rt_exception *exception) { return rt_str_from_cstr(exception->kind); }

rt_str *rt_exception_message(rt_exception *exception) { return rt_str_from_cstr(exception->message); }

/* A kind no front end's exception has: the front ends' kinds are names. */
static const char SPECULATION_FAILURE[] = "<speculation failure>";

void rt_raise_speculation_failure(void) { rt_raise(SPECULATION_FAILURE, ""); }

bool rt_exception_is_speculation_failure(rt_exception *exception) {
  return exception->kind != NULL && strcmp(exception->kind, SPECULATION_FAILURE) == 0;
}
