"""The WSGI entry point: all that gunicorn and `flask --app wsgi` import."""
from server import create_app

app = create_app()
