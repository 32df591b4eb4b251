"""The sealed PDF of a signed agreement, and the check of such a PDF (issue 6)."""
from flask import Blueprint, Response, current_app, request

from server.api.common import authenticated, documented
from server.errors import Problem, validation_problem
from server.schemas.agreements import Verification
from server.services import agreements, sync
from sync.types import Actor

api = Blueprint("agreements", __name__)

PDF = "application/pdf"


@api.get("/agreements/<uuid:agreement_id>/pdf")
@documented("The agreement as a sealed PDF (Danish, A4) with every signature",
            errors=(401, 404, 503), produces=PDF)
@authenticated
def agreement_pdf(agreement_id, actor: Actor):
    """The sealed PDF of one agreement of the caller's team; the read is audited."""
    pdf = agreements.agreement_pdf(actor, str(agreement_id), current_app.config, sync.rules())
    answer = Response(pdf, mimetype=PDF)
    answer.headers["Content-Disposition"] = f'inline; filename="aftale-{agreement_id}.pdf"'
    return answer


@api.post("/agreements/verify")
@documented("Check a PDF: its seal and every signature's content hash", Verification,
            errors=(400, 401, 413, 415), consumes=PDF)
@authenticated
def verify_agreement_pdf(actor: Actor):
    """Whether an uploaded agreement PDF is unchanged and its signatures' hashes hold."""
    if request.mimetype != PDF:
        raise Problem("unsupported-media-type", 415, "Unsupported media type",
                      "send the PDF file as application/pdf")
    body = request.get_data(cache=False)
    if not body:
        raise validation_problem({"body": ["must be a PDF file"]}, "Not a PDF")
    return agreements.verify_pdf(body, current_app.config)
