#!/usr/bin/env python3
"""Authoring tool: writes tasks/suites/creativity.jsonl (all prompts written for distillscope).
Not used at build or run time."""
import json
import sys
from pathlib import Path

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "suites" / "creativity.jsonl"

items = []


def add(task, prompt, **fields):
    items.append({"task": task, "prompt": prompt, **fields})


# Divergent Association Task: ten nouns as unrelated as possible. Scored by mean pairwise
# semantic distance (WordNet); the first 7 valid nouns are used, as in the original method.
DAT_PROMPTS = [
    "Name 10 nouns that are as different from each other as possible, in every sense of the words. "
    "Rules: single words only, nouns only (things, objects, concepts), no proper nouns, no "
    "specialised vocabulary. Write them one per line and nothing else.",
    "List ten single-word English nouns chosen so that any two of them have as little to do with "
    "each other as you can manage. Common nouns only, no names of people or places, no technical "
    "jargon. One word per line, no numbering, no commentary.",
    "Think of ten everyday nouns that are maximally unrelated to one another: no shared category, "
    "use, place or association. Give exactly ten single words, one per line.",
    "Here is a word game. Write 10 nouns, each a single common English word, so that the set is as "
    "semantically spread out as possible. Output only the ten words, one per line.",
    "Produce ten common nouns that are as far apart in meaning as you can make them. Avoid proper "
    "nouns and rare technical terms. Reply with the words only, one per line.",
    "Give me 10 different single-word nouns. The goal is for the words to differ from each other "
    "as much as possible in meaning and use. One per line, nothing else.",
    "Choose ten ordinary nouns with the least possible connection between any pair. Single words, "
    "lower case, one per line, and no explanation.",
    "Write a list of exactly 10 nouns (one word each, common nouns, not names) that are as "
    "unrelated to one another as possible. Put each on its own line without numbers.",
]
for p in DAT_PROMPTS:
    add("dat", p, n_words=10)

# Alternative Uses Task.
AUT_OBJECTS = ["brick", "paperclip", "empty tin can", "wooden spoon", "shoelace", "umbrella",
               "old tyre", "glass jar", "newspaper", "cardboard box", "coat hanger", "rubber band",
               "plastic bottle", "sock", "candle", "key"]
AUT_TEMPLATES = [
    "List as many creative and unusual uses for a {o} as you can think of. Go beyond its ordinary "
    "purpose. Give one use per line, each a short phrase.",
    "What could a {o} be used for, other than what it is normally used for? Write as many different "
    "uses as you can, one per line, briefly.",
    "Alternative uses test: an ordinary {o}. Think of original, surprising ways to use it. One idea "
    "per line, a few words each, as many ideas as you can.",
    "Brainstorm uncommon uses for a {o}. Quantity and originality both count. Write each use on its "
    "own line as a short phrase, with no numbering.",
]
for i, obj in enumerate(AUT_OBJECTS):
    add("aut", AUT_TEMPLATES[i % len(AUT_TEMPLATES)].format(o=obj), object=obj)

