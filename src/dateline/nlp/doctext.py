"""The text of a Doc, built once.

spaCy's `Doc.text` joins every token's text each time it is read, so a stage that slices the text in a
loop pays for the whole Doc on every slice. `doc_text(doc)` builds it once and keeps it in `user_data`
(our stages never retokenize, so it stays true).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "dateline.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
