# expect: did you mean 'gauss'
# at: 4:20
# A name imported from random that it lacks is refused where it is imported.
from random import guass
