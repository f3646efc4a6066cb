"""Coding tasks, part B (written for distillscope). Each entry: (solution, docstring, tests)."""

TASKS = [
('''def word_wrap(text: str, width: int) -> list:
    lines = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
''', """Greedily wrap the words of text (split on whitespace) into lines of at most width characters,
words separated by single spaces. A word longer than width gets a line of its own. Return the
list of lines ([] for blank text).""",
'''assert word_wrap("", 10) == []
assert word_wrap("the quick brown fox", 10) == ["the quick", "brown fox"]
assert word_wrap("a b c", 1) == ["a", "b", "c"]
assert word_wrap("extraordinarily long", 5) == ["extraordinarily", "long"]
assert word_wrap("  spaced    words  ", 20) == ["spaced words"]
'''),

('''def count_islands(grid: list) -> int:
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    seen = set()
    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == 1 and (r, c) not in seen:
                count += 1
                stack = [(r, c)]
                seen.add((r, c))
                while stack:
                    y, x = stack.pop()
                    for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                        ny, nx = y + dy, x + dx
                        if 0 <= ny < rows and 0 <= nx < cols and grid[ny][nx] == 1 and (ny, nx) not in seen:
                            seen.add((ny, nx))
                            stack.append((ny, nx))
    return count
''', """grid is a list of rows of 0s and 1s. Return the number of islands: groups of 1-cells connected
horizontally or vertically (not diagonally).""",
'''assert count_islands([]) == 0
assert count_islands([[0, 0], [0, 0]]) == 0
assert count_islands([[1, 1, 0], [0, 1, 0], [0, 0, 1]]) == 2
assert count_islands([[1, 0, 1], [0, 1, 0], [1, 0, 1]]) == 5
assert count_islands([[1] * 50 for _ in range(50)]) == 1
'''),

('''def shortest_path_length(graph: dict, start, goal) -> int:
    from collections import deque
    if start == goal:
        return 0
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        node, dist = queue.popleft()
        for nxt in graph.get(node, []):
            if nxt == goal:
                return dist + 1
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, dist + 1))
    return -1
''', """graph maps each node to a list of neighbours (directed edges). Return the number of edges on a
shortest path from start to goal, 0 if they are equal, or -1 if goal is unreachable. Nodes may
appear only as neighbours, without their own key.""",
'''g = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"]}
assert shortest_path_length(g, "a", "a") == 0
assert shortest_path_length(g, "a", "f") == 3
assert shortest_path_length(g, "f", "a") == -1
assert shortest_path_length({1: [2], 2: [1]}, 1, 3) == -1
assert shortest_path_length({1: [1, 2]}, 1, 2) == 1
'''),

('''def topological_order(deps: dict) -> list:
    import heapq
    nodes = set(deps)
    for ds_ in deps.values():
        nodes.update(ds_)
    indegree = {n: 0 for n in nodes}
    users = {n: [] for n in nodes}
    for n, ds_ in deps.items():
        for d in ds_:
            indegree[n] += 1
            users[d].append(n)
    ready = [n for n in nodes if indegree[n] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        n = heapq.heappop(ready)
        order.append(n)
        for u in users[n]:
            indegree[u] -= 1
            if indegree[u] == 0:
                heapq.heappush(ready, u)
    if len(order) != len(nodes):
        raise ValueError("cycle")
    return order
''', """deps maps a task name to the list of task names it depends on. Return an order in which every
task comes after all its dependencies; among tasks that are ready at the same time, pick the
alphabetically smallest first (so the answer is unique). Tasks that appear only as dependencies
are included. Raise ValueError if there is a cycle.""",
'''assert topological_order({}) == []
assert topological_order({"b": ["a"], "c": ["b"]}) == ["a", "b", "c"]
assert topological_order({"z": [], "y": [], "x": ["z"]}) == ["y", "z", "x"]
assert topological_order({"app": ["lib", "log"], "lib": ["log"]}) == ["log", "lib", "app"]
try:
    topological_order({"a": ["b"], "b": ["a"]})
    assert False
except ValueError:
    pass
'''),

('''def has_cycle(edges: list) -> bool:
    graph = {}
    for a, b in edges:
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, [])
    state = {}
    def visit(n):
        state[n] = 1
        for m in graph[n]:
            if state.get(m) == 1:
                return True
            if m not in state and visit(m):
                return True
        state[n] = 2
        return False
    return any(n not in state and visit(n) for n in list(graph))
''', """edges is a list of directed edges (a, b). Return True if the directed graph contains a cycle
(a self-loop counts).""",
'''assert has_cycle([]) is False
assert has_cycle([(1, 2), (2, 3)]) is False
assert has_cycle([(1, 2), (2, 3), (3, 1)]) is True
assert has_cycle([(5, 5)]) is True
assert has_cycle([(1, 2), (1, 3), (2, 4), (3, 4)]) is False
'''),

('''def dijkstra_distance(edges: list, start, goal):
    import heapq
    graph = {}
    for a, b, w in edges:
        graph.setdefault(a, []).append((b, w))
    best = {start: 0}
    heap = [(0, start)]
    while heap:
        d, n = heapq.heappop(heap)
        if n == goal:
            return d
        if d > best.get(n, float("inf")):
            continue
        for m, w in graph.get(n, []):
            nd = d + w
            if nd < best.get(m, float("inf")):
                best[m] = nd
                heapq.heappush(heap, (nd, m))
    return None
''', """edges is a list of directed weighted edges (a, b, weight) with non-negative weights. Return the
length of the cheapest path from start to goal (0 if start == goal), or None if unreachable.""",
'''e = [("a", "b", 4), ("a", "c", 1), ("c", "b", 2), ("b", "d", 1), ("c", "d", 5)]
assert dijkstra_distance(e, "a", "d") == 4
assert dijkstra_distance(e, "a", "a") == 0
assert dijkstra_distance(e, "d", "a") is None
assert dijkstra_distance([(1, 2, 0)], 1, 2) == 0
assert dijkstra_distance([(1, 2, 10), (1, 3, 1), (3, 2, 1)], 1, 2) == 2
'''),

('''def group_by_key(records: list, key: str) -> dict:
    out = {}
    for r in records:
        if key in r:
            out.setdefault(r[key], []).append(r)
    return out
''', """Group a list of dicts by the value they hold under key, keeping the input order inside each
group. Records that lack the key are skipped.""",
'''rs = [{"k": 1, "v": "a"}, {"k": 2, "v": "b"}, {"v": "c"}, {"k": 1, "v": "d"}]
assert group_by_key([], "k") == {}
assert group_by_key(rs, "k") == {1: [rs[0], rs[3]], 2: [rs[1]]}
assert group_by_key(rs, "missing") == {}
assert list(group_by_key(rs, "v").keys()) == ["a", "b", "c", "d"]
'''),

('''def deep_merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        if isinstance(out.get(k), dict) and isinstance(v, dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out
''', """Return a new dict merging b into a: when both have a dict under the same key, merge those
recursively; otherwise b's value wins. Neither input is modified.""",
'''assert deep_merge({}, {}) == {}
assert deep_merge({"a": 1}, {"b": 2}) == {"a": 1, "b": 2}
assert deep_merge({"a": {"x": 1, "y": 2}}, {"a": {"y": 3}}) == {"a": {"x": 1, "y": 3}}
assert deep_merge({"a": {"x": 1}}, {"a": 5}) == {"a": 5}
a = {"n": {"m": 1}}; deep_merge(a, {"n": {"m": 2}}); assert a == {"n": {"m": 1}}
'''),

('''def flatten_dict(d: dict, sep: str = ".") -> dict:
    out = {}
    def walk(prefix, value):
        if isinstance(value, dict) and value:
            for k, v in value.items():
                walk(f"{prefix}{sep}{k}" if prefix else str(k), v)
        else:
            out[prefix] = value
    for k, v in d.items():
        walk(str(k), v)
    return out
''', """Flatten nested dicts into one level, joining keys with sep: {"a": {"b": 1}} -> {"a.b": 1}.
An empty nested dict is kept as a value. Keys are converted to str.""",
'''assert flatten_dict({}) == {}
assert flatten_dict({"a": {"b": 1, "c": {"d": 2}}, "e": 3}) == {"a.b": 1, "a.c.d": 2, "e": 3}
assert flatten_dict({"a": {}}) == {"a": {}}
assert flatten_dict({"x": {"y": 1}}, sep="/") == {"x/y": 1}
assert flatten_dict({1: {2: "v"}}) == {"1.2": "v"}
'''),

('''def invert_mapping(m: dict) -> dict:
    out = {}
    for k, v in m.items():
        out.setdefault(v, []).append(k)
    return {v: sorted(ks) for v, ks in out.items()}
''', """Invert a dict: return a dict mapping each value to the sorted list of keys that had it.""",
'''assert invert_mapping({}) == {}
assert invert_mapping({"a": 1, "b": 2, "c": 1}) == {1: ["a", "c"], 2: ["b"]}
assert invert_mapping({3: "x"}) == {"x": [3]}
assert invert_mapping({"b": 0, "a": 0}) == {0: ["a", "b"]}
'''),

('''def parse_csv_line(line: str) -> list:
    fields = []
    field = []
    in_quotes = False
    i = 0
    while i < len(line):
        ch = line[i]
        if in_quotes:
            if ch == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    field.append('"')
                    i += 1
                else:
                    in_quotes = False
            else:
                field.append(ch)
        elif ch == '"':
            in_quotes = True
        elif ch == ",":
            fields.append("".join(field))
            field = []
        else:
            field.append(ch)
        i += 1
    if in_quotes:
        raise ValueError("unterminated quote")
    fields.append("".join(field))
    return fields
''', """Split one CSV line into fields. Fields are separated by commas; a field may be wrapped in double
quotes, inside which commas are literal and "" stands for one quote character. Raise ValueError
for an unterminated quote. The empty line is one empty field.""",
'''assert parse_csv_line("") == [""]
assert parse_csv_line("a,b,c") == ["a", "b", "c"]
assert parse_csv_line('"x, y",z') == ["x, y", "z"]
assert parse_csv_line('"say ""hi""",2') == ['say "hi"', "2"]
assert parse_csv_line("a,,") == ["a", "", ""]
try:
    parse_csv_line('"open')
    assert False
except ValueError:
    pass
'''),

('''def parse_query_string(qs: str) -> dict:
    from urllib.parse import unquote_plus
    out = {}
    for part in qs.lstrip("?").split("&"):
        if not part:
            continue
        key, _, value = part.partition("=")
        out.setdefault(unquote_plus(key), []).append(unquote_plus(value))
    return out
''', """Parse a URL query string such as "?a=1&b=x+y&a=2" into a dict of key -> list of values, in order.
A leading '?' is ignored, '+' means space, %XX escapes are decoded, a key without '=' has the value
"" and empty parts are skipped.""",
'''assert parse_query_string("") == {}
assert parse_query_string("?a=1&b=x+y&a=2") == {"a": ["1", "2"], "b": ["x y"]}
assert parse_query_string("flag&&k=%41%42") == {"flag": [""], "k": ["AB"]}
assert parse_query_string("e=") == {"e": [""]}
assert parse_query_string("eq=a=b") == {"eq": ["a=b"]}
'''),

('''def parse_semver(version: str) -> tuple:
    import re
    m = re.fullmatch(r"v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)", version)
    if not m:
        raise ValueError(f"not a version: {version!r}")
    return tuple(int(g) for g in m.groups())
''', """Parse "MAJOR.MINOR.PATCH" (optionally prefixed by 'v') into a tuple of three ints. Numbers must
not have leading zeros (except 0 itself). Raise ValueError otherwise.""",
'''assert parse_semver("1.2.3") == (1, 2, 3)
assert parse_semver("v0.10.0") == (0, 10, 0)
assert parse_semver("10.0.99") == (10, 0, 99)
for bad in ("1.2", "1.02.3", "a.b.c", "1.2.3.4", "", "1.2.-3"):
    try:
        parse_semver(bad)
        assert False, bad
    except ValueError:
        pass
'''),

('''def compare_versions(a: str, b: str) -> int:
    pa = [int(x) for x in a.split(".")]
    pb = [int(x) for x in b.split(".")]
    n = max(len(pa), len(pb))
    pa += [0] * (n - len(pa))
    pb += [0] * (n - len(pb))
    return (pa > pb) - (pa < pb)
''', """Compare dotted version strings of non-negative integers, e.g. "1.10" vs "1.9". Missing
components count as 0 ("1.0" equals "1"). Return -1, 0 or 1.""",
'''assert compare_versions("1.0", "1") == 0
assert compare_versions("1.10", "1.9") == 1
assert compare_versions("2.0.1", "2.0.10") == -1
assert compare_versions("0.0.0", "0") == 0
assert compare_versions("3", "2.99.99") == 1
'''),

('''def is_valid_ipv4(address: str) -> bool:
    parts = address.split(".")
    if len(parts) != 4:
        return False
    for p in parts:
        if not p.isdigit() or not p.isascii() or (len(p) > 1 and p[0] == "0") or int(p) > 255:
            return False
    return True
''', """Return True if address is a dotted-quad IPv4 address: four decimal numbers 0-255 separated by
dots, no leading zeros (except "0" itself), no signs or spaces.""",
'''assert is_valid_ipv4("192.168.0.1") is True
assert is_valid_ipv4("0.0.0.0") is True
assert is_valid_ipv4("255.255.255.255") is True
for bad in ("256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "", "1.2.3. 4"):
    assert is_valid_ipv4(bad) is False, bad
'''),

('''def mask_email(email: str) -> str:
    local, at, domain = email.partition("@")
    if not at or not local or not domain:
        raise ValueError("not an email address")
    if len(local) <= 2:
        masked = local[0] + "*" * (len(local) - 1)
    else:
        masked = local[0] + "*" * (len(local) - 2) + local[-1]
    return masked + "@" + domain
''', """Mask the local part of an e-mail address: keep its first and last character and replace the
others with '*'; a local part of 1 or 2 characters keeps only its first character. The domain is
unchanged. Raise ValueError if there is no '@' or either side is empty.""",
'''assert mask_email("alice@example.com") == "a***e@example.com"
assert mask_email("bo@x.org") == "b*@x.org"
assert mask_email("q@x.org") == "q@x.org"
for bad in ("nobody", "@x.org", "a@"):
    try:
        mask_email(bad)
        assert False
    except ValueError:
        pass
'''),

('''def slugify(text: str) -> str:
    import re
    import unicodedata
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
''', """Make a URL slug: drop accents (NFKD normalisation, then keep ASCII), lower-case, replace every
run of characters other than a-z and 0-9 by a single '-', and strip '-' from both ends.""",
'''assert slugify("") == ""
assert slugify("Hello, World!") == "hello-world"
assert slugify("  Crème brûlée  ") == "creme-brulee"
assert slugify("a--b__c") == "a-b-c"
assert slugify("2024: A Year") == "2024-a-year"
'''),

('''def justify_line(words: list, width: int) -> str:
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]
''', """Fully justify one line: join words so that the result is exactly width characters, spreading
spaces as evenly as possible between words with the left gaps getting the extra spaces. A single
word is padded on the right. The words fit (their lengths plus one space per gap <= width).""",
'''assert justify_line(["a"], 3) == "a  "
assert justify_line(["a", "b"], 5) == "a   b"
assert justify_line(["This", "is", "an"], 16) == "This    is    an"
assert justify_line(["x", "y", "z"], 8) == "x   y  z"
assert len(justify_line(["lorem", "ipsum", "dolor"], 21)) == 21
'''),

('''def common_elements(a: list, b: list) -> list:
    from collections import Counter
    ca, cb = Counter(a), Counter(b)
    out = []
    for x in a:
        if ca[x] and cb[x]:
            out.append(x)
            ca[x] -= 1
            cb[x] -= 1
    return out
''', """Return the multiset intersection of a and b: each value appears min(count in a, count in b)
times, in the order of its occurrences in a.""",
'''assert common_elements([], [1]) == []
assert common_elements([1, 2, 2, 3], [2, 2, 2, 4]) == [2, 2]
assert common_elements([3, 1, 2], [2, 3]) == [3, 2]
assert common_elements(["a", "b", "a"], ["a"]) == ["a"]
'''),

('''def sliding_window_max(nums: list, k: int) -> list:
    from collections import deque
    if k <= 0:
        raise ValueError("k must be positive")
    dq = deque()
    out = []
    for i, x in enumerate(nums):
        while dq and nums[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(nums[dq[0]])
    return out
''', """Return the maximum of every window of k consecutive values in nums ([] if nums is shorter than
k). Raise ValueError if k is not positive.""",
'''assert sliding_window_max([], 2) == []
assert sliding_window_max([1, 3, -1, -3, 5, 3, 6, 7], 3) == [3, 3, 5, 5, 6, 7]
assert sliding_window_max([4, 2], 1) == [4, 2]
assert sliding_window_max([9, 8, 7], 3) == [9]
try:
    sliding_window_max([1], 0)
    assert False
except ValueError:
    pass
'''),

('''def product_except_self(nums: list) -> list:
    n = len(nums)
    out = [1] * n
    left = 1
    for i in range(n):
        out[i] = left
        left *= nums[i]
    right = 1
    for i in range(n - 1, -1, -1):
        out[i] *= right
        right *= nums[i]
    return out
''', """Return a list whose i-th element is the product of all elements of nums except nums[i], without
using division (zeros are allowed).""",
'''assert product_except_self([]) == []
assert product_except_self([5]) == [1]
assert product_except_self([1, 2, 3, 4]) == [24, 12, 8, 6]
assert product_except_self([0, 2, 3]) == [6, 0, 0]
assert product_except_self([0, 0, 3]) == [0, 0, 0]
assert product_except_self([-1, 2]) == [2, -1]
'''),

('''def kth_smallest(nums: list, k: int):
    if not 1 <= k <= len(nums):
        raise IndexError("k out of range")
    return sorted(nums)[k - 1]
''', """Return the k-th smallest value of nums (k = 1 is the minimum; duplicates count separately).
Raise IndexError if k is outside 1..len(nums).""",
'''assert kth_smallest([7], 1) == 7
assert kth_smallest([3, 1, 2], 2) == 2
assert kth_smallest([5, 5, 1], 3) == 5
for bad in (0, 4):
    try:
        kth_smallest([1, 2, 3], bad)
        assert False
    except IndexError:
        pass
'''),

('''def merge_sorted(a: list, b: list) -> list:
    i = j = 0
    out = []
    while i < len(a) and j < len(b):
        if b[j] < a[i]:
            out.append(b[j])
            j += 1
        else:
            out.append(a[i])
            i += 1
    return out + a[i:] + b[j:]
''', """Merge two ascending lists into one ascending list in linear time (do not call sort).""",
'''assert merge_sorted([], []) == []
assert merge_sorted([1, 4, 9], [2, 3, 10]) == [1, 2, 3, 4, 9, 10]
assert merge_sorted([1, 1], [1]) == [1, 1, 1]
assert merge_sorted([], [5, 6]) == [5, 6]
assert merge_sorted(list(range(0, 1000, 2)), list(range(1, 1000, 2))) == list(range(1000))
'''),

('''def stable_sort_by_length(words: list) -> list:
    return sorted(words, key=len)
''', """Return words sorted by length, shortest first, keeping the original order of words of equal
length.""",
'''assert stable_sort_by_length([]) == []
assert stable_sort_by_length(["ccc", "a", "bb", "d"]) == ["a", "d", "bb", "ccc"]
assert stable_sort_by_length(["zz", "aa"]) == ["zz", "aa"]
assert stable_sort_by_length([""]) == [""]
'''),

('''def rank_scores(scores: list) -> list:
    ordered = sorted(set(scores), reverse=True)
    rank = {s: i + 1 for i, s in enumerate(ordered)}
    return [rank[s] for s in scores]
''', """Dense ranking: return the rank of each score (1 for the highest), equal scores share a rank and
the next distinct score gets the next integer.""",
'''assert rank_scores([]) == []
assert rank_scores([50, 80, 80, 70]) == [3, 1, 1, 2]
assert rank_scores([1]) == [1]
assert rank_scores([2, 2, 2]) == [1, 1, 1]
assert rank_scores([-1, 0, 1]) == [3, 2, 1]
'''),

('''def valid_sudoku_row_col_box(board: list) -> bool:
    def ok(cells):
        digits = [c for c in cells if c != 0]
        return len(digits) == len(set(digits))
    for i in range(9):
        if not ok(board[i]) or not ok([board[r][i] for r in range(9)]):
            return False
    for br in range(0, 9, 3):
        for bc in range(0, 9, 3):
            if not ok([board[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)]):
                return False
    return True
''', """board is a 9x9 list of lists with digits 1-9 and 0 for empty. Return True if no digit repeats in
any row, column or 3x3 box (the board need not be solvable or complete).""",
'''empty = [[0] * 9 for _ in range(9)]
assert valid_sudoku_row_col_box(empty) is True
b = [row[:] for row in empty]; b[0][0] = 5; b[0][8] = 5
assert valid_sudoku_row_col_box(b) is False
b = [row[:] for row in empty]; b[0][0] = 5; b[8][0] = 5
assert valid_sudoku_row_col_box(b) is False
b = [row[:] for row in empty]; b[0][0] = 5; b[2][2] = 5
assert valid_sudoku_row_col_box(b) is False
b = [row[:] for row in empty]; b[0][0] = 5; b[3][3] = 5
assert valid_sudoku_row_col_box(b) is True
'''),

('''def tic_tac_toe_winner(board: list) -> str:
    lines = [board[i] for i in range(3)]
    lines += [[board[r][c] for r in range(3)] for c in range(3)]
    lines.append([board[i][i] for i in range(3)])
    lines.append([board[i][2 - i] for i in range(3)])
    for line in lines:
        if line[0] != "." and line[0] == line[1] == line[2]:
            return line[0]
    return ""
''', """board is three strings of three characters 'X', 'O' or '.'. Return "X" or "O" if that player
has three in a row (row, column or diagonal), else "". Assume at most one player has a line.""",
'''assert tic_tac_toe_winner(["...", "...", "..."]) == ""
assert tic_tac_toe_winner(["XXX", "OO.", "..."]) == "X"
assert tic_tac_toe_winner(["O..", "O.X", "OX."]) == "O"
assert tic_tac_toe_winner(["X.O", ".O.", "OX."]) == "O"
assert tic_tac_toe_winner(["XOX", "XOO", "OXX"]) == ""
'''),

('''def game_of_life_step(live: set) -> set:
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    p = (x + dx, y + dy)
                    counts[p] = counts.get(p, 0) + 1
    return {p for p, c in counts.items() if c == 3 or (c == 2 and p in live)}
''', """One step of Conway's Game of Life on an unbounded grid. live is a set of (x, y) cells; return
the set of live cells in the next generation (birth with exactly 3 neighbours, survival with 2
or 3).""",
'''assert game_of_life_step(set()) == set()
assert game_of_life_step({(0, 0)}) == set()
blinker = {(0, 1), (1, 1), (2, 1)}
assert game_of_life_step(blinker) == {(1, 0), (1, 1), (1, 2)}
assert game_of_life_step(game_of_life_step(blinker)) == blinker
block = {(0, 0), (0, 1), (1, 0), (1, 1)}
assert game_of_life_step(block) == block
'''),

('''def bowling_score(rolls: list) -> int:
    score = 0
    i = 0
    for _ in range(10):
        if rolls[i] == 10:
            score += 10 + rolls[i + 1] + rolls[i + 2]
            i += 1
        elif rolls[i] + rolls[i + 1] == 10:
            score += 10 + rolls[i + 2]
            i += 2
        else:
            score += rolls[i] + rolls[i + 1]
            i += 2
    return score
''', """Score a complete ten-pin bowling game from the list of pins knocked down per roll (strikes add
the next two rolls, spares the next one; the tenth frame's bonus rolls are included in rolls).""",
'''assert bowling_score([0] * 20) == 0
assert bowling_score([1] * 20) == 20
assert bowling_score([10] * 12) == 300
assert bowling_score([5, 5] * 10 + [5]) == 150
assert bowling_score([10, 3, 4] + [0] * 16) == 24
'''),

('''def next_permutation(seq: list) -> list:
    a = list(seq)
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return sorted(a)
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = reversed(a[i + 1:])
    return a
''', """Return the next permutation of seq in lexicographic order as a new list; after the last
permutation wrap around to the first (ascending) one.""",
'''assert next_permutation([]) == []
assert next_permutation([1, 2, 3]) == [1, 3, 2]
assert next_permutation([3, 2, 1]) == [1, 2, 3]
assert next_permutation([1, 1, 5]) == [1, 5, 1]
assert next_permutation([1, 3, 2]) == [2, 1, 3]
'''),

('''def power_set(items: list) -> list:
    out = [[]]
    for x in items:
        out += [s + [x] for s in out]
    return sorted(out, key=lambda s: (len(s), [items.index(v) for v in s]))
''', """Return all subsets of the list of distinct items, each subset keeping the input order, sorted by
size and then by the positions of their elements in items.""",
'''assert power_set([]) == [[]]
assert power_set([1]) == [[], [1]]
assert power_set(["a", "b", "c"]) == [[], ["a"], ["b"], ["c"], ["a", "b"], ["a", "c"], ["b", "c"], ["a", "b", "c"]]
assert len(power_set(list(range(10)))) == 1024
'''),

('''def combinations_sum(candidates: list, target: int) -> list:
    out = []
    cs = sorted(set(candidates))
    def go(start, remaining, chosen):
        if remaining == 0:
            out.append(list(chosen))
            return
        for i in range(start, len(cs)):
            if cs[i] > remaining:
                break
            chosen.append(cs[i])
            go(i, remaining - cs[i], chosen)
            chosen.pop()
    go(0, target, [])
    return out
''', """Return every combination (non-decreasing list) of values from candidates, each value usable any
number of times, that sums to target. Candidates are positive; the result is sorted
lexicographically, and target 0 gives [[]].""",
'''assert combinations_sum([2, 3, 6, 7], 7) == [[2, 2, 3], [7]]
assert combinations_sum([2, 3, 5], 8) == [[2, 2, 2, 2], [2, 3, 3], [3, 5]]
assert combinations_sum([4], 3) == []
assert combinations_sum([1], 0) == [[]]
assert combinations_sum([3, 2, 2], 4) == [[2, 2]]
'''),

('''def n_queens_count(n: int) -> int:
    def place(row, cols, d1, d2):
        if row == n:
            return 1
        total = 0
        for c in range(n):
            if c not in cols and row - c not in d1 and row + c not in d2:
                total += place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c})
        return total
    return place(0, frozenset(), frozenset(), frozenset())
''', """Return the number of ways to place n queens on an n x n board so that none attacks another
(n = 0 counts the empty placement as 1).""",
'''assert n_queens_count(0) == 1
assert n_queens_count(1) == 1
assert n_queens_count(2) == 0
assert n_queens_count(4) == 2
assert n_queens_count(6) == 4
assert n_queens_count(8) == 92
'''),

('''def binary_gap(n: int) -> int:
    bits = bin(n)[2:].strip("0")
    return max((len(g) for g in bits.split("1")), default=0)
''', """Return the length of the longest run of zeros surrounded by ones at both ends in the binary
representation of the positive integer n (0 if there is none).""",
'''assert binary_gap(1) == 0
assert binary_gap(9) == 2
assert binary_gap(529) == 4
assert binary_gap(32) == 0
assert binary_gap(1041) == 5
'''),

('''def count_bits(n: int) -> int:
    if n < 0:
        raise ValueError("negative")
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count
''', """Return the number of 1 bits in the binary representation of the non-negative integer n. Raise
ValueError for negative n.""",
'''assert count_bits(0) == 0
assert count_bits(1) == 1
assert count_bits(255) == 8
assert count_bits(2 ** 100) == 1
assert count_bits(2 ** 64 - 1) == 64
try:
    count_bits(-1)
    assert False
except ValueError:
    pass
'''),

('''def gray_code(n: int) -> list:
    return [i ^ (i >> 1) for i in range(1 << n)]
''', """Return the n-bit reflected binary Gray code sequence as integers, starting at 0 (2**n values,
consecutive values differ in exactly one bit).""",
'''assert gray_code(0) == [0]
assert gray_code(1) == [0, 1]
assert gray_code(2) == [0, 1, 3, 2]
assert gray_code(3) == [0, 1, 3, 2, 6, 7, 5, 4]
g = gray_code(8)
assert len(set(g)) == 256 and all(bin(a ^ b).count("1") == 1 for a, b in zip(g, g[1:]))
'''),

('''def sqrt_floor(n: int) -> int:
    if n < 0:
        raise ValueError("negative")
    lo, hi = 0, n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo
''', """Return the largest integer r with r*r <= n for a non-negative integer n of any size, without
floating point. Raise ValueError for negative n.""",
'''assert sqrt_floor(0) == 0
assert sqrt_floor(1) == 1
assert sqrt_floor(15) == 3
assert sqrt_floor(16) == 4
assert sqrt_floor(10 ** 40 + 1) == 10 ** 20
assert sqrt_floor((2 ** 70 + 3) ** 2 - 1) == 2 ** 70 + 2
try:
    sqrt_floor(-4)
    assert False
except ValueError:
    pass
'''),

('''def fraction_to_decimal(num: int, den: int) -> str:
    if den == 0:
        raise ZeroDivisionError("den is 0")
    sign = "-" if (num < 0) != (den < 0) and num != 0 else ""
    num, den = abs(num), abs(den)
    whole, rem = divmod(num, den)
    if rem == 0:
        return f"{sign}{whole}"
    digits = []
    seen = {}
    while rem and rem not in seen:
        seen[rem] = len(digits)
        rem *= 10
        digits.append(str(rem // den))
        rem %= den
    if rem:
        i = seen[rem]
        return f"{sign}{whole}." + "".join(digits[:i]) + "(" + "".join(digits[i:]) + ")"
    return f"{sign}{whole}." + "".join(digits)
''', """Write num/den as a decimal string, putting a repeating part in parentheses: 1/3 -> "0.(3)",
1/6 -> "0.1(6)", 4/2 -> "2", -1/4 -> "-0.25". Raise ZeroDivisionError when den is 0.""",
'''assert fraction_to_decimal(4, 2) == "2"
assert fraction_to_decimal(1, 3) == "0.(3)"
assert fraction_to_decimal(1, 6) == "0.1(6)"
assert fraction_to_decimal(-1, 4) == "-0.25"
assert fraction_to_decimal(22, 7) == "3.(142857)"
assert fraction_to_decimal(0, -5) == "0"
try:
    fraction_to_decimal(1, 0)
    assert False
except ZeroDivisionError:
    pass
'''),

('''def add_fractions(a: str, b: str) -> str:
    from fractions import Fraction
    s = Fraction(a) + Fraction(b)
    return str(s.numerator) if s.denominator == 1 else f"{s.numerator}/{s.denominator}"
''', """a and b are fractions written "p/q" or integers written "p". Return their sum in lowest terms
as "p/q" (with the sign on p), or "p" when the sum is an integer.""",
'''assert add_fractions("1/2", "1/3") == "5/6"
assert add_fractions("1/2", "1/2") == "1"
assert add_fractions("-3/4", "1/4") == "-1/2"
assert add_fractions("2", "3/5") == "13/5"
assert add_fractions("0", "0") == "0"
'''),

('''def number_to_words(n: int) -> str:
    ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    def under_thousand(x):
        parts = []
        if x >= 100:
            parts.append(ones[x // 100] + " hundred")
            x %= 100
            if x:
                parts.append("and")
        if x >= 20:
            parts.append(tens[x // 10] + ("-" + ones[x % 10] if x % 10 else ""))
        elif x or not parts:
            parts.append(ones[x])
        return " ".join(parts)
    if n == 0:
        return "zero"
    chunks = []
    for value, word in ((1000000, "million"), (1000, "thousand")):
        if n >= value:
            chunks.append(under_thousand(n // value) + " " + word)
            n %= value
    if n:
        chunks.append(under_thousand(n))
    return " ".join(chunks)
''', """Spell out an integer 0 <= n < 1,000,000,000 in British English words: hyphens between tens
and units ("forty-two"), "and" after hundreds when something follows ("one hundred and five"),
and groups joined with spaces ("two million three thousand one").""",
'''assert number_to_words(0) == "zero"
assert number_to_words(13) == "thirteen"
assert number_to_words(42) == "forty-two"
assert number_to_words(105) == "one hundred and five"
assert number_to_words(1000) == "one thousand"
assert number_to_words(2003001) == "two million three thousand one"
assert number_to_words(999999999) == "nine hundred and ninety-nine million nine hundred and ninety-nine thousand nine hundred and ninety-nine"
'''),

('''def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
''', """Return n with its English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th, ...
(n >= 0).""",
'''assert ordinal(0) == "0th"
assert ordinal(1) == "1st"
assert ordinal(2) == "2nd"
assert ordinal(3) == "3rd"
assert ordinal(11) == "11th"
assert ordinal(12) == "12th"
assert ordinal(21) == "21st"
assert ordinal(112) == "112th"
assert ordinal(1003) == "1003rd"
'''),

('''def human_bytes(n: int) -> str:
    units = ["B", "KiB", "MiB", "GiB", "TiB"]
    value = float(n)
    for unit in units:
        if value < 1024 or unit == units[-1]:
            return f"{n} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")
''', """Format a non-negative byte count with binary units: below 1024 as "N B"; otherwise divide by
1024 until below 1024 (or TiB is reached) and show one decimal: 1536 -> "1.5 KiB".""",
'''assert human_bytes(0) == "0 B"
assert human_bytes(1023) == "1023 B"
assert human_bytes(1024) == "1.0 KiB"
assert human_bytes(1536) == "1.5 KiB"
assert human_bytes(5 * 1024 ** 3) == "5.0 GiB"
assert human_bytes(3 * 1024 ** 5) == "3072.0 TiB"
'''),

('''def validate_password(pw: str) -> list:
    problems = []
    if len(pw) < 8:
        problems.append("too short")
    if not any(c.islower() for c in pw):
        problems.append("no lowercase letter")
    if not any(c.isupper() for c in pw):
        problems.append("no uppercase letter")
    if not any(c.isdigit() for c in pw):
        problems.append("no digit")
    if any(c.isspace() for c in pw):
        problems.append("contains whitespace")
    return problems
''', """Return the list of rules the password breaks, in this order and with these exact messages:
"too short" (fewer than 8 characters), "no lowercase letter", "no uppercase letter", "no digit",
"contains whitespace". An acceptable password gives [].""",
'''assert validate_password("Secret123") == []
assert validate_password("") == ["too short", "no lowercase letter", "no uppercase letter", "no digit"]
assert validate_password("abcdefgh") == ["no uppercase letter", "no digit"]
assert validate_password("Abc 12345") == ["contains whitespace"]
assert validate_password("A1b") == ["too short"]
'''),

('''def diff_lines(old: list, new: list) -> list:
    n, m = len(old), len(new)
    lcs = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            lcs[i][j] = lcs[i + 1][j + 1] + 1 if old[i] == new[j] else max(lcs[i + 1][j], lcs[i][j + 1])
    out = []
    i = j = 0
    while i < n and j < m:
        if old[i] == new[j]:
            out.append("  " + old[i])
            i += 1
            j += 1
        elif lcs[i + 1][j] >= lcs[i][j + 1]:
            out.append("- " + old[i])
            i += 1
        else:
            out.append("+ " + new[j])
            j += 1
    out += ["- " + x for x in old[i:]] + ["+ " + x for x in new[j:]]
    return out
''', """Return a line diff of old and new based on a longest common subsequence: unchanged lines
prefixed "  ", removed "- ", added "+ ". When a removal and an addition compete, list the
removal first.""",
'''assert diff_lines([], []) == []
assert diff_lines(["a"], ["a"]) == ["  a"]
assert diff_lines(["a", "b", "c"], ["a", "c"]) == ["  a", "- b", "  c"]
assert diff_lines(["a"], ["b"]) == ["- a", "+ b"]
assert diff_lines([], ["x", "y"]) == ["+ x", "+ y"]
assert diff_lines(["a", "b"], ["b", "a"]) == ["- a", "  b", "+ a"]
'''),

('''def lru_simulate(capacity: int, accesses: list) -> int:
    from collections import OrderedDict
    cache = OrderedDict()
    misses = 0
    for key in accesses:
        if key in cache:
            cache.move_to_end(key)
        else:
            misses += 1
            if capacity == 0:
                continue
            if len(cache) >= capacity:
                cache.popitem(last=False)
            cache[key] = True
    return misses
''', """Simulate a least-recently-used cache holding at most capacity keys and return how many of the
accesses are misses. With capacity 0 every access misses.""",
'''assert lru_simulate(2, []) == 0
assert lru_simulate(0, [1, 1, 1]) == 3
assert lru_simulate(2, [1, 2, 1, 3, 2]) == 4
assert lru_simulate(3, [1, 2, 3, 1, 2, 3]) == 3
assert lru_simulate(1, ["a", "a", "b", "a"]) == 3
'''),

('''def schedule_rooms(meetings: list) -> int:
    events = []
    for start, end in meetings:
        events.append((start, 1))
        events.append((end, -1))
    events.sort()
    rooms = best = 0
    for _, delta in events:
        rooms += delta
        best = max(best, rooms)
    return best
''', """meetings is a list of (start, end) times with start < end; a meeting ending at t frees its room
for one starting at t. Return the minimum number of rooms needed.""",
'''assert schedule_rooms([]) == 0
assert schedule_rooms([(0, 30), (5, 10), (15, 20)]) == 2
assert schedule_rooms([(1, 2), (2, 3), (3, 4)]) == 1
assert schedule_rooms([(1, 5), (1, 5), (1, 5)]) == 3
assert schedule_rooms([(9, 12), (10, 11), (11, 13), (12, 14)]) == 2
'''),

('''def bank_balance(transactions: list) -> int:
    balance = 0
    for line in transactions:
        kind, _, amount = line.partition(" ")
        value = int(amount)
        if value < 0:
            raise ValueError(f"negative amount: {line}")
        if kind == "deposit":
            balance += value
        elif kind == "withdraw":
            if value > balance:
                continue
            balance -= value
        else:
            raise ValueError(f"unknown transaction: {line}")
    return balance
''', """Process lines like "deposit 50" and "withdraw 20" starting from a balance of 0 and return the
final balance. A withdrawal larger than the current balance is ignored. Raise ValueError for an
unknown kind or a negative amount.""",
'''assert bank_balance([]) == 0
assert bank_balance(["deposit 100", "withdraw 30"]) == 70
assert bank_balance(["deposit 10", "withdraw 50", "deposit 5"]) == 15
assert bank_balance(["withdraw 1"]) == 0
for bad in (["steal 5"], ["deposit -5"]):
    try:
        bank_balance(bad)
        assert False
    except ValueError:
        pass
'''),

('''def count_substrings(text: str, pattern: str) -> int:
    if not pattern:
        raise ValueError("empty pattern")
    count = 0
    start = 0
    while True:
        i = text.find(pattern, start)
        if i < 0:
            return count
        count += 1
        start = i + 1
''', """Return how many times pattern occurs in text, counting overlapping occurrences ("aa" occurs
twice in "aaa"). Raise ValueError for an empty pattern.""",
'''assert count_substrings("", "a") == 0
assert count_substrings("aaa", "aa") == 2
assert count_substrings("abcabc", "abc") == 2
assert count_substrings("abc", "d") == 0
assert count_substrings("aaaa", "a") == 4
try:
    count_substrings("x", "")
    assert False
except ValueError:
    pass
'''),

('''def compress_ranges(nums: list) -> str:
    values = sorted(set(nums))
    parts = []
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        parts.append(str(values[i]) if i == j else f"{values[i]}-{values[j]}")
        i = j + 1
    return ",".join(parts)
''', """Summarise a list of integers as comma-separated ranges of consecutive values, ascending and
without duplicates: [1, 2, 3, 5, 7, 8] -> "1-3,5,7-8".""",
'''assert compress_ranges([]) == ""
assert compress_ranges([1, 2, 3, 5, 7, 8]) == "1-3,5,7-8"
assert compress_ranges([4]) == "4"
assert compress_ranges([3, 1, 2, 2]) == "1-3"
assert compress_ranges([-2, -1, 1]) == "-2--1,1"
'''),

('''def expand_ranges(spec: str) -> list:
    out = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part[1:]:
            cut = part.index("-", 1)
            lo, hi = int(part[:cut]), int(part[cut + 1:])
            if lo > hi:
                raise ValueError(f"descending range {part}")
            out.extend(range(lo, hi + 1))
        else:
            out.append(int(part))
    return out
''', """Expand a range list such as "1-3, 5, 8-9" into [1, 2, 3, 5, 8, 9], in the given order. Spaces and
empty parts are ignored. Raise ValueError for a descending range like "5-2" or a non-number.""",
'''assert expand_ranges("") == []
assert expand_ranges("1-3, 5, 8-9") == [1, 2, 3, 5, 8, 9]
assert expand_ranges("7") == [7]
assert expand_ranges("4-4,,2") == [4, 2]
for bad in ("5-2", "x"):
    try:
        expand_ranges(bad)
        assert False
    except ValueError:
        pass
'''),
]
