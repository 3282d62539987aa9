"""The core of the demo: the capability vocabulary, from the project's own copy."""

from grappe.core.models import Term
from grappe.core.services import DEFAULT_VOCABULARY, load_vocabulary, read_vocabulary_csv
from grappe.demo.context import DemoContext


def build(context: DemoContext) -> list[str]:
    summary = load_vocabulary(rows=read_vocabulary_csv(DEFAULT_VOCABULARY), actor=None)
    return [
        f"{Term.objects.count()} vocabulary terms "
        f"({summary['created']} created, {summary['updated']} updated)"
    ]
