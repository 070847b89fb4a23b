"""Run inside a terminal: the column where the terminal itself puts the cursor after each given text.

Reads a JSON list of strings from the file named by argv[1]; for each, clears the line, writes the string,
asks the terminal for the cursor position (ESC [ 6 n) and reads its answer. Writes the list of 0-based
columns as JSON to the file named by argv[2].
"""

from __future__ import annotations

import json
import os
import sys
import termios
import tty


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as given:
        texts = json.load(given)
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setraw(fd)
    columns = []
    try:
        for text in texts:
            os.write(1, ("\r\x1b[2K" + text + "\x1b[6n").encode())
            answer = b""
            while not answer.endswith(b"R"):
                answer += os.read(fd, 1)
            columns.append(int(answer.rsplit(b";", 1)[1][:-1]) - 1)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        json.dump(columns, out)


if __name__ == "__main__":
    main()
