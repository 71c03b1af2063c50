"""What the read side's cached page bodies depend on besides the published data."""

from accounts.access import is_secretariat
from pledges.published import PublishedState, cache_key


def body_cache_key(
    request, name: str, *parts, state: PublishedState, anonymous_only: bool = False
) -> str:
    """The key of a page body that ``{% cachedbody %}`` may share between readers: every
    reader sees the same body but the secretariat, which sees its own tools. With
    ``anonymous_only`` (bodies with a follow button or a form) only visitors who are not
    signed in share it; for everyone else the key is empty and the body is rendered."""
    if anonymous_only and request.user.is_authenticated:
        return ""
    role = "secretariat" if is_secretariat(request.user) else "reader"
    return cache_key(f"body-{name}", role, *parts, state=state)
