"""Regenerate docs/dashboard.png: the dashboard with the seed article loaded (headless Chromium).

    make screenshot        # or: .venv/bin/python bench/screenshot.py [OUT.png]

Uses Debian's chromium and chromium-driver (never a downloaded browser), a throwaway SQLite
database and a real server on a free port, the same way as tests/test_browser.py. Devanagari
renders only with a Devanagari font installed (Debian: fonts-noto-core).
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_browser import SEED, chromium, chromium_missing, ingest, running_server, wait_for  # noqa: E402

OUT = ROOT / "docs" / "dashboard.png"
WIDTH, MAX_HEIGHT = 1280, 1500


def main(out: Path = OUT) -> None:
    reason = chromium_missing()
    if reason:
        sys.exit(reason)
    fonts = subprocess.run(["fc-list", ":lang=hi", "family"], capture_output=True, text=True).stdout
    if not fonts.strip():
        print("warning: no Devanagari font (apt-get install fonts-noto-core): Hindi shows as boxes")
    from selenium.webdriver.common.by import By

    logging.disable(logging.WARNING)  # the server's logs would drown the one useful line
    with tempfile.TemporaryDirectory() as tmp, running_server(Path(tmp) / "shot.db") as base:
        ingest(base, SEED)
        with chromium(WIDTH, 900) as driver:
            driver.get(base + "/")
            wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline .claim"), "no claims")
            wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#map circle.point"), "no map")
            wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#chart .bar"), "no chart")
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(WIDTH, min(height + 120, MAX_HEIGHT))
            driver.execute_script("document.activeElement?.blur(); window.scrollTo(0, 0)")
            out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(out))
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else OUT)
