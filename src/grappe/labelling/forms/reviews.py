"""Forms of the expert pages: the declaration of no conflict and the scoring grid."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm
from grappe.labelling.models import Criterion, Review, Score
from grappe.labelling.services.reviews import COMMENT_MAX_LENGTH

SCORE_CHOICES = [("", "—"), *[(str(value), str(value)) for value in range(Score.SCALE_MAX + 1)]]


class DeclarationForm(BootstrapForm, forms.Form):
    no_conflict = forms.BooleanField(
        label=_(
            "I declare that I have no conflict of interest with this project: I work neither "
            "for one of its partners nor for a competitor of theirs."
        ),
    )


class ScoringForm(BootstrapForm, forms.Form):
    """One score from 0 to 5 and a comment per criterion in use, and the overall comments."""

    comments = forms.CharField(
        label=_("Overall comments"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, criteria: list[Criterion], review: Review | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        given = {score.criterion_id: score for score in review.scores.all()} if review else {}
        grid = {}
        for criterion in criteria:
            score = given.get(criterion.pk)
            name = self.field_name(criterion.code)
            grid[name] = forms.ChoiceField(
                label=criterion.label,
                choices=SCORE_CHOICES,
                help_text=_("Weight %(weight)s") % {"weight": criterion.weight.normalize()},
                initial=str(score.value) if score else "",
            )
            grid[self.comment_name(criterion.code)] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.label},
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=score.comment if score else "",
            )
        # Each criterion's score and comment, then the overall comments.
        self.fields = {**grid, "comments": self.fields["comments"]}
        if review is not None:
            self.fields["comments"].initial = review.comments
        for criterion in criteria:
            self.fields[self.field_name(criterion.code)].widget.attrs["class"] = "form-select"
            self.fields[self.comment_name(criterion.code)].widget.attrs["class"] = "form-control"

    @staticmethod
    def field_name(code: str) -> str:
        return f"score-{code}"

    @staticmethod
    def comment_name(code: str) -> str:
        return f"comment-{code}"

    def score_fields(self) -> list[forms.BoundField]:
        return [self[self.field_name(criterion.code)] for criterion in self.criteria]

    def criterion_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        """(score, comment) per criterion, in the grid's order."""
        return [
            (self[self.field_name(criterion.code)], self[self.comment_name(criterion.code)])
            for criterion in self.criteria
        ]

    def scores(self) -> dict[str, str]:
        return {
            criterion.code: self.cleaned_data[self.field_name(criterion.code)]
            for criterion in self.criteria
        }

    def criterion_comments(self) -> dict[str, str]:
        return {
            criterion.code: self.cleaned_data[self.comment_name(criterion.code)]
            for criterion in self.criteria
        }

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        """The service keys its errors by criterion code (`comment-<code>` for a comment)."""
        for key, messages in errors.items():
            name = key if key.startswith("comment-") else self.field_name(key)
            self.add_error(name if name in self.fields else None, messages)
