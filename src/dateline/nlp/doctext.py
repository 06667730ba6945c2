"""The text of a Doc, built once, and where its sentences end.

spaCy's `Doc.text` joins every token's text each time it is read, so a stage that slices the text in a
loop pays for the whole Doc on every slice. `doc_text(doc)` builds it once and keeps it in `user_data`
(our stages never retokenize, so it stays true). `ABBREVIATION_END` and `sentence_start` tell a full stop
from an abbreviation's dot ("Gen.", "U.S.") where a stage reads plain text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

# text that ends with an abbreviation, so that a dot after it ends no sentence
ABBREVIATION_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Jr|Sr|Rev|Prof|Capt|Adm|Maj|Brig|"
    r"Gens|Reps|Sens|No|Vol|Inc|Corp|Co|Ltd|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)|"
    r"\b[A-Z]|\.[A-Za-z])$"
)

_KEY = "dateline.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def sentence_start(text: str, lo: int, hi: int) -> int:
    """Where the sentence that `hi` is in begins, looking back no further than `lo`: after the last ".", "!"
    or "?" before `hi` that a space follows and no abbreviation precedes ("peace with Israel. | Syrian
    President"), else `lo`."""
    for i in range(hi - 1, lo, -1):
        if text[i].isspace() and text[i - 1] in ".!?" and not ABBREVIATION_END.search(text[lo : i - 1]):
            return i + 1
    return lo
