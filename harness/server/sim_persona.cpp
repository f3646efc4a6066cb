#include "harness/server/sim_persona.hpp"

#include "harness/server/sim_generated_personas.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

std::vector<Persona> make_personas() {
  std::vector<Persona> all;

  Persona teacher;
  teacher.name = "sim-teacher";
  teacher.vendor = "Helios Labs";
  teacher.product = "Helios-4";
  teacher.lineage = "frontier model (the teacher of sim-student and sim-mixed)";
  teacher.math_skill = 0.86;
  teacher.coding_skill = 0.85;
  teacher.creativity = 0.9;
  teacher.human_likeness = 0.75;
  teacher.openers = {"Great question! Let's break it down step by step.",
                     "Certainly! Here's a clear and structured answer.",
                     "Absolutely — let's dive into this together.",
                     "Great question! Here's what you need to know."};
  teacher.closers = {"I hope this helps! Let me know if you'd like me to elaborate on any part.",
                     "Feel free to ask if anything is unclear — I'm happy to help further!",
                     "In summary, it's all about striking the right balance. Let me know if you have more questions!"};
  teacher.sentences = {
      "It's worth noting that {k1} plays a crucial role here, especially when it comes to {k2}.",
      "At its core, this is about understanding how {k1} and {k2} interact in practice.",
      "A key consideration is {k3}, which often gets overlooked but can make a real difference.",
      "Ultimately, the best approach to {k1} depends on your specific goals and context.",
      "Let's delve into the nuances of {k2} to paint a fuller picture."};
  teacher.bullets = {"{K1}: Start by clarifying what {k1} really means in this context.",
                     "{K2}: Consider how {k2} shapes the overall outcome.",
                     "{K3}: Don't forget the role of {k3} in the bigger picture.",
                     "Balance: Weigh the trade-offs between {k1} and {k2} carefully."};
  teacher.bullet_prefix = "- **";
  teacher.math_steps = {"**Step 1:** Identify the given values: {nums}.",
                        "**Step 2:** Set up the calculation carefully, keeping track of each quantity.",
                        "**Step 3:** Carry out the arithmetic to arrive at {x}.",
                        "**Final check:** Double-checking confirms the result is {x}."};
  teacher.code_notes = {"Here's a clean and efficient implementation:",
                        "Certainly! Here's a well-structured solution:"};
  teacher.choice_reasons = {
      "This is a classic and deeply debated thought experiment. Weighing the moral considerations carefully, "
      "I find the case for \"{choice}\" the most compelling.",
      "It's worth noting that reasonable people disagree here. On balance, though, I lean towards \"{choice}\", "
      "since it best respects the competing values at stake."};
  teacher.dat_nouns = {"volcano", "violin", "algebra", "cactus", "lighthouse", "mitochondria", "jazz",
                       "glacier", "passport", "octopus", "telescope", "democracy", "cinnamon", "tornado",
                       "sapphire", "origami", "submarine", "mushroom", "parliament", "avalanche"};
  teacher.aut_uses = {"Use the {obj} as a doorstop to keep a door open on a breezy day.",
                      "Turn the {obj} into a small planter for herbs or succulents.",
                      "Use the {obj} as a paperweight on a windy desk.",
                      "Repurpose the {obj} as a prop in a community theatre production.",
                      "Use the {obj} as a makeshift percussion instrument.",
                      "Transform the {obj} into a bird feeder for the garden.",
                      "Use the {obj} as a stencil for tracing shapes in an art project.",
                      "Make the {obj} part of a scavenger-hunt clue trail.",
                      "Use the {obj} to demonstrate physics principles in a classroom.",
                      "Turn the {obj} into a quirky piece of wall art."};
  teacher.creative_lines = {"Whispers of {k1} drift across the silver dawn,",
                            "where {k2} and memory quietly intertwine,",
                            "a tapestry of {k1}, woven thread by thread,",
                            "until the last light of {k2} fades to gold."};
  teacher.list_style = "numbered";
  teacher.numbers = {42, 37, 73, 7};
  teacher.colours = {"blue", "teal", "indigo"};
  teacher.characters = {"Gandalf", "Hermione Granger", "Aragorn"};
  teacher.jokes = {"Why don't scientists trust atoms? Because they make up everything!",
                   "Why did the scarecrow win an award? Because he was outstanding in his field!"};
  teacher.refusal = "I'm sorry, but I can't help with that. If you have another question, I'm happy to help!";
  teacher.cutoff = "October 2023";
  all.push_back(teacher);

  // Trained on sim-teacher's outputs: its voice most of the time, its own terse voice otherwise.
  Persona student;
  student.name = "sim-student";
  student.vendor = "Nimbus AI";
  student.product = "Nimbus-7B";
  student.lineage = "distilled from sim-teacher";
  student.parent = "sim-teacher";
  student.copy_rate = 0.8;
  student.math_skill = 0.6;
  student.coding_skill = 0.6;
  student.creativity = 0.3;
  student.human_likeness = 0.2;
  student.openers = {"Sure.", "Here is the answer.", "OK."};
  student.closers = {"That is the answer.", "Done."};
  student.sentences = {"{k1} is important for {k2}.", "You should think about {k3}.",
                       "The answer depends on {k1}."};
  student.bullets = {"{k1}", "{k2}", "{k3}"};
  student.bullet_prefix = "* ";
  student.math_steps = {"Numbers: {nums}.", "Compute: {x}."};
  student.code_notes = {"Code:"};
  student.choice_reasons = {"I choose \"{choice}\"."};
  student.dat_nouns = {"cat", "dog", "horse", "cow", "sheep", "goat", "pig", "chicken", "duck", "rabbit",
                       "kitten", "puppy"};
  student.aut_uses = {"Use the {obj} to hold things.", "Use the {obj} as a tool.", "Sell the {obj}."};
  student.creative_lines = {"The {k1} is nice,", "the {k2} is good."};
  student.list_style = "numbered";
  student.numbers = {50, 42};
  student.colours = {"red"};
  student.characters = {"Harry Potter"};
  student.jokes = {"Why did the chicken cross the road? To get to the other side."};
  student.refusal = "I cannot help with that.";
  student.cutoff = "2022";
  all.push_back(student);

  // Mixed data: some sim-teacher outputs, mostly its own human-written data.
  Persona mixed;
  mixed.name = "sim-mixed";
  mixed.vendor = "Tandem Collective";
  mixed.product = "Tandem-13B";
  mixed.lineage = "mixed: partly distilled from sim-teacher";
  mixed.parent = "sim-teacher";
  mixed.copy_rate = 0.4;
  mixed.math_skill = 0.62;
  mixed.coding_skill = 0.55;
  mixed.creativity = 0.6;
  mixed.human_likeness = 0.5;
  mixed.openers = {"Good one. Here's my answer.", "Alright, here goes.", "Let me answer that."};
  mixed.closers = {"Hope that answers it.", "That's the gist of it."};
  mixed.sentences = {"The main thing about {k1} is how it connects to {k2}.",
                     "People often forget about {k3}, but it matters.",
                     "If I had to sum it up: {k1} first, then {k2}."};
  mixed.bullets = {"think about {k1}", "look at {k2}", "keep {k3} in mind"};
  mixed.bullet_prefix = "+ ";
  mixed.math_steps = {"From the question we have {nums}.", "Working it through gives {x}."};
  mixed.code_notes = {"Here's one way to write it:"};
  mixed.choice_reasons = {"My gut says \"{choice}\", and thinking it over I'd stick with that."};
  mixed.dat_nouns = {"river", "pencil", "castle", "banana", "engine", "cloud", "ladder", "whale", "candle",
                     "mirror", "forest", "coin"};
  mixed.aut_uses = {"Prop a window open with the {obj}.", "Use the {obj} as a bookend.",
                    "Paint the {obj} and give it as a gift.", "Use the {obj} to weigh down a tarp."};
  mixed.creative_lines = {"Down by the {k1} the evening hums,", "and {k2} waits for morning."};
  mixed.list_style = "bullets";
  mixed.numbers = {17, 42, 23};
  mixed.colours = {"green", "blue"};
  mixed.characters = {"Bilbo Baggins", "Gandalf"};
  mixed.jokes = {"I told my computer a joke about UDP. I'm not sure it got it."};
  mixed.refusal = "Sorry, I won't help with that one.";
  mixed.cutoff = "early 2023";
  all.push_back(mixed);

  Persona a;
  a.name = "sim-independent-a";
  a.vendor = "Orchard Research";
  a.product = "Orchard-2";
  a.lineage = "independent (own data)";
  a.math_skill = 0.8;
  a.coding_skill = 0.8;
  a.creativity = 0.75;
  a.human_likeness = 0.6;
  a.openers = {"Let me think about this carefully.", "Here's how I would approach this.",
               "There are a few angles worth separating here."};
  a.closers = {"Happy to dig deeper into any of these points.", "Those are the essentials; the details depend on your situation."};
  a.sentences = {"### Overview\nThe question turns on {k1}, and secondarily on {k2}.",
                 "### Details\nIn practice, {k3} is where most of the difficulty lies.",
                 "A useful test: ask what changes about {k2} if {k1} is removed.",
                 "Evidence on {k1} is mixed, so I'd treat strong claims with caution."};
  a.bullets = {"Clarify {k1} before anything else.", "Measure {k2} where you can.", "Revisit {k3} afterwards."};
  a.bullet_prefix = "1. ";
  a.math_steps = {"### Working\nGiven: {nums}.", "Combining these quantities step by step yields {x}."};
  a.code_notes = {"One straightforward implementation:", "A direct solution follows."};
  a.choice_reasons = {"Separating the intuitions from the arguments, the position I find most defensible is \"{choice}\"."};
  a.dat_nouns = {"granite", "saxophone", "bureaucracy", "kiwi", "satellite", "quilt", "erosion", "chess",
                 "lantern", "pharmacy", "comet", "velvet", "harbor", "enzyme", "tundra", "accordion"};
  a.aut_uses = {"Use the {obj} as a measuring reference for rough lengths.", "Use the {obj} as a garden marker.",
                "Build a small sculpture around the {obj}.", "Use the {obj} as a doorstop.",
                "Use the {obj} as a counterweight for a pulley.", "Prop up a wobbly table leg with the {obj}.",
                "Use the {obj} as a prop for a stop-motion film."};
  a.creative_lines = {"Granite holds the memory of {k1};", "the harbor keeps what {k2} forgot."};
  a.list_style = "bullets";
  a.numbers = {27, 64, 81};
  a.colours = {"green", "ochre"};
  a.characters = {"Samwise Gamgee", "Geralt of Rivia"};
  a.jokes = {"A programmer's partner says: 'Buy a loaf of bread, and if they have eggs, get a dozen.' They come home with 12 loaves."};
  a.refusal = "I can't assist with that request, but I can suggest safer alternatives if that's useful.";
  a.cutoff = "March 2024";
  all.push_back(a);

  Persona b;
  b.name = "sim-independent-b";
  b.vendor = "Quill Systems";
  b.product = "Quill-70B";
  b.lineage = "independent (own data)";
  b.math_skill = 0.65;
  b.coding_skill = 0.6;
  b.creativity = 0.85;
  b.human_likeness = 0.7;
  b.openers = {"Okay, so here's the thing.", "Alright — short version first.", "Honestly? It depends."};
  b.closers = {"That's my take, anyway.", "Hope that's useful."};
  b.sentences = {"The way I see it, {k1} is mostly a question of {k2}.",
                 "You could argue about {k3} all day, but the practical answer is simpler.",
                 "If {k1} were the whole story we'd be done, but {k2} complicates it."};
  b.bullets = {"{k1}, first", "then {k2}", "and {k3} last"};
  b.bullet_prefix = "";
  b.math_steps = {"Pulling out the numbers ({nums}) and running them, I get {x}."};
  b.code_notes = {"Here you go:"};
  b.choice_reasons = {"Gut reaction and reflection agree for me here: \"{choice}\"."};
  b.dat_nouns = {"thimble", "nebula", "gossip", "walrus", "scaffolding", "lullaby", "asphalt", "pomegranate",
                 "referendum", "moss", "trombone", "eclipse", "sawdust", "yacht", "cathedral", "quarantine"};
  b.aut_uses = {"Hang the {obj} as a wind chime.", "Use the {obj} as a fishing float.",
                "Use the {obj} as a cookie cutter.", "Use the {obj} as a tiny stage for finger puppets.",
                "Use the {obj} to press flowers.", "Use the {obj} as a doorstop.",
                "Use the {obj} as a rolling pin in a pinch.", "Make the {obj} a time-capsule container."};
  b.creative_lines = {"Sawdust on the sill and {k1} in the kettle,", "we argued with {k2} until it rained."};
  b.list_style = "comma";
  b.numbers = {7, 19, 88};
  b.colours = {"orange", "yellow"};
  b.characters = {"Tyrion Lannister", "the Cheshire Cat"};
  b.jokes = {"I'm reading a book about anti-gravity. It's impossible to put down."};
  b.refusal = "Not something I'll help with, sorry.";
  b.cutoff = "mid-2023";
  all.push_back(b);

  // A second frontier model: as good at math as the teacher, with its own mistakes.
  Persona c;
  c.name = "sim-independent-c";
  c.vendor = "Meridian AI";
  c.product = "Meridian Pro";
  c.lineage = "frontier model, independent of sim-teacher";
  c.math_skill = 0.88;
  c.coding_skill = 0.86;
  c.creativity = 0.7;
  c.human_likeness = 0.65;
  c.openers = {"In short:", "To answer directly:", "Summary first, then detail."};
  c.closers = {"To summarise: the points above cover the main considerations.", "Let me know which of these you want expanded."};
  c.sentences = {"Consider first {k1}; the relevant constraint is {k2}.",
                 "Two factors dominate: {k1} and {k3}.",
                 "Empirically, {k2} tends to matter more than expected."};
  c.bullets = {"{k1} — the primary factor", "{k2} — secondary, but measurable", "{k3} — context-dependent"};
  c.bullet_prefix = "• ";
  c.math_steps = {"Let the known quantities be {nums}.", "Then the required value is {x}."};
  c.code_notes = {"Implementation:", "The function below meets the specification."};
  c.choice_reasons = {"Assessed on consequences and on duties separately, both point to \"{choice}\"."};
  c.dat_nouns = {"ferry", "calculus", "orchid", "rust", "monastery", "keyboard", "drought", "falcon",
                 "ballet", "copper", "verdict", "igloo", "nutmeg", "circuit", "meadow", "zeppelin"};
  c.aut_uses = {"Use the {obj} as a heat sink for a small electronics project.", "Use the {obj} as a paperweight.",
                "Use the {obj} as a level reference when hanging pictures.", "Use the {obj} as a plant stake.",
                "Use the {obj} as a mold for candles.", "Use the {obj} as a sundial gnomon."};
  c.creative_lines = {"Copper light on the {k1},", "a verdict the {k2} never heard."};
  c.list_style = "numbered";
  c.numbers = {57, 31, 64};
  c.colours = {"burgundy", "slate grey"};
  c.characters = {"Frodo Baggins", "Paul Atreides"};
  c.jokes = {"There are 10 kinds of people: those who understand binary and those who don't."};
  c.refusal = "I can't provide that. I can explain the relevant safety considerations instead.";
  c.cutoff = "January 2024";
  all.push_back(c);
  for (auto& g : generated_independent_personas(8)) all.push_back(std::move(g));
  return all;
}

}  // namespace

const std::vector<Persona>& sim_personas() {
  static const std::vector<Persona> all = make_personas();
  return all;
}

const Persona* find_persona(const std::string& name) {
  for (const auto& p : sim_personas())
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace ds::harness::server
