"""Giấy mời (model 1.7): "… trân trọng kính mời:" and the invitees (one on
the same line, several one a line), "Tới dự …", the chair, the time with
its weekday, the place, what to bring and any notes — the last of them
ending "./." — then "- Như trên;" first under "Nơi nhận:"."""

from __future__ import annotations

from nd30.vietnamese import ensure_ending, meeting_time
from nd30.wording import ATTEND, BRING, CHAIR, INVITES, TIME, VENUE

from ..document import DocumentKind
from ..front_matter import addressee_lines
from . import register


def sentence(text: str) -> dict:
    return {"type": "paragraph", "text": ensure_ending(text, ".", replaceable=";,:")}


@register
class InvitationDocument(DocumentKind):
    name = "giay_moi"
    template_name = "giay-moi.docx"

    def body_blocks(self, invitation):
        inviter = f"{invitation['inviter'] or invitation['issuer']['name']} {INVITES}"
        invitees = invitation["invitees"]
        if len(invitees) == 1:
            blocks = [{"type": "paragraph", "text": f"{inviter} {invitees[0]}"}]
        else:
            blocks = [{"type": "paragraph", "text": inviter},
                      {"type": "bullets", "items": [{"text": line, "sub_items": []} for line in addressee_lines(invitees)]}]
        blocks.append(sentence(f"{ATTEND} {invitation['event']}"))
        if invitation["chair"]:
            blocks.append(sentence(f"{CHAIR} {invitation['chair']}"))
        blocks.append(sentence(f"{TIME} {meeting_time(invitation['time'])}"))
        blocks.append(sentence(f"{VENUE} {invitation['venue']}"))
        if invitation["bring"]:
            blocks.append(sentence(f"{BRING} {invitation['bring']}"))
        return blocks + invitation["notes"]
