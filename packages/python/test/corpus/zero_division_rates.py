# Conversion rates per campaign; a campaign with no visits makes the rate divide by zero.
CAMPAIGNS = """spring,1200,84
summer,950,57
autumn,0,0
winter,400,31"""


def rate(conversions: int, visits: int) -> float:
    return conversions / visits * 100


def summarise(line: str) -> str:
    name, visits, conversions = line.split(",")
    return f"{name:<7} {rate(int(conversions), int(visits)):6.2f}%"


rows = CAMPAIGNS.splitlines()
print(len(rows), "campaigns")
for row in sorted(rows):
    print(summarise(row))
