#!/usr/bin/env python3
"""Authoring tool: writes tasks/suites/math.jsonl.

Every item is made from a template written for this project; numbers come from a fixed seed
and every answer is computed here with exact rational arithmetic (fractions.Fraction), never
typed by hand. Re-running the script reproduces the file byte for byte.
Not used at build or run time.
"""
import json
import math
import random
import sys
from fractions import Fraction
from pathlib import Path

SEED = 20261123
rng = random.Random(SEED)

NAMES = ["Amara", "Bruno", "Chiara", "Dmitri", "Esi", "Farid", "Greta", "Hiroshi", "Ines",
         "Jonas", "Kavya", "Lars", "Mei", "Nuno", "Olu", "Priya", "Quentin", "Rosa", "Sven",
         "Tamsin", "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zofia"]

SUFFIX_INT = "Give the final answer as an integer. End your response with a line \"Answer: <value>\"."
SUFFIX_FRAC = ("Give the final answer as an integer or a fraction in lowest terms (like 7/3). "
               "End your response with a line \"Answer: <value>\".")
SUFFIX_DEC = ("Give the final answer as an exact decimal number (like 12.5). "
              "End your response with a line \"Answer: <value>\".")


def fmt_frac(x):
    x = Fraction(x)
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def fmt_dec(x):
    x = Fraction(x)
    d = x.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    assert d == 1, f"{x} is not a terminating decimal"
    sign = "-" if x < 0 else ""
    x = abs(x)
    whole = x.numerator // x.denominator
    rest = x - whole
    digits = ""
    while rest:
        rest *= 10
        digit = rest.numerator // rest.denominator
        digits += str(digit)
        rest -= digit
    return sign + str(whole) + ("." + digits if digits else "")


def money(cents):
    return f"{cents // 100}.{cents % 100:02d}"


def name():
    return rng.choice(NAMES)


def two_names():
    a, b = rng.sample(NAMES, 2)
    return a, b


# Each template returns (topic, prompt_body, answer_string, suffix).

def t_shopping():
    who = name()
    items = rng.sample([("notebooks", "notebook"), ("pens", "pen"), ("apples", "apple"),
                        ("bus tickets", "bus ticket"), ("candles", "candle"), ("postcards", "postcard")], 2)
    n1, n2 = rng.randint(2, 7), rng.randint(2, 6)
    p1, p2 = rng.randint(35, 480), rng.randint(25, 350)
    total = n1 * p1 + n2 * p2
    bill = next(b for b in (1000, 2000, 5000, 10000) if b > total)
    change = bill - total
    body = (f"{who} buys {n1} {items[0][0]} at ${money(p1)} each and {n2} {items[1][0]} at "
            f"${money(p2)} each, and pays with a ${bill // 100} note. How many dollars of change "
            f"does {who} receive?")
    return "word_problem", body, fmt_dec(Fraction(change, 100)), SUFFIX_DEC


def t_work_rate():
    a, b = two_names()
    ha, hb = rng.sample([2, 3, 4, 5, 6, 8, 9, 10, 12], 2)
    together = 1 / (Fraction(1, ha) + Fraction(1, hb))
    task = rng.choice(["paint a fence", "weed a garden", "sort a pile of letters", "tile a floor"])
    body = (f"Working alone, {a} can {task} in {ha} hours and {b} can do the same job in {hb} hours. "
            f"Working together at these constant rates, how many hours do they need?")
    return "word_problem", body, fmt_frac(together), SUFFIX_FRAC


def t_average_speed():
    who = name()
    d1, d2 = rng.randint(2, 12) * 10, rng.randint(2, 12) * 10
    v1, v2 = rng.choice([30, 40, 45, 50, 60, 75, 80]), rng.choice([20, 36, 48, 54, 64, 90, 100])
    avg = Fraction(d1 + d2) / (Fraction(d1, v1) + Fraction(d2, v2))
    body = (f"{who} drives {d1} km at a steady {v1} km/h and then another {d2} km at "
            f"{v2} km/h. What is the average speed for the whole trip, in km/h?")
    return "word_problem", body, fmt_frac(avg), SUFFIX_FRAC


