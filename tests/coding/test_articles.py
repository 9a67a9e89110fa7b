import datetime as dt

import pytest

from toneshift.coding.pipeline import paragraphs
from toneshift.errors import EmptyInputError, EncodingError, InputError, NoArticleError
from toneshift.ingest.articles import articles_from_bytes, guess_title, read_path

DAY = dt.date(2026, 1, 15)


def test_plain_text_article_gets_title_and_stable_id():
    text = "Headline Here\nThe first sentence. The second."
    a = articles_from_bytes(text.encode(), name="t.txt", date=DAY)[0]
    b = articles_from_bytes(text.encode(), name="t.txt", date=DAY)[0]
    assert a.title == "Headline Here" and a.id == b.id and a.date == DAY


def test_jsonl_articles_and_bad_line_named():
    data = b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two.", "date": "2025-10-01"}\n'
    arts = articles_from_bytes(data, name="in.jsonl", date=DAY)
    assert [a.id for a in arts] == ["a", "b"] and arts[1].date == dt.date(2025, 10, 1)
    with pytest.raises(InputError, match="line 2"):
        articles_from_bytes(b'{"id": "a", "text": "x"}\n{"id": "b"}\n', name="in.jsonl", date=DAY)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b"   \n\n ", EmptyInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", EncodingError),
        ("caf\u00e9 ol\u00e9".encode("latin-1"), EncodingError),
        (b"<html><body><nav>menu</nav></body></html>", NoArticleError),
    ],
)
def test_bad_input_raises_clear_errors(data: bytes, error: type[Exception]):
    with pytest.raises(error, match=r"x\.in"):
        articles_from_bytes(data, name="x.in", date=DAY)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt", date=DAY)
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path, date=DAY)


def test_html_reduced_to_main_text():
    body = "".join(
        f"<p>Colombia and the United States held talks on trade number {i}.</p>" for i in range(8)
    )
    html = (
        "<html><head><title>Talks</title></head><body><nav>Home | About</nav>"
        f"<article><h1>Talks</h1>{body}</article></body></html>"
    )
    article = articles_from_bytes(html.encode(), name="page.html", date=DAY)[0]
    assert "held talks on trade" in article.text and "Home | About" not in article.text


def test_guess_title_rejects_sentences():
    assert guess_title("This is a sentence.\nMore") == ""


def test_paragraphs_keep_offsets_and_bound_size():
    text = "A first para.\n\nSecond para. " + "Long sentence here. " * 50
    pieces = list(paragraphs(text, max_chars=100))
    assert all(len(p) <= 100 for _, p in pieces)
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece
