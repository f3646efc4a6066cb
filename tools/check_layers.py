#!/usr/bin/env python3
"""Checks every #include "..." of the project against the layer rule in docs/architecture.md.

The rule is the fenced block tagged `layers` in that document: one line per layer,
`LAYER: LAYERS IT MAY USE`. A file under LAYER/ may include files of its own layer and of the
layers listed for it; anything else is a violation, printed as file:line. Exit 1 on violations.

  tools/check_layers.py [--root DIR]      check the tree at DIR (default: the repository)
  tools/check_layers.py --self-test       prove the check fails on a wrong include
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def read_rule(root):
    doc = open(os.path.join(root, 'docs', 'architecture.md'), encoding='utf-8').read()
    block = re.search(r'```layers\n(.*?)```', doc, re.S)
    if not block:
        sys.exit('docs/architecture.md: no ```layers block (the layer rule) found')
    rule = {}
    for line in block.group(1).splitlines():
        if ':' in line:
            layer, uses = line.split(':', 1)
            rule[layer.strip()] = set(uses.split()) | {layer.strip()}
    return rule


def violations(root, rule):
    found = []
    for layer in rule:
        for folder, _, files in os.walk(os.path.join(root, layer)):
            for name in sorted(files):
                if not name.endswith(('.cpp', '.hpp')):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)
                for number, line in enumerate(open(path, encoding='utf-8', errors='replace'), 1):
                    match = INCLUDE.match(line)
                    if not match:
                        continue
                    target = match.group(1).split('/')[0]
                    if target in rule and target not in rule[layer]:
                        found.append(f'{rel}:{number}: {layer}/ may not include '
                                     f'"{match.group(1)}" ({layer}/ uses only: '
                                     f'{", ".join(sorted(rule[layer] - {layer})) or "nothing"})')
    return found


def self_test(root):
    rule_text = open(os.path.join(root, 'docs', 'architecture.md'), encoding='utf-8').read()
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, 'docs'))
        open(os.path.join(tmp, 'docs', 'architecture.md'), 'w').write(rule_text)
        os.makedirs(os.path.join(tmp, 'scorers'))
        open(os.path.join(tmp, 'scorers', 'ok.cpp'), 'w').write('#include "core/json.hpp"\n')
        if violations(tmp, read_rule(tmp)):
            sys.exit('self-test: an allowed include (scorers -> core) was reported')
        open(os.path.join(tmp, 'scorers', 'wrong.cpp'), 'w').write('#include "results/store.hpp"\n')
        found = violations(tmp, read_rule(tmp))
        if len(found) != 1 or 'scorers/wrong.cpp:1' not in found[0]:
            sys.exit(f'self-test: scorers -> results was not reported as one violation: {found}')
    print('self-test passed: scorers/wrong.cpp:1 including "results/store.hpp" is reported')


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    args = sys.argv[1:]
    if args[:1] == ['--root']:
        root = args[1]
    if '--self-test' in args:
        self_test(root)
        return
    rule = read_rule(root)
    found = violations(root, rule)
    for line in found:
        print(line)
    print(f'{len(found)} layer violations in {", ".join(rule)}')
    sys.exit(1 if found else 0)


main()
