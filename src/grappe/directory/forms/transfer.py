"""Forms of the import and export of organisations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grappe.core.forms import BootstrapForm

# Larger files go through `grappe import-organisations`, which has no such limit.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ImportForm(BootstrapForm, forms.Form):
    file = forms.FileField(
        label=_("Organisation file"),
        help_text=_(
            "CSV (comma or semicolon, UTF-8 or Windows-1252) or XLSX, with a header row; "
            "at most 10 MB. Nothing is written before you confirm."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 10 MB: import it with “grappe import-organisations”.")
            )
        return upload


class ConfirmImportForm(forms.Form):
    """The confirmation of a previewed file, named by its digest."""

    digest = forms.CharField(max_length=64, min_length=64, widget=forms.HiddenInput)
