"""What file was sent: a .docx read as it is; a .doc, .odt or .rtf
converted to .docx first (by the caller's converter); everything else
refused with a code the API maps to a 4xx — macro-enabled files,
password-protected files (OLE2 "EncryptedPackage"), zip bombs, broken
packages, other formats."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Callable

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
RTF_MAGIC = b"{\\rtf"
# Limits on what a package may expand to before any part is read.
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200            # uncompressed / compressed, per large member
RATIO_FROM_BYTES = 1024 * 1024
MAX_MEMBERS = 5000

WORD_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
}
MACRO_MAIN = {
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
ODF_TEXT = {b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template"}

MESSAGES = {
    "unsupported_file": "Tệp không phải văn bản Word (.docx, .doc) hoặc OpenDocument (.odt); tệp có macro (.docm) cũng không được nhận.",
    "macro_file": "Tệp Word có macro (.docm) không được nhận; hãy lưu lại thành .docx (Word: Lưu thành… → Tài liệu Word).",
    "encrypted_file": "Tệp được đặt mật khẩu; hãy bỏ mật khẩu trong Word (Tệp → Thông tin → Bảo vệ tài liệu) rồi gửi lại.",
    "corrupt_file": "Tệp bị hỏng hoặc không đọc được; hãy mở bằng Word, lưu lại thành .docx rồi gửi lại.",
    "unconvertible": "LibreOffice không đọc được tệp này; hãy mở bằng Word, lưu lại thành .docx rồi gửi lại.",
    "zip_bomb": "Tệp giải nén ra quá lớn so với kích thước của nó; không đọc tệp này.",
}
STATUS = {"unsupported_file": 415, "encrypted_file": 422, "corrupt_file": 422, "too_large": 413}


class FileRefused(Exception):
    """A file the recognizer does not read; ``code`` is one of CONTRACTS.md #3."""

    def __init__(self, code: str, message_key: str | None = None):
        super().__init__(MESSAGES[message_key or code])
        self.code = code
        self.message_key = message_key
        self.status = STATUS[code]
        self.message = MESSAGES[message_key or code]

    def __reduce__(self):
        # Raised in a worker process, answered by the service: it crosses as pickle.
        return FileRefused, (self.code, self.message_key)


def kind_of(data: bytes) -> str:
    """"docx", "convert" (a .doc, .odt or .rtf) or raises FileRefused."""
    if data.startswith(OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20] or b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data[:1 << 20]:
            raise FileRefused("encrypted_file")
        return "convert"
    if data.lstrip()[:5] == RTF_MAGIC:
        return "convert"
    if not data.startswith(ZIP_MAGIC):
        raise FileRefused("unsupported_file")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_expansion(package)
            names = set(package.namelist())
            if "mimetype" in names:
                if package.read("mimetype").strip() in ODF_TEXT:
                    return "convert"
                raise FileRefused("unsupported_file")
            if "[Content_Types].xml" not in names:
                raise FileRefused("unsupported_file")
            types = package.read("[Content_Types].xml").decode("utf-8", "replace")
    except FileRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, KeyError, OSError, EOFError, ValueError,
            RuntimeError, zlib.error):
        raise FileRefused("corrupt_file") from None
    if any(main in types for main in MACRO_MAIN):
        raise FileRefused("unsupported_file", "macro_file")
    if any(main in types for main in WORD_MAIN):
        return "docx"
    raise FileRefused("unsupported_file")


def check_expansion(package: zipfile.ZipFile) -> None:
    """Refuse a zip bomb from the sizes the directory declares, before reading."""
    members = package.infolist()
    if len(members) > MAX_MEMBERS:
        raise FileRefused("corrupt_file", "zip_bomb")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > RATIO_FROM_BYTES and member.file_size > MAX_RATIO * max(1, member.compress_size):
            raise FileRefused("corrupt_file", "zip_bomb")
    if total > MAX_UNCOMPRESSED:
        raise FileRefused("corrupt_file", "zip_bomb")


def docx_from(data: bytes, convert: Callable[[bytes], bytes] | None = None) -> bytes:
    """The .docx bytes to read for an uploaded file: as sent, or converted by
    ``convert`` (LibreOffice) for .doc, .odt and .rtf."""
    if not data:
        return data
    if kind_of(data) == "docx":
        return data
    if convert is None:
        raise FileRefused("unsupported_file")
    converted = convert(data)
    if kind_of(converted) != "docx":
        raise FileRefused("corrupt_file")
    return converted
