"""The fixed words of Decree 30's models (Appendix III) that documents print
around what the author writes, one source for the generators that print
them and the recognizer that reads them back."""

# Model 1.2: the legal bases end with the proposal, then the decision itself.
PROPOSED_BY = "Theo đề nghị của"
DECIDES = "QUYẾT ĐỊNH:"
ARTICLE = "Điều"
# Model 1.3: the document a decision issues, in its own header.
ISSUED_WITH = "Ban hành kèm theo"

# Appendix I, 9: the addressees of a Tờ trình, a Báo cáo to a superior and
# a Công văn; "Nơi nhận" then starts with "Như trên" (or, in a decision,
# with those charged in its last article: "Như Điều 3").
ADDRESSEES = "Kính gửi:"
AS_ABOVE = "Như trên"
AS_IN_ARTICLE = "Như Điều"

# Model 1.5: the summary of a Công văn, under its number.
LETTER_SUMMARY = "V/v"

# Model 1.7: the lines of an invitation.
INVITES = "trân trọng kính mời:"
ATTEND = "Tới dự"
CHAIR = "Chủ trì:"
TIME = "Thời gian:"
VENUE = "Địa điểm:"
BRING = "Đề nghị đại biểu mang theo"


def names_its_addressees(document: dict) -> bool:
    """Whether the document names those it is sent to above its text (after
    "Kính gửi:", or as the invitees of an invitation): "Nơi nhận:" then
    starts with "Như trên" (Appendix I, 9b)."""
    return bool(document.get("addressees") or document.get("invitees"))
