"""Screenshots of every page of the web app at desktop and phone widths, for review.

    python scripts/screenshots.py --db sqlite:///demo.db --out docs/screenshots

Serves the store on a free 127.0.0.1 port and opens each page in Debian's headless chromium
(/usr/bin/chromium); on article pages the first quote is selected so the span panel shows.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"  # Debian's; never a downloaded browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SIZES = {"desktop": (1280, 800), "phone": (390, 800)}


def pages(store) -> dict[str, str]:
    """Page name → path, chosen from what the store holds."""
    from claimgraph.web import links

    stats = store.stats()
    first = max(store.articles(), key=lambda a: a.quotes)
    speaker = stats.top_speakers[0][0] if stats.top_speakers else ""
    quoted = store.statements(speaker, outside_quotes=False, limit=1).items if speaker else []
    word = quoted[0].quote.content[0].text.split()[-1].strip(".,”\"") if quoted else "said"
    disputed = links.contested(store, limit=1) or links.clusters(store, limit=1)
    found = {
        "home": "/", "article": f"/articles/{first.id}", "person": f"/who/{quote(speaker)}",
        "search": f"/search?q={quote(word)}", "claims": "/claims?status=hedged",
        "clusters": "/clusters", "graph": "/graph", "analyze": "/analyze", "api": "/api/docs",
    }
    if disputed:
        found["cluster"] = f"/clusters/{quote(disputed[0].id)}"
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="store URL, e.g. sqlite:///demo.db")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from claimgraph.settings import get_settings
    from claimgraph.store import open_store
    from claimgraph.web import create_app

    store = open_store(args.db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store, settings=get_settings(token=None)),
                                           host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in pages(store).items():
                page.goto(f"http://127.0.0.1:{port}{path}")
                if name == "article":
                    mark = page.locator("#article-text .q[tabindex='0']").first
                    mark.click()
                    if size == "desktop":
                        page.evaluate("window.scrollTo(0, 0)")
                target = args.out / f"{name}-{size}.png"
                page.screenshot(path=str(target))
                print(f"{target}  {target.stat().st_size // 1024} KB")
            page.close()
        browser.close()
    server.should_exit = True
    store.close()


if __name__ == "__main__":
    main()
