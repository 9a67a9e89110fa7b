"""Write the tiny synthetic ingest fixtures in this folder (run once; the outputs are committed).

Every row is invented; the layouts follow shared/data/events/SCHEMAS.md.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def gdelt2_row(eid: str, date: str, code: str = "043", tone: str = "-4.5") -> list[str]:
    row = [""] * 61
    row[0], row[1], row[2], row[3], row[4] = eid, date, date[:6], date[:4], "2015.1315"
    row[5], row[6], row[7], row[12] = "USAGOV", "UNITED STATES", "USA", "GOV"
    row[15], row[16], row[17], row[22] = "CHN", "CHINA", "CHN", ""
    row[25], row[26], row[27], row[28] = "1", code, code[:3], code[:2]
    row[29], row[30], row[31], row[32], row[33], row[34] = "1", "2.8", "5", "1", "5", tone
    row[59], row[60] = "20150218230000", f"http://example.org/{eid}"
    return row


def gdelt1_row(eid: str, width: int) -> list[str]:
    row = [c for i, c in enumerate(gdelt2_row(eid, "19790101")) if i not in (39, 47, 55)]
    row[56] = "20130203"
    return row[:width]


def main() -> None:
    rows = [gdelt2_row("1", "20150218"), gdelt2_row("2", "20150218", "112", "-25.0")]
    rows += [gdelt2_row("3", "2015021X"), ["4"] * 12, gdelt2_row("1", "20150218")]
    (HERE / "gdelt2_events.csv").write_text("".join("\t".join(r) + "\n" for r in rows))
    g1 = [gdelt1_row("10", 57), gdelt1_row("11", 58), ["12"] * 12, gdelt1_row("13", 58)]
    (HERE / "gdelt1_events.csv").write_text("".join("\t".join(r) + "\n" for r in g1))
    head = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
            "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
            "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
            "Province", "Country", "Latitude", "Longitude"]  # fmt: skip
    base = ["Government (Chile)", "Government", "Chile", "Consult", "040", "1",
            "Argentina", "", "Argentina", "1", "1", "Wire", "Santiago", "NA", "RM", "Chile",
            "-33.4", "-70.6"]  # fmt: skip
    icews = [head, ["7", "2018-06-01", *base], ["7", "2018-06-02", *base]]
    icews.append(["8", "2018-06-02", *base[:3], "Dance wildly", "", *base[5:]])
    icews.append(["9", "not a date", *base])
    (HERE / "icews_events.tab").write_text("".join("\t".join(r) + "\n" for r in icews))
    dec = [["source", "event_text", "target", "date", "split"],
           ["Donald Trump", "Make statement", "China", "2018-01-02", "train"],
           ["Police (India)", "Criticize or denounce", "Citizen (India)", "2018-01-03", "test"],
           ["Saudi Arabia", "Juggle", "Iran", "2018-01-03", "test"],
           ["Donald Trump", "Make statement", "China", "2018-01-02", "train"]]  # fmt: skip
    (HERE / "icews_decoded.tsv").write_text("".join("\t".join(r) + "\n" for r in dec))
    names = ["Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity",
             "Quad Code", "Contexts", "Actor Name", "Actor Country", "Actor COW",
             "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
             "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
             "Primary Recipient Sector", "Recipient Sectors", "Recipient Title",
             "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District",
             "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
             "Feature Type", "Source", "Publication Date", "Story People",
             "Story Organizations", "Story Locations", "Language", "Version"]  # fmt: skip

    def pol(eid: str, kind: str, src: str, tgt: str, actor: str = "O'Brien") -> list[str]:
        row = [""] * 40
        row[0], row[1], row[2], row[4], row[5] = eid, "2023-05-01", kind, "-5", "VERBAL CONFLICT"
        row[7], row[8], row[15], row[16] = actor, src, "Someone", tgt
        return row

    pols = [[*names, "Headline"], [*pol("p1", "ACCUSE", "USA", "CHN"), ""],
            pol("p2", "AGREE", "FRA;DEU", "ITA"), pol("p1", "ACCUSE", "USA", "CHN"),
            pol("p3", "DANCE", "USA", "CHN")]  # fmt: skip
    (HERE / "polecat_events.txt").write_text("".join("\t".join(r) + "\n" for r in pols))
    good = {"event_id": "toneshift:a1:0", "dataset": "toneshift", "original_id": "a1:0",
            "event_date": "2024-03-01", "source_code": "USAGOV", "target_code": "CHNGOV",
            "cameo": "112", "tone": -0.4, "goldstein": -2.0, "quad_class": 3}  # fmt: skip
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({**good, "event_id": "toneshift:a1:1", "event_date": "yesterday"}),
        json.dumps({**good, "event_id": "toneshift:a1:2"}),
    ]
    (HERE / "events.jsonl").write_text("\n".join(lines) + "\n")
    m = ["1", "20150218230000", "20150218231500", "1", "example.org", "http://example.org/1",
         "2", "-1", "10", "20", "1", "50", "1200", "-3.2", "", ""]  # fmt: skip
    (HERE / "mentions.csv").write_text("\t".join(m) + "\n" + "\t".join(m[:10]) + "\n")
    g = [""] * 27
    g[0], g[1], g[3], g[4], g[15] = (
        "20150218230000-0",
        "20150218230000",
        "ex",
        "http://e/1",
        ("-5.3,2.1,7.4,9.6,21.2,0.5,693"),
    )
    (HERE / "gkg2.csv").write_text("\t".join(g) + "\n")
    k = ["20200705", "1", "", "THEME_A;THEME_B", "", "", "", "-1.5,2,3.5,5.5,20,1", "", "ex",
         "http://e/2"]  # fmt: skip
    (HERE / "gkg1.csv").write_text("\t".join(k) + "\n")


if __name__ == "__main__":
    main()
