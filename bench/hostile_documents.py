"""Hostile uploads for the import's attack tests and the load bench: Word,
OpenDocument and RTF files that link to a URL (images, sections, templates,
fonts, OLE objects, included text), carry fields that name the file's
location, stall LibreOffice, or hold far more than a plan within the upload
limits.

``linking(url, local_file)`` gives every linking document by name; ``url``
is a canary server's base address, ``local_file`` a file whose content must
never come back. The .doc files are made from RTF and ODT by a one-off
LibreOffice whose profile has the pool's settings (so making them fetches
nothing).
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

from converters.local_process import PROFILE_DIR, PROFILE_SETTINGS

ODF_NAMESPACES = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}.items())  # fmt: skip
ODF_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)
RTF_HEAD = r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}"
# Text every converted document shows, so that a test can tell it was read.
MARK = "Kế hoạch thử"
RTF_MARK = r"K\u7871? ho\u7841?ch th\u7917?"
# 797 bytes in the attack: a picture announcing a billion bytes of binary data.
RTF_BIN = rb"{\rtf1{\pict\pngblip\bin999999999 AAAA}}"


def odt(body: str, *, fonts: str = "", meta: str = "") -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NAMESPACES} office:version="1.2">'
               f"<office:font-face-decls>{fonts}</office:font-face-decls><office:body><office:text>"
               f"<text:p>{MARK}</text:p>{body}</office:text></office:body></office:document-content>")  # fmt: skip
    meta_xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NAMESPACES} office:version="1.2">'
                f"<office:meta>{meta}</office:meta></office:document-meta>")  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        for name, text in (("META-INF/manifest.xml", ODF_MANIFEST), ("content.xml", content), ("meta.xml", meta_xml)):
            package.writestr(name, text)
    return buffer.getvalue()


def rtf(body: str) -> bytes:
    return (RTF_HEAD + RTF_MARK + r"\par " + body + r"\par}").encode("ascii")


def _frame(inner: str) -> str:
    return f'<text:p><draw:frame draw:name="f" svg:width="2cm" svg:height="2cm" text:anchor-type="as-char">{inner}</draw:frame></text:p>'


def odt_linking(url: str, local_file: str) -> dict[str, bytes]:
    link = 'xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"'
    return {
        "odt-image": odt(_frame(f'<draw:image xlink:href="{url}/odt-image.png" {link}/>')),
        "odt-image-local": odt(_frame(f'<draw:image xlink:href="file://{local_file}" {link}/>')),
        "odt-object": odt(_frame(f'<draw:object xlink:href="{url}/odt-object" {link}/>')),
        "odt-section": odt(f'<text:section text:name="S"><text:section-source xlink:href="{url}/odt-section.odt" '
                           'xlink:type="simple"/><text:p>đoạn lưu sẵn</text:p></text:section>'),
        "odt-section-local": odt(f'<text:section text:name="S"><text:section-source xlink:href="file://{local_file}" '
                                 'text:filter-name="Text" xlink:type="simple"/><text:p>đoạn lưu sẵn</text:p></text:section>'),
        "odt-template": odt("", meta=f'<meta:template xlink:type="simple" xlink:actuate="onRequest" '
                                     f'xlink:href="{url}/odt-template.ott" xlink:title="mẫu"/>'),
        "odt-font": odt("", fonts=f'<style:font-face style:name="F" svg:font-family="F"><svg:font-face-src>'
                                  f'<svg:font-face-uri xlink:href="{url}/odt-font.ttf" xlink:type="simple"/>'
                                  "</svg:font-face-src></style:font-face>"),
        "odt-file-name": odt('<text:p>Tệp: <text:file-name text:display="full">ke-hoach.odt</text:file-name></text:p>'
                             '<text:p>Mẫu: <text:template-name text:display="full">mau.ott</text:template-name></text:p>'),
    }  # fmt: skip


def rtf_linking(url: str, local_file: str) -> dict[str, bytes]:
    def field(instruction: str, result: str = "kết quả") -> str:
        return r"{\field{\*\fldinst " + instruction + r"}{\fldrslt " + result.encode("ascii", "ignore").decode() + "}}"

    return {
        "rtf-include-picture": rtf(field(f'INCLUDEPICTURE "{url}/rtf-picture.png" \\\\d', "anh")),
        "rtf-include-text": rtf(field(f'INCLUDETEXT "{url}/rtf-text.txt"')),
        "rtf-include-text-local": rtf(field(f'INCLUDETEXT "{local_file}"')),
        "rtf-template": rtf(r"{\*\template " + url + r"/rtf-template.dot}"),
        "rtf-linked-shape": rtf(r"{\shp{\*\shpinst{\sp{\sn pibName}{\sv " + url + r"/rtf-shape.png}}"
                                r"{\sp{\sn pibFlags}{\sv 10}}}}"),
        "rtf-file-name": rtf("Tep " + field(r"FILENAME \\p", "ke-hoach.rtf")),
    }


def doc_linking(url: str, local_file: str) -> dict[str, bytes]:
    """Word 97-2003 files made from some of the RTF and ODT ones."""
    sources = {**rtf_linking(url, local_file), **odt_linking(url, local_file)}
    wanted = ("rtf-include-picture", "rtf-include-text", "rtf-file-name", "odt-image", "odt-object", "odt-section")
    with tempfile.TemporaryDirectory(prefix="hostile-doc-") as folder:
        root = Path(folder)
        settings = root / PROFILE_DIR / "user" / "registrymodifications.xcu"
        settings.parent.mkdir(parents=True)
        settings.write_text(PROFILE_SETTINGS, encoding="utf-8")
        paths = []
        for name in wanted:
            path = root / f"{name.replace('-', '_')}.{name.split('-')[0]}"
            path.write_bytes(sources[name])
            paths.append(path)
        subprocess.run(["soffice", f"-env:UserInstallation={(root / PROFILE_DIR).as_uri()}", "--headless",
                        "--convert-to", "doc", "--outdir", str(root / "doc"), *map(str, paths)],
                       check=True, capture_output=True, timeout=180)  # fmt: skip
        return {"doc-" + name.split("-", 1)[1] + "-from-" + name.split("-")[0]:
                (root / "doc" / f"{name.replace('-', '_')}.doc").read_bytes() for name in wanted}  # fmt: skip


DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/></Types>'
)
DOCX_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
W_NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
                'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
                'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')  # fmt: skip
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def docx(body: str, *, document_rels: dict[str, tuple[str, str]] = {}, settings: str = "",
         settings_rels: dict[str, tuple[str, str]] = {}) -> bytes:  # fmt: skip
    """A minimal .docx; ``*_rels`` map an id to (relationship type, external target)."""

    def rels(entries: dict[str, tuple[str, str]], extra: str = "") -> str:
        items = "".join(f'<Relationship Id="{key}" Type="{RELATIONSHIP}{kind}" Target="{target}" TargetMode="External"/>'
                        for key, (kind, target) in entries.items())  # fmt: skip
        return ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
                f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{extra}{items}</Relationships>')

    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NAMESPACES}><w:body>'
                f"<w:p><w:r><w:t>{MARK}</w:t></w:r></w:p>{body}</w:body></w:document>")  # fmt: skip
    settings_link = f'<Relationship Id="rIdS" Type="{RELATIONSHIP}settings" Target="settings.xml"/>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", DOCX_TYPES)
        package.writestr("_rels/.rels", DOCX_ROOT_RELS)
        package.writestr("word/document.xml", document)
        package.writestr("word/_rels/document.xml.rels", rels(document_rels, settings_link))
        package.writestr("word/settings.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:settings {W_NAMESPACES}>'
                                              f"{settings}</w:settings>")  # fmt: skip
        package.writestr("word/_rels/settings.xml.rels", rels(settings_rels))
    return buffer.getvalue()


def docx_linking(url: str, local_file: str) -> dict[str, bytes]:
    picture = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="p"/>'
               '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
               '<pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr>'
               '<pic:blipFill><a:blip r:link="rIdImage"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData>'
               "</a:graphic></wp:inline></w:drawing></w:r></w:p>")  # fmt: skip
    return {
        "docx-image": docx(picture, document_rels={"rIdImage": ("image", f"{url}/docx-image.png")}),
        "docx-image-local": docx(picture, document_rels={"rIdImage": ("image", f"file://{local_file}")}),
        "docx-template": docx("", settings='<w:attachedTemplate r:id="rIdT"/>',
                              settings_rels={"rIdT": ("attachedTemplate", f"{url}/docx-template.dotx")}),
        "docx-sub-document": docx('<w:p><w:subDoc r:id="rIdSub"/></w:p>',
                                  document_rels={"rIdSub": ("subDocument", f"{url}/docx-sub.docx")}),
        "docx-ole-link": docx('<w:p><w:r><w:object><o:OLEObject Type="Link" ProgID="Word.Document.12" r:id="rIdOle" '
                              'UpdateMode="Always"/></w:object></w:r></w:p>',
                              document_rels={"rIdOle": ("oleObject", f"{url}/docx-ole.docx")}),
        "docx-include-fields": docx(f'<w:p><w:fldSimple w:instr=\'INCLUDEPICTURE "{url}/docx-field.png" \\d\'>'
                                    "<w:r><w:t>ảnh</w:t></w:r></w:fldSimple></w:p>"
                                    f'<w:p><w:fldSimple w:instr=\'INCLUDETEXT "{local_file}"\'>'
                                    "<w:r><w:t>văn bản</w:t></w:r></w:fldSimple></w:p>"),
        "docx-file-name": docx('<w:p><w:r><w:t xml:space="preserve">Tệp: </w:t></w:r><w:fldSimple w:instr="FILENAME \\p">'
                               "<w:r><w:t>ke-hoach.docx</w:t></w:r></w:fldSimple></w:p>"),
    }  # fmt: skip


def linking(url: str, local_file: str) -> dict[str, bytes]:
    """Every linking document, by name (the .doc ones need LibreOffice to be made)."""
    return {**odt_linking(url, local_file), **rtf_linking(url, local_file), **doc_linking(url, local_file),
            **docx_linking(url, local_file)}  # fmt: skip


def huge_docx(megabytes_of_xml: int = 190) -> bytes:
    """A .docx within the zip checks (expanding about 100 times: 2 MB for 190 MB) whose
    document.xml is ``megabytes_of_xml`` MB of paragraphs formatted as Word writes them."""
    paragraph = ('<w:p><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="567"/>'
                 '<w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
                 'w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t>{:07d} Nội dung kế hoạch</w:t>'
                 "</w:r></w:p>")  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", DOCX_TYPES)
        package.writestr("_rels/.rels", DOCX_ROOT_RELS)
        package.writestr("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                         'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')  # fmt: skip
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NAMESPACES}><w:body>'.encode())
            written, number = 0, 0
            while written < megabytes_of_xml * 1024 * 1024:
                chunk = "".join(paragraph.format(number + i) for i in range(1000)).encode()
                part.write(chunk)
                written += len(chunk)
                number += 1000
            part.write(b"</w:body></w:document>")
    return buffer.getvalue()


def add_footnotes(document, references: int, footnotes: int = 1) -> None:
    """Give a python-docx document ``footnotes`` footnotes and a paragraph referring
    ``references`` times to them, in turn."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = "".join(f'<w:footnote w:id="{n + 1}"><w:p><w:r><w:t>Chú thích {n + 1}</w:t></w:r></w:p></w:footnote>'
                    for n in range(footnotes))  # fmt: skip
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                f'<w:footnotes xmlns:w="{w}">{notes}</w:footnotes>'.encode(), document.part.package)  # fmt: skip
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    paragraph = document.add_paragraph("Nội dung có chú thích")
    for index in range(references):
        paragraph._p.append(parse_xml(f'<w:r xmlns:w="{w}"><w:footnoteReference w:id="{index % footnotes + 1}"/></w:r>'))


def footnote_docx(references: int, footnotes: int = 1) -> bytes:
    """A .docx whose body refers ``references`` times to ``footnotes`` footnotes."""
    import docx as python_docx  # noqa: PLC0415 - only the tests and the bench need python-docx

    document = python_docx.Document()
    document.add_paragraph(MARK)
    add_footnotes(document, references, footnotes)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
