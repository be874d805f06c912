"""Catastrophic backtracking ruled out: 1 MB of adversarial text through the
whole extractor (every pattern of every stage) and through the fragment
parser, each within a stated bound. Marked slow: about a minute in all."""
import signal
import time
from contextlib import contextmanager

import pytest

from extract import extract_text, parse

SIZE = 1_000_000
BOUND_SECONDS = 60  # linear work on 1 MB takes well under 20 s on a CI core
UNITS = {
    "digits": "1", "dots": ".", "commas": ",", "capitals": "A", "spaces": " ", "newlines": "\n",
    "digit-dot": "1.", "digit-comma": "1,", "digit-dash": "1-", "digit-slash": "1/", "digit-space": "1 ",
    "capital-dot": "A.", "vietnamese-capitals": "Nguyễn ", "titles": "Bí thư ", "title-words": "chủ tịch ",
    "percent": "5%", "scale-words": "1 tỷ ", "month-words": "tháng ", "day-words": "ngày ",
    "sentence": "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Hà Nam, ngày 5/3/2020 chi 1.500 tỷ đồng (5,5%). ",
}


def _text(unit: str) -> str:
    return unit * (SIZE // len(unit))


@contextmanager
def _within(seconds: int, what: str):
    """Fail (instead of running on for hours) when the bound is passed."""
    def stop(signum, frame):
        raise TimeoutError(f"{what}: over {seconds} s, the bound this test states")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _timed(call, unit: str, text: str):
    """call(text) within the bound; its result."""
    started = time.perf_counter()
    with _within(BOUND_SECONDS, f"{call.__name__} on 1 MB of {unit!r}"):
        result = call(text)
    elapsed = time.perf_counter() - started
    assert elapsed < BOUND_SECONDS, f"{elapsed:.1f} s on 1 MB of {unit!r}"
    return result


@pytest.mark.slow
@pytest.mark.parametrize("unit", UNITS.values(), ids=UNITS.keys())
def test_extractor_is_linear_on_adversarial_input(unit):
    text = _text(unit)
    record = _timed(extract_text, unit, text)
    for mention in record.dates[:100] + record.money[:100] + record.percentages[:100]:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.slow
@pytest.mark.parametrize("unit", UNITS.values(), ids=UNITS.keys())
def test_parser_is_linear_on_adversarial_input(unit):
    _timed(parse, unit, _text(unit))
