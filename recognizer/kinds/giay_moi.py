"""Giấy mời (model 1.7): detected by its type line (else, as a guess, by its
symbol "GM-…"). Read on the core, then its lines: "… trân trọng kính mời:"
and the invitees (on the same line, or one a line), "Tới dự …", "Chủ trì:",
"Thời gian:" (hours and the day, the weekday being computed), "Địa điểm:",
"Đề nghị đại biểu mang theo …"; every other block is a note. A line typed
with its label in bold ("**Thời gian:** …") reads the same."""

from __future__ import annotations

import datetime
import re
from typing import Iterator

from nd30.markup import plain
from nd30.vietnamese import drop_ending, meeting_time, upper
from nd30.wording import ATTEND, BRING, CHAIR, INVITES, TIME, VENUE

from .. import blocks
from ..core.body import only
from ..core.detection import Signals
from ..core.document import foot, head, read_parts
from ..core.fields import PLACEHOLDERS, foot_texts, head_texts
from ..notes import Notes
from ..reading import Document
from ..text import clean
from . import Kind, Reading, fitted, register, type_score

NAME = "giay_moi"
NOTE_BLOCKS = ("paragraph", "bullets")
CLOCK = r"(\d{1,2})\s*(?:giờ|h|g|:)\s*(\d{1,2})?\s*(?:phút|p)?"
TIMES = re.compile(rf"{CLOCK}(?:.*?(?:đến|-|–)\s*{CLOCK})?", re.I)
DAY = re.compile(r"ngày\s+(\d{1,2})\s*(?:tháng\s*|[/.-])\s*(\d{1,2})\s*(?:năm\s*|[/.-])\s*(\d{4})", re.I)
VENUE_PLACEHOLDER = "[Địa điểm]"
EVENT_PLACEHOLDER = "[Tên cuộc họp, hội nghị]"


def detect(signals: Signals) -> float:
    return type_score(NAME, signals)


def _label(text: str, label: str) -> str | None:
    """The text after ``label`` when the markup ``text`` starts with it (bold or not)."""
    pattern = r"\**\s*".join(re.escape(word) for word in label.rstrip(":").split()) + (r"\s*:" if label.endswith(":") else "")
    match = re.match(rf"^\**\s*{pattern}\s*\**\s*", text, re.I)
    return text[match.end():].strip() if match else None


def _sentence(text: str) -> str:
    return drop_ending(text, ".") if text.endswith(".") and not text.endswith("./.") else text.rstrip(";,")


def build(document: Document) -> Reading:
    notes = Notes()
    parts = read_parts(document, notes, closing=False)
    invitation = head(parts, notes, NAME)
    found = list(parts.body) + ([{"type": "paragraph", "text": parts.closing}] if parts.closing else [])
    fields, rest = _lines(found, invitation, notes)
    invitation.update(fields)
    if parts.appendices:  # an invitation has none (model 1.7): what followed it is kept as notes
        notes.warn("moved_to_body", path="appendices")
        rest += [block for appendix in parts.appendices for block in
                 [{"type": "paragraph", "text": appendix["title"]}, *appendix.get("content", []), *appendix.get("notes", [])]]
    invitation["notes"] = only(NOTE_BLOCKS, rest)
    invitation.update(foot(parts, notes, NAME)[0])
    return fitted(invitation, notes)


def _lines(found: list[dict], invitation: dict, notes: Notes) -> tuple[dict, list[dict]]:
    fields: dict = {}
    rest: list[dict] = []
    index = 0
    while index < len(found):
        block = found[index]
        index += 1
        text = block.get("text", "") if block["type"] == "paragraph" else ""
        invites = re.search(rf"\s*{re.escape(INVITES.rstrip(':'))}\s*:?\s*", text, re.I) if "invitees" not in fields else None
        if invites:
            inviter = clean(text[:invites.start()])
            issuer = invitation["issuer"]
            if upper(plain(inviter)) == upper(issuer["name"]):
                issuer["name"] = plain(inviter)  # the header shows it in capitals, this line as it is spelled
            elif inviter:
                fields["inviter"] = inviter
            same_line = clean(text[invites.end():])
            if same_line:
                fields["invitees"] = [_sentence(same_line)]
            elif index < len(found) and found[index]["type"] == "bullets":
                fields["invitees"] = [_sentence(item["text"]) for item in found[index]["items"]]
                rest_subs = [sub for item in found[index]["items"] for sub in item.get("sub_items", [])]
                rest.extend({"type": "paragraph", "text": sub} for sub in rest_subs)
                index += 1
            continue
        for key, label in (("event", ATTEND), ("chair", CHAIR), ("venue", VENUE), ("bring", BRING)):
            value = _label(text, label) if key not in fields else None
            if value:
                fields[key] = _sentence(value)
                break
        else:
            value = _label(text, TIME) if "time" not in fields else None
            time = _time(plain(value)) if value else None
            if time is not None:
                fields["time"] = time
            else:
                if value:
                    notes.warn("unreadable_meeting_time", path="time", found=plain(value))
                rest.append(block)
    _required(fields, invitation, notes)
    return fields, rest


def _time(text: str) -> dict | None:
    clock, day = TIMES.search(text), DAY.search(text)
    if clock is None or day is None:
        return None
    numbers = [int(day.group(3)), int(day.group(2)), int(day.group(1))]
    try:
        datetime.date(*numbers)
    except ValueError:
        return None
    hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    time = {"year": numbers[0], "month": numbers[1], "day": numbers[2], "hour": hour, "minute": minute}
    if clock.group(3) is not None:
        end_hour, end_minute = int(clock.group(3)), int(clock.group(4) or 0)
        if end_hour <= 23 and end_minute <= 59 and (end_hour, end_minute) > (hour, minute):
            time.update(end_hour=end_hour, end_minute=end_minute)
    return time


def _required(fields: dict, invitation: dict, notes: Notes) -> None:
    """A visible placeholder, with a warning, for each line not found."""
    if "invitees" not in fields:
        notes.warn("no_meeting_line", path="invitees", line=INVITES)
        fields["invitees"] = [PLACEHOLDERS["issuer"].replace("cơ quan ban hành", "thành phần được mời")]
    if "event" not in fields:
        notes.warn("no_meeting_line", path="event", line=ATTEND)
        fields["event"] = EVENT_PLACEHOLDER
    if "venue" not in fields:
        notes.warn("no_meeting_line", path="venue", line=VENUE)
        fields["venue"] = VENUE_PLACEHOLDER
    if "time" not in fields:
        notes.warn("no_meeting_line", path="time", line=TIME)
        date = invitation["date"]
        fields["time"] = {"year": date["year"], "month": date.get("month", 1), "day": date.get("day", 1), "hour": 0}


def shown(invitation: dict) -> Iterator[str]:
    yield from head_texts(invitation)
    yield from (invitation["inviter"] or invitation["issuer"]["name"], INVITES, *invitation["invitees"])
    yield from (ATTEND, invitation["event"], invitation["chair"] or "", invitation["venue"], invitation["bring"] or "")
    yield from (CHAIR if invitation["chair"] else "", TIME, meeting_time(invitation["time"]), VENUE)
    yield BRING if invitation["bring"] else ""
    yield from blocks.shown_texts(invitation["notes"])
    yield from foot_texts(invitation)


register(Kind(NAME, detect, build, shown))
