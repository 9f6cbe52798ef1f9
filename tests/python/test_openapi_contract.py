"""The OpenAPI description of the JSON API: valid OpenAPI 3.1, and a live server that keeps to it under schemathesis."""
import json
import os
import re
import subprocess
import urllib.error
import urllib.request

from openapi_spec_validator import validate

from conftest import free_port, recorded_server
from test_community_live import Browser


def api_token(url):
    """A member signed up through the forms, and an API token made on their settings page."""
    member = Browser(url)
    member.get("/signup")
    member.post("/signup", {"username": "fuzzer", "email": "fuzzer@example.org", "password": "a-long-password"})
    member.get("/settings")
    _, page, _ = member.post("/settings/tokens", {"name": "schemathesis"})
    return re.search(r"dp_[0-9a-f]{64}", page).group(0)


def test_the_description_is_valid_openapi_and_covers_every_api_route(server_url):
    with urllib.request.urlopen(server_url + "/api/openapi.json", timeout=5) as response:
        assert response.headers["Content-Type"].startswith("application/json")
        spec = json.load(response)
    validate(spec)
    assert spec["openapi"] == "3.1.0"
    documented = {path for path in spec["paths"]}
    for route in ["/api/daily_papers", "/api/papers", "/api/papers/{id}", "/api/papers/search", "/api/papers/{id}/similar",
                  "/api/papers/{id}/upvote", "/api/papers/submit", "/api/papers/index", "/api/papers/{id}/comment",
                  "/api/papers/{id}/comment/{commentId}/reply", "/api/agent-harnesses", "/api/collections", "/api/collections/{owner}/{slug}",
                  "/api/collections/{owner}/{slug}/items", "/api/collections/{owner}/{slug}/items/{itemId}", "/api/whoami-v2",
                  "/api/users/{name}/overview", "/api/organizations/{name}/overview", "/api/models", "/api/datasets", "/api/spaces",
                  "/api/me/for-you", "/api/me/follows"]:
        assert route in documented, route
    with urllib.request.urlopen(server_url + "/api", timeout=5) as page:
        assert 'href="/api/openapi.json"' in page.read().decode()


def test_every_documented_maximum_of_search_is_the_servers_own(server_url):
    with urllib.request.urlopen(server_url + "/api/openapi.json", timeout=5) as response:
        spec = json.load(response)
    parameters = {p["name"]: p["schema"] for p in spec["paths"]["/api/papers/search"]["get"]["parameters"] if "schema" in p}
    for name in ("p", "limit"):
        highest = parameters[name]["maximum"]
        with urllib.request.urlopen(f"{server_url}/api/papers/search?q=model&{name}={highest}", timeout=10) as answer:
            assert answer.status == 200, name
        try:
            urllib.request.urlopen(f"{server_url}/api/papers/search?q=model&{name}={highest + 1}", timeout=10)
            raise AssertionError(f"{name}={highest + 1} was accepted past the documented maximum")
        except urllib.error.HTTPError as error:
            assert error.code == 400, name


def test_schemathesis_finds_no_server_error_and_no_response_outside_the_schema():
    """Every operation, a bounded number of examples (deterministic), signed in with a member's API token: writes
    (votes, comments, submissions of papers arXiv is not asked about) run too."""
    # arXiv is a closed local port: a submission of an unknown id is answered at once with 503, never sent out.
    arxiv = {"ARXIV_API_URL": f"http://127.0.0.1:{free_port()}/api/query"}
    with recorded_server(environment=arxiv, prefix="dailypapers-contract-") as (url, _):
        token = api_token(url)
        result = subprocess.run(
            ["schemathesis", "run", url + "/api/openapi.json", "--url", url, "--header", f"Authorization: Bearer {token}",
             "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
             "--phases", "examples,coverage,fuzzing", "--max-examples", "25", "--workers", "1",
             "--generation-deterministic", "--no-shrink", "--suppress-health-check", "all", "--request-timeout", "10"],
            capture_output=True, text=True, timeout=900, env={**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_TELEMETRY": "false"},
        )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "passed" in result.stdout and " 0 passed" not in result.stdout
