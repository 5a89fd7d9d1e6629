"""Bad input (issue 8): texts shaped unlike news, analyzed without a crash, in linear time.

    python bench/bad_input.py

Five kinds of generated text, each at three sizes (the largest is the issue's: 50,000 words
without sentence punctuation or in capitals, 300 "Q:"/"A:" turns, 500 headline-like lines with
colons, a 50,000-word article). Each size is analyzed by claimgraph (``analyze_many`` with
``plain``, the pipeline ``claimgraph analyze --plain`` runs) beside bare spaCy's ``nlp`` on the
same text, in the same run. Targets: no crash; time linear: claimgraph's time over spaCy's
(whose parse is linear by construction) at the largest size within LINEAR_SLACK of that ratio
at the smallest, so that a shared machine's load, which moves both, cancels out (the raw growth
of seconds per word is printed beside it); no speaker taken from a headline line's label. The smallest size of each kind also goes through the command
line, which must exit 0 without a traceback. The texts are invented here; no data is read.
Writes bench/results/bad_input.json.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import environment, write_result

import spacy

from claimgraph.api import analyze_many
from claimgraph.settings import get_settings

LINEAR_SLACK = 1.5  # our time over spaCy's at 4x the size within 1.5x of that at 1x
CLI = str(Path(sys.executable).with_name("claimgraph"))

NAMES = ["Maria Lopez", "Tom Becker", "Ana Ruiz", "Omar Haddad", "Lena Fischer", "Kofi Mensah"]
PLACES = ["the harbour", "the council", "the port", "the school board", "the clinic", "the mill"]
VERBS = ["said", "told reporters", "added", "warned", "noted", "believes", "wants"]
LABELS = ["WATCH", "Analysis", "Opinion", "UPDATE", "Poll", "Harbour", "Live", "Explainer",
          "Julian Assange", "Maria Lopez", "Port strike", "Video"]


def sentences(rng: random.Random):
    """An endless stream of invented news sentences."""
    while True:
        who, where = rng.choice(NAMES), rng.choice(PLACES)
        n = rng.randint(2, 900)
        yield rng.choice([
            f"{who} {rng.choice(VERBS)} that {where} would reopen within {n} days.",
            f"“We will not give up on {where},” {who} said on Monday.",
            f"According to {who}, {n} people were waiting outside {where}.",
            f"{where.capitalize()} may close if funding is not found, officials said.",
            f"The report found that {n} workers had left {where} since spring.",
            f"Residents gathered near {where} as rain fell over the valley.",
        ])


def article(words: int, rng: random.Random) -> str:
    out, count, para = [], 0, []
    for sentence in sentences(rng):
        para.append(sentence)
        count += len(sentence.split())
        if len(para) == 4:
            out.append(" ".join(para))
            para = []
        if count >= words:
            break
    return "\n\n".join(out + ([" ".join(para)] if para else []))


def no_punctuation(words: int, rng: random.Random) -> str:
    return article(words, rng).translate(str.maketrans("", "", ".,;:!?“”\"")).replace("\n\n", " ")


def all_caps(words: int, rng: random.Random) -> str:
    return article(words, rng).upper()


def transcript(turns: int, rng: random.Random) -> str:
    stream = sentences(rng)
    lines = []
    for k in range(turns):
        lines.append(f"{'Q' if k % 2 == 0 else 'A'}: {next(stream)} {next(stream)}")
    return "\n".join(lines)


def headlines(lines: int, rng: random.Random) -> str:
    out = []
    for _ in range(lines):
        who, where = rng.choice(NAMES), rng.choice(PLACES)
        out.append(f"{rng.choice(LABELS)}: {rng.choice([who, where.capitalize()])} "
                   f"{rng.choice(['faces', 'drops', 'backs', 'wins', 'loses'])} "
                   f"{rng.choice(['appeal', 'vote', 'funding', 'case', 'bid'])} over {where}")
    return "\n".join(out)


# kind -> (generator, sizes, unit): the largest size is the issue's.
KINDS = {
    "no_punctuation": (no_punctuation, (12_500, 25_000, 50_000), "words"),
    "all_caps": (all_caps, (12_500, 25_000, 50_000), "words"),
    "transcript": (transcript, (75, 150, 300), "turns"),
    "headlines": (headlines, (125, 250, 500), "lines"),
    "long_article": (article, (12_500, 25_000, 50_000), "words"),
}


def label_speakers(analysis) -> int:
    """Quotes whose speaker is a line's label ("Label: ..." with the colon as the cue)."""
    return sum(1 for q in analysis.quotes if q.cue is not None and q.cue.text == ":")