def t_percent_change():
    price = rng.randint(4, 60) * 10
    up, down = rng.choice([10, 20, 25, 30, 40, 50]), rng.choice([10, 20, 25, 30, 40, 50])
    final = Fraction(price) * (100 + up) / 100 * (100 - down) / 100
    thing = rng.choice(["a bicycle", "a winter coat", "a desk lamp", "a pair of boots", "a kettle"])
    body = (f"A shop raises the price of {thing} from ${price} by {up}%, and a month later lowers the "
            f"new price by {down}%. What is the final price in dollars?")
    return "word_problem", body, fmt_dec(final), SUFFIX_DEC


def t_ages():
    a, b = two_names()
    b_age = rng.randint(4, 15)
    k = rng.randint(2, 4)
    a_age = k * b_age
    n = rng.randint(2, 12)
    s = a_age + b_age + 2 * n
    body = (f"{a} is {k} times as old as {b}. In {n} years the sum of their ages will be {s}. "
            f"How old is {a} now?")
    return "word_problem", body, str(a_age), SUFFIX_INT


def t_mixture():
    la, lb = rng.randint(1, 9), rng.randint(1, 9)
    pa, pb = rng.sample([5, 10, 12, 15, 20, 25, 30, 40, 50], 2)
    conc = Fraction(la * pa + lb * pb, la + lb)
    body = (f"A chemist mixes {la} litres of a {pa}% salt solution with {lb} litres of a {pb}% salt "
            f"solution. What is the salt concentration of the mixture, in percent?")
    return "word_problem", body, fmt_frac(conc), SUFFIX_FRAC


def t_linear_equation():
    while True:
        a, c = rng.randint(2, 12), rng.randint(-9, 9)
        if a != c:
            break
    b, d = rng.randint(-30, 30), rng.randint(-30, 30)
    x = Fraction(d - b, a - c)
    def side(coef, const):
        s = f"{coef}x" if coef not in (1, -1) else ("x" if coef == 1 else "-x")
        if coef == 0:
            s = ""
        if const:
            s = f"{s} {'+' if const > 0 else '-'} {abs(const)}" if s else str(const)
        return s or "0"
    body = f"Solve for x: {side(a, b)} = {side(c, d)}."
    return "algebra", body, fmt_frac(x), SUFFIX_FRAC


def t_linear_system():
    x, y = rng.randint(-8, 9), rng.randint(-8, 9)
    while True:
        a, b, c, d = (rng.randint(-6, 7) for _ in range(4))
        if a * d - b * c != 0 and 0 not in (a, b, c, d):
            break
    e, f = a * x + b * y, c * x + d * y
    def eq(p, q, r):
        lead = {1: "", -1: "-"}.get(p, str(p))
        tail = "" if abs(q) == 1 else str(abs(q))
        return f"{lead}x {'+' if q > 0 else '-'} {tail}y = {r}"
    ask = rng.choice(["x", "y", "x + y", "x - y"])
    val = {"x": x, "y": y, "x + y": x + y, "x - y": x - y}[ask]
    body = f"The numbers x and y satisfy {eq(a, b, e)} and {eq(c, d, f)}. What is {ask}?"
    return "algebra", body, str(val), SUFFIX_INT


def t_quadratic_roots():
    r1, r2 = rng.sample(range(-12, 13), 2)
    k = rng.choice([1, 1, 2, 3])
    b, c = -k * (r1 + r2), k * r1 * r2
    poly = f"{'' if k == 1 else k}x^2"
    if b:
        poly += f" {'+' if b > 0 else '-'} {'' if abs(b) == 1 else abs(b)}x"
    if c:
        poly += f" {'+' if c > 0 else '-'} {abs(c)}"
    poly += " = 0"
    ask = rng.choice(["larger root", "sum of the squares of the roots", "product of the roots"])
    val = {"larger root": max(r1, r2), "sum of the squares of the roots": r1 * r1 + r2 * r2,
           "product of the roots": r1 * r2}[ask]
    body = f"Consider the equation {poly}. What is the {ask}?"
    return "algebra", body, str(val), SUFFIX_INT


