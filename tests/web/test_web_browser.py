"""The app in a real browser (Debian's chromium, headless), used as a reader would."""

import re

import pytest

PAGES = ["/", "/articles/{harbor}", "/who/Elena Brandt", "/search?q=barrier",
         "/claims?status=hedged", "/clusters", "/graph", "/analyze", "/api/docs"]


@pytest.fixture
def watched(page, live_url):
    """The page, recording every request that leaves the app and every dialog."""
    page.outside = []
    page.dialogs = []
    page.on("request", lambda r: None if r.url.startswith(live_url) or r.url.startswith("data:")
            else page.outside.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return page


def test_every_page_opens_without_errors_or_outside_requests(watched, live_url, web_ids):
    for path in PAGES:
        response = watched.goto(live_url + path.format(harbor=web_ids["harbor/barrier.txt"]))
        assert response.status == 200, path
        assert watched.locator("h1").first.is_visible(), path
    assert watched.errors == [] and watched.outside == []


def test_clicking_a_quote_opens_its_speaker_panel(watched, live_url, web_ids):
    watched.goto(f"{live_url}/articles/{web_ids['harbor/barrier.txt']}")
    panel = watched.locator("#panel")
    assert not panel.locator(".detail.active").count()
    watched.get_by_text("We cannot wait for the next storm").first.click()
    detail = panel.locator(".detail.active")
    assert detail.count() == 1
    # The innermost mark (the claim inside the quote) opens; its quote is one link away.
    detail.get_by_role("link").first.click()
    speaker = panel.locator(".detail.active")
    assert "Elena Brandt" in speaker.inner_text() and "Mayor" in speaker.inner_text()
    assert re.search(r"Cue\s+said", speaker.inner_text())


def test_keyboard_focus_on_a_mark_shows_its_detail(watched, live_url, web_ids):
    watched.goto(f"{live_url}/articles/{web_ids['harbor/barrier.txt']}")
    watched.locator("#article-text [tabindex='0']").first.focus()
    watched.keyboard.press("Tab")
    focused = watched.evaluate("document.activeElement.getAttribute('data-detail')")
    assert focused and watched.locator(f"#{focused}").is_visible()
    watched.keyboard.press("Escape")
    assert not watched.locator(f"#{focused}").is_visible()


def test_searching_from_the_header(watched, live_url):
    watched.goto(live_url + "/")
    watched.get_by_label("Search the store").fill("storm")
    watched.get_by_label("Search the store").press("Enter")
    watched.wait_for_url(re.compile(r"/search\?q=storm"))
    assert watched.locator("mark", has_text=re.compile("storm", re.I)).count() >= 1
    watched.locator(".snippet").first.click()
    assert "/articles/" in watched.url


def test_analyzing_pasted_text_shows_it_at_once(watched, live_url):
    watched.goto(live_url + "/analyze")
    watched.get_by_label("or paste the text").fill(
        "The ferry company said the crossing would resume on Sunday. “Our crews are ready,” "
        "Lena Okafor, the company's operations chief, said on Friday.")
    watched.get_by_label("Save it in the store").uncheck()
    watched.locator("form.analyze button[type=submit]").click()
    watched.wait_for_selector("#article-text", timeout=120_000)
    watched.get_by_text("Our crews are ready").first.click()
    assert "Lena Okafor" in watched.locator("#panel .detail.active").inner_text()
    assert "not stored" in watched.locator(".counts").inner_text()


def test_a_hostile_article_runs_nothing(watched, live_url, web_ids):
    watched.goto(f"{live_url}/graph")
    watched.goto(f"{live_url}/clusters?q=vote")
    watched.goto(f"{live_url}/articles/{web_ids['evil.html']}")
    for mark in watched.locator("#article-text [tabindex='0']").all():
        mark.click()
    watched.locator(".boilerplate summary").click()
    watched.locator(".card").first.hover()
    assert watched.evaluate("typeof window.__pwned") == "undefined"
    assert watched.dialogs == [] and watched.errors == []
    assert "<script>window.__pwned = 4</script>" in watched.locator("h1").inner_text()


def test_cluster_page_and_graph_zoom(watched, live_url):
    watched.goto(live_url + "/clusters")
    watched.get_by_role("link", name=re.compile("barrier would cost 40 million")).click()
    assert watched.locator("svg.chart circle").count() == 2
    watched.goto(live_url + "/graph")
    before = watched.get_attribute("#graph", "viewBox")
    watched.get_by_role("button", name="Zoom in").click()
    zoomed = watched.get_attribute("#graph", "viewBox")
    assert float(zoomed.split()[2]) < float(before.split()[2])
    watched.locator("#graph").focus()
    watched.keyboard.press("ArrowRight")
    assert float(watched.get_attribute("#graph", "viewBox").split()[0]) > float(zoomed.split()[0])
    watched.get_by_role("button", name="Reset").click()
    assert watched.get_attribute("#graph", "viewBox") == before
    assert watched.errors == [] and watched.outside == []
