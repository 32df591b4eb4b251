"""Wire formats of the agreement PDF's verification answer (documentation only)."""
from marshmallow import Schema, fields


class SealStatus(Schema):
    """The PDF's seal: intact (no byte changed or appended) and valid (and trusted)."""

    valid = fields.Boolean()
    intact = fields.Boolean()
    signer = fields.String(allow_none=True)
    signed_at = fields.String(allow_none=True)


class SignatureCheck(Schema):
    """One signature of the PDF: its stated hash recomputed from its content copy."""

    role = fields.String()
    signer_name = fields.String()
    signed_at = fields.String()
    content_sha256 = fields.String()
    hash_ok = fields.Boolean()
    covers_current = fields.Boolean()


class Verification(Schema):
    """POST /agreements/verify answer."""

    valid = fields.Boolean()
    agreement_id = fields.String(allow_none=True)
    content_sha256 = fields.String(allow_none=True)
    seal = fields.Nested(SealStatus, allow_none=True)
    signatures = fields.List(fields.Nested(SignatureCheck))
