"""A writer killed with SIGKILL mid-run leaves whole batches only, and the store opens again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from dateline.store import Store

BATCH = 20

WRITER = textwrap.dedent(
    """
    import sys
    from dateline.records import ActorRef, Article, Coder, Event, Mention, Sentence, article_id
    from dateline.store import Store

    def article(n):
        text = f"Story number {n}: officials of country {n} met their neighbours to talk about trade and water."
        event = Event(id="e1", cameo="036", root="03", plover="CONSULT", quad_class=1, goldstein=4.0,
                      source=ActorRef(actor="RUSGOV"), target=ActorRef(actor="TURGOV"), date="2016-04-27",
                      date_basis="explicit", location=None, modality="asserted", claimed_by=None,
                      sentence=Sentence(0, 0, len(text), text), trigger=Mention("met", 0, 3), confidence=0.9,
                      coder=Coder("0", "test"))
        return Article(id=article_id(text), origin={"path": f"{n}.txt"}, text=text, events=[event])

    with Store.open(sys.argv[1]) as store:
        n = 0
        while True:
            store.add_many(article(n + i) for i in range(int(sys.argv[2])))
            n += int(sys.argv[2])
    """
)


def test_sigkill_leaves_whole_batches(store_url: str) -> None:
    Store.open(store_url).close()  # migrate first, so the writer only writes articles
    writer = subprocess.Popen([sys.executable, "-c", WRITER, store_url, str(BATCH)])
    try:
        deadline = time.monotonic() + 30
        with Store.open(store_url, readonly=True) as reader:
            while reader.count() < 5 * BATCH and time.monotonic() < deadline and writer.poll() is None:
                time.sleep(0.05)
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    with Store.open(store_url) as store:
        count = store.count()
        assert count >= 5 * BATCH and count % BATCH == 0
        assert len(list(store.mentions())) == count
        assert sum(len(ids) for ids in store.clusters(min_size=1).values()) == count
        assert all(len(a.events) == 1 for a in store.articles(limit=None))
