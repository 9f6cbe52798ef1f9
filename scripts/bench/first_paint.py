"""First contentful paint of a page on an emulated phone (390×844 at 3×, touch, a phone's user agent) in headless
Chromium, for our server and for nginx serving the same saved bytes, in alternating loads of a fresh tab each.
Prints one line: "ours_median ours_p90 nginx_median nginx_p90" in milliseconds.

    python3 scripts/bench/first_paint.py OUR_URL NGINX_URL [LOADS]
"""
import shutil
import statistics
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True}


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-extensions"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    driver.execute_cdp_cmd("Network.enable", {})
    # Each load as a first visit: nothing from the browser's cache.
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def first_paint(driver, url):
    driver.get(url)
    return driver.execute_script(
        "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : null")


def main():
    ours, theirs = sys.argv[1], sys.argv[2]
    loads = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    driver = browser()
    try:
        first_paint(driver, ours), first_paint(driver, theirs)  # warm-up: the browser's own start
        times = {ours: [], theirs: []}
        for _ in range(loads):
            for url in (ours, theirs):
                value = first_paint(driver, url)
                if value is not None:
                    times[url].append(value)
    finally:
        driver.quit()

    def summary(values):
        values = sorted(values)
        return statistics.median(values), values[int(len(values) * 0.9) - 1]
    print(" ".join(f"{value:.0f}" for value in summary(times[ours]) + summary(times[theirs])))


if __name__ == "__main__":
    main()
