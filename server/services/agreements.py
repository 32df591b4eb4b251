"""The sealed agreement PDF and the check of a PDF's (or a stored agreement's) signatures."""
import json
from collections.abc import Mapping

from sqlalchemy import select

from server.errors import Problem, validation_problem
from server.extensions import db
from server.models import Record, RecordReference
from server.models.types import utcnow
from server.pdf import AgreementDocument, covered, render_agreement, signed_data
from server.schemas.jsontree import canonical_sha256
from server.services import seal
from server.services.audit import log_access
from server.services.records import get_record
from server.services.rules import SchemaRules
from server.services.transaction import in_write_transaction
from sync.types import Actor


def agreement_pdf(actor: Actor, agreement_id: str, config: Mapping,
                  rules: SchemaRules) -> bytes:
    """The sealed PDF of a readable agreement; handing it out is audited as `pdf`."""
    record = get_record(actor, "agreement", agreement_id)
    if record.deleted:
        raise Problem("not-found", 404, "Not found", "the agreement is deleted")
    seal.require_files(config)
    signatures = _signatures(record)
    placement, citizen, company = _parties(record)
    doc = AgreementDocument(
        agreement_id=record.id, agreement=record.data,
        signatures=[{"id": s.id, **s.data} for s in signatures],
        templates={(t["key"], t["version"]): t for t in rules.templates
                   if t.get("kind") == "agreement"},
        jobcenter=config["JOBCENTER_NAME"], generated_at=utcnow(),
        citizen_name=_name(citizen), company_name=_name(company),
        work_functions=_work_functions(placement), font_dir=config.get("PDF_FONT_DIR", ""))
    attachment = json.dumps(signed_data(doc), ensure_ascii=False, indent=1).encode()
    sealed = seal.seal_pdf(render_agreement(doc), attachment, config, config["JOBCENTER_NAME"])
    touched = [(r.type, r.id, r.citizen_id)
               for r in [record, *signatures, placement, citizen] if r is not None]
    in_write_transaction(lambda _store: log_access(actor, "pdf", touched))
    return sealed


def _signatures(agreement: Record) -> list[Record]:
    """The agreement's signatures (of its team), oldest signing first."""
    rows = db.session.scalars(
        select(Record).join(RecordReference, RecordReference.source_id == Record.id)
        .where(RecordReference.target_id == agreement.id, Record.type == "signature",
               Record.team_id == agreement.team_id, Record.deleted.is_(False))
        .order_by(Record.id))
    return sorted(rows, key=lambda r: (str(r.data.get("signed_at", "")), r.id))


def _related(record: Record | None, key: str, record_type: str) -> Record | None:
    """The record of the team that `record.data[key]` names, if it exists."""
    if record is None:
        return None
    target_id = record.data.get(key)
    target = db.session.get(Record, target_id) if isinstance(target_id, str) else None
    if target is None or target.type != record_type or target.team_id != record.team_id:
        return None
    return target


def _parties(agreement: Record) -> tuple[Record | None, Record | None, Record | None]:
    """The agreement's placement, and that placement's citizen and company."""
    placement = _related(agreement, "placement_id", "placement")
    return (placement, _related(placement, "citizen_id", "citizen"),
            _related(placement, "company_id", "company"))


def _name(record: Record | None) -> str | None:
    """A citizen's or company's name."""
    return record.data.get("name") if record is not None else None


def _work_functions(placement: Record | None) -> dict[str, str]:
    """{work-function id: name} of the placement, in its order."""
    functions = placement.data.get("work_functions", []) if placement is not None else []
    return {f["id"]: f.get("name") or "" for f in functions
            if isinstance(f, dict) and isinstance(f.get("id"), str)}


def check_signatures(current: object, signatures: object) -> tuple[str | None, list[dict]]:
    """(hash of the current covered object, each signature's recomputed hash check)."""
    current_sha256 = _hash_or_none(current)
    checked = []
    for signature in signatures if isinstance(signatures, list) else []:
        signature = signature if isinstance(signature, dict) else {}
        stated = signature.get("content_sha256")
        hash_ok = stated is not None and _hash_or_none(signature.get("content")) == stated
        checked.append({"role": signature.get("role"), "signer_name": signature.get("signer_name"),
                        "signed_at": signature.get("signed_at"), "content_sha256": stated,
                        "hash_ok": hash_ok,
                        "covers_current": hash_ok and stated == current_sha256})
    return current_sha256, checked


def _hash_or_none(value: object) -> str | None:
    """The canonical hash of a JSON object, or None when there is none or it cannot be hashed."""
    if not isinstance(value, dict):
        return None
    try:
        return canonical_sha256(value)
    except (ValueError, TypeError, OverflowError):
        return None


def verify_pdf(pdf: bytes, config: Mapping) -> dict:
    """Whether a PDF's seal holds and every embedded signature's hash recomputes."""
    if b"%PDF-" not in pdf[:1024]:
        raise validation_problem({"body": ["must be a PDF file"]}, "Not a PDF")
    try:
        status, raw = seal.read_sealed(pdf, config)
    except seal.NotAPdf:
        raise validation_problem({"body": ["is not a readable PDF file"]}, "Not a PDF") from None
    data = seal.parse_attachment(raw) or {}
    current, signatures = check_signatures(data.get("covered"), data.get("signatures"))
    return {"valid": bool(status["valid"] and current and all(s["hash_ok"] for s in signatures)),
            "agreement_id": data.get("agreement_id"), "content_sha256": current,
            "seal": status, "signatures": signatures}


def verify_stored(agreement_id: str) -> dict:
    """The same check for a stored agreement: every signature against the records."""
    record = db.session.get(Record, agreement_id)
    if record is None or record.type != "agreement":
        raise Problem("not-found", 404, "Not found", f"no agreement {agreement_id}")
    current, signatures = check_signatures(covered(record.data),
                                           [s.data for s in _signatures(record)])
    db.session.rollback()
    return {"valid": bool(current and all(s["hash_ok"] for s in signatures)),
            "agreement_id": record.id, "content_sha256": current, "seal": None,
            "signatures": signatures}
