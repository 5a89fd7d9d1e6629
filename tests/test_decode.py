"""Decoding bytes: what is declared, then UTF-8 (a few bad bytes replaced, with a warning),
UTF-16 without a mark, then detection that never garbles Western text into a legacy code page."""

import logging

import pytest

from claimgraph.errors import InputError
from claimgraph.extract.decode import decode

FRENCH = ("Le maire Étienne Bérubé a déclaré à Trois-Rivières que « les travaux » débuteront "
          "en août, après l'été. ")
QUOTED = "“We are not playing games,” the harbour master said — twice. "


def test_latin1_text_is_never_read_as_a_baltic_or_dos_code_page():
    assert decode((FRENCH * 4).encode("latin-1"), "f.txt") == FRENCH * 4


def test_utf8_with_a_few_bad_bytes_stays_utf8_and_names_the_item(caplog):
    data = (QUOTED * 10).encode()
    data = data[:40] + b"\x9d\xfe" + data[40:]
    with caplog.at_level(logging.WARNING):
        text = decode(data, "harbour.txt")
    assert text.count("“We are not playing games,”") == 10
    assert "\ufffd" in text
    assert any("harbour.txt" in r.getMessage() and "UTF-8" in r.getMessage()
               for r in caplog.records)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_decoded(codec):
    assert decode((FRENCH * 3).encode(codec), "u16.txt") == FRENCH * 3


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_non_latin_legacy_text_is_still_detected(codec):
    text = "Мэр города сообщил, что ремонт моста начнётся летом, после выборов. " * 4
    assert decode(text.encode(codec), "ru.txt") == text


def test_the_declared_charset_wins_over_detection():
    text = "Müller zahlte 30 € für die Äpfel. " * 3
    assert decode(text.encode("iso-8859-15"), "de.html", declared="iso-8859-15") == text


def test_bytes_that_are_no_text_are_refused_as_binary():
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 20, "noise.bin")
