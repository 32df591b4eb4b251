"""The signed agreement as a PDF a person would file: Danish, A4, every signature shown.

The printed content is the agreement's current covered object; every signature that
covers another version is marked "Underskrevet version afviger fra den nuværende", and
each such signed version is printed in full after the signatures, so nothing signed is
hidden. Building the bytes needs no database and no request: the service gathers the
inputs into an AgreementDocument.
"""
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from server.pdf.fonts import register_fonts
from server.pdf.page import MARGIN, page_frame, styles
from server.pdf.sections import content_flowables, text
from server.pdf.signatures import signature_flowables
from server.pdf.values import ROLES, danish_date, danish_time
from server.schemas.jsontree import canonical_sha256

COVERED_KEYS = ("template_key", "template_version", "content")
FORMAT = "feltmappe-agreement/1"
VERIFY_HINT = "Verificér med flask agreement verify"


@dataclass(frozen=True)
class AgreementDocument:
    """Everything the PDF shows, read from the records beforehand."""

    agreement_id: str
    agreement: dict
    signatures: list[dict]
    templates: dict[tuple[Any, Any], dict]  # keyed by (template_key, template_version)
    jobcenter: str
    generated_at: datetime
    citizen_name: str | None = None
    company_name: str | None = None
    work_functions: dict[str, str] = field(default_factory=dict)
    font_dir: str = ""


def covered(agreement: dict) -> dict:
    """The covered object of an agreement: template key and version, and the content."""
    return {key: agreement[key] for key in COVERED_KEYS if key in agreement}


def signed_data(doc: AgreementDocument) -> dict:
    """The machine-readable facts embedded in the PDF, enough to recompute every hash."""
    current = covered(doc.agreement)
    keep = ("role", "signer_name", "signed_at", "method", "content", "content_sha256")
    return {"format": FORMAT, "agreement_id": doc.agreement_id, "covered": current,
            "covered_sha256": canonical_sha256(current),
            "generated_at": doc.generated_at.isoformat(),
            "signatures": [{"id": s.get("id"), **{k: s[k] for k in keep if k in s}}
                           for s in doc.signatures]}


def render_agreement(doc: AgreementDocument) -> bytes:
    """The PDF bytes (not yet sealed) of an agreement and its signatures."""
    fonts = register_fonts(doc.font_dir)
    look = styles(fonts)
    current = covered(doc.agreement)
    digest = canonical_sha256(current)
    template = doc.templates.get((current.get("template_key"), current.get("template_version")))
    title = (template or {}).get("title") or str(current.get("template_key", "Aftale"))
    story = [text(title, look["title"]), text(_subtitle(doc), look["subtitle"])]
    if any(s.get("content_sha256") != digest for s in doc.signatures):
        story.append(text("Mindst én underskrift dækker en anden version af aftalen end den "
                          "nuværende. Den nuværende version står herunder; hver afvigende "
                          "underskrevet version står efter underskrifterne.", look["warning"]))
    story += content_flowables(template, current.get("content", {}), doc.work_functions, look)
    story += signature_flowables(doc.signatures, digest, (template or {}).get("roles", []), look)
    story += _control(digest, look, fonts.mono)
    story += _other_versions(doc, digest, look)
    buffer = io.BytesIO()
    heading = " · ".join(part for part in (title, doc.citizen_name) if part)
    footer = f"Dannet {danish_time(doc.generated_at)} · Aftale {doc.agreement_id}"
    pdf = SimpleDocTemplate(buffer, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN + 4 * mm, bottomMargin=MARGIN,
                            title=f"{title} – {doc.citizen_name or ''}".strip(" –"),
                            author=doc.jobcenter, subject="Underskrevet aftale",
                            creator="Feltmappe", lang="da-DK")
    pdf.build(story, canvasmaker=page_frame(fonts, doc.jobcenter, heading, footer))
    return buffer.getvalue()


def _subtitle(doc: AgreementDocument) -> str:
    """Who the agreement is between, and the version of its template."""
    parts = [f"Borger: {doc.citizen_name or 'ukendt'}",
             f"Virksomhed: {doc.company_name or 'ukendt'}"]
    start = doc.agreement.get("content", {}).get("start_date")
    if start:
        parts.append(f"Opstart: {danish_date(start)}")
    parts.append(f"Skabelon {doc.agreement.get('template_key')}, "
                 f"version {doc.agreement.get('template_version')}")
    return " · ".join(parts)


def _control(digest: str, look: dict, mono: str) -> list:
    """The content hash in full and how to check the file."""
    return [text("Kontrol", look["section"]),
            Paragraph(f"Kontrol: SHA-256 af indholdet (RFC 8785) =<br/>"
                      f"<font name='{mono}' size='9' color='black'>{digest}</font><br/>"
                      f"{VERIFY_HINT}", look["small"]),
            text("Dokumentet er forseglet elektronisk. Enhver ændring af filen efter "
                 "forseglingen kan konstateres; underskrifternes indhold og SHA-256 ligger "
                 "som vedhæftet fil (underskrifter.json) i dokumentet.", look["small"])]


def _other_versions(doc: AgreementDocument, digest: str, look: dict) -> list:
    """Each signed version that differs from the current one, in full."""
    story: list = []
    seen: set[Any] = {digest}
    for signature in doc.signatures:
        version, other = signature.get("content", {}), signature.get("content_sha256")
        if other in seen or not isinstance(version, dict):
            continue
        seen.add(other)
        template = doc.templates.get((version.get("template_key"),
                                      version.get("template_version")))
        signers = ", ".join(f"{s.get('signer_name')} ({ROLES.get(s.get('role'), s.get('role'))})"
                            for s in doc.signatures if s.get("content_sha256") == other)
        story += [PageBreak(), text("Afvigende underskrevet version", look["title"]),
                  text(f"Underskrevet af: {signers}", look["subtitle"]),
                  text(f"SHA-256 (RFC 8785): {other}", look["hash"])]
        story += content_flowables(template, version.get("content", {}), doc.work_functions,
                                   look)
    return story
