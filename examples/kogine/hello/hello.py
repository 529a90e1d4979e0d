"""The smallest kogine script: an ordinary Python file with a setting at the top."""

name = "world"
greeting = f"hello, {name}"


def main():
    print(greeting)
    return {"greeting": greeting}


if __name__ == "__main__":
    main()
