#!/usr/bin/env python3
"""Every tr() string with a plural in ui/ and app/ ("%n photo(s)") has its English forms in
translations/shoebox_en.ts, under the class that calls it (Qt's context), so an English desktop never
reads "1 photo(s)". Usage: check-english-plurals.py SOURCE_DIR; prints what is missing, exits 1 then."""
import html
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
ts = open(os.path.join(root, 'translations', 'shoebox_en.ts'), encoding='utf-8').read()
forms = {}
for ctx in re.finditer(r'<context>\s*<name>([^<]*)</name>(.*?)</context>', ts, re.S):
    for msg in re.finditer(r'<message numerus="yes">\s*<source>(.*?)</source>(.*?)</message>', ctx.group(2), re.S):
        forms[(ctx.group(1), html.unescape(msg.group(1)))] = re.findall(r'<numerusform>(.*?)</numerusform>', msg.group(2))

call = re.compile(r'\btr\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
definition = re.compile(r'^(?!\s)[\w:<>,\s\*&]*?\b(\w+)::(~?\w+)\s*\(', re.M)
problems = []
for top in ('ui', 'app'):
    for folder, _, files in os.walk(os.path.join(root, top)):
        for name in sorted(f for f in files if f.endswith('.cpp')):
            path = os.path.join(folder, name)
            text = open(path, encoding='utf-8').read()
            starts = [(m.start(), m.group(1)) for m in definition.finditer(text)]
            for m in call.finditer(text):
                source = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))).replace('\\"', '"')
                if '%n' not in source or '(s)' not in source.lower():
                    continue
                owners = [cls for at, cls in starts if at < m.start()]
                context = 'shoebox::' + (owners[-1] if owners else '?')
                got = forms.get((context, source))
                where = f'{os.path.relpath(path, root)}: {context} "{source}"'
                if got is None:
                    problems.append(f'{where}: no English forms')
                elif len(got) != 2 or any('(s)' in f.lower() for f in got):
                    problems.append(f'{where}: English forms {got}')
print('\n'.join(problems) if problems else 'every plural has its English forms')
sys.exit(1 if problems else 0)
