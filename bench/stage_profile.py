"""Where dateline's own coding time goes, on the first N BBC News stories (default 100).

Two passes over the same stories, model loading and a one-story warm-up left out of both:
  (1) CPU seconds (process time, so that other work on a shared machine counts less) of each of
      dateline's pipeline components and of the layout step, without a profiler, against the whole
      coding (the rest is spaCy's own pipeline);
  (2) cProfile with process time: the top functions of dateline's own code (src/dateline), by own time
      and by cumulative time. A profiler slows Python code more than compiled code, so read (2) for
      the order of costs and (1) for their size.
Prints figures, asserts nothing.

    .venv/bin/python bench/stage_profile.py [--data DIR] [--limit N] [--top N] [--model NAME]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "peer" / "bbc-news-greene2006" / "bbc"
).resolve()


def timed_components(spent: dict[str, float]) -> Callable[[], None]:
    """Wrap dateline's components and layout step to add their CPU seconds to `spent`; returns an undo."""
    import dateline.coding as coding
    import dateline.nlp.pipeline as pipeline

    undo: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, attr: str, name: str) -> None:
        original = getattr(owner, attr)

        def call(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started

        setattr(owner, attr, call)
        undo.append((owner, attr, original))

    for cls in (
        pipeline.PeopleComponent,
        pipeline.PlacesComponent,
        pipeline.QuotesComponent,
        pipeline.DatesComponent,
        pipeline.EventsComponent,
    ):
        wrap(cls, "__call__", cls.__name__.removesuffix("Component").lower())
    wrap(coding, "_prepare", "layout + tokenizer")
    wrap(coding, "build_article", "article record")

    def restore() -> None:
        for owner, attr, original in reversed(undo):
            setattr(owner, attr, original)

    return restore


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the BBC corpus folder (bbc/)")
    parser.add_argument("--limit", type=int, default=100, help="how many stories (default 100)")
    parser.add_argument("--top", type=int, default=25, help="how many functions to list (default 25)")
    parser.add_argument("--model", default=None, help="spaCy model (default: dateline's default)")
    args = parser.parse_args()

    from dateline.coding import code_documents
    from dateline.ingest import read_paths
    from dateline.ingest.document import Document
    from dateline.nlp.pipeline import load_nlp
    from dateline.settings import Settings

    paths = sorted(args.data.glob("*/*.txt"))[: args.limit]
    if not paths:
        print(f"no stories under {args.data} (expected <category>/<NNN>.txt)", file=sys.stderr)
        return 1
    settings = Settings(model=args.model) if args.model else Settings()
    documents = [d for d in read_paths(paths) if isinstance(d, Document)]
    load_nlp(settings.model)
    list(code_documents(documents[:1], settings=settings))  # lexicons and caches loaded

    spent: dict[str, float] = defaultdict(float)
    restore = timed_components(spent)
    started = time.process_time()
    done = sum(1 for _ in code_documents(documents, settings=settings))
    total = time.process_time() - started
    restore()
    print(f"(1) {done} stories, {total:.2f} CPU s in all (no profiler)")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"    {name:22} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    ours = sum(seconds for name, seconds in spent.items() if name != "layout + tokenizer")
    print(f"    {'dateline components':22} {ours:7.2f} s  {100 * ours / total:5.1f}%")

    profile = cProfile.Profile(time.process_time)
    profile.enable()
    sum(1 for _ in code_documents(documents, settings=settings))
    profile.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats(order).print_stats(r"src/dateline/", args.top)
        table = out.getvalue()
        print(f"\n(2) dateline's own functions by {order} (cProfile, process time)")
        print(table[table.find("   ncalls") :].rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
