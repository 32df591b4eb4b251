"""Serving the offline client: the shell page, the service worker at the root scope, the manifest.

The client is built into pwa/static/dist by scripts/build-pwa.mjs; dist/assets.json names
the hashed bundle files that the shell page links.
"""
import json
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, send_from_directory

STATIC = Path(__file__).resolve().parent / "static"
DIST = STATIC / "dist"

pwa = Blueprint("pwa", __name__, template_folder="templates", static_folder="static",
                static_url_path="/static")


def built_assets() -> dict:
    """The built asset names ({} when the client is not built)."""
    try:
        return json.loads((DIST / "assets.json").read_text())
    except (OSError, ValueError):
        return {}


@pwa.get("/")
def shell():
    """The app shell page; the service worker precaches it for offline starts."""
    response = current_app.make_response(render_template("shell.html", assets=built_assets()))
    response.headers["Cache-Control"] = "no-cache"
    return response


@pwa.get("/sw.js")
def service_worker():
    """The service worker, served from the root so its scope is the whole app."""
    if not (DIST / "sw.js").exists():
        abort(404)
    response = send_from_directory(DIST, "sw.js", mimetype="text/javascript", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@pwa.get("/manifest.webmanifest")
def manifest():
    """The web app manifest."""
    return send_from_directory(STATIC, "manifest.webmanifest",
                               mimetype="application/manifest+json", max_age=0)
