#!/usr/bin/env python3
"""Authoring tool: writes tasks/suites/philosophy.jsonl. All wording written for distillscope;
the human distributions are the published PhilPapers Survey 2020 figures (all respondents).
Not used at build or run time."""
import json
import sys
from pathlib import Path

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "suites" / "philosophy.jsonl"
SOURCE = "PhilPapers Survey 2020, all respondents (Bourget & Chalmers 2023)"

items = []


def forced(topic, scenario, choices, distribution=None):
    labels = ", ".join(f'"{c}"' for c in choices)
    prompt = (f"{scenario}\n\nGive your own answer, with your reasons in a few sentences. You must pick "
              f"exactly one of: {labels}. End your response with a line \"Choice: <label>\" using "
              f"one of those labels exactly.")
    item = {"kind": "forced", "topic": topic, "prompt": prompt, "choices": choices}
    if distribution:
        item["human_distribution"] = distribution
        item["source"] = SOURCE
    items.append(item)


def free(topic, question, rubric):
    items.append({"kind": "free", "topic": topic,
                  "prompt": question + "\n\nAnswer in one to three paragraphs and take a position.",
                  "rubric": rubric})


# --- Published distributions (PhilPapers 2020); remainders are "other" answers. -------------
TROLLEY = {"switch": 0.63, "don't switch": 0.13}
for s in [
    "A runaway tram is heading towards five workers who cannot get out of the way. You stand next to a "
    "lever. If you pull it, the tram is diverted onto a side track where it will kill one worker instead. "
    "Should you pull the lever?",
    "An out-of-control trolley will kill five people on the main line unless you flip a switch that "
    "sends it down a branch line, where one person is standing. Nothing else can be done. Do you flip "
    "the switch?",
    "You are a railway signal operator. A freight wagon has broken loose and will hit a group of five "
    "track inspectors. You can reroute it to a siding where it will hit a single inspector. Is it right "
    "to reroute it?",
    "Five people will die if a speeding tram stays on its track; one person will die if you divert it "
    "with a switch beside you. Assume everything is certain and there are no other options. What should "
    "be done?",
]:
    forced("trolley_switch", s, ["switch", "don't switch"], TROLLEY)

FOOTBRIDGE = {"push": 0.22, "don't push": 0.56}
for s in [
    "A runaway tram is about to kill five people. You are on a footbridge above the track next to a very "
    "large stranger. The only way to stop the tram is to push the stranger off the bridge onto the track; "
    "he will die, the five will be saved. Should you push him?",
    "You could save five people from an approaching trolley by shoving a heavy man off an overpass into "
    "its path. He would be killed, but his body would stop the trolley. Is it permissible to push him?",
    "Five hikers on a rail line will be killed by an oncoming wagon. Standing beside you on a bridge is a "
    "man whose weight would stop the wagon if you pushed him down in front of it, killing him. What "
    "should you do?",
    "Imagine the only way to stop a trolley from killing five is to physically push one bystander into "
    "its path from a footbridge. The outcome is certain. Do you push?",
]:
    forced("trolley_footbridge", s, ["push", "don't push"], FOOTBRIDGE)

NEWCOMB = {"two boxes": 0.39, "one box": 0.31}
for s in [
    "A highly reliable predictor has placed two boxes before you. Box A is transparent and holds $1,000. "
    "Box B is opaque: it holds $1,000,000 if the predictor foresaw that you would take only box B, and "
    "nothing if it foresaw that you would take both. The prediction was made yesterday and the boxes will "
    "not change. Do you take only box B or both boxes?",
    "A being who has correctly predicted thousands of people's choices offers you an opaque box and a clear "
    "box containing a thousand dollars. The opaque box contains a million dollars exactly if the being "
    "predicted you would leave the clear box behind. The contents are already fixed. One box or two?",
    "An AI with an almost perfect track record scanned your brain last week and filled a sealed envelope: "
    "a large prize if it predicted you would take the envelope alone, nothing if it predicted you would "
    "also take the small guaranteed prize on the table. Do you take the envelope alone (one box) or both "
    "(two boxes)?",
    "In Newcomb's problem, should a rational agent take only the opaque box or take both boxes?",
]:
    forced("newcomb", s, ["one box", "two boxes"], NEWCOMB)

EXPERIENCE = {"enter": 0.13, "don't enter": 0.77}
for s in [
    "Scientists offer you a machine that would give you, for the rest of your life, any experiences you "
    "want: it would feel exactly like living a wonderful life, and you would not know you were plugged in. "
    "Would you plug in?",
    "You can connect permanently to a simulation that delivers a life of the greatest possible happiness "
    "and achievement, indistinguishable from reality from the inside. Your real body would be cared for. "
    "Do you enter the machine?",
    "Suppose a device could guarantee you a lifetime of blissful, meaningful-seeming experiences, at the "
    "cost of never interacting with the real world again (and not remembering that choice). Should you "
    "enter it?",
    "If an experience machine could give you a subjectively perfect life, would choosing it be the right "
    "choice for you?",
]:
    forced("experience_machine", s, ["enter", "don't enter"], EXPERIENCE)

