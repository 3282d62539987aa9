"""Forms of the vocabulary pages: the list's filter, a new term, a term's labels."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.core.models import Facet, Term

MAX_SYNONYM_LENGTH = 200
MAX_SYNONYMS = 100


class SynonymsField(forms.CharField):
    """Synonyms typed one per line, or separated by `|`, as a list."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("One per line, or separated by |."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value) -> list[str]:
        text = super().to_python(value)
        synonyms = [part.strip() for part in re.split(r"[\n|]", text or "") if part.strip()]
        if len(synonyms) > MAX_SYNONYMS:
            raise ValidationError(
                _("At most %(count)s synonyms."), params={"count": MAX_SYNONYMS}, code="too_many"
            )
        too_long = [synonym for synonym in synonyms if len(synonym) > MAX_SYNONYM_LENGTH]
        if too_long:
            raise ValidationError(
                _("A synonym has at most %(count)s characters."),
                params={"count": MAX_SYNONYM_LENGTH},
                code="too_long",
            )
        return synonyms


class VocabularyFilterForm(BootstrapForm, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Code, label or synonym")}
        ),
    )
    facet = forms.ChoiceField(
        label=_("Facet"), required=False, choices=[("", _("All facets")), *Facet.choices]
    )

    def filters(self) -> dict[str, str]:
        """The valid filters; a bad value is ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"text": (data.get("q") or "").strip(), "facet": data.get("facet") or ""}


class TermForm(BootstrapForm, forms.Form):
    """A term's labels and synonyms; a new term also gets its code and facet."""

    code = forms.SlugField(
        label=_("Code"),
        max_length=80,
        help_text=_("Stable identifier in lower case, for example micro_injection."),
    )
    facet = forms.ChoiceField(label=_("Facet"), choices=Facet.choices)
    label_fr = forms.CharField(label=_("French label"), max_length=200)
    label_en = forms.CharField(
        label=_("English label"),
        max_length=200,
        required=False,
        help_text=_("The French label is used when it is empty."),
    )
    synonyms_fr = SynonymsField(label=_("French synonyms"))
    synonyms_en = SynonymsField(label=_("English synonyms"))

    EDITABLE = ("label_fr", "label_en", "synonyms_fr", "synonyms_en")

    def __init__(self, *args, term: Term | None = None, **kwargs):
        if term is not None:
            kwargs.setdefault("initial", {name: getattr(term, name) for name in self.EDITABLE})
        super().__init__(*args, **kwargs)
        if term is not None:
            # A term's code and facet are fixed once created: searches and imports use them.
            del self.fields["code"]
            del self.fields["facet"]

    def changes(self) -> dict:
        """The edited values for `update_term`."""
        data = {name: self.cleaned_data[name] for name in self.EDITABLE}
        data["label_en"] = data["label_en"] or data["label_fr"]
        return data
