"""What a test does with the form, in the clerk's terms."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
from docx.oxml.ns import qn


def open_form(page, server) -> None:
    page.goto(server.url)
    page.wait_for_selector("body[data-ready=true]")


def field(page, path: str):
    """The control (or part) rendering the plan's dotted `path`."""
    return page.locator(f'[data-path="{path}"]')


def new_document(page, kind_label: str = "Kế hoạch") -> None:
    """"Văn bản mới…", then the kind as the dialog names it."""
    page.get_by_role("button", name="Văn bản mới…").click()
    page.locator("#new-kinds button", has_text=kind_label).first.click()
    page.wait_for_selector(f"#notice:has-text('Đã bắt đầu {kind_label.lower()} mới')")


def fill_core(page, summary: str) -> None:
    """What every kind asks: issuer, place, summary, signatory."""
    page.get_by_label("Tên cơ quan ban hành").fill("Ủy ban nhân dân huyện Tam Đường")
    page.get_by_label("Tên viết tắt của cơ quan").fill("UBND")
    page.get_by_label("Địa danh").fill("Tam Đường")
    page.get_by_label("Trích yếu nội dung").fill(summary)
    page.get_by_role("textbox", name="Chức vụ người ký", exact=True).fill("Chủ tịch")
    page.get_by_role("textbox", name="Họ và tên người ký", exact=True).fill("Vũ Xuân Thịnh")


def open_example(page, name: str, kind: str = "ke_hoach") -> None:
    page.wait_for_selector("#example-select:not([disabled])")
    page.select_option("#example-select", value=f"/kinds/{kind}/examples/{name}")
    page.get_by_role("button", name="Mở mẫu").click()
    page.wait_for_selector("#notice:has-text('thành bản nháp mới')")
    page.wait_for_selector(".pm-body > *")


def dismiss_notice(page) -> None:
    """Close the message at the bottom of the page (before a screenshot)."""
    close = page.locator("#notice button[aria-label='Đóng thông báo']")
    if close.is_visible():
        close.click()


def upload(page, path: Path) -> None:
    page.set_input_files("#file-input", str(path))
    page.wait_for_selector(f"#notice:has-text('{path.name}')")


def download(page, button_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name, exact=True).click()
    return Path(info.value.path()).read_bytes()


def download_json(page) -> dict:
    return json.loads(download(page, "Lưu tệp kế hoạch…").decode("utf-8"))


def body_editor(page):
    return page.locator(".pm-body")


def body_paragraphs(page) -> list[tuple[str, str]]:
    """(label as printed, text) of every paragraph of the body editor."""
    return [tuple(pair) for pair in page.evaluate(
        "[...document.querySelectorAll('.pm-body > *')].map((p) => [p.dataset.label || '', p.textContent])")]


def current_block(page) -> dict:
    """Kind of the body paragraph holding the caret: {type, level, attached}."""
    return page.evaluate("""() => {
      const node = document.getSelection().anchorNode;
      const el = (node.nodeType === 1 ? node : node.parentElement).closest('.pm-body > *');
      const cls = el.className;
      const type = cls.includes('pm-h') ? 'heading' : cls.includes('pm-point') ? 'point'
        : cls.includes('pm-subbullet') ? 'subbullet' : cls.includes('pm-bullet') ? 'bullet' : 'paragraph';
      const level = type === 'heading' ? Number(/pm-h(\\d)/.exec(cls)[1]) : 0;
      return { type, level, attached: cls.includes('pm-attached'), kind: el.dataset.kind || null };
    }""")


def styled_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph of the Word file, tables included."""
    document = docx.Document(io.BytesIO(data))
    found = [(p.style.name, p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend((p.style.name, p.text) for p in cell.paragraphs)
    return found


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph of the document body (tables included)."""
    document = docx.Document(io.BytesIO(data))
    texts = []
    for paragraph in document.element.body.iter(qn("w:p")):
        texts.append("".join(node.text or "" for node in paragraph.iter(qn("w:t"))))
    return texts


def docx_runs(data: bytes) -> list[tuple[str, bool]]:
    """(text, bold) of every run in the body."""
    document = docx.Document(io.BytesIO(data))
    runs = []
    for run in document.element.body.iter(qn("w:r")):
        text = "".join(node.text or "" for node in run.iter(qn("w:t")))
        props = run.find(qn("w:rPr"))
        bold = props is not None and props.find(qn("w:b")) is not None and props.find(qn("w:b")).get(qn("w:val")) not in ("0", "false")
        runs.append((text, bold))
    return runs


def open_rendered_word(page, server, name: str, folder: Path) -> None:
    """The example rendered by the service as a Word file, opened in the form
    through "Mở tệp Word" (POST /import, the real recognizer)."""
    plan = json.loads((Path(__file__).resolve().parents[2] / "examples" / f"{name}.json").read_text(encoding="utf-8"))
    word = folder / f"{name}.docx"
    word.write_bytes(server.app.test_client().post("/render?format=docx", json=plan).data)
    open_form(page, server)
    page.set_input_files("#word-input", str(word))
    page.wait_for_selector(f"#notice:has-text('{word.name}')")
