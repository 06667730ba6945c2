"""The CAMEO codebook: spot checks, completeness against the Goldstein table, malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import LexiconError
from dateline.lexicon.codebook import load_codebook, read_codebook

SHARED = (Path(__file__).parents[2] / ".." / "shared").resolve()
GOLDSTEIN = SHARED / "data" / "reference" / "CAMEO.goldsteinscale.txt"


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.mark.parametrize(
    ("code", "goldstein", "quad_class", "plover"),
    [
        ("190", -10.0, 4, "ASSAULT"),
        ("036", 4.0, 1, "AGREE"),
        ("040", 1.0, 1, "CONSULT"),
        ("042", 1.9, 1, "CONSULT"),
        ("163", -8.0, 4, "SANCTION"),
        ("010", 0.0, 1, None),
        ("0233", 3.4, 1, None),
        ("0874", 10.0, 2, "RETREAT"),
        ("1123", -2.0, 3, "ACCUSE"),
        ("1823", -10.0, 4, "ASSAULT"),
        ("20", -10.0, 4, "ASSAULT"),
    ],
)
def test_code_facts(codebook, code, goldstein, quad_class, plover):
    entry = codebook.get(code)
    assert (entry.goldstein, entry.quad_class, entry.plover) == (goldstein, quad_class, plover)
    assert entry.root == code[:2]


@pytest.mark.parametrize(
    ("code", "name", "mode", "context"),
    [
        ("041", "Discuss by telephone", "phone", ()),
        ("094", "Investigate war crimes", "investigate", ("military", "legal")),
        ("0871", "Declare truce, ceasefire", "ceasefire", ("military",)),
        ("055", "Apologize", None, ("diplomatic",)),
    ],
)
def test_names_modes_contexts(codebook, code, name, mode, context):
    entry = codebook.get(code)
    assert (entry.name, entry.plover_mode, entry.context) == (name, mode, context)


def test_consult_is_plover_consult(codebook):
    assert all(entry.plover == "CONSULT" for entry in codebook if entry.root == "04")


def test_roots_present_and_named(codebook):
    roots = [entry for entry in codebook if entry.level == 1]
    assert [entry.code for entry in roots] == [f"{number:02d}" for number in range(1, 21)]
    assert all(entry.name for entry in roots)


def test_plover_empty_for_01_and_02_only(codebook):
    for entry in codebook:
        assert (entry.plover is None) == (entry.root in ("01", "02")), entry.code


@pytest.mark.parametrize(
    ("root", "quad"), [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4)]
)
def test_quad_class_by_root(codebook, root, quad):
    assert {entry.quad_class for entry in codebook if entry.root == root} == {quad}


def test_base_and_children(codebook):
    assert codebook.get("1821").base == "182"
    assert [entry.code for entry in codebook.children("19")] == [
        "190",
        "191",
        "192",
        "193",
        "194",
        "195",
        "196",
    ]


def test_contains_iter_len_and_unknown(codebook):
    assert "036" in codebook and "999" not in codebook and 36 not in codebook
    assert len(codebook) == len(list(codebook)) == 311
    assert codebook.find("999") is None
    with pytest.raises(KeyError, match="999"):
        codebook.get("999")


@pytest.mark.parametrize(
    ("code", "name"), [("GOV", "Government"), ("MIL", "Military"), ("COP", "Police"), ("IGO", None)]
)
def test_sectors(codebook, code, name):
    assert code in codebook.sectors
    if name:
        assert codebook.sectors[code].name == name


def test_cached(codebook):
    assert load_codebook() is codebook


@pytest.mark.shared
def test_every_goldstein_code_is_in_codebook(codebook):
    if not GOLDSTEIN.exists():
        pytest.skip("reference Goldstein table: ../shared not present")
    rows = [line.split("\t") for line in GOLDSTEIN.read_text().splitlines()[1:] if line.strip()]
    assert len(rows) == 311
    for code, score in rows:
        assert codebook.get(code).goldstein == float(score), code


SECTORS_OK = "code\tname\tscheme\nGOV\tGovernment\tboth\n"


@pytest.mark.parametrize(
    ("cameo_text", "message"),
    [
        ("code\tname\tgoldstein\tquad_class\n01\tMake public statement\tzero\t1\n", "line 2"),
        ("code\tname\tgoldstein\tquad_class\n# comment\n1x\tOdd\t0.0\t1\n", "line 3"),
        ("code\tname\tgoldstein\tquad_class\n01 Make public statement 0.0 1\n", "line 2"),
        ("code\tname\tgoldstein\tquad_class\n01\tA\t0.0\t1\n01\tB\t0.0\t1\n", "listed twice"),
        ("name\tcode\n", "header"),
        ("# only a comment\n", "no header"),
    ],
)
def test_malformed_file_names_file_and_line(tmp_path, cameo_text, message):
    cameo = tmp_path / "cameo.tsv"
    cameo.write_text(cameo_text, encoding="utf-8")
    sectors = tmp_path / "sectors.tsv"
    sectors.write_text(SECTORS_OK, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as caught:
        read_codebook(cameo, sectors)
    assert "cameo.tsv" in str(caught.value)
