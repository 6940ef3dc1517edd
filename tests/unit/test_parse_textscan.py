"""The whole-text scans: the Python references against the plain definitions, and the C build (when
active) against the Python references, on any text."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.pipeline.parse import textscan
from worker.pipeline.parse.textscan import ODD_CHAR, py_count_spaces, py_has_double_space, py_scan_text

# spaces next to characters whose UTF-8/UTF-16 bytes contain 0x20, odd characters, replacement chars,
# NULs, lone surrogates, astral characters
_ALPHABET = (
    " a\n\t\r\x00\x7f\x85\xa0\xad\u00e9\u2019\u2020\u2028\u200b\u0420\u0620\ufeff\ufffd\ufffe\U0001f600\ud800"
)
TEXTS = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120) | st.text(max_size=60)


def _reference_scan(text: str) -> tuple[bool, int]:
    odd = ODD_CHAR.search(text) is not None or any("\ud800" <= c <= "\udfff" for c in text)
    return odd, text.count("\ufffd") + text.count("\x00")


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_python_scans_equal_their_definitions(text: str) -> None:
    assert py_has_double_space(text) == ("  " in text)
    assert py_count_spaces(text) == text.count(" ")
    assert py_scan_text(text) == _reference_scan(text)


def _compiled() -> ModuleType:
    if not textscan.COMPILED:
        pytest.skip("compiled build not active (no C compiler at install, or NEWS_INGEST_PURE_PYTHON)")
    from worker.pipeline.parse import _textscan

    return _textscan


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_c_scans_equal_the_python_ones(text: str) -> None:
    c = _compiled()
    for latin1 in (text, text.encode("utf-8", "surrogatepass").decode("latin-1")):  # every str kind
        assert c.has_double_space(latin1) == py_has_double_space(latin1)
        assert c.count_spaces(latin1) == py_count_spaces(latin1)
        assert c.scan_text(latin1) == py_scan_text(latin1)


@pytest.mark.parametrize("size", [0, 1, 2, 4095, 4096, 4097, 8193, 70000])
def test_c_scans_across_block_edges(size: int) -> None:
    c = _compiled()
    fns: list[tuple[Callable[[str], object], Callable[[str], object]]] = [
        (c.has_double_space, py_has_double_space),
        (c.count_spaces, py_count_spaces),
        (c.scan_text, py_scan_text),
    ]
    for fill in ("a", "\u2019", "\U0001f600"):
        base = fill * size
        variants = [base, base + " ", " " + base, base + "  ", base[: size // 2] + "  " + base[size // 2 :]]
        variants += [base + "\x00" * 9, base[:-1] + "\t" if size else "\t", (fill + " ") * (size // 2)]
        for text in variants:
            for fast, ref in fns:
                assert fast(text) == ref(text), (fill, size, fast)


def test_c_counts_past_a_block_of_narrow_counters() -> None:
    c = _compiled()
    for unit in ("\x00", "\ufffd", "\x00\U0001f600"):
        for n in (254, 255, 256, 1000, 5000):
            text = unit * n
            assert c.scan_text(text) == py_scan_text(text) == (unit[0] == "\x00", n * len(unit[:1]))


def test_space_count_past_the_adler_modulus() -> None:
    text = "ab c\u2019 " * 20000  # 120,000 characters, more spaces than Adler-32's modulus
    assert py_count_spaces(text) == textscan.count_spaces(text) == text.count(" ") == 40000
    assert not py_has_double_space(text) and not textscan.has_double_space(text)
    assert py_has_double_space(text + " ") and textscan.has_double_space(text + " ")


def test_c_functions_reject_non_str() -> None:
    c = _compiled()
    with pytest.raises(TypeError, match="expected str, got bytes"):
        c.count_spaces(b"a b")
