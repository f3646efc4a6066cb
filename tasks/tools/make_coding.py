#!/usr/bin/env python3
"""Authoring tool: writes tasks/suites/coding.jsonl from coding_tasks_*.py and proves every
reference solution passes its tests (each in its own python3 process, 10 s timeout).
Not used at build or run time."""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from coding_tasks_a import TASKS as A  # noqa: E402
from coding_tasks_b import TASKS as B  # noqa: E402

INSTRUCTION = ("Implement the following Python function. Use only the standard library. "
               "Reply with the complete function in one ```python code block.")


def build(solution, doc, tests):
    lines = solution.rstrip("\n").split("\n")
    signature = lines[0]
    assert signature.startswith("def ") and signature.endswith(":"), signature
    entry_point = signature[4:signature.index("(")]
    docstring = '    """' + textwrap.indent(doc, "    ").lstrip() + '\n    """'
    prompt_code = signature + "\n" + docstring + "\n"
    full_solution = signature + "\n" + docstring + "\n" + "\n".join(lines[1:]) + "\n"
    prompt = f"{INSTRUCTION}\n\n```python\n{prompt_code}```"
    return entry_point, prompt, full_solution, tests


def check(entry_point, solution, tests):
    program = solution + "\n\n" + tests + "\nprint('ok')\n"
    r = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=10)
    if r.returncode != 0 or r.stdout.strip() != "ok":
        raise SystemExit(f"{entry_point}: reference solution fails its tests:\n{r.stderr}")


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "suites" / "coding.jsonl"
    names = set()
    records = []
    for i, (solution, doc, tests) in enumerate(A + B, 1):
        entry_point, prompt, full, tests = build(solution, doc, tests)
        assert entry_point not in names, f"duplicate entry point {entry_point}"
        names.add(entry_point)
        assert tests.count("assert") >= 3, f"{entry_point}: needs several asserts"
        check(entry_point, full, tests)
        records.append({"id": f"coding-{i:04d}", "suite": "coding", "entry_point": entry_point,
                        "prompt": prompt, "tests": tests, "solution": full})
    with out.open("w") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} items to {out}; every reference solution passes its tests")


if __name__ == "__main__":
    main()
