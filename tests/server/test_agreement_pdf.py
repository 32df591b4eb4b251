"""GET /agreements/<id>/pdf: the sealed Danish PDF, its team rule, its audit entry, its seal."""
import io

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from sqlalchemy import select

from server.extensions import db
from server.models import AuditEvent, AuditRecord
from tests.server.agreement_helpers import (
    get_pdf,
    make_agreement,
    pdf_text,
    sign_all,
    verify,
)
from tests.server.sync_helpers import Device, new_id, signature


@pytest.fixture
def signed(anne, sealing):
    """A signed opstartsaftale and its sealed PDF as anne downloads it."""
    world = make_agreement(anne)
    world["signatures"] = sign_all(anne, world)
    response = get_pdf(anne, world["agreement"])
    assert response.status_code == 200, response.get_json()
    return {**world, "response": response, "pdf": response.data}


def test_pdf_names_every_signer_role_time_and_the_hash(signed):
    response, text = signed["response"], pdf_text(signed["pdf"])
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    digest = signature(signed["agreement"], signed["data"])["content_sha256"]
    for expected in ("Jobcenter Fjordby", "Opstartsaftale", "Mette Hansen", "Jens Jensen",
                     "Anne Andersen", "Fjordby Tømrer ApS", "Borger", "Virksomhed",
                     "Virksomhedskonsulent", "Underskrevet ved indtastning af navn",
                     "Underskrevet 20. november 2026 kl. 10.15",
                     "Underskrevet 20. november 2026 kl. 10.18", digest,
                     "Kontrol: SHA-256 af indholdet (RFC 8785)",
                     "Verificér med flask agreement verify",
                     "Jens Jensen, værkfører", "1. december 2026", "Side 1 af "):
        assert expected in text, expected
    pages = text.count("\f") + 1
    assert f"Side {pages} af {pages}" in text
    assert "afviger" not in text


def test_the_seal_validates_and_every_hash_recomputes(signed, anne):
    answer = verify(anne, signed["pdf"]).get_json()
    assert answer["valid"] is True
    assert answer["seal"]["valid"] and answer["seal"]["intact"]
    assert answer["seal"]["signer"] == "Jobcenter Fjordby (demo)"
    assert answer["agreement_id"] == signed["agreement"]
    assert [(s["role"], s["signer_name"], s["hash_ok"], s["covers_current"])
            for s in answer["signatures"]] == [
        ("consultant", "Anne Andersen", True, True), ("citizen", "Mette Hansen", True, True),
        ("company", "Jens Jensen", True, True)]


def _flip_inside_signed_range(pdf: bytes) -> bytes:
    """Flip one byte of the first page's content stream (well inside the sealed bytes)."""
    at = pdf.index(b"stream", pdf.index(b"/Filter")) + 40
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1:]


def _append_changed_page(pdf: bytes) -> bytes:
    """An incremental update after the seal that replaces the first page's text."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page["/Contents"] = writer.add_object(generic.StreamObject(
        stream_data=b"BT /F1 24 Tf 72 700 Td (Aftalen er annulleret) Tj ET"))
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _change_seal_padding(pdf: bytes) -> bytes:
    """A '1' in the zero padding of the seal's /Contents (the bytes no signature covers)."""
    at = pdf.index(b">", pdf.index(b"/Contents <")) - 7
    return pdf[:at] + b"1" + pdf[at + 1:]


def _lower_case_seal_hex(pdf: bytes) -> bytes:
    """The first hex letter of the seal's /Contents in lower case: the same value, other bytes."""
    start = pdf.index(b"/Contents <") + len(b"/Contents <")
    at = next(i for i in range(start, len(pdf)) if pdf[i:i + 1] in b"ABCDEF")
    return pdf[:at] + pdf[at:at + 1].lower() + pdf[at + 1:]


@pytest.mark.parametrize("tamper", [_flip_inside_signed_range, _append_changed_page,
                                    lambda pdf: pdf + b"\n% appended\n", _change_seal_padding,
                                    _lower_case_seal_hex],
                         ids=["flipped-byte", "incremental-update", "appended-bytes",
                              "seal-padding", "seal-hex-case"])
def test_any_change_after_sealing_breaks_the_seal(signed, anne, tamper):
    changed = tamper(signed["pdf"])
    assert changed != signed["pdf"]
    response = verify(anne, changed)
    assert response.status_code == 200, response.get_json()
    answer = response.get_json()
    assert answer["valid"] is False
    assert answer["seal"]["valid"] is False and answer["seal"]["intact"] is False


def test_another_team_gets_404_and_an_unknown_id_too(signed, bo, anne):
    for device, agreement in ((bo, signed["agreement"]), (anne, new_id())):
        response = get_pdf(device, agreement)
        assert response.status_code == 404
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["type"].endswith("/not-found")


