"""The form of a cluster's page, for the staff."""

from django import forms

from grappe.core.forms import BootstrapForm
from grappe.members.models import Cluster
from grappe.members.queries import animator_candidates

CLUSTER_FIELDS = ("description_fr", "description_en", "animator")


class ClusterForm(BootstrapForm, forms.Form):
    """The descriptions and the animator of a cluster; the animator is one of the staff."""

    description_fr = Cluster._meta.get_field("description_fr").formfield(
        widget=forms.Textarea(attrs={"rows": 6})
    )
    description_en = Cluster._meta.get_field("description_en").formfield(
        widget=forms.Textarea(attrs={"rows": 6})
    )
    animator = Cluster._meta.get_field("animator").formfield()

    def __init__(self, *args, cluster: Cluster, **kwargs):
        kwargs.setdefault("initial", {name: getattr(cluster, name) for name in CLUSTER_FIELDS})
        super().__init__(*args, **kwargs)
        self.fields["animator"].queryset = animator_candidates(cluster)
