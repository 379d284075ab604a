#!/usr/bin/env python3
"""A round of corpus messages from outside writers (docs/understanding.md, "Growing the corpus").

  scripts/corpus-round.py arrive OUT W1 [W2 ...]   the writers' rows, checked, as a corpus directory OUT whose held-out
                                                   half is the whole round (tuning empty), played as shipped and by the
                                                   rules alone before anything is read (BENCH=a copy of the benchmark
                                                   dll built at the commit the round arrives on)
  scripts/corpus-round.py split "TITLE" W1 [W2 ...] append the checked rows to corpus/intents, every other row of each
                                                   writer and label to the tuning and held-out halves, under "# TITLE"

Each writer directory holds first.tsv (intent | category | ward | place | message) and flow.tsv
(step | expected | value | message), written from corpus/intents/writer-brief.md. Rows with a wrong column count or an
unknown label are dropped and counted (their line numbers printed, not their text); a flow row written with value and
message swapped is swapped back; a row repeating a corpus row or an earlier row of the round is dropped.
"""
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus", "intents")

INTENTS = {"complaint", "danger", "khieunai", "tocao", "status", "lookup", "question", "abuse", "spam", "greeting",
           "help", "info", "thanks", "unknown"}
STEPS = {"category", "description", "place", "area", "attachments", "contact", "confirm", "editchoice", "problemoffer",
         "fixed"}
EXPECTED = {"answer", "cancel", "back", "skip", "edit", "correct", "newproblem", "fixed", "notfixed"}
FIELD_VALUE = re.compile(r"^(description|address|phone|name|category|area)=")


def key(message):
    """Two rows are one when they differ only in case, spacing or final punctuation."""
    text = unicodedata.normalize("NFC", message).lower()
    return re.sub(r"[\s.!?…]+", " ", text).strip()


def rows(path, columns):
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield number, [p.strip() for p in line.split(" | ", columns - 1)]


def seen_in_corpus():
    seen = set()
    for name, columns in [("tuning.tsv", 5), ("heldout.tsv", 5), ("validation.tsv", 5)]:
        seen.update(("first", key(p[-1])) for _, p in rows(os.path.join(CORPUS, name), columns) if len(p) == columns)
    for name in ["flow-tuning.tsv", "flow-heldout.tsv", "flow-validation.tsv"]:
        seen.update(("flow", p[0], key(p[-1])) for _, p in rows(os.path.join(CORPUS, name), 4) if len(p) == 4)
    return seen


def checked(writers):
    """Each writer's (first rows, flow rows), checked; what was dropped is reported on stderr."""
    seen = seen_in_corpus()
    result = []
    for writer in writers:
        first, flow, dropped = [], [], []
        for number, p in rows(os.path.join(writer, "first.tsv"), 5):
            if len(p) != 5 or p[0] not in INTENTS or not p[4]:
                dropped.append(f"first.tsv:{number} (format)")
            elif ("first", key(p[4])) in seen:
                dropped.append(f"first.tsv:{number} (repeat)")
            else:
                seen.add(("first", key(p[4])))
                first.append(" | ".join(p))
        for number, p in rows(os.path.join(writer, "flow.tsv"), 4):
            # "… | message | -", "… | message | yes": a bare value word after a message of several words.
            bare_value = len(p) == 4 and re.fullmatch(r"-|[a-z]+|[A-Z_]+", p[3]) is not None and " " in p[2].strip() and not FIELD_VALUE.match(p[2])
            if len(p) == 4 and (FIELD_VALUE.match(p[3]) or bare_value or (p[2] not in ("-", "") and p[2].lower() not in p[3].lower() and p[3].lower() in p[2].lower())):
                p = [p[0], p[1], p[3], p[2]]  # written as "… | message | value"
            if len(p) != 4 or p[0] not in STEPS or p[1] not in EXPECTED or not p[3]:
                dropped.append(f"flow.tsv:{number} (format)")
            elif ("flow", p[0], key(p[3])) in seen:
                dropped.append(f"flow.tsv:{number} (repeat)")
            else:
                seen.add(("flow", p[0], key(p[3])))
                flow.append(" | ".join(p))
        if dropped:
            print(f"{writer}: dropped {len(dropped)}: {', '.join(dropped)}", file=sys.stderr)
        result.append((first, flow))
    return result


def arrive(out, writers):
    os.makedirs(out, exist_ok=True)
    for name in ["province.json", "articles.json"]:
        with open(os.path.join(CORPUS, name), encoding="utf-8") as src, open(os.path.join(out, name), "w", encoding="utf-8") as dst:
            dst.write(src.read())
    parts = checked(writers)
    files = {"tuning.tsv": [], "flow-tuning.tsv": [],
             "heldout.tsv": [r for first, _ in parts for r in first],
             "flow-heldout.tsv": [r for _, flow in parts for r in flow]}
    for name, lines in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.writelines(line + "\n" for line in lines)
    print(f"round: {len(files['heldout.tsv'])} first messages, {len(files['flow-heldout.tsv'])} typed answers -> {out}", file=sys.stderr)
    # Played as shipped (the phrases with the model) and by the rules alone, on the build named by BENCH.
    bench = os.environ.get("BENCH", os.path.join(ROOT, "tests/ZaloBot.Benchmarks/bin/Release/net10.0/ZaloBot.Benchmarks.dll"))
    for title, extra in [("as shipped", []), ("rules alone", ["--phrases-only"])]:
        print(f"=== {title}", flush=True)
        subprocess.run(["dotnet", bench, "intents", out, *extra], check=True)


def split(title, writers):
    halves = {"tuning.tsv": [], "heldout.tsv": [], "flow-tuning.tsv": [], "flow-heldout.tsv": []}
    for first, flow in checked(writers):
        # Every other row of each writer and label, so both halves see every persona and every intent or answer kind.
        seen = {}
        for row in first:
            label = ("first", row.split(" | ")[0])
            seen[label] = seen.get(label, -1) + 1
            halves["tuning.tsv" if seen[label] % 2 == 0 else "heldout.tsv"].append(row)
        for row in flow:
            label = ("flow", row.split(" | ")[1])
            seen[label] = seen.get(label, -1) + 1
            halves["flow-tuning.tsv" if seen[label] % 2 == 0 else "flow-heldout.tsv"].append(row)
    for name, lines in halves.items():
        with open(os.path.join(CORPUS, name), "a", encoding="utf-8") as f:
            f.write(f"# {title}\n")
            f.writelines(line + "\n" for line in lines)
        print(f"{name}: +{len(lines)}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "arrive":
        arrive(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) >= 4 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
