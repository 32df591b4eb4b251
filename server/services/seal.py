"""The agreement PDF's seal: a PAdES signature made with the operator's key, and its check.

Sealing embeds the machine-readable signed data as a JSON attachment and signs the file in
one incremental update, so the seal covers the attachment too. A seal is valid only when
the signed bytes are unchanged, nothing was appended after them, and the certificate is
the configured seal certificate (the trust root). Nothing here touches the database.
"""
import asyncio
import datetime
import io
import json
import os
from collections.abc import Callable, Coroutine, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils import embed
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from server.errors import Problem
from server.models.types import rfc3339

ATTACHMENT = "underskrifter.json"
FIELD = "Segl"
DEMO_COMMON_NAME = "Jobcenter Fjordby (demo)"


class NotAPdf(ValueError):
    """The bytes are not a PDF this server can read."""


def seal_files(config: Mapping) -> tuple[Path, Path] | None:
    """The configured (key, certificate) paths when both files exist, else None."""
    key, cert = config.get("SEAL_KEY_PATH") or "", config.get("SEAL_CERT_PATH") or ""
    if key and cert and Path(key).is_file() and Path(cert).is_file():
        return Path(key), Path(cert)
    return None


def is_demo_certificate(cert_path: Path) -> bool:
    """Whether a certificate is the self-signed demo seal (refused in production)."""
    cert = x509.load_pem_x509_certificate(Path(cert_path).read_bytes())
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return cert.issuer == cert.subject and any(n.value == DEMO_COMMON_NAME for n in names)


def require_files(config: Mapping) -> tuple[Path, Path]:
    """The configured (key, certificate) paths, or the 503 problem `seal-unavailable`."""
    files = seal_files(config)
    if files is None:
        raise Problem("seal-unavailable", 503, "Seal unavailable",
                      "no seal key and certificate are configured (SEAL_KEY_PATH, "
                      "SEAL_CERT_PATH); a PDF is never handed out unsealed")
    return files


def create_demo_files(key_path: Path, cert_path: Path,
                      common_name: str = DEMO_COMMON_NAME) -> bool:
    """Write a self-signed P-256 key and certificate when missing; True when made."""
    if key_path.exists() and cert_path.exists():
        return False
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "DK")])
    now = datetime.datetime.now(datetime.UTC)
    usage = x509.KeyUsage(digital_signature=True, content_commitment=True,
                          key_encipherment=False, data_encipherment=False, key_agreement=False,
                          key_cert_sign=True, crl_sign=False, encipher_only=False,
                          decipher_only=False)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(usage, critical=True)
            .sign(key, hashes.SHA256()))
    key_path.parent.mkdir(parents=True, exist_ok=True)
    cert_path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    descriptor = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return True


def seal_pdf(pdf: bytes, attachment: bytes, config: Mapping, signer_name: str) -> bytes:
    """The PDF with the JSON attachment embedded and a seal over the whole file."""
    files = require_files(config)
    passphrase = (config.get("SEAL_KEY_PASSPHRASE") or "").encode() or None
    signer = signers.SimpleSigner.load(str(files[0]), str(files[1]), key_passphrase=passphrase)
    if signer is None:
        raise Problem("seal-unavailable", 503, "Seal unavailable",
                      "the seal key or certificate cannot be read")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    data = embed.EmbeddedFileObject.from_file_data(writer, attachment,
                                                   mime_type="application/json")
    embed.embed_file(writer, embed.FileSpec(
        file_spec_string=ATTACHMENT, file_name=ATTACHMENT, embedded_data=data,
        description="Underskrifternes indhold og SHA-256 (RFC 8785)"))
    meta = PdfSignatureMetadata(field_name=FIELD, name=signer_name,
                                reason="Segl på underskrevet aftale")
    sealed = _run_async(lambda: signers.async_sign_pdf(writer, meta, signer=signer))
    return sealed.getvalue()


def read_sealed(pdf: bytes, config: Mapping) -> tuple[dict, bytes | None]:
    """(the seal's status, the attachment of the sealed revision); raises NotAPdf."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        found = reader.embedded_signatures
    except Exception as error:  # noqa: BLE001  (any parser failure on untrusted bytes)
        raise NotAPdf(str(error)) from None
    sealed = [sig for sig in found if sig.field_name == FIELD]
    if not sealed:
        return _status(False, False, None, None), None
    seal = sealed[-1]
    files = seal_files(config)
    roots = [load_cert_from_pemder(str(files[1]))] if files else []
    try:
        status = _validate(seal, roots)
    except Exception as error:  # noqa: BLE001  (any parser failure on untrusted bytes)
        raise NotAPdf(str(error)) from None
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    intact = bool(status.intact and whole and _gap_untouched(pdf, seal))
    signed_at = status.signer_reported_dt
    answer = _status(intact and bool(status.valid) and bool(status.trusted), intact,
                     status.signing_cert.subject.native.get("common_name"),
                     rfc3339(signed_at) if signed_at else None)
    return answer, _attachment(reader, seal.signed_revision)


def _validate(seal, roots: list):
    """pyHanko's status of one embedded signature, trusting only the given roots, offline."""
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    return _run_async(lambda: async_validate_pdf_signature(seal, context))


def _run_async(make: Callable[[], Coroutine]):
    """Run a pyHanko coroutine on a fresh event loop in a thread of its own: pyHanko's sync
    wrappers fail in a thread that already runs a loop (Playwright's sync API in the tests,
    an async worker class in production)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


def _gap_untouched(pdf: bytes, seal) -> bool:
    """Whether the one unsigned part of the file, the seal's /Contents hex string, is exactly
    the seal's DER in upper-case hex padded with zeros, as pyHanko writes it (the signature
    cannot cover its own bytes, so a changed padding or letter case is caught here)."""
    try:
        first, signed_length, second, _ = (int(n) for n in seal.byte_range)
        contents = bytes(seal.pkcs7_content)
        der_length = len(cms.ContentInfo.load(contents).dump())
    except Exception:  # noqa: BLE001  (an unreadable /Contents is not untouched)
        return False
    gap = pdf[first + signed_length:second]
    return (not any(contents[der_length:])
            and gap == b"<" + contents.hex().upper().encode() + b">")


def _status(valid: bool, intact: bool, signer: str | None, signed_at: str | None) -> dict:
    """The seal part of a verification answer."""
    return {"valid": valid, "intact": intact, "signer": signer, "signed_at": signed_at}


def _attachment(reader: PdfFileReader, revision: int) -> bytes | None:
    """The bytes of the signed-data attachment as the sealed revision holds it."""
    try:
        root = reader.get_historical_root(revision)
        names = root["/Names"]["/EmbeddedFiles"]["/Names"]
        for index in range(0, len(names) - 1, 2):
            if str(names[index]) == ATTACHMENT:
                return names[index + 1].get_object()["/EF"]["/F"].get_object().data
    except Exception:  # noqa: BLE001  (a missing or malformed attachment is no attachment)
        return None
    return None


def parse_attachment(raw: bytes | None) -> dict | None:
    """The attachment's JSON object, or None when absent or malformed."""
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None
