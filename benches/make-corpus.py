#!/usr/bin/env python3
"""A JSON Lines batch of about MB megabytes: the articles of CORPUS (*.txt, sorted) repeated,
one {"id": "ROUND/NAME", "text": ...} a line, written to OUT; with --folder DIR, the same
articles also as files, DIR/ROUND/NAME. Used by compare.sh and ab.sh.

    make-corpus.py CORPUS MB OUT [--folder DIR]
"""
import glob
import json
import os
import sys

args = sys.argv[1:]
folder = None
if "--folder" in args:
    i = args.index("--folder")
    folder = args[i + 1]
    del args[i : i + 2]
corpus, mb, out = args[0], float(args[1]), args[2]
articles = [
    (os.path.basename(p), open(p, encoding="utf-8").read())
    for p in sorted(glob.glob(os.path.join(corpus, "*.txt")))
]
size = n = rounds = 0
with open(out, "w", encoding="utf-8") as f:
    while size < mb * 1e6:
        for name, text in articles:
            line = json.dumps({"id": f"{rounds}/{name}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
            n += 1
            if folder:
                path = os.path.join(folder, str(rounds), name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as g:
                    g.write(text)
        rounds += 1
print(f"corpus: {n} articles, {size / 1e6:.1f} MB ({len(articles)} articles x {rounds})", file=sys.stderr)
