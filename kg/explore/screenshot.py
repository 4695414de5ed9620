"""Screenshot an explorer page in headless Chromium (how docs/explorer.png is made).

    .venv/bin/python -m kg.explore.screenshot exports/explorer.html docs/explorer.png --select 吴清

Uses Playwright's Python package with Debian's Chromium (/usr/bin/chromium); no network.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


def screenshot(page_file: Path, target: Path, *, select: str | None = None, width: int = 1600,
               height: int = 900, chromium: str = CHROMIUM) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium,
                                    args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        page.goto(Path(page_file).resolve().as_uri())
        page.wait_for_selector("html[data-kg-ready='1']", timeout=60_000)
        if select:
            page.fill("#kg-search", select)
            page.locator("#kg-suggest li.kg-sugg", has_text=select).first.click()
            page.locator("#kg-panel h2", has_text=select).wait_for()
            page.evaluate("kgExplorer.network.fit()")
            page.locator("#kg-search").blur()
        page.wait_for_timeout(400)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target))
        browser.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("target", type=Path)
    ap.add_argument("--select", help="search for and select this entity first")
    ap.add_argument("--width", type=int, default=1600)
    ap.add_argument("--height", type=int, default=900)
    args = ap.parse_args(argv)
    screenshot(args.page, args.target, select=args.select, width=args.width, height=args.height)
    return 0


if __name__ == "__main__":
    sys.exit(main())
