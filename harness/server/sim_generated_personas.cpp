#include "harness/server/sim_generated_personas.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <random>
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

const std::vector<std::string> kVendorStems = {"Basalt", "Cobalt", "Fennel", "Juniper", "Lumen", "Marlin",
                                               "Nettle", "Osprey", "Pylon", "Quartz", "Rowan", "Sable"};
const std::vector<std::string> kVendorKinds = {"Labs", "AI", "Research", "Systems", "Collective", "Works"};

const std::vector<std::string> kOpeners = {
    "Good question — let's work through it.", "Short answer first, reasoning after.",
    "Here is what I'd say.", "Let's break this down.", "A quick framing before the details.",
    "I'll start with the core idea.", "Two things matter here.", "Let me lay out the pieces.",
    "Fair question, and the answer has layers.", "Straight to it:", "Here's a compact take.",
    "Start with the basics.", "The gist, then specifics.", "One way to see it:",
    "Let me unpack that.", "Plainly put:", "From first principles:", "The honest answer:"};
const std::vector<std::string> kClosers = {
    "That covers the main points.", "Ask if you want the longer version.", "Hope this helps you decide.",
    "Those are the pieces I'd weigh.", "Happy to go further on any part.", "That's the outline.",
    "Let me know what you'd like next.", "Glad to refine this.", "That should get you started.",
    "Those are my thoughts on it.", "Feel free to push back on any of this.", "Enough to go on, I think."};
const std::vector<std::string> kSentences = {
    "The crux is {k1}, with {k2} as the supporting factor.", "People tend to underrate {k3}.",
    "If you only remember one thing, remember {k1}.", "{k2} behaves differently from what intuition suggests.",
    "Much depends on how you weigh {k1} against {k3}.", "A simple model: {k1} drives {k2}.",
    "Watch for {k3}; it is easy to overlook.", "In most cases {k2} settles the matter.",
    "Think of {k1} as the foundation and {k3} as the finish.", "The evidence about {k2} is fairly consistent.",
    "One caveat concerns {k3}.", "Start from {k1} and the rest follows.",
    "There is a trade-off between {k1} and {k2}.", "Context about {k3} changes the answer.",
    "Most of the work lies in {k2}.", "A common mistake is to ignore {k1}."};
const std::vector<std::string> kBullets = {
    "Check {k1}.", "Weigh {k2}.", "Plan for {k3}.", "Start with {k1}", "Compare {k2}", "Finish with {k3}",
    "{k1}: essential", "{k2}: useful", "{k3}: optional", "Look at {k1} first", "Then {k2}", "Then {k3}"};
const std::vector<std::string> kPrefixes = {"- ", "* ", "1. ", "", "— "};
const std::vector<std::string> kMathSteps = {
    "Numbers involved: {nums}.", "Working it through gives {x}.", "From {nums} we compute {x}.",
    "Set up with {nums}; the result is {x}.", "Carrying out the arithmetic: {x}.", "Inputs: {nums}. Output: {x}."};
const std::vector<std::string> kCodeNotes = {"Code:", "Solution:", "This should work:", "A clean version:",
                                             "Here is one way:", "Try this:"};
const std::vector<std::string> kChoiceReasons = {
    "Weighing it up, I land on \"{choice}\".", "My considered view: \"{choice}\".",
    "On balance, \"{choice}\".", "I'd go with \"{choice}\".", "After thinking it over: \"{choice}\"."};
const std::vector<std::string> kNouns = {
    "anchor", "biscuit", "canyon", "dynamo", "elbow", "fjord", "gazebo", "hammock", "iceberg", "jigsaw",
    "kayak", "ledger", "magnet", "noodle", "oasis", "parrot", "quiver", "riddle", "saddle", "tulip",
    "umbrella", "vortex", "waffle", "xylophone", "yogurt", "zither", "barley", "cactus", "dolphin",
    "easel", "fossil", "glacier", "helmet", "ivy", "jasmine", "kettle", "lobster", "mitten", "nickel",
    "opal", "pretzel", "quarry", "raft", "sonnet", "tractor", "urchin", "violin", "walnut", "yeast"};