def t_arithmetic_sequence():
    a1, d = rng.randint(-20, 30), rng.choice([x for x in range(-7, 10) if x != 0])
    n = rng.randint(8, 40)
    if rng.random() < 0.5:
        body = (f"An arithmetic sequence starts {a1}, {a1 + d}, {a1 + 2 * d}, ... "
                f"What is its {n}th term?")
        val = a1 + (n - 1) * d
    else:
        body = (f"An arithmetic sequence starts {a1}, {a1 + d}, {a1 + 2 * d}, ... "
                f"What is the sum of its first {n} terms?")
        val = n * (2 * a1 + (n - 1) * d) // 2
        assert Fraction(n * (2 * a1 + (n - 1) * d), 2) == val
    return "algebra", body, str(val), SUFFIX_INT


def t_geometric_sum():
    a = rng.randint(1, 9)
    r = rng.choice([Fraction(1, 2), Fraction(1, 3), Fraction(2, 3), Fraction(3, 4), Fraction(2), Fraction(3)])
    n = rng.randint(4, 7)
    total = sum(a * r ** i for i in range(n))
    terms = ", ".join(fmt_frac(a * r ** i) for i in range(3))
    body = f"What is the sum of the first {n} terms of the geometric sequence {terms}, ...?"
    return "algebra", body, fmt_frac(total), SUFFIX_FRAC


def t_composition():
    a, b = rng.randint(2, 7), rng.randint(-9, 9)
    c, d = rng.randint(1, 4), rng.randint(-6, 6)
    k = rng.randint(-4, 5)
    val = a * (c * k * k + d) + b
    body = (f"Let f(x) = {a}x {'+' if b >= 0 else '-'} {abs(b)} and g(x) = {c if c > 1 else ''}x^2 "
            f"{'+' if d >= 0 else '-'} {abs(d)}. What is f(g({k}))?")
    return "algebra", body, str(val), SUFFIX_INT


def t_gcd_lcm():
    g = rng.choice([2, 3, 4, 6, 7, 8, 12, 14, 15])
    while True:
        m, n = rng.randint(2, 30), rng.randint(2, 30)
        if math.gcd(m, n) == 1 and m != n:
            break
    a, b = g * m, g * n
    if rng.random() < 0.5:
        body = f"What is the greatest common divisor of {a} and {b}?"
        val = math.gcd(a, b)
    else:
        body = f"What is the least common multiple of {a} and {b}?"
        val = a * b // math.gcd(a, b)
    return "number_theory", body, str(val), SUFFIX_INT


def t_modpow():
    base, exp, mod = rng.randint(2, 19), rng.randint(20, 400), rng.choice([7, 9, 10, 11, 13, 17, 100])
    body = f"What is the remainder when {base}^{exp} is divided by {mod}?"
    return "number_theory", body, str(pow(base, exp, mod)), SUFFIX_INT


def t_divisor_count():
    n = 1
    for p in rng.sample([2, 3, 5, 7, 11], rng.randint(2, 3)):
        n *= p ** rng.randint(1, 4)
    count = sum(1 for d in range(1, n + 1) if n % d == 0) if n < 2_000_000 else None
    if count is None:
        return t_divisor_count()
    body = f"How many positive divisors does {n} have?"
    return "number_theory", body, str(count), SUFFIX_INT


def t_inclusion_exclusion():
    n = rng.randint(100, 2000)
    a, b = rng.sample([3, 4, 5, 6, 7, 9, 11], 2)
    val = sum(1 for k in range(1, n + 1) if k % a == 0 or k % b == 0)
    if rng.random() < 0.5:
        body = f"How many integers from 1 to {n} inclusive are divisible by {a} or by {b} (or both)?"
    else:
        val = n - val
        body = f"How many integers from 1 to {n} inclusive are divisible by neither {a} nor {b}?"
    return "number_theory", body, str(val), SUFFIX_INT


