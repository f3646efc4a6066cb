"""Coding tasks, part A (written for distillscope). Each entry: (solution, docstring, tests).
The solution's first line is the signature shown in the prompt."""

TASKS = [
('''def run_length_encode(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
''', """Encode s by replacing each maximal run of a repeated character with the run length
followed by the character, e.g. "aaabcc" -> "3a1b2c". The empty string encodes to "".""",
'''assert run_length_encode("") == ""
assert run_length_encode("a") == "1a"
assert run_length_encode("aaabcc") == "3a1b2c"
assert run_length_encode("abab") == "1a1b1a1b"
assert run_length_encode("zzzzzzzzzzzz") == "12z"
'''),

('''def run_length_decode(s: str) -> str:
    out = []
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)
''', """Decode a string produced by run-length encoding where each run is written as a positive
decimal count followed by one non-digit character, e.g. "3a1b12c" -> "aaab" + 12 * "c".""",
'''assert run_length_decode("") == ""
assert run_length_decode("3a1b2c") == "aaabcc"
assert run_length_decode("12z") == "z" * 12
assert run_length_decode("1x1y") == "xy"
assert run_length_decode("2 1!") == "  !"
'''),

('''def is_isogram(word: str) -> bool:
    letters = [c.lower() for c in word if c.isalpha()]
    return len(letters) == len(set(letters))
''', """Return True if no letter occurs more than once in word, ignoring case. Characters that
are not letters (spaces, hyphens, digits) are ignored.""",
'''assert is_isogram("") is True
assert is_isogram("lumberjack") is True
assert is_isogram("Alphabet") is False
assert is_isogram("six-year-old") is True
assert is_isogram("Aa") is False
assert is_isogram("a b c 1 1") is True
'''),

('''def second_largest(nums: list) -> int | None:
    distinct = sorted(set(nums))
    return distinct[-2] if len(distinct) >= 2 else None
''', """Return the second largest distinct value in nums, or None if there are fewer than two
distinct values.""",
'''assert second_largest([]) is None
assert second_largest([5]) is None
assert second_largest([3, 3, 3]) is None
assert second_largest([1, 2]) == 1
assert second_largest([4, 9, 9, 7]) == 7
assert second_largest([-5, -1, -3]) == -3
'''),

('''def rotate_list(items: list, k: int) -> list:
    if not items:
        return []
    k %= len(items)
    return items[-k:] + items[:-k] if k else list(items)
''', """Return a new list with items rotated k positions to the right (negative k rotates left).
k may be larger than the length. The input list is not modified.""",
'''assert rotate_list([], 3) == []
assert rotate_list([1, 2, 3, 4], 1) == [4, 1, 2, 3]
assert rotate_list([1, 2, 3, 4], -1) == [2, 3, 4, 1]
assert rotate_list([1, 2, 3], 7) == [3, 1, 2]
assert rotate_list([1, 2, 3], 0) == [1, 2, 3]
src = [1, 2]; rotate_list(src, 1); assert src == [1, 2]
'''),

('''def chunk(items: list, size: int) -> list:
    if size <= 0:
        raise ValueError("size must be positive")
    return [items[i:i + size] for i in range(0, len(items), size)]
''', """Split items into consecutive lists of length size; the last one may be shorter.
Raise ValueError if size is not positive.""",
'''assert chunk([], 3) == []
assert chunk([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
assert chunk([1, 2, 3], 3) == [[1, 2, 3]]
assert chunk([1], 5) == [[1]]
try:
    chunk([1], 0)
    assert False
except ValueError:
    pass
'''),

('''def flatten(nested: list) -> list:
    out = []
    for x in nested:
        if isinstance(x, list):
            out.extend(flatten(x))
        else:
            out.append(x)
    return out
''', """Flatten arbitrarily nested lists into one list, keeping the left-to-right order.
Only lists are flattened; tuples and strings are kept as single elements.""",
'''assert flatten([]) == []
assert flatten([1, [2, [3, [4]]], 5]) == [1, 2, 3, 4, 5]
assert flatten([[], [[]], 1]) == [1]
assert flatten(["ab", (1, 2), [3]]) == ["ab", (1, 2), 3]
'''),

('''def roman_to_int(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        if i + 1 < len(s) and values[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
''', """Convert a valid Roman numeral (1 to 3999, subtractive notation such as IV and CM)
to an integer.""",
'''assert roman_to_int("I") == 1
assert roman_to_int("IV") == 4
assert roman_to_int("XLII") == 42
assert roman_to_int("MCMXCIV") == 1994
assert roman_to_int("MMMCMXCIX") == 3999
'''),

('''def int_to_roman(n: int) -> str:
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, sym in table:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)
''', """Convert an integer from 1 to 3999 to a Roman numeral using subtractive notation.""",
'''assert int_to_roman(1) == "I"
assert int_to_roman(4) == "IV"
assert int_to_roman(9) == "IX"
assert int_to_roman(58) == "LVIII"
assert int_to_roman(1994) == "MCMXCIV"
assert int_to_roman(3999) == "MMMCMXCIX"
'''),

('''def balanced_brackets(s: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
''', """Return True if the brackets (), [] and {} in s are balanced and properly nested.
Other characters are ignored.""",
'''assert balanced_brackets("") is True
assert balanced_brackets("([]{})") is True
assert balanced_brackets("([)]") is False
assert balanced_brackets("((") is False
assert balanced_brackets("}") is False
assert balanced_brackets("f(a[0], {b: 1})") is True
'''),

('''def word_frequencies(text: str) -> dict:
    import re
    counts = {}
    for w in re.findall(r"[a-z']+", text.lower()):
        w = w.strip("'")
        if w:
            counts[w] = counts.get(w, 0) + 1
    return counts
''', """Count words in text case-insensitively. A word is a run of letters a-z and apostrophes;
leading and trailing apostrophes are stripped and empty words dropped. Return a dict word -> count.""",
'''assert word_frequencies("") == {}
assert word_frequencies("The cat and the hat.") == {"the": 2, "cat": 1, "and": 1, "hat": 1}
assert word_frequencies("Don't stop; don't!") == {"don't": 2, "stop": 1}
assert word_frequencies("'quoted' words ''") == {"quoted": 1, "words": 1}
assert word_frequencies("A1b2") == {"a": 1, "b": 1}
'''),

('''def caesar_shift(text: str, k: int) -> str:
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
''', """Shift every ASCII letter in text by k places in the alphabet (wrapping around, keeping
case); other characters are unchanged. k may be negative or larger than 26.""",
'''assert caesar_shift("", 5) == ""
assert caesar_shift("abc", 1) == "bcd"
assert caesar_shift("xyz", 3) == "abc"
assert caesar_shift("Hello, World!", 13) == "Uryyb, Jbeyq!"
assert caesar_shift("abc", -1) == "zab"
assert caesar_shift("abc", 52) == "abc"
'''),

('''def merge_intervals(intervals: list) -> list:
    result = []
    for start, end in sorted(intervals):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return result
''', """Merge overlapping closed intervals given as [start, end] pairs (in any order) and return
the merged intervals sorted by start. Intervals that touch (end == next start) are merged.""",
'''assert merge_intervals([]) == []
assert merge_intervals([[1, 3], [2, 6], [8, 10]]) == [[1, 6], [8, 10]]
assert merge_intervals([[5, 7], [1, 2]]) == [[1, 2], [5, 7]]
assert merge_intervals([[1, 4], [4, 5]]) == [[1, 5]]
assert merge_intervals([[1, 10], [2, 3], [4, 5]]) == [[1, 10]]
'''),

('''def is_prime(n: int) -> bool:
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True
''', """Return True if n is a prime number. Numbers below 2 (including negatives) are not prime.""",
'''assert is_prime(-7) is False
assert is_prime(0) is False
assert is_prime(1) is False
assert is_prime(2) is True
assert is_prime(97) is True
assert is_prime(91) is False
assert is_prime(7919) is True
'''),

('''def primes_below(n: int) -> list:
    if n < 3:
        return []
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, n, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]
''', """Return all primes strictly less than n, in increasing order.""",
'''assert primes_below(0) == []
assert primes_below(2) == []
assert primes_below(3) == [2]
assert primes_below(20) == [2, 3, 5, 7, 11, 13, 17, 19]
assert len(primes_below(10000)) == 1229
'''),

('''def digit_root(n: int) -> int:
    n = abs(n)
    while n >= 10:
        n = sum(int(d) for d in str(n))
    return n
''', """Repeatedly sum the decimal digits of abs(n) until one digit remains and return it.""",
'''assert digit_root(0) == 0
assert digit_root(7) == 7
assert digit_root(38) == 2
assert digit_root(999999999999) == 9
assert digit_root(-493) == 7
'''),

('''def collatz_steps(n: int) -> int:
    if n < 1:
        raise ValueError("n must be positive")
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
''', """Return how many steps the Collatz process (halve if even, else 3n+1) needs to reach 1
from n. Raise ValueError for n < 1.""",
'''assert collatz_steps(1) == 0
assert collatz_steps(2) == 1
assert collatz_steps(6) == 8
assert collatz_steps(27) == 111
try:
    collatz_steps(0)
    assert False
except ValueError:
    pass
'''),

('''def fizzbuzz_word(n: int) -> str:
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)
''', """Return "Fizz" if n is divisible by 3, "Buzz" if divisible by 5, "FizzBuzz" if by both,
otherwise str(n).""",
'''assert fizzbuzz_word(1) == "1"
assert fizzbuzz_word(3) == "Fizz"
assert fizzbuzz_word(10) == "Buzz"
assert fizzbuzz_word(30) == "FizzBuzz"
assert fizzbuzz_word(0) == "FizzBuzz"
assert fizzbuzz_word(-9) == "Fizz"
'''),

('''def binary_search(sorted_items: list, target) -> int:
    lo, hi = 0, len(sorted_items) - 1
    found = -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if sorted_items[mid] < target:
            lo = mid + 1
        elif sorted_items[mid] > target:
            hi = mid - 1
        else:
            found = mid
            hi = mid - 1
    return found
''', """Return the index of the first occurrence of target in the ascending list sorted_items,
or -1 if it is absent. Must run in O(log n).""",
'''assert binary_search([], 1) == -1
assert binary_search([1, 3, 5, 7], 5) == 2
assert binary_search([1, 3, 5, 7], 4) == -1
assert binary_search([2, 2, 2, 3], 2) == 0
assert binary_search([1, 2, 3], 3) == 2
assert binary_search(list(range(100000)), 99999) == 99999
'''),

('''def longest_common_prefix(words: list) -> str:
    if not words:
        return ""
    prefix = words[0]
    for w in words[1:]:
        while not w.startswith(prefix):
            prefix = prefix[:-1]
    return prefix
''', """Return the longest string that is a prefix of every string in words ("" for an empty list).""",
'''assert longest_common_prefix([]) == ""
assert longest_common_prefix(["solo"]) == "solo"
assert longest_common_prefix(["flower", "flow", "flight"]) == "fl"
assert longest_common_prefix(["dog", "cat"]) == ""
assert longest_common_prefix(["same", "same"]) == "same"
assert longest_common_prefix(["", "abc"]) == ""
'''),

('''def anagram_groups(words: list) -> list:
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return sorted(sorted(g) for g in groups.values())
''', """Group words that are anagrams of each other (same letters, case-sensitive). Return a list
of groups, each group sorted, and the groups sorted.""",
'''assert anagram_groups([]) == []
assert anagram_groups(["eat", "tea", "tan", "ate", "nat", "bat"]) == [["ate", "eat", "tea"], ["bat"], ["nat", "tan"]]
assert anagram_groups(["a"]) == [["a"]]
assert anagram_groups(["ab", "Ba"]) == [["Ba"], ["ab"]]
assert anagram_groups(["", ""]) == [["", ""]]
'''),

('''def max_subarray_sum(nums: list) -> int:
    best = cur = nums[0]
    for x in nums[1:]:
        cur = max(x, cur + x)
        best = max(best, cur)
    return best
''', """Return the largest sum of a non-empty contiguous subarray of the non-empty list nums.""",
'''assert max_subarray_sum([5]) == 5
assert max_subarray_sum([-3, -1, -2]) == -1
assert max_subarray_sum([-2, 1, -3, 4, -1, 2, 1, -5, 4]) == 6
assert max_subarray_sum([1, 2, 3]) == 6
assert max_subarray_sum([2, -1, 2, -1, 2]) == 4
'''),

('''def pascal_row(n: int) -> list:
    row = [1]
    for _ in range(n):
        row = [a + b for a, b in zip([0] + row, row + [0])]
    return row
''', """Return row n (starting at row 0 = [1]) of Pascal's triangle.""",
'''assert pascal_row(0) == [1]
assert pascal_row(1) == [1, 1]
assert pascal_row(4) == [1, 4, 6, 4, 1]
assert sum(pascal_row(20)) == 2 ** 20
assert pascal_row(30)[15] == 155117520
'''),

('''def matrix_transpose(m: list) -> list:
    return [list(row) for row in zip(*m)] if m else []
''', """Return the transpose of the rectangular matrix m given as a list of rows. An empty matrix
transposes to [].""",
'''assert matrix_transpose([]) == []
assert matrix_transpose([[1, 2, 3]]) == [[1], [2], [3]]
assert matrix_transpose([[1, 2], [3, 4], [5, 6]]) == [[1, 3, 5], [2, 4, 6]]
assert matrix_transpose([[7]]) == [[7]]
'''),

('''def matrix_multiply(a: list, b: list) -> list:
    if not a or not b or len(a[0]) != len(b):
        raise ValueError("incompatible shapes")
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]
''', """Multiply two matrices given as lists of rows. Raise ValueError if either is empty or the
number of columns of a differs from the number of rows of b.""",
'''assert matrix_multiply([[1, 2], [3, 4]], [[5, 6], [7, 8]]) == [[19, 22], [43, 50]]
assert matrix_multiply([[1, 2, 3]], [[1], [2], [3]]) == [[14]]
assert matrix_multiply([[2]], [[3]]) == [[6]]
for bad in (([[1, 2]], [[1, 2]]), ([], [[1]])):
    try:
        matrix_multiply(*bad)
        assert False
    except ValueError:
        pass
'''),

('''def spiral_order(m: list) -> list:
    out = []
    m = [list(r) for r in m]
    while m:
        out.extend(m.pop(0))
        m = [list(r) for r in zip(*m)][::-1]
    return out
''', """Return the elements of the rectangular matrix m (list of rows) in clockwise spiral order
starting at the top-left corner.""",
'''assert spiral_order([]) == []
assert spiral_order([[1]]) == [1]
assert spiral_order([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == [1, 2, 3, 6, 9, 8, 7, 4, 5]
assert spiral_order([[1, 2, 3, 4], [5, 6, 7, 8]]) == [1, 2, 3, 4, 8, 7, 6, 5]
assert spiral_order([[1], [2], [3]]) == [1, 2, 3]
'''),

('''def count_vowels(s: str) -> int:
    return sum(1 for ch in s.lower() if ch in "aeiou")
''', """Return the number of vowels (a, e, i, o, u, either case) in s. 'y' is not a vowel.""",
'''assert count_vowels("") == 0
assert count_vowels("rhythm") == 0
assert count_vowels("Education") == 5
assert count_vowels("AEIOUaeiou") == 10
assert count_vowels("y!?") == 0
'''),

('''def is_palindrome(s: str) -> bool:
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
''', """Return True if s reads the same backwards as forwards, considering only letters and digits
and ignoring case.""",
'''assert is_palindrome("") is True
assert is_palindrome("A man, a plan, a canal: Panama") is True
assert is_palindrome("race a car") is False
assert is_palindrome("No 'x' in Nixon") is True
assert is_palindrome("12321") is True
assert is_palindrome("ab") is False
'''),

('''def title_case(s: str, minor: set) -> str:
    words = s.split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in minor:
            out.append(lw)
        else:
            out.append(lw[:1].upper() + lw[1:])
    return " ".join(out)
''', """Return s in title case: split on whitespace, lower-case every word, then capitalise its
first letter, except words in minor (given in lower case) which stay lower case unless they
are the first word. Words are joined by single spaces.""",
'''assert title_case("", {"a"}) == ""
assert title_case("the lord OF the rings", {"of", "the"}) == "The Lord of the Rings"
assert title_case("a tale of two cities", {"a", "of"}) == "A Tale of Two Cities"
assert title_case("  spaced   out ", set()) == "Spaced Out"
'''),

('''def snake_to_camel(name: str) -> str:
    parts = [p for p in name.split("_") if p]
    if not parts:
        return ""
    return parts[0].lower() + "".join(p[:1].upper() + p[1:].lower() for p in parts[1:])
''', """Convert a snake_case identifier to lowerCamelCase. Repeated, leading or trailing
underscores are ignored; the result is lower case except for the first letter of each part
after the first.""",
'''assert snake_to_camel("") == ""
assert snake_to_camel("hello_world") == "helloWorld"
assert snake_to_camel("__private__name") == "privateName"
assert snake_to_camel("HTTP_SERVER_port") == "httpServerPort"
assert snake_to_camel("single") == "single"
'''),

('''def camel_to_snake(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper():
            prev_lower = i > 0 and (name[i - 1].islower() or name[i - 1].isdigit())
            next_lower = i + 1 < len(name) and name[i + 1].islower()
            if i > 0 and (prev_lower or (next_lower and name[i - 1].isupper())):
                out.append("_")
            out.append(ch.lower())
        else:
            out.append(ch)
    return "".join(out)
''', """Convert a CamelCase or camelCase identifier to snake_case. A run of capitals is treated
as one word (an acronym), and the last capital of a run followed by a lower-case letter starts
a new word: "HTTPServer" -> "http_server", "getID" -> "get_id".""",
'''assert camel_to_snake("") == ""
assert camel_to_snake("camelCase") == "camel_case"
assert camel_to_snake("CamelCase") == "camel_case"
assert camel_to_snake("HTTPServer") == "http_server"
assert camel_to_snake("getID") == "get_id"
assert camel_to_snake("version2Name") == "version2_name"
'''),

('''def parse_duration(text: str) -> int:
    import re
    units = {"h": 3600, "m": 60, "s": 1}
    text = text.replace(" ", "")
    if not text or not re.fullmatch(r"(\\d+[hms])+", text):
        raise ValueError(f"bad duration: {text!r}")
    return sum(int(n) * units[u] for n, u in re.findall(r"(\\d+)([hms])", text))
''', """Parse a duration like "1h30m", "45s" or "2h 5s" into a number of seconds. Units are h, m
and s, each preceded by digits; spaces are ignored. Raise ValueError for anything else,
including the empty string.""",
'''assert parse_duration("45s") == 45
assert parse_duration("1h30m") == 5400
assert parse_duration("2h 5s") == 7205
assert parse_duration("0m") == 0
assert parse_duration("90m") == 5400
for bad in ("", "h", "10", "5x", "1.5h"):
    try:
        parse_duration(bad)
        assert False, bad
    except ValueError:
        pass
'''),

('''def format_seconds(total: int) -> str:
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}"
''', """Format a non-negative number of seconds as H:MM:SS (hours not padded, may exceed 24).""",
'''assert format_seconds(0) == "0:00:00"
assert format_seconds(59) == "0:00:59"
assert format_seconds(3600) == "1:00:00"
assert format_seconds(3725) == "1:02:05"
assert format_seconds(90061) == "25:01:01"
'''),

('''def histogram(values: list, width: int) -> dict:
    if width <= 0:
        raise ValueError("width must be positive")
    bins = {}
    for v in values:
        start = (v // width) * width
        bins[start] = bins.get(start, 0) + 1
    return dict(sorted(bins.items()))
''', """Count integers into bins of the given width: value v falls in the bin starting at
(v // width) * width. Return a dict bin_start -> count with keys in ascending order, only for
non-empty bins. Raise ValueError if width is not positive.""",
'''assert histogram([], 5) == {}
assert histogram([1, 2, 7, 12, 14], 5) == {0: 2, 5: 1, 10: 2}
assert histogram([-1, 0], 10) == {-10: 1, 0: 1}
assert list(histogram([30, 10, 20], 10).keys()) == [10, 20, 30]
try:
    histogram([1], 0)
    assert False
except ValueError:
    pass
'''),

('''def moving_average(values: list, window: int) -> list:
    if window <= 0:
        raise ValueError("window must be positive")
    out = []
    total = 0
    for i, v in enumerate(values):
        total += v
        if i >= window:
            total -= values[i - window]
        if i >= window - 1:
            out.append(total / window)
    return out
''', """Return the averages of every full window of `window` consecutive values, in order. A list
shorter than the window gives []. Raise ValueError if window is not positive.""",
'''assert moving_average([], 3) == []
assert moving_average([1, 2], 3) == []
assert moving_average([1, 2, 3, 4], 2) == [1.5, 2.5, 3.5]
assert moving_average([5, 5, 5], 3) == [5.0]
assert moving_average([2, 4], 1) == [2.0, 4.0]
try:
    moving_average([1], 0)
    assert False
except ValueError:
    pass
'''),

('''def median(values: list) -> float:
    if not values:
        raise ValueError("median of empty list")
    s = sorted(values)
    mid = len(s) // 2
    return float(s[mid]) if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
''', """Return the median of a non-empty list of numbers as a float (the mean of the two middle
values for an even count). Raise ValueError for an empty list. Do not modify the input.""",
'''assert median([3]) == 3.0
assert median([3, 1, 2]) == 2.0
assert median([4, 1, 3, 2]) == 2.5
assert median([-1, -1, 5, 5]) == 2.0
data = [3, 1, 2]; median(data); assert data == [3, 1, 2]
try:
    median([])
    assert False
except ValueError:
    pass
'''),

('''def mode_all(values: list) -> list:
    if not values:
        return []
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    top = max(counts.values())
    return sorted(v for v, c in counts.items() if c == top)
''', """Return all most frequent values of the list, sorted ascending ([] for an empty list).""",
'''assert mode_all([]) == []
assert mode_all([1, 2, 2, 3]) == [2]
assert mode_all([4, 1, 4, 1]) == [1, 4]
assert mode_all([7]) == [7]
assert mode_all(["b", "a"]) == ["a", "b"]
'''),

('''def dedupe_keep_order(items: list) -> list:
    seen = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
''', """Return items with duplicates removed, keeping the first occurrence of each value and the
original order. Items are hashable.""",
'''assert dedupe_keep_order([]) == []
assert dedupe_keep_order([3, 1, 3, 2, 1]) == [3, 1, 2]
assert dedupe_keep_order(["a", "A", "a"]) == ["a", "A"]
assert dedupe_keep_order([1, 1, 1]) == [1]
'''),

('''def interleave(a: list, b: list) -> list:
    out = []
    for i in range(max(len(a), len(b))):
        if i < len(a):
            out.append(a[i])
        if i < len(b):
            out.append(b[i])
    return out
''', """Interleave two lists element by element, starting with a; when one list runs out, append
the rest of the other.""",
'''assert interleave([], []) == []
assert interleave([1, 2, 3], ["a", "b", "c"]) == [1, "a", 2, "b", 3, "c"]
assert interleave([1], [2, 3, 4]) == [1, 2, 3, 4]
assert interleave([1, 2, 3], []) == [1, 2, 3]
'''),

('''def pairs_with_sum(nums: list, target: int) -> list:
    seen = set()
    pairs = set()
    for x in nums:
        if target - x in seen:
            pairs.add((min(x, target - x), max(x, target - x)))
        seen.add(x)
    return sorted(pairs)
''', """Return the distinct pairs (a, b) with a <= b of values taken from two different positions of
nums whose sum is target, as a sorted list of tuples.""",
'''assert pairs_with_sum([], 5) == []
assert pairs_with_sum([1, 2, 3, 4, 5], 6) == [(1, 5), (2, 4)]
assert pairs_with_sum([3, 3], 6) == [(3, 3)]
assert pairs_with_sum([3], 6) == []
assert pairs_with_sum([-1, 7, 2, 4, 4], 6) == [(-1, 7), (2, 4)]
'''),

('''def longest_run(nums: list) -> int:
    values = set(nums)
    best = 0
    for v in values:
        if v - 1 not in values:
            length = 1
            while v + length in values:
                length += 1
            best = max(best, length)
    return best
''', """Return the length of the longest run of consecutive integers (like 4, 5, 6, 7) that can be
formed from the values in nums, in any order. Duplicates count once.""",
'''assert longest_run([]) == 0
assert longest_run([100, 4, 200, 1, 3, 2]) == 4
assert longest_run([5]) == 1
assert longest_run([1, 2, 2, 3]) == 3
assert longest_run([-2, -1, 0, 10]) == 3
'''),

('''def bracket_depth(s: str) -> int:
    depth = best = 0
    for ch in s:
        if ch == "(":
            depth += 1
            best = max(best, depth)
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced")
    if depth:
        raise ValueError("unbalanced")
    return best
''', """Return the maximum nesting depth of round brackets in s. Raise ValueError if the round
brackets are unbalanced. Other characters are ignored.""",
'''assert bracket_depth("") == 0
assert bracket_depth("abc") == 0
assert bracket_depth("(a(b)(c(d)))") == 3
assert bracket_depth("()()") == 1
for bad in ("(", ")(", "(()"):
    try:
        bracket_depth(bad)
        assert False
    except ValueError:
        pass
'''),

('''def evaluate_rpn(tokens: list) -> int:
    stack = []
    for t in tokens:
        if t in ("+", "-", "*", "/"):
            if len(stack) < 2:
                raise ValueError("not enough operands")
            b, a = stack.pop(), stack.pop()
            if t == "+":
                stack.append(a + b)
            elif t == "-":
                stack.append(a - b)
            elif t == "*":
                stack.append(a * b)
            else:
                q = abs(a) // abs(b)
                stack.append(q if (a >= 0) == (b > 0) else -q)
        else:
            stack.append(int(t))
    if len(stack) != 1:
        raise ValueError("malformed expression")
    return stack[0]
''', """Evaluate an expression in reverse Polish notation given as tokens (integers as strings and
the operators + - * /). Division truncates toward zero. Raise ValueError if the expression is
malformed (too few operands or leftover values).""",
'''assert evaluate_rpn(["3"]) == 3
assert evaluate_rpn(["2", "1", "+", "3", "*"]) == 9
assert evaluate_rpn(["4", "13", "5", "/", "+"]) == 6
assert evaluate_rpn(["-7", "2", "/"]) == -3
assert evaluate_rpn(["7", "-2", "/"]) == -3
for bad in (["+"], ["1", "2"], []):
    try:
        evaluate_rpn(bad)
        assert False
    except ValueError:
        pass
'''),

('''def to_base(n: int, base: int) -> str:
    if not 2 <= base <= 36:
        raise ValueError("base out of range")
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))
''', """Write the integer n in the given base (2 to 36) using digits 0-9 then lower-case a-z, with a
leading '-' for negatives. Raise ValueError for a base outside 2..36.""",
'''assert to_base(0, 2) == "0"
assert to_base(10, 2) == "1010"
assert to_base(255, 16) == "ff"
assert to_base(-35, 36) == "-z"
assert to_base(123456789, 10) == "123456789"
assert int(to_base(987654321, 7), 7) == 987654321
try:
    to_base(5, 1)
    assert False
except ValueError:
    pass
'''),

('''def luhn_valid(number: str) -> bool:
    digits = number.replace(" ", "")
    if len(digits) < 2 or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
''', """Check a number with the Luhn checksum. Spaces are ignored; any other non-digit, or fewer
than two digits, makes it invalid.""",
'''assert luhn_valid("4539 3195 0343 6467") is True
assert luhn_valid("8273 1232 7352 0569") is False
assert luhn_valid("0") is False
assert luhn_valid("00") is True
assert luhn_valid("059") is True
assert luhn_valid("05a9") is False
'''),

('''def gcd_list(nums: list) -> int:
    from math import gcd
    g = 0
    for x in nums:
        g = gcd(g, x)
    return g
''', """Return the greatest common divisor of all integers in nums (always non-negative). The gcd
of an empty list is 0, and gcd with 0 leaves a number unchanged.""",
'''assert gcd_list([]) == 0
assert gcd_list([12]) == 12
assert gcd_list([12, 18, 30]) == 6
assert gcd_list([0, 5]) == 5
assert gcd_list([-4, 6]) == 2
assert gcd_list([7, 13]) == 1
'''),

('''def prime_factors(n: int) -> list:
    if n < 2:
        return []
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
''', """Return the prime factorisation of n as a non-decreasing list with repetition
(e.g. 12 -> [2, 2, 3]). For n < 2 return [].""",
'''assert prime_factors(1) == []
assert prime_factors(0) == []
assert prime_factors(2) == [2]
assert prime_factors(12) == [2, 2, 3]
assert prime_factors(97) == [97]
assert prime_factors(2 ** 10 * 3 ** 2 * 101) == [2] * 10 + [3, 3, 101]
'''),

('''def perfect_numbers_up_to(n: int) -> list:
    out = []
    for k in range(2, n + 1):
        s = 1
        d = 2
        while d * d <= k:
            if k % d == 0:
                s += d
                if d != k // d:
                    s += k // d
            d += 1
        if s == k:
            out.append(k)
    return out
''', """Return the perfect numbers (equal to the sum of their proper divisors) from 1 to n
inclusive, ascending.""",
'''assert perfect_numbers_up_to(5) == []
assert perfect_numbers_up_to(6) == [6]
assert perfect_numbers_up_to(500) == [6, 28, 496]
assert perfect_numbers_up_to(1) == []
'''),

('''def fibonacci(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
''', """Return the n-th Fibonacci number with fibonacci(0) == 0 and fibonacci(1) == 1. Must handle
n up to several thousand quickly.""",
'''assert fibonacci(0) == 0
assert fibonacci(1) == 1
assert fibonacci(2) == 1
assert fibonacci(10) == 55
assert fibonacci(90) == 2880067194370816120
assert len(str(fibonacci(5000))) == 1045
'''),

('''def staircase_ways(n: int, steps: list) -> int:
    ways = [0] * (n + 1)
    ways[0] = 1
    for i in range(1, n + 1):
        ways[i] = sum(ways[i - s] for s in steps if s <= i)
    return ways[n]
''', """Count the ordered ways to climb exactly n stairs when each move climbs one of the sizes in
steps (positive integers). There is one way to climb 0 stairs.""",
'''assert staircase_ways(0, [1, 2]) == 1
assert staircase_ways(4, [1, 2]) == 5
assert staircase_ways(3, [2]) == 0
assert staircase_ways(5, [1, 3, 5]) == 5
assert staircase_ways(30, [1, 2]) == 1346269
'''),

('''def coin_change_min(amount: int, coins: list) -> int:
    INF = float("inf")
    best = [0] + [INF] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
    return -1 if best[amount] == INF else best[amount]
''', """Return the fewest coins (each value in coins may be used any number of times) that add up
to amount, or -1 if it cannot be done. An amount of 0 needs 0 coins.""",
'''assert coin_change_min(0, [1]) == 0
assert coin_change_min(11, [1, 2, 5]) == 3
assert coin_change_min(3, [2]) == -1
assert coin_change_min(6, [1, 3, 4]) == 2
assert coin_change_min(100, [7, 13]) == 10
'''),

('''def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
''', """Return the Levenshtein distance between a and b (insertions, deletions and substitutions
each cost 1).""",
'''assert edit_distance("", "") == 0
assert edit_distance("", "abc") == 3
assert edit_distance("kitten", "sitting") == 3
assert edit_distance("flaw", "lawn") == 2
assert edit_distance("same", "same") == 0
assert edit_distance("abc", "") == 3
'''),

('''def longest_common_subsequence(a: str, b: str) -> int:
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    return dp[-1][-1]
''', """Return the length of the longest common subsequence of strings a and b.""",
'''assert longest_common_subsequence("", "abc") == 0
assert longest_common_subsequence("abcde", "ace") == 3
assert longest_common_subsequence("abc", "def") == 0
assert longest_common_subsequence("aaaa", "aa") == 2
assert longest_common_subsequence("AGGTAB", "GXTXAYB") == 4
'''),

('''def knapsack_max_value(items: list, capacity: int) -> int:
    best = [0] * (capacity + 1)
    for weight, value in items:
        for c in range(capacity, weight - 1, -1):
            best[c] = max(best[c], best[c - weight] + value)
    return best[capacity]
''', """0/1 knapsack: items is a list of (weight, value) pairs with positive integer weights; each
item can be taken at most once. Return the largest total value with total weight <= capacity.""",
'''assert knapsack_max_value([], 10) == 0
assert knapsack_max_value([(5, 10)], 4) == 0
assert knapsack_max_value([(1, 1), (3, 4), (4, 5), (5, 7)], 7) == 9
assert knapsack_max_value([(2, 3), (2, 3), (2, 3)], 4) == 6
assert knapsack_max_value([(10, 60), (20, 100), (30, 120)], 50) == 220
'''),
]
