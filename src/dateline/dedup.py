"""Near-duplicate detection: wire copy republished by several outlets ends in one story cluster.

The body text is normalised (case, quotes, dashes, punctuation, whitespace folded), cut into word
shingles, and summarised by a MinHash signature; a MinHash LSH index (datasketch) finds the articles
that may be the same story as a new one, which is the same story when their estimated Jaccard
similarity reaches 0.8, or when 80% of the shorter text lies in the longer one (the same wire copy
trimmed, or wrapped in another site's boilerplate). A new article joins the cluster of its best
match, or starts its own cluster, named by its own id.

    index = DedupIndex()
    index.add("a1", text)        # -> "a1"  (a new cluster)
    index.add("b7", same_story)  # -> "a1"

The index lives in memory; the store keeps the fingerprints (`Fingerprint.to_bytes`) and rebuilds the index
from them when it opens, so a restarted ingest still links to what came before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from dateline.records import normalise_text

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable under it
HASH_DTYPE = np.dtype("<u4")  # the hash values of that scheme, as stored
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DedupOptions:
    """threshold: the Jaccard similarity from which two texts are the same story.
    containment: the share of the shorter text's shingles found in the longer one from which two
        texts are the same story (wire copy trimmed, or wrapped in another site's boilerplate).
    min_shingles: texts shorter than this are compared by Jaccard similarity only.
    lsh_threshold: the Jaccard similarity from which the LSH index proposes candidates.
    shingle_size: words per shingle.
    num_perm: MinHash permutations (stored signatures are only comparable at the same value).
    """

    threshold: float = 0.8
    containment: float = 0.8
    min_shingles: int = 20
    lsh_threshold: float = 0.5
    shingle_size: int = 3
    num_perm: int = NUM_PERM


@dataclass(frozen=True)
class Fingerprint:
    """A text's MinHash signature and how many distinct shingles it summarises."""

    minhash: LeanMinHash
    size: int

    def to_bytes(self) -> bytes:
        """The signature as bytes, to store (little-endian uint32 hash values)."""
        return np.asarray(self.minhash.hashvalues).astype(HASH_DTYPE).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, size: int) -> Fingerprint:
        """The fingerprint stored by `to_bytes` (with its size)."""
        values = np.frombuffer(bytes(data), dtype=HASH_DTYPE).astype(np.uint32)
        return cls(LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME), size)


def shingles(text: str, *, size: int = 3) -> set[str]:
    """The word shingles of the normalised text (a text shorter than `size` words is one shingle)."""
    words = _WORD.findall(normalise_text(text))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def fingerprint(text: str, *, options: DedupOptions | None = None) -> Fingerprint | None:
    """The MinHash fingerprint of a text's shingles; None for a text without words."""
    options = options or DedupOptions()
    grams = shingles(text, size=options.shingle_size)
    if not grams:
        return None
    minhash = MinHash(num_perm=options.num_perm, seed=SEED, scheme=SCHEME)
    minhash.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return Fingerprint(LeanMinHash(minhash), len(grams))


def similarity(a: Fingerprint, b: Fingerprint, *, options: DedupOptions | None = None) -> float:
    """How much two texts are the same story (0..1): their estimated Jaccard similarity, or, when it
    is higher and both are long enough, the estimated share of the shorter one inside the longer."""
    options = options or DedupOptions()
    jaccard = float(a.minhash.jaccard(b.minhash))
    if min(a.size, b.size) < options.min_shingles:
        return jaccard / options.threshold
    common = jaccard * (a.size + b.size) / (1.0 + jaccard)
    contained = min(1.0, common / min(a.size, b.size))
    return max(jaccard / options.threshold, contained / options.containment)


class DedupIndex:
    """Story clusters of near-duplicate texts, over a MinHash LSH index."""

    def __init__(self, *, options: DedupOptions | None = None) -> None:
        self.options = options or DedupOptions()
        self._lsh = MinHashLSH(threshold=self.options.lsh_threshold, num_perm=self.options.num_perm)
        self._prints: dict[str, Fingerprint] = {}
        self._clusters: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._clusters)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._clusters

    def cluster_of(self, article_id: str) -> str | None:
        """The cluster an article was put in, or None when it is not in the index."""
        return self._clusters.get(article_id)

    def match(self, print_: Fingerprint | None) -> str | None:
        """The cluster of the indexed text most like `print_`, when it is the same story; else None.

        Same story: estimated Jaccard similarity >= `threshold`, or (both texts having at least
        `min_shingles` shingles) estimated containment of the shorter in the longer >= `containment`.
        Ties go to the candidate with the smallest article id, so that the result depends neither on the
        hash seed (the LSH index answers with a set) nor on the order in which the index was filled.
        """
        if print_ is None:
            return None
        best: tuple[float, str] | None = None
        for key in sorted(self._lsh.query(print_.minhash)):
            score = similarity(print_, self._prints[key], options=self.options)
            if score >= 1.0 and (best is None or score > best[0]):
                best = (score, key)
        return self._clusters[best[1]] if best else None

    def insert(self, article_id: str, print_: Fingerprint | None, cluster_id: str) -> None:
        """Put an article with a known fingerprint and cluster in the index (no-op when already there)."""
        if article_id in self._clusters:
            return
        self._clusters[article_id] = cluster_id
        if print_ is not None and len(print_.minhash.hashvalues) == self.options.num_perm:
            self._prints[article_id] = print_
            self._lsh.insert(article_id, print_.minhash)

    def add(self, article_id: str, text: str) -> str:
        """Index a text and return its story cluster: a matching cluster's id, or `article_id`."""
        known = self._clusters.get(article_id)
        if known is not None:
            return known
        print_ = fingerprint(text, options=self.options)
        cluster_id = self.match(print_) or article_id
        self.insert(article_id, print_, cluster_id)
        return cluster_id

    def remove(self, article_id: str) -> None:
        """Take an article out of the index (used when a transaction that added it rolls back)."""
        if self._clusters.pop(article_id, None) is None:
            return
        if self._prints.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def load(self, rows: Iterable[tuple[str, str, bytes, int]]) -> None:
        """Fill the index from stored (article_id, cluster_id, signature bytes, shingle count) rows."""
        for article_id, cluster_id, data, size in rows:
            print_ = Fingerprint.from_bytes(data, int(size)) if data else None
            self.insert(article_id, print_, cluster_id)