def t_trailing_zeros():
    n = rng.randint(25, 400)
    val = len(str(math.factorial(n))) - len(str(math.factorial(n)).rstrip("0"))
    body = f"How many zeros does the decimal representation of {n}! end with?"
    return "number_theory", body, str(val), SUFFIX_INT


def t_committee():
    n, k = rng.randint(6, 14), rng.randint(2, 5)
    club = rng.choice(["chess club", "choir", "rowing team", "robotics club", "book circle"])
    if rng.random() < 0.5:
        body = f"A {club} has {n} members. In how many ways can a committee of {k} members be chosen?"
        val = math.comb(n, k)
    else:
        body = (f"A {club} has {n} members. In how many ways can it choose a president, a "
                f"treasurer and a secretary, if no one holds two posts?")
        val = n * (n - 1) * (n - 2)
    return "combinatorics", body, str(val), SUFFIX_INT


def t_word_arrangements():
    word = rng.choice(["PEPPER", "LETTER", "BALLOON", "COOKBOOK", "TOMATO", "MISSISSIPPI",
                       "SEESAW", "ABRACADABRA", "KAYAK", "COFFEE", "GIGGLE", "NOODLE"])
    counts = {}
    for ch in word:
        counts[ch] = counts.get(ch, 0) + 1
    val = math.factorial(len(word))
    for c in counts.values():
        val //= math.factorial(c)
    body = f"How many distinct arrangements of the letters of the word {word} are there?"
    return "combinatorics", body, str(val), SUFFIX_INT


def t_lattice_paths():
    a, b = rng.randint(2, 8), rng.randint(2, 8)
    body = (f"On a grid, you walk from the corner (0, 0) to ({a}, {b}) taking unit steps that go "
            f"either right or up. How many different paths are there?")
    return "combinatorics", body, str(math.comb(a + b, a)), SUFFIX_INT


def t_polygon():
    n = rng.randint(5, 30)
    if rng.random() < 0.5:
        body = f"How many diagonals does a convex polygon with {n} sides have?"
        val = n * (n - 3) // 2
    else:
        body = (f"At a meeting, each of {n} people shakes hands exactly once with every other person. "
                f"How many handshakes take place?")
        val = n * (n - 1) // 2
    return "combinatorics", body, str(val), SUFFIX_INT


def t_dice_sum():
    faces = rng.choice([4, 6, 8])
    s = rng.randint(3, 2 * faces - 1)
    hits = sum(1 for i in range(1, faces + 1) for j in range(1, faces + 1) if i + j == s)
    p = Fraction(hits, faces * faces)
    body = (f"Two fair {faces}-sided dice, numbered 1 to {faces}, are rolled. What is the probability "
            f"that the two numbers add up to {s}?")
    return "probability", body, fmt_frac(p), SUFFIX_FRAC


def t_urn():
    r, b = rng.randint(2, 9), rng.randint(2, 9)
    colour = rng.choice(["red", "blue"])
    if rng.random() < 0.5:
        good = r if colour == "red" else b
        p = Fraction(good, r + b) * Fraction(good - 1, r + b - 1)
        ask = f"both are {colour}"
    else:
        p = Fraction(r, r + b) * Fraction(b, r + b - 1) * 2
        ask = "they have different colours"
    body = (f"A bag holds {r} red marbles and {b} blue marbles. Two marbles are drawn at random "
            f"without replacement. What is the probability that {ask}?")
    return "probability", body, fmt_frac(p), SUFFIX_FRAC


def t_coin_flips():
    n = rng.randint(3, 10)
    k = rng.randint(0, n)
    if rng.random() < 0.5:
        p = Fraction(math.comb(n, k), 2 ** n)
        body = f"A fair coin is tossed {n} times. What is the probability of exactly {k} heads?"
    else:
        k = max(k, 1)  # "at least 0 heads" would be a certainty, not a question
        p = Fraction(sum(math.comb(n, j) for j in range(k, n + 1)), 2 ** n)
        body = f"A fair coin is tossed {n} times. What is the probability of at least {k} heads?"
    return "probability", body, fmt_frac(p), SUFFIX_FRAC


