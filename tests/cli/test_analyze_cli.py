"""End-to-end `toneshift analyze` and `toneshift code`: output formats, storage, bad input."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from pathlib import Path

import duckdb
import pytest

from toneshift.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "fixture_article.txt"


def _rows(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_analyze_json_and_store(tmp_path, capsys, coder):
    db = tmp_path / "t.duckdb"
    code = main(
        ["analyze", str(FIXTURE), "--date", "2026-01-15", "--db", str(db), "--format", "json"]
    )
    assert code == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["events"] and {"source", "target", "cameo", "plover", "tone", "span"} <= set(
        result["events"][0]
    )
    assert _rows(db, "events") == len(result["events"]) and _rows(db, "articles") == 1
    main(["analyze", str(FIXTURE), "--date", "2026-01-15", "--db", str(db), "--format", "csv"])
    assert _rows(db, "articles") == 1, "re-analysing replaces, never duplicates"
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith("article_id,source,source_code,cameo,plover")


def test_analyze_table_output(tmp_path, capsys, coder):
    assert main(["analyze", str(FIXTURE), "--date", "2026-01-15", "--no-store"]) == 0
    out = capsys.readouterr().out
    assert "USAGOV" in out and "COLGOV" in out


def test_analyze_stdin(tmp_path, capsys, monkeypatch, coder):
    import io
    import sys

    data = b"Colombia criticized the United States over drug policy."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["analyze", "-", "--date", "2026-01-15", "--no-store", "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["events"][0]["source"]["code"] == "COL"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def local_site(tmp_path):
    """A real HTTP server on loopback serving tmp_path."""
    page = "".join(
        f"<p>Colombia and the United States held talks on trade, round {i}.</p>" for i in range(6)
    )
    (tmp_path / "story.html").write_text(
        f"<html><head><title>Talks</title></head><body><article><h1>Talks resume</h1>"
        f"<p>Colombian President Gustavo Petro criticized U.S. drug policy on Monday.</p>{page}"
        "</article></body></html>",
        encoding="utf-8",
    )
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_analyze_url(local_site, tmp_path, capsys, coder):
    db = tmp_path / "u.duckdb"
    assert (
        main(
            [
                "analyze",
                f"{local_site}/story.html",
                "--date",
                "2026-01-15",
                "--db",
                str(db),
                "--format",
                "json",
            ]
        )
        == 0
    )
    (result,) = json.loads(capsys.readouterr().out)
    assert result["article"]["url"].endswith("/story.html")
    assert any(e["plover"] == "ACCUSE" for e in result["events"])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.bin", b"\x7fELF\x02\x01\x00\x00\x00\x00", "binary"),
        ("latin1.txt", "Bogot\u00e1 y Washington".encode("latin-1"), "UTF-8"),
        ("nav.html", b"<html><body><nav>Home</nav></body></html>", "no article"),
    ],
)
def test_bad_input_fails_cleanly(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    db = tmp_path / "bad.duckdb"
    code = main(["analyze", str(path), "--db", str(db)])
    err = capsys.readouterr().err
    assert code != 0 and message in err and str(path) in err
    assert len(err.strip().splitlines()) == 1
    assert _rows(db, "events") == 0 and _rows(db, "articles") == 0


def test_oversized_text_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # 50 MB of paragraphs, written sparsely
        f.write(b"Colombia criticized the United States.\n\n" * 1_300_000)
    code = main(["analyze", str(path), "--db", str(tmp_path / "h.duckdb")])
    err = capsys.readouterr().err
    assert code != 0 and "larger than" in err and _rows(tmp_path / "h.duckdb", "events") == 0


def test_unreachable_url(tmp_path, capsys):
    url = f"http://127.0.0.1:{_free_port()}/nothing"
    code = main(["analyze", url, "--db", str(tmp_path / "x.duckdb")])
    err = capsys.readouterr().err
    assert code != 0 and "cannot fetch" in err and url in err


def test_code_contract_open_and_pair(tmp_path, capsys, coder):
    requests = tmp_path / "in.jsonl"
    requests.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "id": "1",
                    "text": "Petro has openly criticized U.S. drug policy.",
                    "date": "2025-10-01",
                },
                {
                    "id": "2",
                    "text": "Russia sent troops toward the border of Ukraine.",
                    "source": "Russia",
                    "target": "Ukraine",
                },
                {"id": "3", "text": "Nothing happened today."},
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["code", "--input", str(requests), "--output", str(out)]) == 0
    answers = [json.loads(line) for line in out.read_text().splitlines()]
    assert [a["id"] for a in answers] == ["1", "2", "3"]
    first = answers[0]["events"][0]
    assert first["plover"] == "ACCUSE" and first["source"]["code"] == "COLGOV" and first["tone"] < 0
    assert answers[1]["events"][0]["source"]["code"] == "RUS"
    assert answers[2]["events"] == []


def test_code_bad_line_named(tmp_path, capsys):
    requests = tmp_path / "in.jsonl"
    requests.write_text('{"id": "1", "text": "ok"}\nnot json\n', encoding="utf-8")
    assert main(["code", "--input", str(requests)]) != 0
    assert "line 2" in capsys.readouterr().err


def test_code_with_user_actor_dictionary(tmp_path, capsys, coder):
    """--actors: PETRARCH-format dictionaries, with their date restrictions, resolve actors."""
    dictionary = Path(__file__).resolve().parents[1] / "data" / "tiny_actors.txt"
    requests = tmp_path / "in.jsonl"
    requests.write_text(
        '{"id": "1", "text": "Firefly denounced Sylvania.", "date": "1933-06-01"}\n'
        '{"id": "2", "text": "Firefly denounced Sylvania.", "date": "1935-06-01"}\n',
        encoding="utf-8",
    )
    assert main(["code", "--input", str(requests), "--actors", str(dictionary)]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["events"][0]["source"]["code"] == "FRDGOV"
    assert first["events"][0]["target"]["code"] == "SYL"
    assert second["events"][0]["source"]["code"] == "FRDELI"


def test_code_answers_every_line_when_the_coder_fails_on_one(tmp_path, capsys, monkeypatch, coder):
    """Fault injection: one text the coder raises on gets no events and an "error", the
    others are coded, and the failure is named on stderr."""
    from toneshift.coding.coder import Coder

    original = Coder.code_doc

    def failing(self, doc, **kwargs):
        if "BOOM" in doc.text:
            raise RuntimeError("injected failure")
        return original(self, doc, **kwargs)

    monkeypatch.setattr(Coder, "code_doc", failing)
    requests = tmp_path / "in.jsonl"
    requests.write_text(
        '{"id": "1", "text": "Peru accused Chile of spying."}\n'
        '{"id": "2", "text": "BOOM said nothing."}\n'
        '{"id": "3", "text": "Chile accused Peru of spying."}\n',
        encoding="utf-8",
    )
    assert main(["code", "--input", str(requests), "--processes", "1"]) == 0
    captured = capsys.readouterr()
    answers = [json.loads(line) for line in captured.out.splitlines()]
    assert [a["id"] for a in answers] == ["1", "2", "3"]
    assert answers[0]["events"] and answers[2]["events"]
    assert answers[1] == {"id": "2", "events": [], "error": "RuntimeError: injected failure"}
    assert "1 failed: 2 (RuntimeError: injected failure)" in captured.err
