"""The blueprint that serves the app shell (the offline client is built in pwa/static)."""
from flask import Blueprint, render_template

pwa = Blueprint("pwa", __name__, template_folder="templates", static_folder="static",
                static_url_path="/static")


@pwa.get("/")
def shell():
    """The app shell."""
    return render_template("shell.html")
