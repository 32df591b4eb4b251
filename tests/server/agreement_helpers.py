"""Helpers for the agreement PDF tests: a signed opstartsaftale, reading and checking the PDF."""
import io

from pypdf import PdfReader

from tests.server.sync_helpers import company, covered, new_id, signature

WAVE = [[[20 + 6 * i, 60 + (25 if i % 2 else -25), 16 * i] for i in range(12)],
        [[200, 40, 300], [230, 90, 340], [260, 50, 380]], [[280, 70, 420]]]


def drawn(agreement_id: str, data: dict, role: str, name: str, at: str) -> dict:
    """A drawn signature covering the agreement data's current content."""
    return {**signature(agreement_id, data, role, name), "method": "drawn", "strokes": WAVE,
            "width": 320, "height": 120, "signed_at": at}


def make_agreement(device, content: dict | None = None) -> dict:
    """A company, citizen, placement and a ready opstartsaftale; their ids and the data."""
    ids = {name: new_id() for name in ("company", "citizen", "placement", "agreement")}
    device.upsert("company", ids["company"], company())
    device.upsert("citizen", ids["citizen"], {"name": "Mette Hansen"})
    device.upsert("placement", ids["placement"], {
        "citizen_id": ids["citizen"], "company_id": ids["company"], "kind": "internship",
        "start_date": "2026-12-01"})
    data = {"placement_id": ids["placement"], "template_key": "opstartsaftale",
            "template_version": 1, "status": "ready",
            "content": content or {
                "start_date": "2026-12-01", "start_time": "08:00",
                "contact_person": "Jens Jensen, værkfører",
                "goals": "Mette siger, at hun gerne vil op på 15 lønnede timer.\nFørst 10 timer.",
                "met_contact_person": True, "next_follow_up": "2026-12-15"}}
    assert device.upsert("agreement", ids["agreement"], data)["status"] == "applied"
    return {**ids, "data": data, "covered": covered(data)}


def sign_all(device, world: dict) -> list[str]:
    """Citizen (drawn), company (typed) and consultant (drawn) sign; the signature ids."""
    agreement, data = world["agreement"], world["data"]
    signatures = [drawn(agreement, data, "citizen", "Mette Hansen", "2026-11-20T10:15:00+01:00"),
                  {**signature(agreement, data, "company", "Jens Jensen"),
                   "signed_at": "2026-11-20T10:17:00+01:00"},
                  drawn(agreement, data, "consultant", "Anne Andersen", "2026-11-20T09:18:30Z")]
    ids = [new_id() for _ in signatures]
    for sid, body in zip(ids, signatures):
        assert device.upsert("signature", sid, body)["status"] == "applied"
    return ids


def pdf_text(pdf: bytes) -> str:
    """Every page's extracted text, white space runs as one space, pages split by form feeds."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return "\f".join(" ".join(page.extract_text().split()) for page in pages)


def get_pdf(device, agreement_id: str):
    """GET the agreement's PDF with the device's bearer token."""
    return device.client.get(f"/api/v1/agreements/{agreement_id}/pdf", headers=device.headers)


def verify(device, pdf: bytes, content_type: str = "application/pdf"):
    """POST a PDF to the verification endpoint."""
    return device.client.post("/api/v1/agreements/verify", data=pdf,
                              headers={**device.headers, "Content-Type": content_type})
