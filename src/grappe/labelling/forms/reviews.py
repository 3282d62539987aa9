"""Forms of the expert pages: the declaration of no conflict and the scoring grid."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.labelling.models import Criterion, Review, Score

SCORE_CHOICES = [("", "—"), *[(str(value), str(value)) for value in range(Score.SCALE_MAX + 1)]]


class DeclarationForm(BootstrapForm, forms.Form):
    no_conflict = forms.BooleanField(
        label=_(
            "I declare that I have no conflict of interest with this project: I work neither "
            "for one of its partners nor for a competitor of theirs."
        ),
    )


class ScoringForm(BootstrapForm, forms.Form):
    """One score from 0 to 5 per criterion in use, and the overall comments."""

    comments = forms.CharField(
        label=_("Overall comments"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, criteria: list[Criterion], review: Review | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        given = {score.criterion_id: score.value for score in review.scores.all()} if review else {}
        scores = {}
        for criterion in criteria:
            name = self.field_name(criterion.code)
            scores[name] = forms.ChoiceField(
                label=criterion.label,
                choices=SCORE_CHOICES,
                help_text=_("Weight %(weight)s") % {"weight": criterion.weight.normalize()},
                initial=str(given[criterion.pk]) if criterion.pk in given else "",
            )
        # The scores first, then the comments.
        self.fields = {**scores, "comments": self.fields["comments"]}
        if review is not None:
            self.fields["comments"].initial = review.comments
        for name in scores:
            self.fields[name].widget.attrs["class"] = "form-select"

    @staticmethod
    def field_name(code: str) -> str:
        return f"score-{code}"

    def score_fields(self) -> list[forms.BoundField]:
        return [self[self.field_name(criterion.code)] for criterion in self.criteria]

    def scores(self) -> dict[str, str]:
        return {
            criterion.code: self.cleaned_data[self.field_name(criterion.code)]
            for criterion in self.criteria
        }

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        """The service keys its errors by criterion code."""
        for key, messages in errors.items():
            name = self.field_name(key)
            self.add_error(name if name in self.fields else None, messages)
