# Translates sentences word by word with a dictionary; an unknown word raises KeyError.
EN_TO_ES = {"the": "el", "cat": "gato", "dog": "perro", "eats": "come", "drinks": "bebe",
            "water": "agua", "fish": "pescado", "big": "grande", "small": "pequeño"}


def translate_word(word: str) -> str:
    return EN_TO_ES[word.lower()]


def translate(sentence: str) -> str:
    words = []
    for w in sentence.split():
        words.append(translate_word(w))
    return " ".join(words)


print(len(EN_TO_ES), "entries;", sorted(EN_TO_ES.values())[:4])
for s in ["The cat eats fish", "the dog drinks water", "The big dog eats the small fish", "the cow eats grass"]:
    print(f"{s} -> {translate(s)}")