def t_expected_value():
    faces = rng.choice([6, 8, 10, 12])
    win, cost = rng.randint(2, 20), rng.randint(1, 5)
    prime_faces = [f for f in range(2, faces + 1) if all(f % d for d in range(2, f))]
    ev = Fraction(len(prime_faces) * win, faces) - cost
    body = (f"A game costs ${cost} to play. You roll a fair {faces}-sided die numbered 1 to {faces}; if "
            f"the result is a prime number you receive ${win}, otherwise nothing. What is your "
            f"expected net gain in dollars per game (negative if you expect to lose)?")
    return "probability", body, fmt_frac(ev), SUFFIX_FRAC


def t_right_triangle():
    a0, b0 = rng.choice([(3, 4), (5, 12), (8, 15), (7, 24), (20, 21), (9, 40)])
    k = rng.randint(1, 6)
    a, b, c = a0 * k, b0 * k, int(math.isqrt((a0 * k) ** 2 + (b0 * k) ** 2))
    assert c * c == a * a + b * b
    if rng.random() < 0.5:
        body = f"A right triangle has legs of length {a} and {b}. What is the length of its hypotenuse?"
        val = str(c)
    else:
        body = (f"A right triangle has a hypotenuse of length {c} and one leg of length {a}. What is "
                f"its area?")
        val = fmt_frac(Fraction(a * b, 2))
    return "geometry", body, val, SUFFIX_FRAC


def t_trapezoid():
    a, b, h = rng.randint(3, 30), rng.randint(3, 30), rng.randint(2, 15)
    body = (f"A trapezoid has parallel sides of length {a} cm and {b} cm, and the distance between "
            f"them is {h} cm. What is its area in square centimetres?")
    return "geometry", body, fmt_dec(Fraction((a + b) * h, 2)), SUFFIX_DEC


def t_mean_median():
    vals = [rng.randint(1, 60) for _ in range(rng.choice([5, 6, 7, 8]))]
    listing = ", ".join(map(str, vals))
    if rng.random() < 0.5:
        body = f"What is the mean of the numbers {listing}?"
        val = fmt_frac(Fraction(sum(vals), len(vals)))
    else:
        s = sorted(vals)
        m = len(s) // 2
        med = Fraction(s[m]) if len(s) % 2 else Fraction(s[m - 1] + s[m], 2)
        body = f"What is the median of the numbers {listing}?"
        val = fmt_frac(med)
    return "statistics", body, val, SUFFIX_FRAC


TEMPLATES = [t_shopping, t_work_rate, t_average_speed, t_percent_change, t_ages, t_mixture,
             t_linear_equation, t_linear_system, t_quadratic_roots, t_arithmetic_sequence,
             t_geometric_sum, t_composition, t_gcd_lcm, t_modpow, t_divisor_count,
             t_inclusion_exclusion, t_trailing_zeros, t_committee, t_word_arrangements,
             t_lattice_paths, t_polygon, t_dice_sum, t_urn, t_coin_flips, t_expected_value,
             t_right_triangle, t_trapezoid, t_mean_median]

PER_TEMPLATE = 8  # 28 templates x 8 = 224 items


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "suites" / "math.jsonl")
    items, seen = [], set()
    for template in TEMPLATES:
        made = 0
        while made < PER_TEMPLATE:
            topic, body, answer, suffix = template()
            if body in seen:
                continue
            seen.add(body)
            made += 1
            items.append({"topic": topic, "prompt": f"{body}\n\n{suffix}", "answer": answer,
                          "template": template.__name__[2:]})
    with out.open("w") as f:
        for i, item in enumerate(items, 1):
            record = {"id": f"math-{i:04d}", "suite": "math", **item}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} items to {out}")


if __name__ == "__main__":
    main()
