import pytest
from django.contrib import admin
from django.urls import reverse

from grappe.labelling import models
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_admin_lists_labelling_for_looking_only(client, application):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    registered = [m for m in admin.site._registry if m._meta.app_label == "labelling"]
    assert models.Application in registered
    for model in registered:
        url = reverse(f"admin:labelling_{model._meta.model_name}_changelist")
        response = client.get(url)
        assert response.status_code == 200, url
        add_url = reverse(f"admin:labelling_{model._meta.model_name}_add")
        assert f'href="{add_url}"' not in response.content.decode()
