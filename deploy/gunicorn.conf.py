"""gunicorn settings of one Feltmappe app server; bind, workers and pid come from the command line.

Prometheus multiprocess mode: every worker writes its metrics to files in
PROMETHEUS_MULTIPROC_DIR (set by the start script, wiped here before the first fork), and
/metrics adds up every worker's files; a worker that exits hands back its live gauges.
"""
import os
import shutil

timeout = 120
graceful_timeout = 30
# Requests are logged by the app itself (one JSON line each, with the proxy's request id).
accesslog = None


def on_starting(server):
    """Empty the metrics directory before the first worker starts."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory, exist_ok=True)


def child_exit(server, worker):
    """Drop an exited worker's live gauges from the sums."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess
        multiprocess.mark_process_dead(worker.pid)
