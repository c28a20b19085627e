"""The Quyết định that issues the plan (Appendix III, model 1.3): issued by
the head of the plan's issuer on the plan's legal bases and the proposer's
request, its three usual articles, and the plan attached in the same file."""

from __future__ import annotations

from nd30.markup import plain

from .naming import head_of, plan_name

# What the plan carries over as the document the decision issues.
ISSUED_FIELDS = ("document_type", "summary", "lead_in", "body", "closing", "appendices")


def article(text: str) -> dict:
    return {"type": "article", "content": [{"type": "paragraph", "text": text}]}


def head_title(signatory: dict) -> str:
    """The head of the issuer: the principal for whom a deputy signs
    ("KT. CHỦ TỊCH"), else the signer's own title."""
    return signatory["principal_title"] or signatory["title"]


def decision(plan: dict, proposer: dict | None) -> dict:
    issuer, signatory = plan["issuer"], plan["signatory"]
    agencies = [plain(agency["name"]) for block in plan["body"] if block["type"] == "assignments"
                for agency in block["agencies"]]
    charged = f"Thủ trưởng các cơ quan, đơn vị: {'; '.join(agencies)} và" if agencies else "Thủ trưởng"
    return {
        "schema_version": 1,
        "kind": "quyet_dinh",
        "draft_mark": plan["draft_mark"],
        "issuer": issuer,
        "number": None,
        "place": plan["place"],
        "date": plan["date"],
        "summary": f"Ban hành {plan_name(plan)}",
        "authority": f"{head_title(signatory)} {issuer['name']}",
        "legal_bases": plan["legal_bases"],
        "proposed_by": head_of(proposer) if proposer else None,
        "body": [
            article(f"Ban hành kèm theo Quyết định này {plan_name(plan)}."),
            article("Quyết định này có hiệu lực kể từ ngày ký."),
            article(f"Chánh Văn phòng {issuer['name']}; {charged} các cơ quan, đơn vị có liên quan "
                    "chịu trách nhiệm thi hành Quyết định này."),
        ],
        "recipients": plan["recipients"],
        "archive": plan["archive"],
        # Decided by the head: signed for him, not on behalf of the collective.
        "signatory": {**signatory, "collective": None},
        "attachment": {field: plan[field] for field in ISSUED_FIELDS},
        "attachment_file": "same",
    }
