"""The signature blocks: the drawn strokes or the typed name, who signed, as what and when."""
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from server.pdf.page import RULE, TEXT_WIDTH
from server.pdf.sections import text
from server.pdf.strokes import SignatureDrawing
from server.pdf.values import ROLES, danish_time

BOX_WIDTH, BOX_HEIGHT = 72 * mm, 26 * mm
TYPED = "Underskrevet ved indtastning af navn"
DRAWN = "Underskrevet med egen hånd på skærm"
DIFFERS = "Underskrevet version afviger fra den nuværende"


def short_hash(digest: str) -> str:
    """The first 16 hex digits in groups of four, as the app shows them."""
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4)) + " …"


def _mark(signature: dict, styles: dict):
    """The drawing, or the typed name above a signing line."""
    if signature.get("method") != "typed" and signature.get("strokes"):
        return SignatureDrawing(signature["strokes"], signature.get("width"),
                                signature.get("height"), BOX_WIDTH, BOX_HEIGHT)
    typed = text(signature.get("signer_name", ""), styles["typed"])
    table = Table([[typed]], colWidths=[BOX_WIDTH], rowHeights=[BOX_HEIGHT])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    return table


def signature_block(signature: dict, covers_current: bool, styles: dict) -> KeepTogether:
    """One signature: its mark on the left, the facts on the right."""
    facts = [text(signature.get("signer_name", ""), styles["label"]),
             text(ROLES.get(signature.get("role"), str(signature.get("role"))), styles["body"]),
             text(f"Underskrevet {danish_time(signature.get('signed_at', ''))}", styles["body"]),
             text(TYPED if signature.get("method") == "typed" else DRAWN, styles["small"]),
             text(f"Indhold: SHA-256 {short_hash(signature.get('content_sha256', ''))}",
                  styles["small"])]
    table = Table([[_mark(signature, styles), facts]],
                  colWidths=[BOX_WIDTH + 6 * mm, TEXT_WIDTH - BOX_WIDTH - 6 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (0, -1), 0)]))
    warning = [] if covers_current else [text(DIFFERS, styles["warning"])]
    return KeepTogether([table, *warning, Spacer(1, 5 * mm)])


def signature_flowables(signatures: list[dict], current_sha256: str, roles: list[dict],
                        styles: dict) -> list:
    """Every signature in signing order, then the required roles nobody has signed as."""
    story = [text("Underskrifter", styles["section"])]
    ordered = sorted(signatures, key=lambda s: (s.get("signed_at", ""), s.get("role", "")))
    story += [signature_block(s, s.get("content_sha256") == current_sha256, styles)
              for s in ordered]
    if not signatures:
        story.append(text("Aftalen er ikke underskrevet.", styles["note"]))
    signed = {s.get("role") for s in signatures if s.get("content_sha256") == current_sha256}
    missing = [ROLES.get(r["role"], r["role"]) for r in roles
               if r.get("required") and r.get("role") not in signed]
    if missing:
        story.append(text("Mangler underskrift på den nuværende version: " + ", ".join(missing),
                          styles["note"]))
    return story

