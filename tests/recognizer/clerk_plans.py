"""Hypothesis strategies: plans as People's Committees write them (Vietnamese
words, headings without final stops, sentences, bold lead-ins, italics,
footnotes, long numbered paragraphs, named parts, agencies, recipients and
signatories of every authority, a table of figures) and the shape an
office types them in (``clerk_documents.Shape``)."""

from __future__ import annotations

from hypothesis import strategies as st

from .clerk_documents import HEADERS, SIGNATURES, STYLES, Shape

# Words that open no structure when they start a line (no label, basis,
# closing, recipients or authority).
STARTERS = ["Tăng", "Đẩy", "Nâng", "Tổ", "Hỗ", "Rà", "Phấn", "Thúc", "Củng", "Khuyến", "Đào", "Xây", "Bảo", "Phát",
            "Tuyên", "Vận", "Kiểm", "Huy", "Giải", "Chăm", "Ưu", "Mở", "Duy", "Quản", "Lồng"]
WORDS = ["cường", "mạnh", "cao", "chức", "trợ", "soát", "đấu", "đẩy", "cố", "khích", "tạo", "dựng", "đảm", "triển",
         "truyền", "động", "tra", "động", "quyết", "sóc", "tiên", "rộng", "trì", "lý", "ghép", "hộ", "nghèo", "cận",
         "người", "dân", "lao", "việc", "làm", "giảm", "bền", "vững", "chính", "sách", "xã", "huyện", "thôn", "bản",
         "nguồn", "vốn", "vay", "ưu", "đãi", "y", "tế", "giáo", "dục", "nhà", "ở", "nước", "sạch", "điện", "đường",
         "sinh", "kế", "nông", "nghiệp", "chăn", "nuôi", "trồng", "trọt", "năm", "2024", "các", "và", "cho", "của",
         "theo", "quy", "định", "kết", "quả", "thực", "hiện", "chỉ", "tiêu", "mục", "đích", "yêu", "cầu", "đồng",
         "bào", "dân", "tộc", "thiểu", "số", "vùng", "khó", "khăn", "100%", "3,2%", "1.100", "05", "(B/c)", "“Quỹ”"]
AGENCIES = ["Phòng Lao động - Thương binh và Xã hội", "Phòng Tài chính - Kế hoạch", "Phòng Y tế", "Công an huyện",
            "Trung tâm Y tế huyện", "Phòng Giáo dục và Đào tạo", "Ủy ban MTTQ Việt Nam huyện", "UBND các xã, thị trấn"]
PLACES = ["Tam Đường", "Đại Lãnh", "Tân Phú", "Mường Tè", "Buôn Ma Thuột"]
NAMES = ["Vũ Xuân Thịnh", "Nguyễn Văn An", "Lò Thị Mai", "Phạm Xuân Quang", "Hoàng Văn Bình"]
TITLES = ["Chủ tịch", "Phó Chủ tịch"]


def words(low: int, high: int):
    return st.tuples(st.sampled_from(STARTERS), st.lists(st.sampled_from(WORDS), min_size=low, max_size=high)).map(
        lambda pair: " ".join([pair[0], *pair[1]]))


def heading():
    return words(1, 8)


def sentence(low: int = 4, high: int = 30):
    end = st.sampled_from([".", ";", ""])
    plain = st.tuples(words(low, high), end).map("".join)
    lead = st.tuples(words(1, 3), words(low, high), end).map(lambda t: f"**{t[0]}:** {t[1]}{t[2]}")
    italic = st.tuples(words(low, high), words(1, 3)).map(lambda t: f"{t[0]} *{t[1]}*.")
    note = st.tuples(words(low, high), words(2, 8)).map(lambda t: f"{t[0]}^[Theo {t[1].lower()}.]")
    return st.one_of(plain, plain, lead, italic, note)


def long_sentence():
    """400 to 900 characters of running text, as a numbered task paragraph holds."""
    return st.lists(words(8, 12).map(lambda s: s + "."), min_size=6, max_size=12).map(" ".join).filter(
        lambda text: 400 <= len(text) <= 900)


def leaf():
    paragraph = sentence().map(lambda text: {"type": "paragraph", "text": text})
    bullets = st.lists(st.fixed_dictionaries({"text": sentence()}, optional={"sub_items": st.lists(sentence(), max_size=2)}),
                       min_size=1, max_size=3).map(lambda items: {"type": "bullets", "items": items})
    points = st.lists(st.fixed_dictionaries({"text": sentence()}), min_size=1, max_size=4).map(
        lambda items: {"type": "points", "items": items})
    return st.one_of(paragraph, paragraph, bullets, points)


