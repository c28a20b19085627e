"""How a companion names the plan it goes with, and who proposed it."""

from __future__ import annotations

from nd30.kinds import citation, type_name
from nd30.markup import plain


def continuation(summary: str) -> str:
    """A summary continuing a sentence ("Kế hoạch thực hiện …" from "Thực
    hiện …"): its first letter in lower case, unless the first word is an
    abbreviation or a name written in capitals ("UBND", "COVID-19")."""
    text = " ".join(plain(summary).split())
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def plan_name(plan: dict) -> str:
    """"Kế hoạch thực hiện Chương trình …": its type and its summary."""
    return f"{type_name(plan)} {continuation(plan['summary'])}"


def plan_reference(plan: dict) -> str:
    """The plan cited by number and date when it has a number ("Kế hoạch số
    05/KH-UBND ngày 05 tháng 3 năm 2021 của …"), else by its name."""
    return citation(plan) if plan["number"] is not None else plan_name(plan)


def head_of(proposer: dict) -> str:
    """The proposing body's head as a decision names him: "Trưởng phòng Lao
    động - Thương binh và Xã hội" (title and body, the body's first word
    not repeated), "Giám đốc Sở Tài chính"."""
    title, body = proposer["signatory"]["principal_title"] or proposer["signatory"]["title"], proposer["issuer"]["name"]
    last_word, (first_word, _, rest) = title.split()[-1], body.partition(" ")
    if rest and first_word.casefold() == last_word.casefold():
        body = rest
    return f"{title} {body}"
