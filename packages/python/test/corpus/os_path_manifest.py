# A file manifest: paths built with os.path.join, split into directory, name and extension.
import os
import os.path
from os.path import basename, dirname, join, splitext

root = "/srv/site"
files = ["index.html", "css/main.css", "js/app.min.js", "img/logo.png", ".htaccess", "docs/README"]
by_extension = {}
for name in files:
    full = join(root, name)
    stem, ext = splitext(basename(full))
    by_extension.setdefault(ext if ext else "(none)", []).append(stem)
    print(f"{full:32} dir={dirname(full):18} base={basename(full):12} ext={ext!r}")
for ext in sorted(by_extension):
    print(ext, sorted(by_extension[ext]))

print(os.path.join("a", "b", "c"), join("a/", "b"), join("a", "/abs", "c"), repr(join("", "x")), repr(join("x", "")))
for path in ["/", "//", "a//b//", "..", "archive.tar.gz", "dir.d/file", "/usr/lib/"]:
    print(repr(path), repr(dirname(path)), repr(basename(path)), splitext(path))
print(os.path.exists("/"), os.path.exists("/no/such/place/at/all"), os.path.exists(""))
print(os.environ.get("PYCOMPILE_CORPUS_UNSET_VARIABLE"), os.environ.get("PYCOMPILE_CORPUS_UNSET_VARIABLE", "default"))
here = os.getcwd()
print(here == os.getcwd(), os.path.exists(here), here.startswith("/"))
with open(join("os_path_manifest_missing", "data.txt")) as f:
    print(f.read())
