"""Fuzzing extract + analyze: any bytes in, an Analysis or a typed ClaimgraphError out.

    python bench/fuzz.py --data ../shared/data/article-extraction-benchmark --runs 100000

Two phases, one process, the spaCy pipeline loaded once:

1. Hostile inputs, each run whole: nesting 100,000 elements deep, a 10 MB attribute, a text
   with characters of every Unicode category, NUL bytes, mixed encodings, bidi controls,
   UTF-16 without a mark, and more (``hostile()``).
2. Coverage-guided fuzzing with atheris (libFuzzer) for ``--runs`` inputs of at most
   ``--max-len`` bytes (small, so that analysis stays fast), seeded with the benchmark's
   pages cut to that length and the hostile inputs' openings.

The time cap of an input is measured beside its anchor: analyzing ordinary prose of 20,000
characters gives this machine's seconds per character now; an input may take MIN_CAP seconds
plus CAP_FACTOR times that rate for its size, so that only work growing faster than the text
(or stuck) goes over. ``--max-seconds`` ends the fuzzing phase early (results kept).

A crash is any exception other than ClaimgraphError, or a result that breaks the contract
(a span whose text is not ``text[start:end]``, an offset outside the text, a reference to an
id that does not exist, JSON that does not validate against the published schema). Crashes
and inputs over the cap are listed (with the input's SHA-1 and first bytes) in
bench/results/fuzz.json; the inputs themselves go to bench/results/fuzz-crashes/.
Needs the `fuzz` extra (pip install -e '.[fuzz]').
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import signal
import sys
import tempfile
import time
import traceback
import unicodedata
from pathlib import Path

from common import RESULTS, bench_arg_parser, environment, write_result

MIN_CAP = 10.0
CAP_FACTOR = 3.0
ANCHOR_CHARS = 20_000
SEED_PAGES = 60
PROSE = "“We will not back down,” the mayor, Rosa Lind, said on Tuesday in Harbourton. "


# Reasons of the errors that stand in for an unexpected fault (claimgraph.api, .analyze.pipeline).
_SAFETY_NET = ("extraction failed (", "analysis failed (")


class TimeCap(Exception):
    """Raised inside the target when an input runs over its cap."""


def check_analysis(analysis) -> None:
    """Raise AssertionError when ``analysis`` breaks the output contract."""
    for name, span in _spans(analysis.model_dump()):
        text = getattr(analysis, span.get("field", "text")) or ""  # body, title or dek
        assert 0 <= span["start"] <= span["end"] <= len(text), f"{name} offsets outside the text"
        if "text" in span:
            assert text[span["start"]:span["end"]] == span["text"], f"{name} text is not its span"
    entities = {e.id for e in analysis.entities}
    quotes = {q.id for q in analysis.quotes}
    claims = {c.id for c in analysis.claims}
    for quote in analysis.quotes:
        assert quote.nested_in is None or quote.nested_in in quotes, "unknown nested_in"
        assert quote.speaker is None or quote.speaker.entity in entities | {None}, "unknown entity"
    for claim in analysis.claims:
        assert claim.source in entities | {None}, "claim source is no entity"
        assert claim.quote in quotes | {None}, "claim quote is no quote"
    for quantity in analysis.quantities:
        assert quantity.claim in claims | {None}, "quantity claim is no claim"
    _validate(json.loads(analysis.model_dump_json()))


def _spans(value, name: str = "analysis"):
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield name, value
        for key, item in value.items():
            if key not in ("posts", "boilerplate"):
                yield from _spans(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from _spans(item, name)


_validator = None


def _validate(document: dict) -> None:
    global _validator
    if _validator is None:
        import jsonschema

        from claimgraph.model import Analysis

        _validator = jsonschema.Draft202012Validator(Analysis.model_json_schema())
    _validator.validate(document)


def hostile() -> dict[str, bytes]:
    """Inputs built to hurt: each named for what it tries."""
    para = PROSE
    every_category: dict[str, list[str]] = {}
    for code in range(0x110000):
        char = chr(code)
        bucket = every_category.setdefault(unicodedata.category(char), [])
        if len(bucket) < 40:
            bucket.append(char)
    mixed_chars = "".join("".join(chars) for chars in every_category.values())
    printable = "".join("".join(chars) for kind, chars in every_category.items()
                        if kind not in ("Cc", "Cs"))
    bidi = "\u202e\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200e\u200f\u061c"
    return {
        "nesting 100k deep": ("<html><body>" + "<div>" * 100_000 + f"<p>{para}</p>"
                              + "</div>" * 100_000 + "</body></html>").encode(),
        "nesting 100k unclosed": ("<html><body>" + "<span><b>" * 50_000 + para).encode(),
        "10 MB attribute": (f'<html><body><p title="{"x" * 10_000_000}">{para * 3}</p>'
                            "</body></html>").encode(),
        "10 MB text without breaks": ("word" * 2_500_000).encode(),
        "every Unicode category": mixed_chars.encode("utf-8", "surrogatepass"),
        "every category in HTML": (f"<html><body><p>{para}{mixed_chars}</p></body></html>")
        .encode("utf-8", "surrogatepass"),
        "every category but controls": (f"{para}\n\n{printable}\n\n{para}").encode(),
        "NUL bytes in text": (para.replace(" ", " \x00") * 20).encode(),
        "NUL bytes in HTML": f"<html><body><p>{para}\x00</p>\x00\x00</body></html>".encode(),
        "mixed encodings": (para * 5).encode() + ("Café déclaré " * 20).encode("cp1252")
        + ("港は再開した。" * 20).encode("shift_jis") + (para * 5).encode("utf-16-le"),
        "bidi controls": ((bidi + para) * 30).encode(),
        "bidi controls in HTML": (f"<html><body><p dir='rtl'>{bidi}{para * 5}{bidi}</p>"
                                  f"<p>{bidi * 50}</p></body></html>").encode(),
        "UTF-16 without a mark": (para * 20).encode("utf-16-be"),
        "BOM then binary": b"\xef\xbb\xbf" + bytes(range(256)) * 40,
        "unclosed quote marks": ("“" * 5000 + para + "”" * 3000).encode(),
        "100k spaced quote marks": ("\" " * 100_000).encode(),
        "only markup": b"<html><head><script>var a = '<p>';</script></head></html>" * 100,
        "comment never closed": b"<html><body><!-- " + para.encode() * 100,
        "CDATA and entities": (b"<html><body><p><![CDATA[" + b"&#0;&#xD800;&#x110000;&amp"
                               * 2000 + b"]]></p></body></html>"),
        "numbers everywhere": (" ".join(str(n) * (n % 7 + 1) for n in range(20000))).encode(),
        "one long sentence": ("and the mayor said that " * 8_000).encode(),
        "control characters": bytes(range(1, 32)) * 300 + para.encode(),
        "empty": b"",
        "whitespace": b" \n\t\r\n  " * 1000,
    }


def main() -> None:
    parser = bench_arg_parser(__doc__, "article-extraction-benchmark")
    parser.add_argument("--runs", type=int, default=100_000, help="Fuzzed inputs to run.")
    parser.add_argument("--max-len", type=int, default=512, help="Largest fuzzed input (bytes).")
    parser.add_argument("--max-seconds", type=float, default=0,
                        help="End the fuzzing phase after this long (0: run all --runs).")
    parser.add_argument("--no-hostile", action="store_true", help="Skip the hostile inputs.")
    parser.add_argument("--replay", type=Path, metavar="DIR",
                        help="Instead of fuzzing, run every input saved in DIR (e.g. the "
                        "crashes of an earlier run) through the same checks; results go to "
                        "bench/results/fuzz-replay.json.")
    args = parser.parse_args()

    import atheris

    with atheris.instrument_imports(include=["claimgraph"]):
        from claimgraph.analyze.pipeline import analyze_articles, load_nlp
        from claimgraph.api import to_article
        from claimgraph.errors import ClaimgraphError
        from claimgraph.model import RawDocument
        from claimgraph.settings import get_settings

    settings = get_settings()
    nlp = load_nlp(settings.spacy_model)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    state = {"runs": 0, "analyzed": 0, "refused": 0, "crashes": [], "over_cap": [],
             "slowest_s": 0.0, "reasons": {}}
    crash_dir = RESULTS / "fuzz-crashes"

    def one(data: bytes, label: str) -> None:
        state["runs"] += 1
        if state["runs"] % 500 == 0:
            report()  # libFuzzer ends the process without running atexit handlers
        cap = MIN_CAP + CAP_FACTOR * rate * len(data)
        signal.setitimer(signal.ITIMER_REAL, cap)
        start = time.perf_counter()
        try:
            raw = RawDocument(source="<fuzz>", data=data)
            article = to_article(raw, False, "<fuzz>", settings)
            [analysis] = list(analyze_articles(nlp, [article]))
            check_analysis(analysis)
            state["analyzed"] += 1
        except ClaimgraphError as error:
            if error.reason.startswith(_SAFETY_NET):  # a fault the batch survives, still a bug
                state["crashes"].append(_entry(label, data, error.reason[:250], crash_dir))
                return
            state["refused"] += 1
            reason = error.reason.split(" (", 1)[0][:60]
            state["reasons"][reason] = state["reasons"].get(reason, 0) + 1
        except TimeCap:
            state["over_cap"].append(_entry(label, data, f"over the {cap:.0f} s cap", crash_dir))
        except Exception as error:  # noqa: BLE001  (every other exception is a finding)
            where = traceback.extract_tb(error.__traceback__)[-1]
            state["crashes"].append(_entry(
                label, data, f"{type(error).__name__}: {str(error)[:200]} "
                f"({Path(where.filename).name}:{where.lineno})", crash_dir))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            state["slowest_s"] = max(state["slowest_s"], time.perf_counter() - start)

    def on_alarm(signum, frame):
        raise TimeCap()

    signal.signal(signal.SIGALRM, on_alarm)
    anchor = (PROSE * (ANCHOR_CHARS // len(PROSE) + 1))[:ANCHOR_CHARS]
    list(analyze_articles(nlp, [to_article(anchor.encode(), True, "anchor", settings)]))
    t0 = time.perf_counter()
    list(analyze_articles(nlp, [to_article(anchor.encode(), True, "anchor", settings)]))
    rate = (time.perf_counter() - t0) / ANCHOR_CHARS
    print(f"anchor: {rate * 1000:.3f} s per 1,000 characters of prose; cap "
          f"{MIN_CAP:.0f} s + {CAP_FACTOR:.0f} x that rate per input byte", flush=True)
    started = time.perf_counter()
    hostile_inputs = {} if args.no_hostile else hostile()
    hostile_seconds: dict[str, float] = {}
    seeds: list[bytes] = []
    for name, data in hostile_inputs.items():
        t0 = time.perf_counter()
        one(data, name)
        hostile_seconds[name] = round(time.perf_counter() - t0, 2)
        print(f"hostile: {name:<28}{hostile_seconds[name]:>8.2f}s", flush=True)
    hostile_runs = state["runs"]

    seeds += _seeds(args.data, args.max_len, hostile_inputs)

    def report(final: bool = False) -> None:
        fuzzed = state["runs"] - hostile_runs
        if not final:
            return _write(fuzzed)
        print(f"{state['runs']:,} inputs ({hostile_runs} hostile, {fuzzed:,} fuzzed): "
              f"{state['analyzed']:,} analyzed, {state['refused']:,} refused with a typed error, "
              f"{len(state['crashes'])} crashes, {len(state['over_cap'])} over the time cap; "
              f"slowest {state['slowest_s']:.1f}s")
        _write(fuzzed)

    def _write(fuzzed: int) -> None:
        write_result("fuzz-replay" if args.replay else "fuzz", {
            **environment(settings.spacy_model), "runs": state["runs"],
            "hostile_runs": hostile_runs, "fuzzed_runs": fuzzed, "max_len": args.max_len,
            "seeds": len(seeds), "analyzed": state["analyzed"], "refused": state["refused"],
            "refusal_reasons": state["reasons"], "crashes": state["crashes"],
            "over_cap": state["over_cap"], "anchor_s_per_char": rate, "cap_min_s": MIN_CAP,
            "cap_factor": CAP_FACTOR,
            "hostile_seconds": hostile_seconds, "slowest_s": state["slowest_s"],
            "seconds": time.perf_counter() - started,
            "meets_target": (bool(args.replay) or fuzzed >= 100_000)
            and not state["crashes"] and not state["over_cap"],
        })

    if args.replay:
        crash_dir = Path(tempfile.mkdtemp(prefix="claimgraph-replay-"))  # keep DIR as it is
        for path in sorted(args.replay.iterdir()):
            one(path.read_bytes(), f"replayed {path.name}")
        report(final=True)
        return

    def fuzz_one(data: bytes) -> None:
        one(data, "fuzzed")
        fuzzed = state["runs"] - hostile_runs
        late = args.max_seconds and time.perf_counter() - fuzz_start > args.max_seconds
        if fuzzed >= args.runs or late:
            report(final=True)
            sys.stdout.flush()
            os._exit(0)

    fuzz_start = time.perf_counter()
    corpus = Path(tempfile.mkdtemp(prefix="claimgraph-fuzz-"))  # libFuzzer adds to it
    for n, seed in enumerate(seeds):
        (corpus / f"seed-{n}").write_bytes(seed)
    atheris.Setup(
        [sys.argv[0], f"-runs={args.runs}", f"-max_len={args.max_len}", "-rss_limit_mb=4096",
         "-timeout=0", "-print_final_stats=1", str(corpus)],
        fuzz_one,
    )
    atheris.Fuzz()


def _entry(label: str, data: bytes, problem: str, crash_dir: Path) -> dict:
    digest = hashlib.sha1(data).hexdigest()
    crash_dir.mkdir(parents=True, exist_ok=True)
    (crash_dir / digest).write_bytes(data)
    return {"input": label, "sha1": digest, "bytes": len(data), "problem": problem,
            "opening": data[:80].decode("utf-8", "backslashreplace")}


def _seeds(data_dir: Path, max_len: int, hostile_inputs: dict[str, bytes]) -> list[bytes]:
    """Openings of the benchmark's pages, of their true article texts (plain-text inputs reach
    the analysis) and of the hostile inputs, at most ``max_len`` each."""
    seeds = [data[:max_len] for data in hostile_inputs.values() if data]
    truth = data_dir / "ground-truth.json"
    if truth.is_file():
        bodies = [page["articleBody"] for page in json.loads(truth.read_text()).values()]
        seeds += [body.encode()[:max_len] for body in bodies[:SEED_PAGES] if body.strip()]
    pages = sorted((data_dir / "html").glob("*.html.gz"))[:SEED_PAGES]
    if not pages:
        print(f"note: no pages under {data_dir}/html; seeding with hostile inputs only")
    for page in pages:
        html = gzip.decompress(page.read_bytes())
        body = html.find(b"<body")
        seeds.append(html[:max_len])
        if body > 0:
            seeds.append(html[body:body + max_len])
    return seeds


if __name__ == "__main__":
    main()