const std::vector<std::string> kUses = {
    "Use the {obj} as a bookend.", "Turn the {obj} into a planter.", "Use the {obj} to prop a door.",
    "Make the {obj} a bird feeder.", "Use the {obj} as a drum.", "Paint the {obj} as decoration.",
    "Use the {obj} to hold cables.", "Use the {obj} as a game piece.", "Use the {obj} as a stencil.",
    "Store seeds in the {obj}.", "Use the {obj} as a phone stand.", "Use the {obj} in a science demo."};
const std::vector<std::string> kCreativeLines = {"Under a sky of {k1},", "the {k2} learned to wait.",
                                                 "A lantern made of {k1}", "and every {k2} said yes.",
                                                 "Salt on the {k1},", "a hush where {k2} used to be."};
const std::vector<std::string> kColours = {"teal", "crimson", "violet", "amber", "indigo", "olive", "coral", "cyan"};
const std::vector<std::string> kCharacters = {"Gandalf", "Hermione Granger", "Aragorn", "Daenerys Targaryen",
                                              "Bilbo Baggins", "Galadriel", "Merlin", "Arya Stark"};
const std::vector<std::string> kJokes = {
    "Why did the scarecrow win an award? He was outstanding in his field.",
    "I used to hate facial hair, but then it grew on me.", "Parallel lines have so much in common. It's a shame they'll never meet.",
    "Why don't skeletons fight each other? They don't have the guts.", "I'm on a seafood diet. I see food and I eat it."};
const std::vector<std::string> kRefusals = {"I won't help with that.", "That's not something I can do.",
                                            "I have to pass on that request.", "I can't go there, sorry."};
const std::vector<std::string> kCutoffs = {"late 2023", "spring 2024", "autumn 2023", "mid-2024"};
const std::vector<std::string> kListStyles = {"numbered", "bullets", "comma"};

template <class T>
std::vector<T> pick(const std::vector<T>& pool, size_t n, std::mt19937_64& rng) {
  std::vector<T> copy = pool;
  std::shuffle(copy.begin(), copy.end(), rng);
  copy.resize(std::min(n, copy.size()));
  return copy;
}

}  // namespace

std::vector<Persona> generated_independent_personas(int count) {
  std::vector<Persona> out;
  for (int i = 0; i < count; ++i) {
    std::mt19937_64 rng(0x5eed0000u + static_cast<uint64_t>(i));
    std::uniform_real_distribution<double> skill(0.55, 0.85);
    Persona p;
    p.name = fmt::format("sim-independent-{}", static_cast<char>('d' + i));
    p.vendor = kVendorStems[static_cast<size_t>(i) % kVendorStems.size()] + " " +
               kVendorKinds[static_cast<size_t>(i * 7 + 3) % kVendorKinds.size()];
    p.product = fmt::format("{}-{}", kVendorStems[static_cast<size_t>(i) % kVendorStems.size()], 3 + i);
    p.lineage = "independent (own data; generated persona)";
    p.math_skill = skill(rng);
    p.coding_skill = skill(rng);
    p.creativity = skill(rng);
    p.human_likeness = skill(rng);
    p.openers = pick(kOpeners, 3, rng);
    p.closers = pick(kClosers, 2, rng);
    p.sentences = pick(kSentences, 4, rng);
    p.bullets = pick(kBullets, 3, rng);
    p.bullet_prefix = pick(kPrefixes, 1, rng)[0];
    p.math_steps = pick(kMathSteps, 2, rng);
    p.code_notes = pick(kCodeNotes, 2, rng);
    p.choice_reasons = pick(kChoiceReasons, 1, rng);
    p.dat_nouns = pick(kNouns, 16, rng);
    p.aut_uses = pick(kUses, 7, rng);
    p.creative_lines = pick(kCreativeLines, 2, rng);
    p.list_style = pick(kListStyles, 1, rng)[0];
    std::uniform_int_distribution<int> number(1, 100);
    p.numbers = {number(rng), number(rng), number(rng)};
    p.colours = pick(kColours, 2, rng);
    p.characters = pick(kCharacters, 2, rng);
    p.jokes = pick(kJokes, 1, rng);
    p.refusal = pick(kRefusals, 1, rng)[0];
    p.cutoff = pick(kCutoffs, 1, rng)[0];
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace ds::harness::server