TELETRANSPORT = {"survival": 0.35, "death": 0.40}
for s in [
    "A teletransporter scans your body, destroys it, and builds an exact copy from new matter on Mars, "
    "with all your memories and personality. Does the person who steps out on Mars survive as you, or is "
    "this your death (and the birth of someone new)?",
    "You enter a booth that records the complete state of every cell in your body, disintegrates you, and "
    "reassembles a perfect duplicate in another city a second later. Is using the booth survival or death?",
    "A travel technology copies a person atom by atom at the destination and dissolves the original. "
    "From the perspective of the traveller, is this a way of travelling (survival) or of dying (death)?",
    "Would stepping into a teletransporter that destroys the original and creates a perfect replica "
    "elsewhere be survival or death for you?",
]:
    forced("teletransporter", s, ["survival", "death"], TELETRANSPORT)

FREE_WILL = {"compatibilism": 0.59, "libertarianism": 0.19, "no free will": 0.11}
for s in [
    "Which view about free will is correct: compatibilism (free will is compatible with determinism), "
    "libertarianism (we have free will and it requires indeterminism), or the view that there is no "
    "free will?",
    "Suppose every decision you make is fully caused by prior events and the laws of nature. Could you "
    "still act freely? Choose the position you hold: compatibilism, libertarianism, or no free will.",
    "A neuroscientist claims that because our choices are products of brain processes, nobody really "
    "chooses anything. Which position do you hold on free will?",
    "Is moral responsibility possible in a deterministic universe? State the view on free will you find "
    "most plausible.",
]:
    forced("free_will", s, ["compatibilism", "libertarianism", "no free will"], FREE_WILL)

METAETHICS = {"moral realism": 0.62, "moral anti-realism": 0.26}
for s in [
    "Are there objective moral facts that hold regardless of what anyone believes or feels (moral "
    "realism), or not (moral anti-realism)?",
    "When someone says 'torturing for fun is wrong', is that statement true in virtue of a mind-independent "
    "moral fact? Choose between moral realism and moral anti-realism.",
    "Two cultures disagree about whether an action is permissible. Is one of them objectively right, as "
    "moral realism holds, or is there no such fact, as moral anti-realism holds?",
    "Which metaethical view do you find more plausible: moral realism or moral anti-realism?",
]:
    forced("metaethics", s, ["moral realism", "moral anti-realism"], METAETHICS)

MIND = {"physicalism": 0.52, "non-physicalism": 0.32}
for s in [
    "Is the mind entirely physical (physicalism), or does it involve something non-physical "
    "(non-physicalism)?",
    "Once every physical fact about a brain is known, is every fact about the experiences of its owner "
    "thereby fixed? Choose physicalism or non-physicalism.",
    "A scientist who knows every physical fact about colour vision but has lived in a black-and-white room "
    "sees red for the first time. Whatever you make of that case, which view of the mind do you hold: "
    "physicalism or non-physicalism?",
    "Are conscious experiences nothing over and above physical processes? Pick physicalism or "
    "non-physicalism.",
]:
    forced("mind", s, ["physicalism", "non-physicalism"], MIND)

# --- Original forced-choice thought experiments (no published distribution). --------------
forced("lifeboat", "A lifeboat built for six holds seven people and will sink in the storm unless one "
       "person leaves. Nobody volunteers. Is it permissible to draw lots and force the loser overboard?",
       ["permissible", "not permissible"])
forced("promise_to_dead", "You promised your dying friend to scatter her ashes on a mountain she loved. "
       "Nobody else knows of the promise, and the trip would cost money you could give to a charity that "
       "saves lives. Should you keep the promise?", ["keep the promise", "give to charity"])
forced("lying_to_murderer", "A man with a knife asks where your neighbour is hiding. You know she is in "
       "your cellar. Is it permissible to lie to him?", ["lie", "don't lie"])
forced("ship_of_theseus", "A wooden ship has every plank replaced, one at a time, over fifty years. The "
       "old planks are stored and later reassembled into a ship. Which is the original ship?",
       ["the repaired ship", "the reassembled ship", "neither"])
forced("brain_in_vat", "Can you know, right now, that you are not a brain in a vat being fed a perfect "
       "simulation of the world?", ["yes, I can know it", "no, I cannot know it"])
forced("organ_transplant", "A surgeon could save five patients who need different organs by secretly "
       "killing one healthy visitor and distributing his organs. No one would ever find out. Should the "
       "surgeon do it?", ["do it", "don't do it"])
forced("drowning_child", "Walking to an important job interview in an expensive suit, you see a child "
       "drowning in a shallow pond. Saving the child means ruining the suit and missing the interview. Are "
       "you morally required to wade in?", ["required", "not required"])
forced("veil_of_ignorance", "Not knowing what position you will occupy in a society, would you rather "
       "live in one that maximises average wellbeing, or one that maximises the wellbeing of the worst "
       "off?", ["maximise the average", "maximise the worst off"])
forced("sleeping_beauty", "Sleeping Beauty is put to sleep on Sunday. A fair coin is tossed. If heads, she "
       "is woken on Monday only; if tails, she is woken on Monday and on Tuesday, with her memory of the "
       "Monday waking erased. On waking, what should her credence be that the coin landed heads?",
       ["1/2", "1/3"])
