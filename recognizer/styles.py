"""Effective formatting: what Word shows for a run or a paragraph after
direct formatting, character style, paragraph style (and the styles it is
based on) and the document defaults."""

from __future__ import annotations


class _Names:
    """``W.t`` → "{http://…/main}t": Clark names of WordprocessingML."""

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def __getattr__(self, name: str) -> str:
        clark = f"{{{self.ns}}}{name}"
        setattr(self, name, clark)  # asked once per name: every run asks for the same few
        return clark


W = _Names()
OFF = {"0", "false", "off", "none"}
EMPTY: dict = {}


def child(element, tag: str):
    """``element``'s first child ``tag``, or None: lxml's ``find`` goes
    through ElementPath and costs several times more, for every run."""
    for candidate in element:
        if candidate.tag == tag:
            return candidate
    return None


def properties(owner, container: str) -> dict:
    """``owner``'s properties inside its ``container`` (w:pPr, w:rPr) by tag,
    the first of a tag kept as Word does: one pass over them, where a
    paragraph or run is asked several questions. EMPTY when it has none."""
    props = child(owner, container)
    return {item.tag: item for item in reversed(props)} if props is not None else EMPTY


def on(element) -> bool | None:
    """The value of a toggle property element (<w:b/>, <w:b w:val="0"/>), or None if absent."""
    if element is None:
        return None
    return element.get(W.val, "true").lower() not in OFF


class Styles:
    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        self.default_paragraph = ""
        self.defaults_rpr = None
        self._chains: dict[str, list] = {}
        self._styled: dict[tuple, object] = {}            # (character style, paragraph style, tag) → run property
        self._styled_paragraph: dict[tuple, object] = {}  # (paragraph style, tag) → paragraph property
        self._names: dict[str, str] = {}
        self._plain_runs: dict[tuple, object] = {}  # (question, paragraph style) → a plain run's answer
        if root is None:
            return
        for style in root.findall(W.style):
            style_id = style.get(W.styleId, "")
            self.by_id[style_id] = style
            if style.get(W.type) == "paragraph" and style.get(W.default) in ("1", "true"):
                self.default_paragraph = style_id
        defaults = root.find(W.docDefaults)
        if defaults is not None:
            self.defaults_rpr = defaults.find(f"{W.rPrDefault}/{W.rPr}")

    def name(self, style_id: str) -> str:
        if style_id not in self._names:
            style = self.by_id.get(style_id)
            name = style.find(W.name) if style is not None else None
            self._names[style_id] = name.get(W.val, "") if name is not None else ""
        return self._names[style_id]

    def chain(self, style_id: str | None) -> list:
        """The style and the styles it is based on, nearest first."""
        if not style_id:
            return []
        if style_id in self._chains:
            return self._chains[style_id]
        chain, seen = [], set()
        current = style_id
        while current and current not in seen and current in self.by_id:
            seen.add(current)
            style = self.by_id[current]
            chain.append(style)
            based = style.find(W.basedOn)
            current = based.get(W.val) if based is not None else None
        self._chains[style_id] = chain
        return chain

    def paragraph_style_id(self, ppr: dict) -> str:
        """The style of a paragraph whose ``properties(p, W.pPr)`` are ``ppr``."""
        style = ppr.get(W.pStyle)
        return style.get(W.val, "") if style is not None else self.default_paragraph

    def paragraph_property(self, ppr: dict, style_id: str, tag: str):
        """The nearest w:pPr child ``tag`` for a paragraph with direct properties ``ppr``, or None."""
        found = ppr.get(tag)
        if found is not None:
            return found
        key = (style_id, tag)
        if key not in self._styled_paragraph:
            self._styled_paragraph[key] = next(
                (value for value in (_property(style, W.pPr, tag) for style in self.chain(style_id)) if value is not None),
                None)
        return self._styled_paragraph[key]

    def _run_property(self, rpr: dict, style_id: str, tag: str):
        # Direct formatting, then the run's character style, then the paragraph's style chain.
        found = rpr.get(tag)
        if found is not None:
            return found
        char_style = rpr.get(W.rStyle)
        return self._styled_run_property(char_style.get(W.val) if char_style is not None else None, style_id, tag)

    def _styled_run_property(self, char_style_id: str | None, style_id: str, tag: str):
        """What the styles give a run (cached: a long document asks the same
        few questions of its few styles for every run)."""
        key = (char_style_id, style_id, tag)
        if key not in self._styled:
            owners = (self.chain(char_style_id) if char_style_id else []) + self.chain(style_id)
            found = next((value for value in (_property(owner, W.rPr, tag) for owner in owners) if value is not None), None)
            if found is None and self.defaults_rpr is not None:
                found = self.defaults_rpr.find(tag)
            self._styled[key] = found
        return self._styled[key]

    # A run is given by its direct properties, ``properties(run, W.rPr)``
    # (EMPTY for what the paragraph's style alone gives). Most runs set
    # none of what is asked: the style's answer is then worked out once.

    def _for_run(self, rpr: dict, style_id: str, tags: tuple[str, ...], answer):
        if W.rStyle in rpr or any(tag in rpr for tag in tags):
            return answer(rpr, style_id)
        key = (answer.__name__, style_id)
        if key not in self._plain_runs:
            self._plain_runs[key] = answer(EMPTY, style_id)
        return self._plain_runs[key]

    def run_emphasis(self, rpr: dict, style_id: str) -> tuple[bool, bool]:
        return self._for_run(rpr, style_id, (W.b, W.i), self._emphasis)

    def run_size(self, rpr: dict, style_id: str) -> float | None:
        return self._for_run(rpr, style_id, (W.sz,), self._size)

    def run_font(self, rpr: dict, style_id: str) -> str | None:
        return self._for_run(rpr, style_id, (W.rFonts,), self._font)

    def _emphasis(self, rpr: dict, style_id: str) -> tuple[bool, bool]:
        return bool(on(self._run_property(rpr, style_id, W.b))), bool(on(self._run_property(rpr, style_id, W.i)))

    def _size(self, rpr: dict, style_id: str) -> float | None:
        size = self._run_property(rpr, style_id, W.sz)
        try:
            return int(size.get(W.val)) / 2 if size is not None else None
        except (TypeError, ValueError):
            return None

    def _font(self, rpr: dict, style_id: str) -> str | None:
        fonts = self._run_property(rpr, style_id, W.rFonts)
        if fonts is None:
            return None
        return fonts.get(W.ascii) or fonts.get(W.hAnsi)

    def alignment(self, ppr: dict, style_id: str) -> str:
        jc = self.paragraph_property(ppr, style_id, W.jc)
        value = jc.get(W.val, "") if jc is not None else ""
        return {"start": "left", "end": "right", "distribute": "both"}.get(value, value)

    def border_bottom(self, ppr: dict, style_id: str) -> bool:
        borders = self.paragraph_property(ppr, style_id, W.pBdr)
        bottom = borders.find(W.bottom) if borders is not None else None
        return bottom is not None and bottom.get(W.val, "none") not in ("none", "nil")


def _property(owner, container: str, tag: str):
    """``owner``'s property ``tag`` inside its ``container`` (w:pPr, w:rPr), or None."""
    props = owner.find(container) if owner is not None else None
    return props.find(tag) if props is not None else None
