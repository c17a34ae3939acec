#!/usr/bin/env python3
"""Inputs for benches/scaling.sh: the families of issue 17 (defects 1 and 2) and 29 adversarial
patterns, each a deterministic text of about a given size (standard library only).

    scaling.py list [--factor F]         NAME DEFAULT_1X_BYTES RSS_LIMIT, one a line
    scaling.py gen NAME BYTES OUT [--corpus DIR]

Every input but e-a-newline and f-wire-copy opens with a one-line headline, so that what
follows is the body. A generator writes BYTES bytes or a little more (up to the end of the
unit that passes BYTES; tiny-words, one-word and no-space-line are cut at BYTES), then the
headline is put before it; the same NAME and BYTES always give the same bytes (each
generator is seeded by its name). Families c and d keep their
long name and scale the repeated part after it. f-wire-copy reads the articles of DIR
(default ../shared/corpus from the repository) at run time and repeats them; their text
never enters the repository.
"""
import glob
import os
import random
import sys
import zlib

KB = 1000
MB = 1000 * KB

# Syllables for pseudo-words: 20 x 5 = 100 per syllable, so 3 syllables give 10^6 distinct words.
CONS = "bdfghklmnprstvzcjwxy"
VOWS = "aeiou"


def pseudo(i, syll=3, cap=True):
    """The i-th distinct pseudo-word (a bijection of i below 100**syll, scrambled)."""
    n = 100**syll
    i = (i * 7919 + 12345) % n  # 7919 is prime and coprime with 100**k: a permutation
    s = ""
    for _ in range(syll):
        i, d = divmod(i, 100)
        s += CONS[d // 5] + VOWS[d % 5]
    s += "n"
    return s.capitalize() if cap else s


def repeat(size, unit, sep=""):
    """unit(i) for i = 0, 1, ... joined by sep until the text reaches size bytes."""
    parts, n, i = [], 0, 0
    while n < size:
        p = unit(i) + sep
        parts.append(p)
        n += len(p.encode())
        i += 1
    return "".join(parts)


def head_then(head, size, unit, sep=""):
    """A fixed head, then unit(i) repeated up to size bytes in all (at least one unit)."""
    rest = max(size - len(head.encode()), 1)
    return head + repeat(rest, unit, sep)


def cut(text, size):
    return text.encode()[:size].decode("utf-8", "ignore")


GIVEN = ["Sergey", "Ivan", "Maria", "John", "Anna", "Vladimir", "Elena", "Peter", "Olga",
         "Michael", "Dmitry", "Sarah", "Alexei", "Nikolai", "Tatiana", "James", "Yuri", "Li"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Deputy Defense Minister",
          "Russian Ambassador", "Senator", "Governor", "Chief Executive", "General",
          "Finance Minister", "Spokesman", "Chairman", "Secretary of State", "Mayor",
          "Deputy Prime Minister", "Kremlin spokesman", "U.S. Secretary", "Judge"]
COUNTRIES = ["Russia", "Russian", "France's", "French", "Germany", "German", "China's",
             "Chinese", "United States", "American", "South Korea", "Vietnamese", "Brazil",
             "Brazilian", "India's", "Indian", "Japan", "Japanese", "Kosovo", "Soviet Union",
             "Britain", "British", "Iran's", "Iranian", "Turkey", "Turkish", "Egypt", "Egyptian"]
CITIES = ["MOSCOW", "WASHINGTON", "BEIJING", "PATRIOT PARK /Moscow Region/", "ST. PETERSBURG",
          "TAUPO, New Zealand", "RIO DE JANEIRO", "LONDON", "NEW DELHI", "TOKYO"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def sentence(r, i):
    """An ordinary-looking sentence for the newline and whitespace patterns."""
    return (f"{r.choice(TITLES)} {r.choice(GIVEN)} {pseudo(i)} said on {r.choice(DAYS)} "
            f"that {r.choice(COUNTRIES)} officials would meet in {pseudo(i + 1)}. "
            f"“We will build {pseudo(i + 2, 2, False)} ties,” he said.")


# ---- the families of issue 17 -------------------------------------------------------------
# Each generator: (size, rng, opts) -> str.

def fam_a(size, r, o):  # defect 1: a new title word per paragraph, a quote per paragraph
    return repeat(size, lambda i: f"{pseudo(i)} Minister Sergey Shoigu spoke. "
                                  f"“Yes,” the minister said.", "\n\n")


def fam_b(size, r, o):  # defect 1: short forms sharing a first word
    return repeat(size, lambda i: f"Alpha {pseudo(i)} Bank of Nowhere met. ")


def fam_c(size, r, o):  # defect 1: one long organization name, then the ministry quoted
    name = " ".join(pseudo(i) for i in range(400)) + " Ministry"
    return head_then(f"The {name} met on Monday.\n\n", size,
                     lambda i: "“Yes,” the ministry said. ")


def fam_d(size, r, o):  # defect 2: an acronym of a 100 KB name, used many times
    words, n = [], 0
    while n < 100 * KB:
        words.append(pseudo(len(words)))
        n += len(words[-1]) + 1
    return head_then(f"The {' '.join(words)} Agency (ABCD) met.\n\n", size,
                     lambda i: "ABCD agreed. ")


def fam_e(size, r, o):  # defect 2: a record of millions of one-letter paragraphs
    return "a\n" * ((size + 1) // 2)


def fam_f(size, r, o):  # defect 2: ordinary wire copy, the corpus articles as one file
    paths = sorted(glob.glob(os.path.join(o["corpus"], "*.txt")))
    if not paths:
        sys.exit(f"scaling.py: no articles in {o['corpus']}")
    texts = [open(p, encoding="utf-8").read().strip() for p in paths]
    return repeat(size, lambda i: texts[i % len(texts)], "\n\n")


# ---- 29 adversarial patterns ----------------------------------------------------------------

def p_no_space_line(size, r, o):  # one giant line: words glued by punctuation, no whitespace
    return cut(repeat(size, lambda i: pseudo(i) + r.choice(",.;:-/“”()")), size)


def p_one_word(size, r, o):  # a single capitalized word of the whole size
    block = "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(4099))
    return ("W" + block * (size // 4099 + 1))[:size]


def p_all_caps(size, r, o):
    return repeat(size, lambda i: f"{r.choice(TITLES).upper()} {r.choice(GIVEN).upper()} "
                                  f"{pseudo(i).upper()} OF THE {pseudo(i + 9).upper()} "
                                  f"MINISTRY SAID: “WE AGREE.” ", "\n")


def p_unclosed_quotes(size, r, o):  # one paragraph of opening marks that never close
    return repeat(size, lambda i: f"“{pseudo(i)} said {r.choice(GIVEN)} ")


def p_alternating_quotes(size, r, o):  # a mark on every word, “”«»"' in turn, glued to it
    marks = "“”«»\"'"
    return repeat(size, lambda i: f"{marks[i % 6]}{pseudo(i, 2)}" if i % 2 == 0
                  else f"{pseudo(i, 2, False)}{marks[i % 6]}", " ")


def p_nested_quotes(size, r, o):  # quotes nested 40 deep, repeated
    def unit(i):
        op, cl = "“«\"'", "”»\"'"
        d = 40
        return ("".join(f"{op[k % 4]}{pseudo(i + k, 2)} " for k in range(d))
                + "".join(f"{pseudo(i + k, 2, False)}{cl[k % 4]} " for k in reversed(range(d)))
                + "he said.")
    return repeat(size, unit, "\n\n")


def p_datelines(size, r, o):  # every line a dateline
    return repeat(size, lambda i: f"{CITIES[i % len(CITIES)]}, {MONTHS[i % 12]} "
                                  f"{i % 28 + 1}. /TASS/.", "\n")


def p_brackets(size, r, o):  # thousands of parentheses and unbalanced brackets
    return repeat(size, lambda i: r.choice(["(", "((", ")", "[", "]", "{", "(" + pseudo(i),
                                            pseudo(i) + ")", "/", "<", ">"]), " ")


def p_acronyms(size, r, o):  # (AB) (AC) ... a run of distinct acronyms after a name
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "The Joint Organization of Agencies " + repeat(
        size, lambda i: "(" + "".join(letters[(i // 26**k) % 26] for k in range(4)) + ")", " ")


def p_name_list(size, r, o):  # one sentence listing people, joined by commas and "and"
    return repeat(size, lambda i: f"{GIVEN[i % len(GIVEN)]} {pseudo(i)}"
                  + (" and" if i % 7 == 6 else ","), " ") + " met."


def p_titles_names(size, r, o):  # many distinct titles before distinct names
    return repeat(size, lambda i: f"{pseudo(i + 500)} {r.choice(TITLES)} "
                                  f"{r.choice(GIVEN)} {pseudo(i)} arrived.", " ")


def p_same_surname(size, r, o):  # one surname, ever new given names and patronymics
    return repeat(size, lambda i: f"{GIVEN[i % len(GIVEN)]} {pseudo(i)}ovich Ivanov said "
                                  f"Ivanov would come.", " ")


def p_countries(size, r, o):  # country names, demonyms and possessives, densely
    return repeat(size, lambda i: f"{r.choice(COUNTRIES)} and {r.choice(COUNTRIES)} "
                                  f"{r.choice(['officials', 'troops', 'leaders'])} met.", " ")


def p_of_chains(size, r, o):  # one chain: Bank of the Union of the League of the ...
    return "The " + repeat(size, lambda i: f"{r.choice(['Bank', 'Union', 'League'])} of the "
                                           f"{pseudo(i)}", " of the ") + " said."


def p_tiny_paragraphs(size, r, o):
    return repeat(size, lambda i: f"{pseudo(i, 1)}.", "\n\n")


def p_cr_only(size, r, o):
    return repeat(size, lambda i: sentence(r, i), "\r\r")


def p_mixed_newlines(size, r, o):
    return repeat(size, lambda i: sentence(r, i) + r.choice(["\r\n", "\n", "\r", "\r\n\r\n",
                                                             "\n\r", "\r\r\n"]))


def p_odd_whitespace(size, r, o):  # tabs, no-break spaces, line separators between words
    ws = ["\t", "\u00a0", "\u2028", "\u2029", "\u2009", "\u3000", "\u200b", "\v", "\f", " \t "]
    return repeat(size, lambda i: sentence(r, i).replace(" ", r.choice(ws)) + r.choice(ws))


def p_emoji_combining(size, r, o):  # emoji, ZWJ sequences, combining marks on names
    return repeat(size, lambda i: f"{pseudo(i)}\u0301\u0308 Mi\u0304nister 👩‍👩‍👧 said "
                                  f"🇷🇺🇺🇸 “Ye\u0327s 😀\ufe0f,” e\u0301\u0301\u0301.", "\n")


def p_cyrillic(size, r, o):  # Cyrillic pseudo-Russian with names and «quotes»
    al = "абвгдежзиклмнопрстуфхцчшщэюя"
    def w(i, cap):
        s = "".join(al[(i * 31 + k * 17) % len(al)] for k in range(3 + i % 5))
        return s.capitalize() if cap else s
    return repeat(size, lambda i: f"МОСКВА, 15 августа. /ТАСС/. {w(i, True)} {w(i + 3, True)} "
                                  f"заявил: «{w(i + 1, False)} {w(i + 2, False)}».", "\n\n")


def p_cues(size, r, o):  # "said X" and "according to X" over and over, nothing quoted
    return repeat(size, lambda i: r.choice([f"said {r.choice(GIVEN)} {pseudo(i)}.",
                                            f"{pseudo(i)} said.", "he said.",
                                            f"said the {pseudo(i)} ministry.",
                                            f"according to {pseudo(i)}.",
                                            f"According to the {pseudo(i)} Ministry, it fell.",
                                            "told reporters.", "it said."]), " ")


def p_whole_quote(size, r, o):  # one quote over every paragraph, closed at the end
    return repeat(size, lambda i: f"“{pseudo(i)} {pseudo(i + 1, 2, False)} will go on.",
                  "\n\n") + "”\n\nhe said."


def p_dates(size, r, o):  # digits and dates everywhere
    return repeat(size, lambda i: f"On {DAYS[i % 7]}, {MONTHS[i % 12]} {i % 31 + 1}, "
                                  f"{1000 + i % 9000}, at {i % 24}:{i % 60:02d} "
                                  f"{i * 7919 % 100000}.{i % 100} 15.08.2023 Aug. 15 1,234,567.",
                  " ")


def p_urls_emails(size, r, o):
    return repeat(size, lambda i: f"https://www.{pseudo(i, 2, False)}.com/News/{pseudo(i)}?"
                                  f"id={i}&Lang=EN {pseudo(i, 2, False)}.{pseudo(i + 1, 2, False)}"
                                  f"@Example.Org www.Tass.Com/{i}", " ")


def p_furniture(size, r, o):  # site furniture lines, over and over
    return repeat(size, lambda i: r.choice(["All news", "Read more", "Share", "Politics",
                                            f"{i % 24:02d}:{i % 60:02d}",
                                            f"{MONTHS[i % 12]} {i % 28 + 1}, 2023",
                                            "Reporting by " + pseudo(i)]), "\n")


def p_hyphen_compounds(size, r, o):  # Capitalized-Hyphenated-Compounds, long and distinct
    return repeat(size, lambda i: "-".join(pseudo(i + k) for k in range(1 + i % 12))
                  + " talks", " ")


def p_possessives(size, r, o):  # X's Y's Z's ...
    return repeat(size, lambda i: f"{pseudo(i)}'s", " ") + " house."


def p_commas(size, r, o):  # long sentences with hundreds of commas
    return repeat(size, lambda i: ", ".join(pseudo(i * 300 + k, 2, k % 3 == 0)
                                            for k in range(300)) + ".", " ")


def p_tiny_words(size, r, o):  # millions of tiny words: a b c ...
    return ("a b c d e f g h i j k l m n o p q r s t u v w x y z " * (size // 52 + 1))[:size]


# name: (generator, default 1x bytes, RSS limit as a multiple of the input)
FAMILIES = {
    "a-minister-quotes": (fam_a, 250 * KB, 16),
    "b-bank-short-forms": (fam_b, 250 * KB, 16),
    "c-long-org-quotes": (fam_c, 250 * KB, 16),
    "d-acronym-of-long-name": (fam_d, 250 * KB, 16),
    "e-a-newline": (fam_e, None, 16),  # 10 MB at the factor's size
    "f-wire-copy": (fam_f, 25 * MB, 4),
}
PATTERNS = {
    "no-space-line": p_no_space_line, "one-word": p_one_word, "all-caps": p_all_caps,
    "unclosed-quotes": p_unclosed_quotes, "alternating-quotes": p_alternating_quotes,
    "nested-quotes": p_nested_quotes, "datelines": p_datelines, "brackets": p_brackets,
    "acronyms": p_acronyms, "name-list": p_name_list, "titles-names": p_titles_names,
    "same-surname": p_same_surname, "countries": p_countries, "of-chains": p_of_chains,
    "tiny-paragraphs": p_tiny_paragraphs, "cr-only": p_cr_only,
    "mixed-newlines": p_mixed_newlines, "odd-whitespace": p_odd_whitespace,
    "emoji-combining": p_emoji_combining, "cyrillic": p_cyrillic, "cues": p_cues,
    "whole-quote": p_whole_quote, "dates": p_dates,
    "urls-emails": p_urls_emails, "furniture": p_furniture,
    "hyphen-compounds": p_hyphen_compounds, "possessives": p_possessives, "commas": p_commas,
    "tiny-words": p_tiny_words,
}
assert len(PATTERNS) == 29, len(PATTERNS)
TABLE = dict(FAMILIES)
TABLE.update({k: (g, 1 * MB, 16) for k, g in PATTERNS.items()})


def main(argv):
    if argv[:1] == ["list"]:
        factor = float(argv[argv.index("--factor") + 1]) if "--factor" in argv else 4
        for name, (_, base, limit) in TABLE.items():
            print(name, base if base else int(10 * MB / factor), limit)
        return
    if argv[:1] != ["gen"] or len(argv) < 4:
        sys.exit(__doc__)
    name, size, out = argv[1], int(argv[2]), argv[3]
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = os.path.join(here, "..", "..", "shared", "corpus")
    if "--corpus" in argv:
        corpus = argv[argv.index("--corpus") + 1]
    if name not in TABLE:
        sys.exit(f"scaling.py: no input named {name}")
    rng = random.Random(zlib.crc32(name.encode()))
    text = TABLE[name][0](size, rng, {"corpus": corpus})
    if name not in ("e-a-newline", "f-wire-copy"):
        # A headline first, so that the pattern is the body (a first line is the headline,
        # and a headline's names are mostly not looked for).
        text = "Officials meet in Moscow" + ("\r\r" if name == "cr-only" else "\n\n") + text
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
