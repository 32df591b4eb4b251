"""The WSGI entry point: all that gunicorn and `flask --app wsgi` import."""
import gc

from server import create_app

app = create_app()
# The app's own objects (schemas, SQLAlchemy's tables, templates) live as long as the worker:
# moved out of the collector's reach, a full collection during a request no longer walks them
# (it took 6-9 ms of a push of 500 meetings).
gc.freeze()
