"""The JWKS route. Mount at the site root: `path("", include("accounts.jwks_urls"))`."""

from django.urls import path

from accounts import jwks

app_name = "accounts_jwks"

urlpatterns = [path(".well-known/jwks.json", jwks.jwks, name="jwks")]
