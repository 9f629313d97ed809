#!/usr/bin/env python3
"""Lists every function body over 80 lines and every .cpp file over 500 lines.

Usage: scripts/check-function-length.py [ROOT]   (ROOT defaults to the repository root)

Scans the sources in app/ core/ ui/ models/ with a brace-matching pass over the text with comments,
string literals and preprocessor lines blanked out. Any brace block that is not a namespace, class,
struct, union or enum body counts as a "function" (so file-scope lambdas and data initialisers are
measured too); data tables that are long on purpose go in ALLOWED below, with the reason.
Exits 1 when anything is over a limit, 0 otherwise. Needs only the Python standard library.
"""

import os
import re
import sys

MAX_FUNCTION_LINES = 80
MAX_FILE_LINES = 500
SOURCE_DIRS = ("app", "core", "ui", "models")
SOURCE_EXTENSIONS = (".cpp", ".h")

# (path relative to the root, block name as reported) -> why it may be long.
# Only pure data tables belong here; code gets split instead.
ALLOWED = {
    ("core/catalog/schema.cpp", "version1"): "the first schema's SQL statements, one string per table",
    ("models/cocolabels.h", "cocoLabels"): "the 80 COCO class names, one per line",
}

CONTAINER_RE = re.compile(r"\b(namespace|class|struct|union|enum)\b[^()=]*$")
EXTERN_C_RE = re.compile(r"^\s*extern\s*$")
FUNCTION_TAIL_RE = re.compile(r"\)\s*(?:(?:const|noexcept|override|final|mutable|&|&&)\s*)*$")
TRAILING_RETURN_RE = re.compile(r"\)\s*(?:(?:const|noexcept|mutable)\s*)*->\s*[\w:<>,\s*&]+$")
CTOR_INIT_RE = re.compile(r"\)\s*(?:noexcept\s*)?:(?!:)")
ACCESS_RE = re.compile(r"^\s*(?:(?:public|protected|private)\s*(?:Q_SLOTS|slots)?|Q_SIGNALS|signals)\s*:(?!:)")


def blank(text):
    """Returns text with comments, string/char literals and preprocessor lines replaced by spaces
    (newlines kept, so offsets and line numbers still match the file)."""
    out = list(text)
    i, n = 0, len(text)
    line_start = True

    def wipe(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if line_start and c == "#":
            j = i
            while j < n and text[j] != "\n":
                if text[j] == "\\" and j + 1 < n and text[j + 1] == "\n":
                    j += 2
                    continue
                if text.startswith("/*", j):  # a block comment may start on a directive line
                    end = text.find("*/", j + 2)
                    j = n if end < 0 else end + 2
                    continue
                j += 1
            wipe(i, j)
            i = j
            continue
        if c == "\n":
            line_start = True
            i += 1
            continue
        if c in " \t\r":
            i += 1
            continue
        line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            wipe(i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            wipe(i, j)
            i = j
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) \
                or re.match(r'(?:u8|u|U|L)R"', text[i:i + 4]) and (i == 0 or not text[i - 1].isalnum()):
            q = text.index('"', i)
            paren = text.find("(", q)
            delim = text[q + 1:paren]
            end = text.find(")" + delim + '"', paren)
            j = n if end < 0 else end + len(delim) + 2
            wipe(i, j)
            i = j
        elif c == '"' or (c == "'" and not (i > 0 and text[i - 1].isalnum())):
            # A quote after an alphanumeric is a digit separator (1'000), not a char literal.
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            wipe(i, min(j + 1, n))
            i = j + 1
        else:
            i += 1
    return "".join(out)


def matching_brace(code, open_pos):
    depth = 0
    for k in range(open_pos, len(code)):
        if code[k] == "{":
            depth += 1
        elif code[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    return len(code) - 1


def block_name(header):
    header = " ".join(header.split())
    assign = re.search(r"(\w+)\s*(?:\[[^\]]*\]\s*)?=(?!=)", header.split("(")[0])
    if assign and not re.search(r"\boperator\s*\W*=", header):
        return assign.group(1)  # a variable's initialiser: a data table or a lambda
    paren = header.find("(")
    if paren > 0:
        head = header[:paren].split()
        return head[-1] if head else header[:60]
    return header[-60:] if header else "<anonymous block>"


def long_blocks(code):
    """Yields (name, first line, line count) for every non-container brace block."""
    line_of = []
    line = 1
    for ch in code:
        line_of.append(line)
        if ch == "\n":
            line += 1
    header_start = 0
    stack = []  # closing positions of open containers
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if c == ";":
            header_start = i + 1
        elif c == "}":
            if stack:
                stack.pop()
            header_start = i + 1
        elif c == "{":
            header = code[header_start:i]
            access = ACCESS_RE.match(header)
            if access:
                header = header[access.end():]
            if CONTAINER_RE.search(header) or EXTERN_C_RE.match(header):
                stack.append(i)
                header_start = i + 1
            elif CTOR_INIT_RE.search(header) and not FUNCTION_TAIL_RE.search(header) \
                    and re.search(r"[\w>]\s*$", header):
                # A member's brace initialiser inside a constructor's initialiser list.
                i = matching_brace(code, i) + 1
                continue
            else:
                end = matching_brace(code, i)
                first = line_of[i]
                yield block_name(header), first, line_of[end] - first + 1
                i = end + 1
                header_start = i
                continue
        i += 1


def source_files(root):
    for top in SOURCE_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(SOURCE_EXTENSIONS):
                    yield os.path.join(dirpath, name)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    root = os.path.normpath(root)
    problems = []
    for path in source_files(root):
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if rel.endswith(".cpp") and lines > MAX_FILE_LINES:
            problems.append(f"{rel}: file is {lines} lines (max {MAX_FILE_LINES})")
        for name, first, count in long_blocks(blank(text)):
            if count > MAX_FUNCTION_LINES and (rel, name) not in ALLOWED:
                problems.append(f"{rel}:{first}: {name} is {count} lines (max {MAX_FUNCTION_LINES})")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} over the limits (split them, or allow a pure data table in {__file__})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
