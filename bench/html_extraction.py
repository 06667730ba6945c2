"""Score the HTML reader's main-text extraction on the ScrapingHub article-extraction benchmark.

For each of the 181 pages, the extracted text is compared with the gold `articleBody` as bags of
lower-cased word tokens (\\w+): precision, recall and F1 per page, then averaged over pages. The
upstream benchmark's own measure (4-gram shingles, same averaging) is printed too, for comparison
with its published results.

    .venv/bin/python bench/html_extraction.py [--data DIR] [--no-precision] [--no-tables] [--worst N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

from dateline.ingest.html import extract_page

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "data"
    / "peer"
    / ("scrapinghub-article-extraction-benchmark")
)
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return _TOKEN.findall(text.lower())


def ngrams(words: list[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of a token list (one short n-gram when the list is shorter than n)."""
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)))


def score(gold: Counter, pred: Counter) -> tuple[float, float, float]:
    """Precision, recall and F1 of two multisets."""
    overlap = sum((gold & pred).values())
    precision = overlap / sum(pred.values()) if pred else (1.0 if not gold else 0.0)
    recall = overlap / sum(gold.values()) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_page(folder: Path, item_id: str) -> bytes:
    """A page's HTML bytes, gzipped or not."""
    for path in (folder / f"{item_id}.html.gz", folder / f"{item_id}.html"):
        if path.exists():
            data = path.read_bytes()
            return gzip.decompress(data) if path.suffix == ".gz" else data
    raise FileNotFoundError(folder / f"{item_id}.html.gz")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA.resolve())
    parser.add_argument("--no-precision", action="store_true", help="do not favour precision")
    parser.add_argument("--no-tables", action="store_true", help="leave tables out")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = parser.parse_args()

    gold = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {item_id: load_page(args.data / "html", item_id) for item_id in sorted(gold)}
    token_scores: dict[str, tuple[float, float, float]] = {}
    shingle_scores: list[tuple[float, float, float]] = []
    start = time.perf_counter()
    texts = {
        item_id: extract_page(
            data, name=item_id, favor_precision=not args.no_precision, include_tables=not args.no_tables
        ).text
        for item_id, data in pages.items()
    }
    seconds = time.perf_counter() - start
    for item_id, text in texts.items():
        gold_words, pred_words = tokens(gold[item_id]["articleBody"]), tokens(text)
        token_scores[item_id] = score(Counter(gold_words), Counter(pred_words))
        shingle_scores.append(score(ngrams(gold_words, 4), ngrams(pred_words, 4)))

    n = len(token_scores)
    for label, rows in (("token", list(token_scores.values())), ("4-gram shingle", shingle_scores)):
        p, r, f = (sum(row[i] for row in rows) / n for i in range(3))
        print(f"{label:>15}: precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  ({n} pages)")
    print(f"{'speed':>15}: {n / seconds:.1f} pages/s ({seconds:.1f} s, one process)")
    for item_id, (p, r, f) in sorted(token_scores.items(), key=lambda kv: kv[1][2])[: args.worst]:
        print(f"  {f:.3f} P {p:.3f} R {r:.3f}  {item_id}  {gold[item_id].get('url', '')}")


if __name__ == "__main__":
    main()
