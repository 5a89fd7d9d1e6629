"""The HTML pages through FastAPI's TestClient: what a reader sees, and that hostile article
text stays text."""

import re

from claimgraph.web.marks import Mark, marked_html


def test_home_lists_articles_newest_first_with_outlet_filter(client):
    page = client.get("/").text
    assert page.index("Mayor defends the barrier") < page.index("Council approves flood barrier")
    assert "Elena Brandt" in page  # most quoted
    only = client.get("/", params={"outlet": "valley"}).text
    assert "Mayor defends the barrier" in only and "Council approves flood barrier" not in only


def test_article_page_marks_quotes_claims_and_details(client, web_ids):
    page = client.get(f"/articles/{web_ids['harbor/barrier.txt']}").text
    # The direct quote is a focusable mark in a speaker colour, opening its detail.
    mark = re.search(r'<span class="q spk-(\d+)" id="m-(q\d+)" data-detail="d-(q\d+)" '
                     r'tabindex="0" role="button"[^>]*>(?:<span[^>]*>)?We cannot wait', page)
    assert mark and mark.group(2) == mark.group(3)
    detail = page[page.index(f'id="d-{mark.group(2)}"'):]
    detail = detail[:detail.index("</section>")]
    assert "Elena Brandt" in detail and "Mayor" in detail and "said" in detail
    # The same speaker keeps one colour; another speaker gets another.
    brandt = set(re.findall(r'class="speaker spk-(\d+)"[^>]*>(?:Mayor Elena )?Brandt', page))
    reyes = set(re.findall(r'class="speaker spk-(\d+)"[^>]*>Tomas Reyes', page))
    assert len(brandt) == 1 and reyes and brandt != reyes
    # Claims carry their status, and the legend explains every status shown.
    assert 'class="claim st-denied"' in page and 'class="claim st-hedged"' in page
    legend = page[page.index('id="legend-h"'):page.index('id="article-text"')]
    for status in ("denied", "hedged", "attributed", "asserted"):
        assert f"st-{status}" in legend
    # Posts are cards; page furniture is folded away.
    assert '<article class="card post">' in page and "The barrier vote passed 7 to 2." in page
    assert re.search(r'<details class="boilerplate">.*Share this article', page, re.S)


def test_a_negated_report_says_so_on_the_article_page(client, web_ids):
    page = client.get(f"/articles/{web_ids['valley/barrier.txt']}").text
    said = page.index("the vote was unlawful", page.index('id="panel"'))  # in the details
    detail = page[page.rindex('<section class="detail"', 0, said):]
    detail = detail[:detail.index("</section>")]
    assert "negated" in detail and "did not say" in detail


def test_person_page_gathers_statements_across_outlets(client):
    page = client.get("/who/Elena Brandt").text
    assert "Harbor Gazette" in page and "Valley Times" in page
    assert "We cannot wait for the next storm" in page
    assert "The barrier is the right choice" in page
    assert "Mayor" in page
    assert "Marcus Hale" in page or "Tomas Reyes" in page  # quoted alongside
    assert "<svg" in page  # mentions over time
    attributed = client.get("/who/Elena Brandt", params={"status": "attributed"}).text
    assert "We cannot wait for the next storm" in attributed
    denied = client.get("/who/Elena Brandt", params={"status": "denied"}).text
    assert "We cannot wait for the next storm" not in denied and "0 of" in denied


def test_search_shows_snippets_with_matches_marked(client):
    page = client.get("/search", params={"q": "barrier"}).text
    assert re.search(r"<mark>barrier</mark>", page, re.I)
    assert "Council approves flood barrier" in page
    assert 'role="alert"' in client.get("/search", params={"q": '"'}).text


def test_missing_records_are_pages_with_a_status(client):
    response = client.get("/articles/999999")
    assert response.status_code == 404 and "no article 999999" in response.text
    assert "<html" in response.text
    assert client.get("/who/Nobody Hereabouts").status_code == 404
    assert client.get("/articles/not-a-number").status_code == 422


def test_hostile_article_is_shown_as_text(client, web_ids):
    page = client.get(f"/articles/{web_ids['evil.html']}").text
    for raw in ("<script>window", "<img src=x", "<svg onload", "<b onmouseover", "<i>x</i>"):
        assert raw not in page
    assert not re.search(r"""<[^>]+\son\w+\s*=""", page)  # no event-handler attribute
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", page, re.I)
    assert "&lt;script&gt;window.__pwned = 4&lt;/script&gt;" in page  # shown, escaped
    assert "&amp;lt;script&amp;gt;" in page  # escaped markup stays escaped
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script src="/static/app.js" defer>']


def test_overlapping_marks_nest_and_escape():
    text = "a <b> c d e"
    html = marked_html(text, [Mark(0, 7, "quote", "q"), Mark(4, 11, "claim", "claim")])
    assert html == ('<span class="q">a &lt;b<span class="claim">&gt; c</span></span>'
                    '<span class="claim cont"> d e</span>')


def test_a_disputed_number_across_outlets(client):
    listing = client.get("/clusters", params={"status": "contradicted"}).text
    link = re.search(r'href="(/clusters/[^"]+)">the barrier would protect 12,000 homes', listing)
    assert link
    page = client.get(link.group(1)).text
    assert "contradicted" in page and "incompatible figures" in page
    assert "12,000" in page and "7,000" in page
    assert re.search(r"conservative estimate .*<strong>7,000</strong>", page, re.S)
    assert "Harbor Gazette" in page and "Valley Times" in page
    chart = page[page.index("<svg"):page.index("</svg>")]
    assert chart.count("<circle") == 2 and "conservative: 7,000" in chart


def test_a_claim_links_to_its_reports_elsewhere(client, web_ids):
    page = client.get(f"/articles/{web_ids['harbor/barrier.txt']}").text
    detail = page[page.index("the barrier would protect 12,000 homes</p>"):]
    detail = detail[:detail.index("</section>")]
    assert "Elsewhere" in detail and "7,000 homes" in detail and "Valley Times" in detail
    assert f'href="/articles/{web_ids["valley/barrier.txt"]}#m-c' in detail


def test_source_graph_draws_outlets_and_speakers(client):
    page = client.get("/graph").text
    svg = page[page.index('<svg id="graph"'):page.index("</svg>", page.index('<svg id="graph"'))]
    assert ">Harbor Gazette</text>" in svg and ">Elena Brandt</text>" in svg
    assert re.search(r"<rect[^>]*><title>Valley Times: ", svg)  # outlets are squares
    narrowed = client.get("/graph", params={"entity": "Tomas Reyes"}).text
    assert ">Tomas Reyes</text>" in narrowed and ">Marcus Hale</text>" not in narrowed
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", page, re.I)
    assert "<a href=\"javascript" not in page
