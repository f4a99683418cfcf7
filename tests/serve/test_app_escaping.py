"""Article text is untrusted: every page shows markup from it as text, never as markup."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("url", ["/articles/a3", "/events/e4", "/events?q=convoy", "/events"])
def test_app_escaping_payload_is_text(client: Any, url: str) -> None:
    html = client.get(url).text
    assert "<script>window" not in html
    assert "onerror=\"window" not in html and "<img src=x" not in html
    if url == "/articles/a3":
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html


def test_app_escaping_json_keeps_the_text_verbatim(client: Any, xss: str) -> None:
    assert xss in client.get("/articles/a3.json").json()["article"]["text"]


def test_app_escaping_security_headers_forbid_inline_script(client: Any) -> None:
    headers = client.get("/articles/a3").headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert headers["x-content-type-options"] == "nosniff"


def test_app_escaping_only_web_urls_become_links(client: Any) -> None:
    html = client.get("/articles/a2").text
    assert 'href="javascript:' not in html
    assert "javascript:alert(1)" in html  # still shown, as text
    assert 'href="https://example.org/mali"' in client.get("/articles/a1%2Fmali.txt").text
