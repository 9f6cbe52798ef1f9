"""One headless Chromium for the whole run, driven by Selenium: device emulation (not a resized window), the colour
scheme, and the checks every page must pass (no horizontal overflow, no console errors or failed requests, no
serious or critical axe violation). Screenshots go to test-artifacts/screenshots/."""
import os
import re
import shutil
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))

# The two devices of the issue: a laptop and a phone (390×844 CSS pixels at 3×, touch, a phone's user agent).
DEVICES = {
    "desktop": {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False},
    "phone": {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True},
}
PHONE_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/120.0 Mobile Safari/537.36")


def _executable(*names):
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(f"none of {names} is installed: run scripts/install-deps.sh test")


class Browser:
    """A Chromium session with the device and colour scheme set through the DevTools protocol."""

    def __init__(self):
        options = webdriver.ChromeOptions()
        options.binary_location = _executable("chromium", "chromium-browser")
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--disable-extensions", "--no-first-run", "--lang=en-US"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(_executable("chromedriver")))
        self.driver.set_page_load_timeout(30)
        self.device = "desktop"
        self.scheme = "light"
        self.emulate("desktop", "light")

    def quit(self):
        self.driver.quit()

    def emulate(self, device, scheme):
        """Switches the emulated device and `prefers-color-scheme` for the pages opened next."""
        metrics = DEVICES[device]
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        self.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": metrics["mobile"]})
        self.driver.execute_cdp_cmd("Emulation.setUserAgentOverride",
                                    {"userAgent": PHONE_AGENT if metrics["mobile"] else self._desktop_agent()})
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        self.device, self.scheme = device, scheme

    def _desktop_agent(self):
        agent = self.driver.execute_script("return navigator.userAgent")
        return agent.replace("HeadlessChrome", "Chrome")

    def become(self, site, who, login="root", password="root-password-1"):
        """Signs the browser in (as the admin unless told) or out, as the next page needs."""
        signed_in = self.driver.get_cookie("dp_session") is not None
        if who == "visitor" and signed_in:
            self.driver.delete_all_cookies()
        elif who == "member" and not signed_in:
            self.log_in(site, login, password)

    def log_in(self, site, login, password):
        self.open(site.url + "/login")
        self.find("input[name=login]").send_keys(login)
        self.find("input[name=password]").send_keys(password)
        self.follow("main form button")
        assert self.driver.get_cookie("dp_session") is not None, f"{login} could not log in"

    def follow(self, selector):
        """Clicks what `selector` finds and waits for the page it leads to."""
        # Each document has its own time origin: a new one that has loaded is the next page.
        origin = self.script("return performance.timeOrigin")
        self.find(selector).click()

        def arrived(driver):
            try:
                return driver.execute_script("return document.readyState === 'complete' && performance.timeOrigin !== arguments[0]", origin)
            except WebDriverException:
                return False
        WebDriverWait(self.driver, 15).until(arrived)

    def open(self, url):
        self.console()
        self.driver.get(url)
        return self

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def text(self, selector):
        return self.find(selector).text

    def script(self, source, *arguments):
        return self.driver.execute_script(source, *arguments)

    def console(self):
        """The console messages since the last call: errors, and requests that failed."""
        return [entry for entry in self.driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]

    def overflow(self):
        """(document width, viewport width): the page overflows sideways when the first is the larger."""
        return tuple(self.script("return [document.documentElement.scrollWidth, window.innerWidth]"))

    def serious_violations(self):
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        return [f"{violation['id']} ({violation['impact']}): {violation['help']} — "
                + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                            for node in violation["nodes"][:3])
                for violation in results["violations"] if violation["impact"] in ("serious", "critical")]

    def screenshot(self, name):
        folder = ARTIFACTS / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}-{self.device}-{self.scheme}.png"
        # The first screen, as a reader lands on it (axe scrolls while it checks).
        self.script("window.scrollTo(0, 0)")
        self.driver.save_screenshot(str(path))
        return path

    def check_page(self, name):
        """Every check a page must pass on the current device and scheme; returns the problems in words."""
        problems = []
        width, viewport = self.overflow()
        if width > viewport:
            problems.append(f"{name}: page is {width} px wide in a {viewport} px viewport")
        problems += [f"{name}: console: {entry['message']}" for entry in self.console()]
        problems += [f"{name}: axe: {violation}" for violation in self.serious_violations()]
        self.screenshot(name)
        return problems
