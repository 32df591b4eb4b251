"""Password hashing with argon2id, with a dummy hash so unknown users cost the same time."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

_DUMMY_PASSWORD = "feltmappe-dummy-password-for-timing"


def _hasher() -> PasswordHasher:
    """The app's argon2 hasher, built once from its configuration."""
    ext = current_app.extensions
    if "argon2" not in ext:
        cfg = current_app.config
        hasher = PasswordHasher(time_cost=cfg["ARGON2_TIME_COST"],
                                memory_cost=cfg["ARGON2_MEMORY_COST"],
                                parallelism=cfg["ARGON2_PARALLELISM"])
        ext["argon2"] = (hasher, hasher.hash(_DUMMY_PASSWORD))
    return ext["argon2"][0]


def hash_password(password: str) -> str:
    """Hash a password with argon2id."""
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password; with no hash, verify against a dummy so timing reveals nothing."""
    hasher = _hasher()
    try:
        return hasher.verify(password_hash or current_app.extensions["argon2"][1], password) \
            and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
