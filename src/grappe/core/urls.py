from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from grappe.core import views
from grappe.core.account_forms import LoginForm, NewPasswordForm, ResetRequestForm

urlpatterns = [
    path(
        "connexion/",
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "mot-de-passe/oublie/",
        auth_views.PasswordResetView.as_view(
            form_class=ResetRequestForm,
            extra_email_context={"pole_name": settings.GRAPPE_POLE_NAME},
        ),
        name="password_reset",
    ),
    path(
        "mot-de-passe/oublie/envoye/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=NewPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/fait/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("compte/", views.account, name="account"),
    path("compte/jetons/", views.token_create, name="token_create"),
    path("compte/jetons/<int:pk>/revoquer/", views.token_revoke, name="token_revoke"),
]
