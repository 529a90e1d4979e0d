# expect: Point.__new__() takes 3 positional arguments but 4 were given
# at: 6:1
# A namedtuple class called with more values than it has fields.
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1, 2, 3)
