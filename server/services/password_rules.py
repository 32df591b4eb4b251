"""The rules for a new password (docs/protocol.md 7): at least 12 characters, not the username,
not a well-known or easily guessed one (zxcvbn's estimate, with the person's own names as
known words). Only new passwords are judged; an existing password keeps logging in."""
from zxcvbn import zxcvbn

from server.errors import validation_problem

MIN_LENGTH = 12
MIN_SCORE = 3
KNOWN_WORDS = ["feltmappe", "jobcenter", "virksomhed", "konsulent", "adgangskode", "kodeord",
               "velkommen", "sommer", "vinter", "foraar", "efteraar", "danmark", "kommune"]


def password_problems(password: str, username: str, display_name: str = "") -> list[str]:
    """Why a password may not be used, in Danish; [] when it may."""
    if len(password) < MIN_LENGTH:
        return [f"Adgangskoden skal have mindst {MIN_LENGTH} tegn."]
    if password.casefold().strip() == username.casefold().strip():
        return ["Adgangskoden må ikke være brugernavnet."]
    words = [username, *display_name.split(), *KNOWN_WORDS]
    if zxcvbn(password[:100], user_inputs=words)["score"] < MIN_SCORE:
        return ["Adgangskoden er for let at gætte: den ligner en kendt adgangskode, et navn "
                "eller et mønster. Brug fx tre-fire tilfældige ord."]
    return []


def check_password(password: str, username: str, display_name: str = "") -> None:
    """Raise a 400 validation problem naming `password` when the rules refuse it."""
    problems = password_problems(password, username, display_name)
    if problems:
        raise validation_problem({"password": problems}, "Adgangskoden kan ikke bruges")
