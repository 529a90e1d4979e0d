/** The prefix under which the injection rewrite exports a script's local functions (`main`, the function
 * its main guard calls) so the task runner can call them. Its own module, so the task runner does not load
 * the parser to know it. */
export const LOCAL_EXPORT_PREFIX = "__kogine_local_";
