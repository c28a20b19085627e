"""The documents that travel with a plan, drafted from it: the Tờ trình
that asks to issue it, the Quyết định that issues it (the plan attached,
Appendix III model 1.3) and the Báo cáo on its results. Pure functions of
a validated plan and of who proposes it (the body that drafted it: the
Tờ trình's issuer, the decision's "Theo đề nghị của …"), returning a
document of their kind as JSON that validates and renders like any other;
each names the plan by number and date when the plan has them.

Above ``schemas`` (whose validated plans they read) and ``nd30``, below the
API; they write no Word: the generators render what they return.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .decision import decision
from .report import report
from .submission import submission


@dataclass(frozen=True)
class Companion:
    draft: Callable[[dict, dict | None], dict]  # (plan, proposer or None) → document
    label: str  # what it is to the plan, as a clerk says it
    needs_proposer: bool = False


# By the kind of the document drafted.
COMPANIONS = {
    "to_trinh": Companion(submission, "Tờ trình đề nghị ban hành kế hoạch", needs_proposer=True),
    "quyet_dinh": Companion(decision, "Quyết định ban hành kế hoạch (kế hoạch kèm theo)"),
    "bao_cao": Companion(report, "Báo cáo kết quả thực hiện kế hoạch"),
}

__all__ = ["COMPANIONS", "Companion"]
