"""The Tờ trình that asks the plan's issuer to issue it: from the body that
drafted it (the proposer), addressed to the issuer; its sections ready to
write, the plan's legal bases and outline already in them."""

from __future__ import annotations

from nd30.kinds import type_name
from nd30.markup import plain
from nd30.vietnamese import ensure_ending, target_text

from .naming import plan_name
from .outline import named_parts, specific_targets


def bullets(texts: list[str]) -> dict:
    """A list of texts, each ending ";" and the last "."."""
    last = len(texts) - 1
    return {"type": "bullets", "items": [{"text": ensure_ending(text, "." if index == last else ";")}
                                         for index, text in enumerate(texts)]}


def section(heading: str, content: list[dict]) -> dict:
    return {"type": "section", "heading": heading, "content": content}


def submission(plan: dict, proposer: dict | None) -> dict:
    """The proposer's Tờ trình for ``plan`` (``proposer``: its issuer and
    signatory; the API requires it)."""
    kind_word = type_name(plan)
    outline = [plain(heading) for heading in named_parts(plan["body"])]
    targets = [plain(target_text(target)) for target in specific_targets(plan["body"])]
    contents = [{"type": "paragraph", "text": f"{kind_word} gồm các phần:"}, bullets(outline)] if outline else []
    if targets:
        contents.append({"type": "paragraph", "text": "Các chỉ tiêu chủ yếu:"})
        contents.append(bullets(targets))
    body = [section(f"Sự cần thiết ban hành {kind_word}", [])]
    if plan["legal_bases"]:
        body.append(section(f"Căn cứ xây dựng {kind_word}", [bullets([plain(basis) for basis in plan["legal_bases"]])]))
    body.append(section(f"Quá trình xây dựng {kind_word}", []))
    body.append(section(f"Nội dung chủ yếu của {kind_word}", contents))
    issuer = plan["issuer"]["name"]
    return {
        "schema_version": 1,
        "kind": "to_trinh",
        "issuer": proposer["issuer"],
        "number": None,
        "place": plan["place"],
        "date": {"year": plan["date"]["year"]},
        "summary": f"Về việc ban hành {plan_name(plan)}",
        "addressees": [issuer],
        "body": body,
        "closing": f"{proposer['issuer']['name']} kính trình {issuer} xem xét, ban hành {kind_word} (kèm theo dự thảo {kind_word})",
        "recipients": [],
        "archive": ["VT"],
        "signatory": proposer["signatory"],
    }
