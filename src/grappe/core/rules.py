"""Permissions on core objects."""

import rules


@rules.predicate
def owns_token(user, token) -> bool:
    return bool(token is not None and user.is_authenticated and token.user_id == user.pk)


rules.add_perm("core.use_api_tokens", rules.is_authenticated)
rules.add_perm("core.revoke_api_token", owns_token)
