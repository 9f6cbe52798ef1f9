"""Signs up N members on a running server through its forms and creates an API token for each; prints the tokens.

    python3 scripts/bench/make_members.py http://127.0.0.1:PORT 50 > tokens.txt
"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request


def member_token(base: str, name: str) -> str:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def call(path, fields=None):
        body = urllib.parse.urlencode(fields).encode() if fields is not None else None
        with opener.open(base + path, data=body, timeout=30) as response:
            return response.read().decode()

    def csrf(page):
        return re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)

    page = call("/signup")
    call("/signup", {"csrf": csrf(page), "username": name, "email": f"{name}@bench.example", "password": f"password-{name}"})
    page = call("/settings")
    page = call("/settings/tokens", {"csrf": csrf(page), "name": "bench"})
    return re.search(r"dp_[0-9a-f]{64}", page).group(0)


if __name__ == "__main__":
    base, count = sys.argv[1], int(sys.argv[2])
    for index in range(count):
        print(member_token(base, f"bench{index:03d}"))
