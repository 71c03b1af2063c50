"""Shared set-up for the progress-update tests: a pledge of ``organization`` and form data."""

from pledges.models import ProgressUpdate

State = ProgressUpdate.State


def payload(**overrides):
    """What a focal point types in the update form; override or drop (None) any field."""
    data = {
        "stage": "in_progress",
        "progress": "40",
        "achievements": "Held two job fairs with 30 refugee participants.",
        "challenges": "Visa status slows hiring.",
        "next_steps": "A third fair in Osaka.",
        "refugee_participation": "Refugees co-designed the fairs.",
        "links": "https://example.org/report",
    }
    data.update(overrides)
    # The narrative goes into the fields of the page's language (English in tests).
    text = ("achievements", "challenges", "next_steps", "refugee_participation")
    data = {f"{k}_en" if k in text else k: v for k, v in data.items()}
    return {k: v for k, v in data.items() if v is not None}
