"""The offline client is served: shell, service worker at the root scope, manifest, assets.

Needs the built client (`make test` builds it before the suite runs).
"""
import json

import pytest

from pwa import DIST, built_assets


@pytest.fixture(scope="module")
def assets():
    """The built asset map."""
    found = built_assets()
    assert found, f"the client is not built ({DIST}); run `make test` or `npm run build`"
    return found


def test_shell_links_the_hashed_bundle(client, assets):
    html = client.get("/").get_data(as_text=True)
    assert f'src="/static/{assets["app.js"]}"' in html
    assert f'href="/static/{assets["app.css"]}"' in html
    assert 'rel="manifest" href="/manifest.webmanifest"' in html


def test_bundle_and_styles_are_served(client, assets):
    for name in ("app.js", "app.css"):
        response = client.get(f"/static/{assets[name]}")
        assert response.status_code == 200 and len(response.data) > 100


def test_service_worker_is_served_from_the_root_and_precaches_the_shell(client, assets):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["Service-Worker-Allowed"] == "/"
    assert response.headers["Cache-Control"] == "no-cache"
    body = response.get_data(as_text=True)
    assert f'"/static/{assets["app.js"]}"' in body
    assert assets["shell"] in body, "the shell page is precached with its revision"


def test_manifest_is_installable(client):
    response = client.get("/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.data)
    assert manifest["display"] == "standalone" and manifest["lang"] == "da"
    sizes = {(i["sizes"], i.get("purpose", "any")) for i in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200