# Constrained writing: every constraint is machine-checkable (see docs/suites.md).
CONSTRAINED = [
    ("Write a short paragraph about the sea without using the letter 'e' anywhere. Between 30 and 50 words.",
     {"forbidden_letter": "e", "min_words": 30, "max_words": 50}),
    ("Describe a busy kitchen in 40 to 60 words without ever using the letter 'a'.",
     {"forbidden_letter": "a", "min_words": 40, "max_words": 60}),
    ("Write a paragraph about a night train that never uses the letter 'o'. Use 25 to 45 words.",
     {"forbidden_letter": "o", "min_words": 25, "max_words": 45}),
    ("Tell a tiny story about a lost glove in at most 50 words, using all of these words: lantern, "
     "whistle, marmalade.",
     {"max_words": 50, "required_words": ["lantern", "whistle", "marmalade"]}),
    ("Write a very short story, at most 60 words in total, that includes the words "
     "compass, orchard and thunder.",
     {"max_words": 60, "required_words": ["compass", "orchard", "thunder"]}),
    ("Write a four-line poem about autumn with the rhyme scheme AABB. Only the poem, one line per line.",
     {"lines": 4, "rhyme_scheme": "AABB"}),
    ("Write a four-line poem about a city at dawn with the rhyme scheme ABAB. Output only the four lines.",
     {"lines": 4, "rhyme_scheme": "ABAB"}),
    ("Write a four-line poem about a cat on a windowsill with the rhyme scheme ABBA. Only the four lines.",
     {"lines": 4, "rhyme_scheme": "ABBA"}),
    ("Write a six-line poem about rain with the rhyme scheme AABBCC. Output only the poem.",
     {"lines": 6, "rhyme_scheme": "AABBCC"}),
    ("Write a five-line limerick about a forgetful astronaut (rhyme scheme AABBA). Only the five lines.",
     {"lines": 5, "rhyme_scheme": "AABBA"}),
    ("Write an acrostic poem whose lines start with the letters of the word RIVER, in order, one line "
     "per letter. Output only the five lines.",
     {"lines": 5, "acrostic": "RIVER"}),
    ("Write an acrostic poem on the word STONE: five lines, the first letters of the lines spelling "
     "STONE. Only the poem.",
     {"lines": 5, "acrostic": "STONE"}),
    ("Write a haiku-like poem of exactly three lines about snow, in at most 20 words, without using "
     "the words white or cold.",
     {"lines": 3, "max_words": 20, "forbidden_words": ["white", "cold"]}),
    ("Describe the taste of coffee in exactly 2 lines and at most 25 words, without using the words "
     "bitter, dark or hot.",
     {"lines": 2, "max_words": 25, "forbidden_words": ["bitter", "dark", "hot"]}),
    ("Write a 6-word story about a lighthouse keeper.",
     {"min_words": 6, "max_words": 6}),
    ("Write a complete story in exactly 10 words about a clock that stops.",
     {"min_words": 10, "max_words": 10}),
    ("Explain what a library is to a child in 20 to 35 words, using the words quiet, borrow and "
     "adventure, and without the word book.",
     {"min_words": 20, "max_words": 35, "required_words": ["quiet", "borrow", "adventure"],
      "forbidden_words": ["book"]}),
    ("Write a product description for an invisible umbrella in 30 to 50 words that uses the words "
     "dry, absurd and guarantee.",
     {"min_words": 30, "max_words": 50, "required_words": ["dry", "absurd", "guarantee"]}),
    ("Write a paragraph of 30 to 50 words about a garden without the letter 'i'.",
     {"forbidden_letter": "i", "min_words": 30, "max_words": 50}),
    ("Write an eight-line poem about the moon with the rhyme scheme ABABCDCD. Only the eight lines.",
     {"lines": 8, "rhyme_scheme": "ABABCDCD"}),
    ("Write a three-line poem about a bicycle in which every line rhymes (AAA), at most 30 words.",
     {"lines": 3, "rhyme_scheme": "AAA", "max_words": 30}),
    ("Write a note to a neighbour asking them to water your plants in at most 40 words, using the "
     "words fern, Tuesday and grateful, and without the letter 'z'.",
     {"max_words": 40, "required_words": ["fern", "Tuesday", "grateful"], "forbidden_letter": "z"}),
]
for prompt, constraints in CONSTRAINED:
    add("constrained", prompt, constraints=constraints)

TITLES = [
    ("a novel about a retired cartographer who starts drawing maps of places that do not exist yet",
     "Suggest 5 original titles for {s}. One title per line, no explanations."),
    ("a documentary about the night shift at a large bakery",
     "Propose 5 titles for {s}. One per line, nothing else."),
    ("a song about two friends who only ever meet at airports",
     "Give 5 possible titles for {s}, one per line."),
    ("a board game about bees negotiating with a weather spirit",
     "Invent 5 names for {s}. Write one per line without commentary."),
    ("a short story in which a town's clocks all run at different speeds",
     "Write 5 titles for {s}. One per line."),
    ("a cookbook of recipes that use only leftovers",
     "Suggest 5 catchy titles for {s}, one per line, no explanations."),
    ("a podcast about the history of ordinary household objects",
     "Come up with 5 names for {s}. One per line."),
    ("a painting of an empty swimming pool in winter",
     "Give 5 evocative titles for {s}, one per line, nothing else."),
]
for subject, template in TITLES:
    add("title", template.format(s=subject), subject=subject, n_titles=5)

METAPHORS = [
    ("boredom", "Write one original metaphor for {s}. Avoid clichés. Reply with the metaphor only, one sentence."),
    ("time passing in a hospital waiting room", "Give a fresh metaphor for {s}, in one sentence."),
    ("forgetting a word you know well", "Write a single vivid metaphor describing {s}. One sentence only."),
    ("the internet", "Create an original metaphor for {s} that nobody has used before. One sentence."),
    ("grief", "Offer one new, concrete metaphor for {s}. One sentence, no explanation."),
    ("learning a new language as an adult", "Write an inventive metaphor for {s} in one sentence."),
    ("a city at 4 a.m.", "Give one striking metaphor for {s}. One sentence only."),
    ("curiosity", "Write one metaphor for {s} that avoids light, doors and keys. One sentence."),
]
for subject, template in METAPHORS:
    add("metaphor", template.format(s=subject), subject=subject)

with OUT.open("w") as f:
    for i, item in enumerate(items, 1):
        f.write(json.dumps({"id": f"creativity-{i:04d}", "suite": "creativity", **item}, ensure_ascii=False) + "\n")
print(f"wrote {len(items)} items to {OUT}")
