"""Names of the template's paragraph styles and list definitions: the
contract between the templates of ``templates_docx/`` and the generator
(a template defines the styles its kind writes: tests/kinds check it).

Formatting lives in the template (edit it in Word); code only picks a style.
Names are in Vietnamese because clerks see them in Word's Styles pane.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    name: str
    style_id: str


DRAFT_MARK = Style("ND30 Dự thảo", "ND30DraftMark")
PARENT_BODY = Style("ND30 Cơ quan chủ quản", "ND30ParentBody")
ISSUER = Style("ND30 Cơ quan ban hành", "ND30Issuer")
ISSUER_RULE = Style("ND30 Gạch dưới cơ quan", "ND30IssuerRule")
NUMBER_SYMBOL = Style("ND30 Số ký hiệu", "ND30NumberSymbol")
NATIONAL_TITLE = Style("ND30 Quốc hiệu", "ND30NationalTitle")
MOTTO = Style("ND30 Tiêu ngữ", "ND30Motto")
PLACE_DATE = Style("ND30 Địa danh ngày tháng", "ND30PlaceDate")
DOCUMENT_TYPE = Style("ND30 Tên loại", "ND30DocumentType")
SUMMARY = Style("ND30 Trích yếu", "ND30Summary")
SUMMARY_RULE = Style("ND30 Gạch dưới trích yếu", "ND30SummaryRule")
LEGAL_BASIS = Style("ND30 Căn cứ", "ND30LegalBasis")
BODY = Style("ND30 Nội dung", "ND30Body")
HEADING_I = Style("ND30 Đề mục I", "ND30HeadingI")
HEADING_1 = Style("ND30 Đề mục 1", "ND30Heading1")
HEADING_1_1 = Style("ND30 Đề mục 1.1", "ND30Heading11")
HEADING_1_1_1 = Style("ND30 Đề mục 1.1.1", "ND30Heading111")
NUMBERED_I = Style("ND30 Đoạn đánh số I", "ND30NumberedI")
NUMBERED_1 = Style("ND30 Đoạn đánh số 1", "ND30Numbered1")
NUMBERED_1_1 = Style("ND30 Đoạn đánh số 1.1", "ND30Numbered11")
NUMBERED_1_1_1 = Style("ND30 Đoạn đánh số 1.1.1", "ND30Numbered111")
POINT = Style("ND30 Điểm a)", "ND30Point")
BULLET = Style("ND30 Gạch đầu dòng", "ND30Bullet")
SUB_BULLET = Style("ND30 Gạch cộng", "ND30SubBullet")
CLOSING = Style("ND30 Kết thúc", "ND30Closing")
RECIPIENTS_TITLE = Style("ND30 Nơi nhận", "ND30RecipientsTitle")
RECIPIENT = Style("ND30 Nơi nhận - danh sách", "ND30Recipient")
AUTHORITY = Style("ND30 Thẩm quyền ký", "ND30Authority")
SIGNER = Style("ND30 Người ký", "ND30Signer")
PAGE_NUMBER = Style("ND30 Số trang", "ND30PageNumber")
APPENDIX_LABEL = Style("ND30 Phụ lục số", "ND30AppendixLabel")
APPENDIX_TITLE = Style("ND30 Phụ lục tên", "ND30AppendixTitle")
APPENDIX_ATTACHED = Style("ND30 Phụ lục kèm theo", "ND30AppendixAttached")
TABLE_HEADER = Style("ND30 Bảng tiêu đề", "ND30TableHeader")
TABLE_TEXT = Style("ND30 Bảng chữ", "ND30TableText")
TABLE_NUMBER = Style("ND30 Bảng số", "ND30TableNumber")
TABLE_NOTE = Style("ND30 Bảng ghi chú", "ND30TableNote")
# Tables of text and task matrices (12 pt): cells by alignment, column
# headers, group rows (keep with the next row), the table's title.
TABLE_CELL = Style("ND30 Bảng - ô", "ND30TableCell")
TABLE_CELL_CENTER = Style("ND30 Bảng - ô căn giữa", "ND30TableCellCenter")
TABLE_CELL_RIGHT = Style("ND30 Bảng - ô căn phải", "ND30TableCellRight")
TABLE_CELL_JUSTIFY = Style("ND30 Bảng - ô căn đều", "ND30TableCellJustify")
TABLE_HEAD = Style("ND30 Bảng - tiêu đề cột", "ND30TableHead")
TABLE_GROUP = Style("ND30 Bảng - dòng nhóm", "ND30TableGroup")
TABLE_TITLE = Style("ND30 Bảng - tên bảng", "ND30TableTitle")
TABLE_CELL_BY_ALIGNMENT = {"left": TABLE_CELL, "center": TABLE_CELL_CENTER, "right": TABLE_CELL_RIGHT,
                           "justify": TABLE_CELL_JUSTIFY}
# The kinds beyond the plan. A decision (models 1.2, 1.3): the enacting
# authority over the legal bases, "QUYẾT ĐỊNH:", articles numbered "Điều 1."
# by Word (the label bold; Word renumbers them, across the whole document
# as the decree numbers articles), with a title on a line of its own or
# their first paragraph run in after the label, and their clauses "1.",
# "2." typed like the letters of points (each list restarts at 1). The
# document a decision issues carries "(Ban hành kèm theo Quyết định số …)"
# under its summary.
ENACTING_AUTHORITY = Style("ND30 Thẩm quyền ban hành", "ND30EnactingAuthority")
DECIDES = Style("ND30 Quyết định:", "ND30Decides")
ARTICLE_HEADING = Style("ND30 Điều - tiêu đề", "ND30ArticleHeading")
ARTICLE = Style("ND30 Điều", "ND30Article")
CLAUSE = Style("ND30 Khoản", "ND30Clause")
ISSUED_WITH = Style("ND30 Kèm theo quyết định", "ND30IssuedWith")
# "Kính gửi:" (Appendix I, 9a): one addressee on the same line, centred; or
# the words alone and each addressee on its own line, dashes aligned.
ADDRESSEE = Style("ND30 Kính gửi", "ND30Addressee")
ADDRESSEES_TITLE = Style("ND30 Kính gửi nhiều nơi", "ND30AddresseesTitle")
ADDRESSEES_ITEM = Style("ND30 Kính gửi - danh sách", "ND30AddresseesItem")
# A công văn's summary, "V/v …", under its number (model 1.5).
LETTER_SUMMARY = Style("ND30 Trích yếu công văn", "ND30LetterSummary")
FOOTNOTE_TEXT = Style("footnote text", "FootnoteText")
FOOTNOTE_REFERENCE = Style("footnote reference", "FootnoteReference")

# Section headings by depth: I., 1., 1.1., 1.1.1. A heading keeps with the
# next paragraph; a numbered paragraph that carries its own text ("8. Phòng
# Y tế: ...", a numbered target) is on the same list level but does not, so a
# run of them flows across pages like running text.
HEADINGS = (HEADING_I, HEADING_1, HEADING_1_1, HEADING_1_1_1)
NUMBERED_PARAGRAPHS = (NUMBERED_I, NUMBERED_1, NUMBERED_1_1, NUMBERED_1_1_1)

# List definitions (w:abstractNum and its default w:num share the id).
# Points carry typed letters (Word has no Vietnamese alphabet), so no list.
NUM_HEADINGS = 1
NUM_BULLETS = 3
NUM_RECIPIENTS = 4
NUM_ARTICLES = 5  # "Điều %1."
NUM_ADDRESSEES = 6