def section(depth: int):
    children = [leaf()] + ([st.deferred(lambda: section(depth + 1))] if depth < 3 else [])
    titled = st.fixed_dictionaries({"type": st.just("section"), "heading": heading(),
                                    "content": st.lists(st.one_of(*children), max_size=3)})
    numbered_text = long_sentence().map(lambda text: {"type": "section", "content": [{"type": "paragraph", "text": text}]})
    return st.one_of(titled, titled, numbered_text)


def named_part():
    part = st.fixed_dictionaries({"content": st.lists(leaf(), min_size=1, max_size=2)})
    purposes = st.fixed_dictionaries({"type": st.just("purposes_requirements"), "purposes": part, "requirements": part})
    agency = st.fixed_dictionaries({"name": st.sampled_from(AGENCIES), "lead": st.booleans(),
                                    "duties": st.lists(leaf(), min_size=1, max_size=2)})
    assignments = st.lists(agency, min_size=1, max_size=3, unique_by=lambda a: a["name"]).map(
        lambda agencies: {"type": "assignments", "agencies": agencies})
    simple = st.tuples(st.sampled_from(["tasks", "budget", "reporting"]), st.lists(leaf(), min_size=1, max_size=2)).map(
        lambda pair: {"type": pair[0], "content": pair[1]})
    return st.one_of(purposes, assignments, simple)


def signatory():
    name, title = st.sampled_from(NAMES), st.sampled_from(TITLES)
    alone = st.fixed_dictionaries({"title": title, "name": name})
    collective = st.fixed_dictionaries({"collective": st.just("Ủy ban nhân dân"), "title": st.just("Chủ tịch"), "name": name})
    deputy = st.fixed_dictionaries({"collective": st.just("Ủy ban nhân dân"), "authority": st.just("KT"),
                                    "principal_title": st.just("Chủ tịch"), "title": st.just("Phó Chủ tịch"), "name": name})
    return st.one_of(alone, collective, deputy)


def appendix():
    row = st.fixed_dictionaries({"label": st.sampled_from(["Thôn Đông", "Thôn Nam", "Bản Mới", "Xã Tân Phú"]),
                                 "values": st.fixed_dictionaries({"households": st.integers(1, 5000),
                                                                  "poor": st.integers(0, 500)})})
    table = st.lists(row, min_size=1, max_size=4, unique_by=lambda r: r["label"]).map(lambda rows: {
        "label_header": "Thôn", "rows": rows,
        "columns": [{"key": "households", "header": "Số hộ"}, {"key": "poor", "header": "Hộ nghèo"},
                    {"key": "rate", "header": "Tỷ lệ", "kind": "rate", "of": ["poor", "households"]}]})
    return st.fixed_dictionaries({"title": words(3, 8), "table": table})


@st.composite
def clerk_plans(draw) -> dict:
    place = draw(st.sampled_from(PLACES))
    plan = {
        "schema_version": 1,
        "issuer": {"name": f"Ủy ban nhân dân {draw(st.sampled_from(['huyện', 'xã']))} {place}", "abbreviation": "UBND"},
        "place": place,
        "date": draw(st.fixed_dictionaries({"year": st.integers(2015, 2030)},
                                           optional={"month": st.integers(3, 12), "day": st.integers(10, 28)})
                     .filter(lambda date: "day" not in date or "month" in date)),
        "summary": draw(words(4, 16)),
        "legal_bases": draw(st.lists(words(6, 20).map(lambda text: "Căn cứ " + text.lower()), max_size=3)),
        "body": draw(st.lists(st.one_of(section(1), named_part()), min_size=1, max_size=4)),
        "recipients": draw(st.lists(st.fixed_dictionaries({"name": st.sampled_from(AGENCIES)},
                                                           optional={"note": st.just("b/c")}),
                                    max_size=4, unique_by=lambda r: r["name"])),
        "archive": draw(st.lists(st.sampled_from(["VT", "LĐTBXH", "VH-XH"]), max_size=2, unique=True)),
        "signatory": draw(signatory()),
    }
    if draw(st.booleans()):
        plan["number"] = draw(st.integers(1, 300))
    if draw(st.booleans()):
        plan["lead_in"] = f"Ủy ban nhân dân {place} xây dựng Kế hoạch như sau:"
    if draw(st.booleans()):
        plan["closing"] = f"Trên đây là Kế hoạch của Ủy ban nhân dân {place}"
    if draw(st.booleans()):
        plan["appendices"] = [draw(appendix())]
    return plan


def shapes():
    return st.builds(Shape, tab=st.booleans(), word_bullets=st.booleans(), word_numbering=st.booleans(),
                     header=st.sampled_from(HEADERS), signature=st.sampled_from(SIGNATURES),
                     styles=st.sampled_from(STYLES), draft_box=st.booleans(), footnotes=st.booleans(),
                     body_table=st.booleans())
