"""Security headers on every response, and the refusal to run production unsafely."""
from flask import Flask, request

from server.services.seal import is_demo_certificate, seal_files

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'",
    "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'",
    "frame-src blob:", "worker-src 'self'", "manifest-src 'self'", "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'", "frame-ancestors 'none'",
])
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
API_HEADERS = {"X-Content-Type-Options": "nosniff"}  # JSON, never rendered: nothing to frame
WEAK_SECRETS = {"", "change-me", "secret", "dev", "development"}


def check_production_config(app: Flask) -> None:
    """Refuse to start production with debug on, without a real SECRET_KEY or with the demo seal."""
    if app.config["ENV_NAME"] != "production":
        return
    if app.debug or app.config.get("DEBUG"):
        raise RuntimeError("refusing to run production with debug on")
    secret = app.config.get("SECRET_KEY") or ""
    if secret.lower() in WEAK_SECRETS or len(secret) < 32:
        raise RuntimeError("refusing to run production without a real SECRET_KEY "
                           "(at least 32 random characters)")
    files = seal_files(app.config)
    if files and is_demo_certificate(files[1]):
        raise RuntimeError("refusing to run production with the demo seal certificate")


def register_security_headers(app: Flask) -> None:
    """Add the security headers (and HSTS over HTTPS): a page's set, or the API's short one."""

    @app.after_request
    def secure(response):
        for name, value in (API_HEADERS if request.path.startswith("/api/") else HEADERS).items():
            response.headers.setdefault(name, value)
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security",
                                        "max-age=31536000; includeSubDomains")
        return response
