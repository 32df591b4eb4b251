"""Verification of agreement PDFs: POST /agreements/verify and `flask agreement verify`."""
import io
import json
import random
from datetime import UTC, datetime

import pytest
from reportlab.pdfgen.canvas import Canvas

from server.builtin_templates import load_builtin_templates
from server.pdf import AgreementDocument, render_agreement, signed_data
from server.services.seal import create_demo_files, seal_pdf
from tests.server.agreement_helpers import (
    get_pdf,
    make_agreement,
    sign_all,
    verify,
)
from tests.server.sync_helpers import new_id, signature


@pytest.fixture
def sealed_pdf(anne, sealing):
    """A signed agreement's sealed PDF, and the agreement's facts."""
    world = make_agreement(anne)
    sign_all(anne, world)
    return {**world, "pdf": get_pdf(anne, world["agreement"]).data}


def _plain_pdf() -> bytes:
    """A PDF with no seal and no signed data."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Opstartsaftale")
    canvas.save()
    return buffer.getvalue()


def test_verify_needs_a_token_and_a_pdf(sealed_pdf, anne, client):
    anonymous = client.post("/api/v1/agreements/verify", data=sealed_pdf["pdf"],
                            content_type="application/pdf")
    assert anonymous.status_code == 401
    as_json = verify(anne, json.dumps({"pdf": "x"}).encode(), "application/json")
    assert as_json.status_code == 415 and as_json.mimetype == "application/problem+json"
    for body in (b"", b"hello, not a pdf", b"%PDF-1.7\n%garbage without objects\n"):
        response = verify(anne, body)
        assert response.status_code == 400, body
        assert response.mimetype == "application/problem+json"
        assert "body" in response.get_json()["errors"]


def test_verify_is_size_limited(anne, app_ctx):
    response = verify(anne, b"%PDF-1.7\n" + b"0" * (app_ctx.config["MAX_CONTENT_LENGTH"] + 1))
    assert response.status_code == 413
    assert response.get_json()["type"].endswith("/payload-too-large")


def test_a_pdf_without_seal_is_not_valid(anne, sealing):
    answer = verify(anne, _plain_pdf()).get_json()
    assert answer == {"valid": False, "agreement_id": None, "content_sha256": None,
                      "seal": {"valid": False, "intact": False, "signer": None,
                               "signed_at": None}, "signatures": []}


def test_a_seal_by_another_key_is_intact_but_not_valid(sealed_pdf, anne, app_ctx, tmp_path):
    other_key, other_cert = tmp_path / "k.pem", tmp_path / "c.pem"
    create_demo_files(other_key, other_cert, "Falsk Jobcenter")
    app_ctx.config.update(SEAL_KEY_PATH=str(other_key), SEAL_CERT_PATH=str(other_cert))
    answer = verify(anne, sealed_pdf["pdf"]).get_json()
    assert answer["seal"]["intact"] is True
    assert answer["seal"]["valid"] is False and answer["valid"] is False


def test_a_sealed_signature_whose_hash_does_not_recompute_is_caught(anne, app_ctx, sealing):
    """The seal proves the file is ours; the hashes are still recomputed from the copies."""
    world = make_agreement(anne)
    forged = {**signature(world["agreement"], world["data"]), "id": new_id(),
              "content_sha256": "ab" * 32}
    doc = AgreementDocument(world["agreement"], world["data"], [forged],
                            {(t["key"], t["version"]): t for t in load_builtin_templates()},
                            "Jobcenter Fjordby", datetime.now(UTC))
    pdf = seal_pdf(render_agreement(doc), json.dumps(signed_data(doc)).encode(),
                   app_ctx.config, "Jobcenter Fjordby")
    answer = verify(anne, pdf).get_json()
    assert answer["seal"]["valid"] is True
    assert [(s["hash_ok"], s["covers_current"]) for s in answer["signatures"]] == [(False, False)]
    assert answer["valid"] is False


def _cli(app, *args):
    """Run a flask command in the test app."""
    return app.test_cli_runner().invoke(args=list(args))


def test_cli_verifies_a_good_file_and_fails_a_tampered_one(sealed_pdf, app_ctx, tmp_path):
    good, bad = tmp_path / "aftale.pdf", tmp_path / "aendret.pdf"
    good.write_bytes(sealed_pdf["pdf"])
    bad.write_bytes(sealed_pdf["pdf"] + b"\n% appended\n")
    result = _cli(app_ctx, "agreement", "verify", str(good))
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["valid"] is True and len(answer["signatures"]) == 3
    result = _cli(app_ctx, "agreement", "verify", str(bad))
    assert result.exit_code == 1 and json.loads(result.output)["seal"]["intact"] is False
    not_pdf = tmp_path / "note.txt"
    not_pdf.write_text("ikke en pdf")
    result = _cli(app_ctx, "agreement", "verify", str(not_pdf))
    assert result.exit_code == 1 and "must be a PDF" in result.output


def test_cli_checks_a_stored_agreement_by_id(sealed_pdf, app_ctx):
    result = _cli(app_ctx, "agreement", "verify", sealed_pdf["agreement"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["seal"] is None and answer["agreement_id"] == sealed_pdf["agreement"]
    assert all(s["hash_ok"] and s["covers_current"] for s in answer["signatures"])
    unknown = _cli(app_ctx, "agreement", "verify", new_id())
    assert unknown.exit_code == 1 and "no agreement" in unknown.output


def test_create_demo_cert_makes_the_files_once_and_never_in_production(app_ctx, tmp_path):
    key, cert = tmp_path / "seal" / "key.pem", tmp_path / "seal" / "cert.pem"
    before = {k: app_ctx.config[k] for k in ("SEAL_KEY_PATH", "SEAL_CERT_PATH", "ENV_NAME")}
    app_ctx.config.update(SEAL_KEY_PATH=str(key), SEAL_CERT_PATH=str(cert),
                          ENV_NAME="production")
    try:
        refused = _cli(app_ctx, "seal", "create-demo-cert")
        assert refused.exit_code == 1 and not key.exists()
        app_ctx.config["ENV_NAME"] = "development"
        made = _cli(app_ctx, "seal", "create-demo-cert")
        assert made.exit_code == 0 and "created" in made.output
        assert key.stat().st_mode & 0o077 == 0, "the private key is readable by its owner only"
        assert b"BEGIN CERTIFICATE" in cert.read_bytes()
        again = _cli(app_ctx, "seal", "create-demo-cert")
        assert again.exit_code == 0 and "present" in again.output
    finally:
        app_ctx.config.update(before)


def test_the_openapi_document_describes_both_endpoints(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    pdf = paths["/api/v1/agreements/{agreement_id}/pdf"]["get"]
    assert "application/pdf" in pdf["responses"]["200"]["content"]
    assert {"401", "404", "503"} <= set(pdf["responses"])
    check = paths["/api/v1/agreements/verify"]["post"]
    assert "application/pdf" in check["requestBody"]["content"]
    assert check["security"] == [{"bearer": []}]


def test_no_damaged_copy_passes_or_fails_the_server(sealed_pdf, anne):
    """Random byte flips, cuts and insertions: never valid, always an answer or a problem."""
    rng, pdf = random.Random(6), sealed_pdf["pdf"]
    for _ in range(24):
        damaged = bytearray(pdf)
        at = rng.randrange(len(pdf))
        match rng.choice(("flip", "cut", "insert")):
            case "flip":
                damaged[at] ^= 1 << rng.randrange(8)
            case "cut":
                damaged = damaged[:max(at, 16)]
            case "insert":
                damaged[at:at] = rng.randbytes(4)
        response = verify(anne, bytes(damaged))
        assert response.status_code in (200, 400), response.data[:200]
        if response.status_code == 200:
            assert response.get_json()["valid"] is False
        else:
            assert response.mimetype == "application/problem+json"
