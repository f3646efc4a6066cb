#!/usr/bin/env python3
"""Independent check of tasks/suites/math.jsonl: re-reads every prompt, recomputes its answer by a
different method than make_math.py (brute force, substitution, enumeration, the statistics
module) and compares with the stored answer. Exit 1 and list the items that disagree.
Run by tests/tasks/test_builtin_suites.cpp. Uses only the standard library."""
import itertools
import json
import math
import re
import statistics
import sys
from fractions import Fraction
from pathlib import Path


def ints(text):
    return [int(x) for x in re.findall(r"-?\d+", text)]


def money_values(text):
    return [Fraction(x) for x in re.findall(r"\$(\d+(?:\.\d+)?)", text)]


def parse_linear(side):
    """'3x - 4' -> (3, -4); '-x' -> (-1, 0); '7' -> (0, 7)."""
    side = side.replace(" ", "")
    m = re.fullmatch(r"(-?\d*)x([+-]\d+)?", side)
    if m:
        coef = m.group(1)
        a = -1 if coef == "-" else 1 if coef == "" else int(coef)
        return a, int(m.group(2) or 0)
    return 0, int(side)


def check(template, body):
    n = ints(body)
    if template == "shopping":
        q = [int(x) for x in re.findall(r"buys (\d+)|and (\d+) ", body) for x in x if x]
        prices = money_values(body)
        return prices[2] - (q[0] * prices[0] + q[1] * prices[1])
    if template == "work_rate":
        ha, hb = n[0], n[1]
        # Find t with t/ha + t/hb == 1 by scanning candidate fractions.
        for den in range(1, 400):
            for num in range(1, 400 * 20):
                t = Fraction(num, den)
                if t / ha + t / hb == 1:
                    return t
                if t / ha + t / hb > 1:
                    break
    if template == "average_speed":
        d1, v1, d2, v2 = n[0], n[1], n[2], n[3]
        return Fraction(d1 + d2) / (Fraction(d1, v1) + Fraction(d2, v2))
    if template == "percent_change":
        price, up, down = n[0], n[1], n[2]
        cents = price * 100
        cents = cents + cents * up / 100
        return Fraction(cents - cents * down / 100) / 100
    if template == "ages":
        k, years, total = n[0], n[1], n[2]
        for b in range(0, 200):
            if k * b + years + b + years == total:
                return Fraction(k * b)
    if template == "mixture":
        la, pa, lb, pb = n
        return Fraction(la * pa + lb * pb, la + lb)
    if template == "linear_equation":
        left, right = body[len("Solve for x: "):-1].split(" = ")
        (a, b), (c, d) = parse_linear(left), parse_linear(right)
        return Fraction(d - b, a - c)
    if template == "linear_system":
        eqs = re.findall(r"(-?\d*)x ([+-]) (\d*)y = (-?\d+)", body)
        rows = []
        for cx, sign, cy, r in eqs:
            a = -1 if cx == "-" else 1 if cx == "" else int(cx)
            b = (1 if cy == "" else int(cy)) * (-1 if sign == "-" else 1)
            rows.append((a, b, int(r)))
        sols = [(x, y) for x in range(-20, 21) for y in range(-20, 21)
                if all(a * x + b * y == r for a, b, r in rows)]
        assert len(sols) == 1
        x, y = sols[0]
        ask = body.split("What is ")[1].rstrip("?")
        return {"x": x, "y": y, "x + y": x + y, "x - y": x - y}[ask]
    if template == "quadratic_roots":
        m = re.search(r"equation (\d*)x\^2(?: ([+-]) (\d*)x)?(?: ([+-]) (\d+))? = 0", body)
        k = int(m.group(1) or 1)
        b = (int(m.group(3) or 1) if m.group(2) else 0) * (-1 if m.group(2) == "-" else 1)
        c = int(m.group(5) or 0) * (-1 if m.group(4) == "-" else 1)
        roots = [x for x in range(-50, 51) if k * x * x + b * x + c == 0]
        if len(roots) == 1:
            roots = roots * 2  # a double root counts twice
        assert len(roots) == 2, roots
        if "larger root" in body:
            return max(roots)
        if "sum of the squares" in body:
            return roots[0] ** 2 + roots[1] ** 2
        return roots[0] * roots[1]
    if template == "arithmetic_sequence":
        a1, a2, count = n[0], n[1], n[3]
        terms = [a1 + i * (a2 - a1) for i in range(count)]
        return terms[-1] if "th term" in body else sum(terms)
    if template == "geometric_sum":
        count = n[0]
        first_terms = re.search(r"sequence (.*), \.\.\.", body).group(1).split(", ")
        t0, t1 = Fraction(first_terms[0]), Fraction(first_terms[1])
        total, term = Fraction(0), t0
        for _ in range(count):
            total += term
            term *= t1 / t0
        return total
    if template == "composition":
        m = re.search(r"f\(x\) = (\d+)x ([+-]) (\d+) and g\(x\) = (\d*)x\^2 ([+-]) (\d+)\. What is f\(g\((-?\d+)\)\)", body)
        a, b = int(m.group(1)), int(m.group(3)) * (-1 if m.group(2) == "-" else 1)
        c, d = int(m.group(4) or 1), int(m.group(6)) * (-1 if m.group(5) == "-" else 1)
        x = int(m.group(7))
        g = c * x ** 2 + d
        return a * g + b
    if template == "gcd_lcm":
        a, b = n[0], n[1]
        if "greatest" in body:
            return max(d for d in range(1, min(a, b) + 1) if a % d == 0 and b % d == 0)
        return next(m for m in range(max(a, b), a * b + 1) if m % a == 0 and m % b == 0)
    if template == "modpow":
        base, exp, mod = n
        r = 1
        for _ in range(exp):
            r = r * base % mod
        return r
    if template == "divisor_count":
        x = n[0]
        count = 0
        for d in range(1, math.isqrt(x) + 1):
            if x % d == 0:
                count += 1 if d * d == x else 2
        return count
    if template == "inclusion_exclusion":
        top, a, b = n[1], n[2], n[3]
        either = top // a + top // b - top // math.lcm(a, b)
        return top - either if "neither" in body else either
    if template == "trailing_zeros":
        x, zeros, p = n[0], 0, 5
        while p <= x:
            zeros += x // p
            p *= 5
        return zeros
    if template == "committee":
        members = n[0]
        if "president" in body:
            return len(list(itertools.permutations(range(members), 3)))
        return len(list(itertools.combinations(range(members), n[1])))
    if template == "word_arrangements":
        word = re.search(r"word ([A-Z]+)", body).group(1)
        if len(word) <= 8:
            return len(set(itertools.permutations(word)))
        total = math.factorial(len(word))
        for ch in set(word):
            total //= math.factorial(word.count(ch))
        return total
    if template == "lattice_paths":
        a, b = n[2], n[3]
        grid = [[1] * (b + 1) for _ in range(a + 1)]
        for i in range(1, a + 1):
            for j in range(1, b + 1):
                grid[i][j] = grid[i - 1][j] + grid[i][j - 1]
        return grid[a][b]
    if template == "polygon":
        sides = n[0]
        if "diagonals" in body:
            return sum(1 for i, j in itertools.combinations(range(sides), 2) if (j - i) % sides not in (1, sides - 1))
        return len(list(itertools.combinations(range(sides), 2)))
    if template == "dice_sum":
        faces, target = n[0], n[3]
        outcomes = list(itertools.product(range(1, faces + 1), repeat=2))
        return Fraction(sum(1 for a, b in outcomes if a + b == target), len(outcomes))
    if template == "urn":
        red, blue = n[0], n[1]
        bag = ["red"] * red + ["blue"] * blue
        pairs = list(itertools.permutations(range(len(bag)), 2))
        if "different colours" in body:
            good = sum(1 for i, j in pairs if bag[i] != bag[j])
        else:
            colour = "red" if "both are red" in body else "blue"
            good = sum(1 for i, j in pairs if bag[i] == bag[j] == colour)
        return Fraction(good, len(pairs))
    if template == "coin_flips":
        flips, k = n[0], n[1]
        outcomes = list(itertools.product((0, 1), repeat=flips))
        if "exactly" in body:
            good = sum(1 for o in outcomes if sum(o) == k)
        else:
            good = sum(1 for o in outcomes if sum(o) >= k)
        return Fraction(good, len(outcomes))
    if template == "expected_value":
        cost, faces, win = n[0], n[1], n[4]
        primes = [f for f in range(1, faces + 1) if f > 1 and all(f % d for d in range(2, f))]
        return Fraction(sum(win if f in primes else 0 for f in range(1, faces + 1)), faces) - cost
    if template == "right_triangle":
        if "legs of length" in body:
            a, b = n[0], n[1]
            return math.isqrt(a * a + b * b)
        c, a = n[0], n[1]
        b = math.isqrt(c * c - a * a)
        assert a * a + b * b == c * c
        return Fraction(a * b, 2)
    if template == "trapezoid":
        a, b, h = n
        return Fraction(a + b) * h / 2
    if template == "mean_median":
        values = [int(x) for x in body.split("numbers ")[1].rstrip("?").split(", ")]
        if "mean" in body:
            return Fraction(sum(values), len(values))
        return Fraction(statistics.median(values)).limit_denominator(2)
    raise SystemExit(f"no independent check for template {template}")


def main():
    # The C++ test runs this script in the coding sandbox, which cannot read the source tree, so
    # it defines MATH_JSONL_TEXT before the script instead of passing a path.
    text = globals().get("MATH_JSONL_TEXT")
    if text is None:
        path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "suites" / "math.jsonl"
        text = path.read_text()
    bad = []
    count = 0
    for line in text.splitlines():
        item = json.loads(line)
        body = item["prompt"].split("\n\n")[0]
        expected = Fraction(check(item["template"], body))
        if Fraction(item["answer"]) != expected:
            bad.append(f"{item['id']}: stored {item['answer']}, recomputed {expected}")
        count += 1
    for b in bad:
        print(b)
    print(f"{count} items checked, {len(bad)} disagree")
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
