"""What file was sent: a .docx read as it is; a .doc, .odt or .rtf
converted to .docx first (by the caller's converter); everything else
refused with a code the API maps to a 4xx — macro-enabled files,
password-protected files (OLE2 "EncryptedPackage"), OLE2 files that are no
Word document, ODF packages without content, RTF whose binary data runs
past its end, zip bombs, broken packages, other formats. (A document
holding more than a plan may is refused as its parts are parsed:
``recognizer.content``.)

Only signatures and the zip directory are read here, with every part read
bounded in size: a refusal costs next to nothing.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Callable

from .content import UNREADABLE_PACKAGE
from .refusals import FileRefused

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
RTF_MAGIC = b"{\\rtf"
# A Word 97-2003 file is an OLE2 compound file with a "WordDocument" stream
# (spreadsheets, presentations and mail are OLE2 files too).
WORD_STREAM = "WordDocument".encode("utf-16-le")
ENCRYPTION_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
# Limits on what a package may expand to before any part is read.
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_SMALL_PART = 1024 * 1024  # mimetype, [Content_Types].xml

WORD_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
}
MACRO_MAIN = {
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
ODF_TEXT = {b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template"}
# An RTF control word (\name, an optional number, one space eaten) or a control symbol (\x).
RTF_CONTROL = re.compile(rb"\\(?:([a-zA-Z]{1,32})(-?\d{1,10})? ?|.)", re.DOTALL)


def kind_of(data: bytes) -> str:
    """ "docx", "convert" (a .doc, .odt or .rtf) or raises FileRefused."""
    if data.startswith(OLE2_MAGIC):
        if any(stream in data for stream in ENCRYPTION_STREAMS):
            raise FileRefused("encrypted_file")
        if WORD_STREAM not in data:
            raise FileRefused("unsupported_file", "not_word")
        return "convert"
    if data.lstrip()[:5] == RTF_MAGIC:
        check_rtf(data)
        return "convert"
    if not data.startswith(ZIP_MAGIC):
        raise FileRefused("unsupported_file")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_expansion(package)
            names = set(package.namelist())
            if "mimetype" in names:
                if _read_small(package, "mimetype").strip() not in ODF_TEXT:
                    raise FileRefused("unsupported_file")
                if "content.xml" not in names:
                    raise FileRefused("corrupt_file", "odf_without_content")
                return "convert"
            if "[Content_Types].xml" not in names:
                raise FileRefused("unsupported_file")
            types = _read_small(package, "[Content_Types].xml").decode("utf-8", "replace")
    except FileRefused:
        raise
    except UNREADABLE_PACKAGE:
        raise FileRefused("corrupt_file") from None
    if any(main in types for main in MACRO_MAIN):
        raise FileRefused("unsupported_file", "macro_file")
    if any(main in types for main in WORD_MAIN):
        return "docx"
    raise FileRefused("unsupported_file")


def _read_small(package: zipfile.ZipFile, name: str) -> bytes:
    if package.getinfo(name).file_size > MAX_SMALL_PART:
        raise FileRefused("corrupt_file")
    return package.read(name)


def check_expansion(package: zipfile.ZipFile) -> None:
    """Refuse a zip bomb from the sizes the directory declares, before reading.

    The parts that are read have caps of their own (``recognizer.content``);
    the rest (pictures) is never decompressed.
    """
    members = package.infolist()
    if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNCOMPRESSED:
        raise FileRefused("corrupt_file", "zip_bomb")


def check_rtf(data: bytes) -> None:
    """Refuse an RTF whose binary data (``\\binN``) runs past the end of the file.

    LibreOffice waits for the bytes announced: 797 bytes announcing a
    billion held an instance until its deadline.
    """
    position = 0
    while (control := RTF_CONTROL.search(data, position)) is not None:
        position = control.end()
        if control.group(1) == b"bin":
            length = int(control.group(2) or 0)
            if length < 0 or length > len(data) - position:
                raise FileRefused("corrupt_file", "rtf_binary")
            position += length


def docx_from(data: bytes, convert: Callable[[bytes], bytes] | None = None) -> bytes:
    """The .docx bytes to read for an uploaded file: as sent, or converted by
    ``convert`` (LibreOffice) for .doc, .odt and .rtf; refused (FileRefused)
    when it is no readable Word document.
    ``convert`` raises FileRefused for a file it cannot read."""
    if not data:
        return data
    if kind_of(data) != "docx":
        if convert is None:
            raise FileRefused("unsupported_file")
        data = convert(data)
        if kind_of(data) != "docx":
            raise FileRefused("corrupt_file")
    return data


__all__ = ["FileRefused", "docx_from", "kind_of"]
