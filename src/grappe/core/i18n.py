from django.utils.translation import get_language


def is_english() -> bool:
    return (get_language() or "fr").startswith("en")


def localised(french: str, english: str) -> str:
    """The text in the reader's language, falling back on the other one when it is empty."""
    if is_english():
        return english or french
    return french or english