def test_a_record_of_another_type_is_not_an_agreement(anne, sealing):
    world = make_agreement(anne)
    response = get_pdf(anne, world["placement"])
    assert response.status_code == 404 and response.get_json()["type"].endswith("/not-found")


def test_lead_and_admin_may_download_but_not_without_a_token(signed, lis, client, users):
    admin = Device(client, "admin")
    assert get_pdf(lis, signed["agreement"]).status_code == 200
    assert get_pdf(admin, signed["agreement"]).status_code == 200
    anonymous = client.get(f"/api/v1/agreements/{signed['agreement']}/pdf")
    assert anonymous.status_code == 401 and anonymous.mimetype == "application/problem+json"


def test_handing_out_the_pdf_is_audited(signed, anne):
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "pdf")).all()
    assert [(e.user_id, e.device_id) for e in events] == [(anne.user["id"], anne.device_id)]
    touched = {(r.record_type, r.record_id, r.citizen_id) for r in db.session.scalars(
        select(AuditRecord).where(AuditRecord.event_id == events[0].id))}
    assert ("agreement", signed["agreement"], signed["citizen"]) in touched
    assert ("citizen", signed["citizen"], signed["citizen"]) in touched
    assert {("signature", sid, signed["citizen"]) for sid in signed["signatures"]} <= touched


def test_without_a_seal_key_the_pdf_is_refused_not_handed_out_unsealed(anne, app_ctx):
    world = make_agreement(anne)
    response = get_pdf(anne, world["agreement"])
    assert response.status_code == 503
    assert response.get_json()["type"].endswith("/seal-unavailable")
    assert db.session.scalars(select(AuditEvent).where(AuditEvent.action == "pdf")).all() == []


def test_a_signature_of_an_older_version_is_kept_and_marked(anne, lis, sealing):
    world = make_agreement(anne)
    old = signature(world["agreement"], world["data"], "citizen", "Mette Hansen")
    changed = {**world["data"], "content": {**world["data"]["content"],
                                            "start_time": "09:30"}}
    assert lis.upsert("agreement", world["agreement"], changed, base_rev=1)["status"] == \
        "applied"
    assert anne.upsert("signature", new_id(), old)["status"] == "applied"
    pdf = get_pdf(anne, world["agreement"]).data
    text = pdf_text(pdf)
    assert "Underskrevet version afviger fra den nuværende" in text
    assert "Afvigende underskrevet version Underskrevet af: Mette Hansen (Borger)" in text
    assert "09.30" in text and "08.00" in text, "both versions are printed"
    assert old["content_sha256"] in text
    answer = verify(anne, pdf).get_json()
    assert answer["valid"] is True
    assert [(s["hash_ok"], s["covers_current"]) for s in answer["signatures"]] == [(True, False)]
    assert answer["content_sha256"] == signature(world["agreement"], changed)["content_sha256"]


def test_an_unsigned_agreement_says_so(anne, sealing):
    world = make_agreement(anne)
    text = pdf_text(get_pdf(anne, world["agreement"]).data)
    assert "Aftalen er ikke underskrevet." in text
    assert "Mangler underskrift på den nuværende version: Borger, Virksomhed, " \
           "Virksomhedskonsulent" in text


def test_a_signed_demo_agreement_gives_a_sealed_pdf(app_ctx, client, sealing):
    assert app_ctx.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    login = client.post("/api/v1/auth/login", json={
        "username": "anne", "password": "demo-anne-2026", "device_name": "t"}).get_json()
    headers = {"Authorization": f"Bearer {login['token']}"}
    records, since = [], None
    while True:
        page = client.get("/api/v1/sync/pull", headers=headers,
                          query_string={"limit": 1000, **({"since": since} if since else {})})
        records += page.get_json()["changes"]
        since = page.get_json()["checkpoint"]
        if not page.get_json()["has_more"]:
            break
    [agreement, *_] = [r for r in records
                       if r["type"] == "agreement" and r["data"]["status"] == "signed"]
    names = [r["data"]["signer_name"] for r in records if r["type"] == "signature"
             and r["data"]["agreement_id"] == agreement["id"]]
    answer = client.get(f"/api/v1/agreements/{agreement['id']}/pdf", headers=headers)
    assert answer.status_code == 200, answer.get_json()
    text = pdf_text(answer.data)
    assert len(names) == 3 and all(name in text for name in names)
    checked = client.post("/api/v1/agreements/verify", data=answer.data, headers={
        **headers, "Content-Type": "application/pdf"}).get_json()
    assert checked["valid"] and all(s["hash_ok"] and s["covers_current"]
                                    for s in checked["signatures"])
