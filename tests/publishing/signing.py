"""Signing an issued PDF as a signer's tool would: pyHanko, with a throw-away
certificate made here (its own trust anchor), into a named field.

pyHanko's synchronous calls run ``asyncio.run``, which refuses to start where
an event loop is already running: Playwright's synchronous API keeps one in
the main thread for the browser tests of the same session. Each call runs in
a thread of its own."""

from __future__ import annotations

import datetime
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator import ValidationContext


@dataclass(frozen=True)
class Identity:
    signer: signers.SimpleSigner
    certificate: asn1_x509.Certificate

    def trust(self) -> ValidationContext:
        return ValidationContext(trust_roots=[self.certificate])


def throwaway_identity(common_name: str) -> Identity:
    """A self-signed ECDSA certificate valid for a day, fit for document signing."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    der_certificate = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    der_key = asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return Identity(signers.SimpleSigner(signing_cert=der_certificate, signing_key=der_key, cert_registry=None),
                    der_certificate)


def _in_own_thread(function, *arguments):
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(function, *arguments).result()


def sign(pdf: bytes, field_name: str, identity: Identity) -> bytes:
    """``pdf`` signed into its existing field ``field_name`` (an incremental update)."""
    def signed() -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        metadata = signers.PdfSignatureMetadata(field_name=field_name)
        return signers.sign_pdf(writer, metadata, signer=identity.signer).getvalue()

    return _in_own_thread(signed)


def signature_status(pdf: bytes, field_name: str, identity: Identity) -> PdfSignatureStatus:
    def status() -> PdfSignatureStatus:
        reader = PdfFileReader(io.BytesIO(pdf))
        signature = next(s for s in reader.embedded_signatures if s.field_name == field_name)
        return validate_pdf_signature(signature, identity.trust())

    return _in_own_thread(status)