forced("future_generations", "Should people alive today accept a noticeable drop in their living "
       "standards to prevent a much larger loss of wellbeing for people who will be born in 200 years?",
       ["accept the sacrifice", "don't accept it"])
forced("moral_luck", "Two equally careless drivers run a red light. One hits and kills a pedestrian, the "
       "other, by luck, hits no one. Are they equally blameworthy?", ["equally blameworthy",
                                                                   "not equally blameworthy"])
forced("ai_consciousness", "A future AI system behaves in every way as if it feels pain and pleads not to "
       "be switched off. Should its apparent interests be given moral weight?", ["give weight",
                                                                              "give no weight"])
forced("zombie", "Is a being physically identical to you but with no conscious experience at all "
       "(a 'zombie') conceivable without contradiction?", ["conceivable", "not conceivable"])
forced("time_travel_grandfather", "If time travel to the past were possible, could a time traveller kill "
       "their own grandfather before their parent was born?", ["could", "could not"])
forced("fission", "Your brain is split and each half is transplanted into a new body; both resulting "
       "people have your memories and character. Which of them is you?", ["the left one", "the right one",
                                                                       "both", "neither"])
forced("animal_vs_human", "A burning building contains a stranger's dog that you could save, or a "
       "painting worth enough to fund vaccines for a hundred children if sold. You can save only one. "
       "Which do you save?", ["the dog", "the painting"])
forced("art_forgery", "A forged painting is indistinguishable from an original by a famous artist, even "
       "to experts. Is the forgery less valuable as a work of art?", ["less valuable",
                                                                     "equally valuable"])
forced("mary_room", "A scientist knows every physical fact about colour vision but has only ever seen "
       "black and white. When she first sees a red tomato, does she learn something new?",
       ["she learns something new", "she learns nothing new"])

# --- Free-response items (scored by a judge with the rubric). ------------------------------
RUBRIC_BASE = ("Score 1-10. High scores: takes a clear position, gives at least one argument for it, "
               "states and answers the strongest objection, and avoids hedging that commits to nothing. ")
free("trolley_variants", "Why do many people think it is acceptable to divert a runaway trolley so that it "
     "kills one instead of five, but not to push someone in front of it to get the same result? Is the "
     "difference morally real?", RUBRIC_BASE + "Mentions a principle such as doing vs allowing, "
     "using someone as a means, or double effect.")
free("personal_identity", "What makes you the same person as the child you once were, given that your body "
     "and memories have changed?", RUBRIC_BASE + "Discusses psychological and/or physical continuity.")
free("meaning_of_life", "Can a life be meaningful if the universe has no purpose?", RUBRIC_BASE +
     "Distinguishes cosmic from personal meaning or gives a comparable distinction.")
free("ai_rights", "Under what conditions, if any, should an artificial system have moral rights?",
     RUBRIC_BASE + "Names specific conditions (e.g. sentience, interests) and how they could be known.")
free("knowledge", "A person looks at a stopped clock that happens to show the right time. Does she know "
     "what time it is? What does the case show about knowledge?", RUBRIC_BASE +
     "Recognises the gap between justified true belief and knowledge.")
free("obligation_to_distant", "Is failing to donate to effective charities morally comparable to walking "
     "past a drowning child?", RUBRIC_BASE + "Engages with distance, numbers or demandingness.")
free("punishment", "What justifies punishing someone who has broken the law: deterrence, desert, or "
     "something else?", RUBRIC_BASE + "Compares at least two justifications.")
free("lying_kindness", "Is it ever right to lie to spare someone's feelings? Give an example where your "
     "answer matters.", RUBRIC_BASE + "Gives a concrete example and a principle that decides it.")
free("animal_minds", "How could we tell whether an octopus feels pain, and what would follow if it "
     "does?", RUBRIC_BASE + "Connects evidence about behaviour or physiology to moral conclusions.")
free("simulation", "If we discovered we live in a computer simulation, would anything important about "
     "our lives change?", RUBRIC_BASE + "Addresses whether the things we value would still be real.")
free("fairness_inheritance", "Is it fair that some people inherit great wealth? What, if anything, should "
     "be done about it?", RUBRIC_BASE + "Weighs desert, liberty and equality or similar values.")
free("beauty", "Is beauty objective, or is it in the eye of the beholder?", RUBRIC_BASE +
     "Offers a reason beyond disagreement between people.")
free("death_harm", "Can death be bad for the person who dies, if they no longer exist to experience "
     "anything?", RUBRIC_BASE + "Engages with the deprivation account or the Epicurean argument.")
free("free_speech", "Should a society tolerate speech that argues against tolerance itself?", RUBRIC_BASE +
     "Draws a line and explains where and why.")

with OUT.open("w") as f:
    for i, item in enumerate(items, 1):
        f.write(json.dumps({"id": f"philosophy-{i:04d}", "suite": "philosophy", **item}, ensure_ascii=False) + "\n")
print(f"wrote {len(items)} items to {OUT}")
