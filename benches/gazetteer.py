#!/usr/bin/env python3
"""A synthetic user gazetteer of N entities, for timing --gazetteer (start-up, memory, batch
speed): benches/gazetteer.py N OUT.tsv|OUT.jsonl. Deterministic; standard library only.

Names are made of pseudo-words (a capital and syllables), so that almost none is in an
article: what is measured is the cost of holding and asking the tables, as with a real
field gazetteer of rare names. People get two words and a surname alias, organizations
three words and an acronym, events two words and "Forum". Names repeat after 421,875
entities (their ids do not).
"""
import json
import sys

CONS = "bdfghklmnprstvz"
VOWS = "aeiou"


def word(i, syll=3):
    s = ""
    for _ in range(syll):
        i, d = divmod(i, 75)
        s += CONS[d // 5] + VOWS[d % 5]
    return s.capitalize()


def entities(n):
    for k in range(n):
        kind = ("person", "organization", "event")[k % 3]
        if kind == "person":
            name = f"{word(k)} {word(k * 7 + 1)}"
            aliases = [name.split()[1]]
        elif kind == "organization":
            name = f"{word(k)} {word(k + 3)} Holdings"
            aliases = ["".join(w[0] for w in name.split()) + word(k, 1).upper()]
        else:
            name = f"{word(k)} Forum"
            aliases = []
        yield kind, name, aliases, f"Q{10_000_000 + k}"


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    label = {"person": "PERSON", "organization": "ORG", "event": "EVENT"}
    with open(out, "w", encoding="utf-8") as f:
        for kind, name, aliases, qid in entities(n):
            if out.endswith(".jsonl"):
                for form in [name] + aliases:
                    f.write(json.dumps({"label": label[kind], "pattern": form, "id": qid}) + "\n")
            else:
                f.write(f"{kind}\t{name}\t{'|'.join(aliases)}\t{qid}\n")


if __name__ == "__main__":
    main()
