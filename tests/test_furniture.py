"""Page furniture leaves the body: hover cards, teasers for other stories, list headings and
the teasers under them, continuation markers and update stamps; article lines stay."""

from claimgraph.extract.html import article_from_html
from claimgraph.extract.text import article_from_text

PARAS = [
    "The harbour authority closed the north pier on Tuesday after a crane collapsed.",
    "Nobody was hurt, the authority said, but the pier will stay shut for a month.",
    "Fishing crews said the closure would cost them a week of landings at least.",
]


def _page(body: str) -> str:
    return (f"<html><head><title>Pier closed</title></head><body><article><h1>Pier closed</h1>"
            f"{body}</article></body></html>")


def test_a_hover_card_is_not_glued_into_the_sentence_but_its_link_stays():
    card = ('<span class="rollover-people"><a class="rollover-people-link" href="/p/ng">'
            'Sen. Mara Ng</a><span class="rollover-people-block"><a href="/s/1">Ng backs '
            'dredging plan over budget objections</a> <a class="more" href="/p/ng">MORE</a>'
            '</span></span>')
    html = _page(f"<p>The pier belongs to the port, {card} (D-Ore.) told reporters on Monday, "
                 f"and it will be rebuilt.</p>" + "".join(f"<p>{p}</p>" for p in PARAS))
    text = article_from_html(html, "pier.html").text
    assert "Sen. Mara Ng (D-Ore.) told reporters" in text
    assert "dredging" not in text and "MORE" not in text


def test_a_tooltip_text_is_dropped():
    html = _page(f"<p>{PARAS[0]} <span class='tooltip'>Click to copy the link</span></p>"
                 + "".join(f"<p>{p}</p>" for p in PARAS[1:]))
    text = article_from_html(html, "pier.html").text
    assert "copy the link" not in text and PARAS[0] in text


def test_teasers_list_headings_and_markers_leave_the_scraped_text():
    lines = [
        "Pier closed after crane collapse", PARAS[0],
        "“We will reopen as soon as it is safe,” the harbour master said. “Not before.",
        "SEE MORE: Storm warning for the coast this weekend",
        "“Safety comes first.”",
        "DON'T MISS",
        "Lighthouse keeper retires after forty years [PICTURES]",
        "Ferry timetable changes for winter",
        "Seal pup rescued from fishing net",
        PARAS[1], "Article Continued", "Read more", PARAS[2], "Updated at 4:05 p.m.",
    ]
    article = article_from_text("\n".join(lines), "pier.txt")
    body = article.text.split("\n\n")
    assert body == [PARAS[0], lines[2], lines[4], PARAS[1], PARAS[2]]
    assert "DON'T MISS" in article.boilerplate


def test_article_lines_that_mention_related_stories_or_updates_stay():
    lines = [
        "Pier closed after crane collapse", PARAS[0],
        "Related cases were heard in court last year, the authority said.",
        "Updated figures show 40 boats were affected",
        "The story continued below the surface, divers said.",
        PARAS[1],
    ]
    assert article_from_text("\n".join(lines), "pier.txt").text.split("\n\n") == lines[1:]