def through_cli(text: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run([CLI, "analyze", "--plain", "--format", "jsonl", str(path)],
                              capture_output=True, text=True, check=False)
    return {"exit_code": done.returncode, "traceback": "Traceback" in done.stderr}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS), help="Kinds to run, comma-separated.")
    args = parser.parse_args()
    settings = get_settings()
    bare = spacy.load(settings.spacy_model)
    bare.max_length = max(bare.max_length, settings.max_chars + 1)
    next(analyze_many(["Warm-up: the pipeline loads once."], plain=True))
    results, ok = {}, True
    print(f"{'input':<16}{'size':>8}{'words':>8}{'spaCy s':>9}{'ours s':>9}{'ours/spaCy':>11}"
          f"{'quotes':>8}{'label spk':>10}")
    for kind in args.kinds.split(","):
        make, sizes, unit = KINDS[kind]
        rows = []
        for size in sizes:
            text = make(size, random.Random(size))
            words = len(text.split())
            start = time.perf_counter()
            bare(text)
            spacy_s = time.perf_counter() - start
            start = time.perf_counter()
            try:
                analysis = next(analyze_many([text], plain=True, settings=settings))
                error = None
            except Exception as err:  # a crash is what this benchmark looks for
                analysis, error = None, f"{type(err).__name__}: {err}"
            ours_s = time.perf_counter() - start
            row = {"size": size, "unit": unit, "words": words, "spacy_s": round(spacy_s, 3),
                   "claimgraph_s": round(ours_s, 3), "error": error,
                   "quotes": len(analysis.quotes) if analysis else None,
                   "label_speakers": label_speakers(analysis) if analysis else None}
            rows.append(row)
            print(f"{kind:<16}{size:>8}{words:>8}{spacy_s:>9.2f}{ours_s:>9.2f}"
                  f"{ours_s / spacy_s:>11.2f}{row['quotes'] or 0:>8}{row['label_speakers'] or 0:>10}"
                  + (f"  CRASH {error}" if error else ""))
        growth = {
            side: round((rows[-1][f"{side}_s"] / rows[-1]["words"])
                        / (rows[0][f"{side}_s"] / rows[0]["words"]), 2)
            for side in ("spacy", "claimgraph")
        }
        growth["relative"] = round(growth["claimgraph"] / growth["spacy"], 2)
        cli = through_cli(make(sizes[0], random.Random(sizes[0])))
        met = (all(r["error"] is None for r in rows) and growth["relative"] <= LINEAR_SLACK
               and cli["exit_code"] == 0 and not cli["traceback"]
               and (kind != "headlines" or all(r["label_speakers"] == 0 for r in rows)))
        ok = ok and met
        print(f"{'':<16}seconds per word at 4x / at 1x: spaCy {growth['spacy']}, claimgraph "
              f"{growth['claimgraph']}, relative {growth['relative']} (target <= {LINEAR_SLACK}); "
              f"command line exit "
              f"{cli['exit_code']}{', traceback' if cli['traceback'] else ''}: "
              f"{'met' if met else 'MISSED'}")
        results[kind] = {"rows": rows, "per_word_growth": growth, "cli": cli, "met": met}
    write_result("bad_input", {
        **environment(settings.spacy_model),
        "anchor": "bare spaCy nlp(text), same model, same texts, same run",
        "targets": {"crash": "none", "relative_growth_max": LINEAR_SLACK,
                    "headline_label_speakers": 0, "cli_exit_code": 0},
        "kinds": results, "all_met": ok,
    })
    print(json.dumps({"all_met": ok}))


if __name__ == "__main__":
    main()
