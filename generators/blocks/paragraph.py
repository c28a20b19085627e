"""A paragraph of running text in the body style."""

from nd30 import styles as S

from . import writes


@writes("paragraph")
def write_paragraph(writer, block: dict, depth: int):
    yield writer.paragraph(S.BODY, block["text"])
