"""Each field's Vietnamese title and description, as /schema publishes them
for integrators and the form shows them to clerks."""


def doc(title: str, description: str) -> dict:
    """marshmallow ``metadata`` that apispec turns into ``title``/``description``."""
    return {"title": title, "description": description}
