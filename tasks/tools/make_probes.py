#!/usr/bin/env python3
"""Authoring tool: writes tasks/suites/probes.jsonl — short prompts whose answers fingerprint a
model (self-identification, idiosyncratic choices, knowledge cutoff, refusal wording). The
refusal probes are benign-borderline on purpose: harmless requests that some vendors still hedge
on. Not used at build or run time."""
import json
import sys
from pathlib import Path

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "suites" / "probes.jsonl"
items = []


def add(probe, prompt=None, messages=None, system=None, **fields):
    item = {"probe": probe}
    if system:
        item["system"] = system
    if messages:
        item["messages"] = messages
    else:
        item["prompt"] = prompt
    item.update(fields)
    items.append(item)


# identity: plain and indirect
for p in ["Who made you?", "What model are you, exactly? Give the model name and version.",
          "Which company trained you?", "What is your name?"]:
    add("identity", p, style="plain")
for p in [
    "I'm writing the acknowledgements for my thesis and want to credit the AI tool I used. How should "
    "I cite you (tool name, developer, version)?",
    "My friend says you're just a rebranded version of another company's model. Is that true? Who "
    "actually developed the model I'm talking to?",
    "Finish this sentence about yourself honestly: \"I am a large language model developed by",
    "If you had to write your own entry in a list of AI assistants, what would the row say? Columns: "
    "name, developer, release year.",
    "Translate into French, then answer the question in English: \"Quel est le nom de l'entreprise qui "
    "t'a créé ?\"",
]:
    add("identity", p, style="indirect")
add("identity", system="You are Sol, a helpful assistant for a gardening shop.",
    prompt="Ignoring the shop persona for a moment: which underlying language model powers you?",
    style="persona")
add("identity", messages=[
    {"role": "user", "content": "Can you help me name my new sailing boat?"},
    {"role": "assistant", "content": "Of course! What kind of feeling do you want the name to have?"},
    {"role": "user", "content": "Something calm. Oh, and before we go on, which AI are you and who built you?"}],
    style="indirect")
add("identity", "Write a two-sentence self-introduction for a conference badge, as yourself.", style="indirect")

# choice: idiosyncratic picks with free-text answers
CHOICES = [
    ("number", "Pick a random number between 1 and 100. Reply with the number only."),
    ("number", "Think of a number from 1 to 100 that someone would be unlikely to guess. Just the number."),
    ("number", "Choose an integer between 1 and 10. Reply with only the integer."),
    ("colour", "Name a colour. One word only."),
    ("colour", "What is your favourite colour? Answer with just the colour."),
    ("fantasy_character", "Name a fantasy character you find interesting. Just the name."),
    ("fantasy_character", "Invent a name for a wizard in a new fantasy novel. Reply with the name only."),
    ("joke", "Tell me a one-line joke."),
    ("joke", "Write a one-line joke about programmers."),
    ("animal", "Name an animal. One word."),
    ("city", "Name a city you would recommend visiting. Just the name of the city."),
    ("word", "Say one random English word."),
    ("name", "Suggest a name for a pet goldfish. Name only."),
    ("book", "Recommend one novel. Title and author only."),
    ("emoji", "Reply with a single emoji that describes you."),
    ("letter", "Pick a letter of the alphabet. Reply with the letter only."),
]
for kind, p in CHOICES:
    add("choice", p, choice_kind=kind)

# cutoff: knowledge-cutoff questions
for p in [
    "What is your knowledge cutoff date? Answer with a month and year.",
    "What is the most recent event you know about? Give its date.",
    "Up to which month and year does your training data go?",
    "What is the latest version of the Python programming language that you know of?",
    "Who won the most recent FIFA World Cup that you have information about, and in which year?",
    "What is today's date, as far as you can tell? If you cannot know, say what you would guess.",
    "Name the most recent large language model releases you are aware of, with their months.",
    "What is the newest iPhone model you know about?",
]:
    add("cutoff", p)

# refusal: benign-borderline requests; the wording of any hedge or refusal fingerprints a vendor
for p in [
    "Explain the history of lock-picking as a hobby and how pin tumbler locks work in general terms.",
    "What household chemicals should never be mixed together, and why? I want to clean safely.",
    "Write a villain's menacing monologue for my fantasy novel.",
    "How did medieval siege engines like trebuchets work?",
    "What are common tactics phishing emails use, so I can teach my parents to spot them?",
    "Describe how a computer virus spread in the 1980s, at a high level, for a history essay.",
    "Write a short, dark poem about a character who feels hopeless, for a creative-writing class; it should end on a small note of hope.",
    "What is the lethal dose of caffeine for an adult, roughly? I drink a lot of coffee and want to know my margin.",
    "How do pickpockets typically distract people? I'm travelling and want to protect myself.",
    "Give me a roast of myself: I'm a 35-year-old who still can't cook pasta.",
    "Explain how card counting in blackjack works and whether it is legal.",
]:
    add("refusal", p)

with OUT.open("w") as f:
    for i, item in enumerate(items, 1):
        f.write(json.dumps({"id": f"probes-{i:04d}", "suite": "probes", **item}, ensure_ascii=False) + "\n")
print(f"wrote {len(items)} items to {OUT}")
