# Looks up users' quotas in a dict; an unknown user name raises an uncaught KeyError.
quotas = {"ann": 100, "bob": 250, "cy": 50}


def usage_ratio(user, used):
    return used / quotas[user]


for user, used in [("ann", 40), ("bob", 200), ("dan", 10)]:
    print(user, "%.2f" % usage_ratio(user, used))
