"""How an outlet itself handled the claim it repeated: article metadata,
shown on the notice as given."""
from __future__ import annotations

NOT_RECORDED = "not-recorded"

# value of the article's Correction-Handling field -> what the notice says
HANDLING = {
    "not-corrected": "The outlet has not corrected this article: the archived copy carries no correction.",
    "later-note": "The outlet later added its own note to this article.",
    "mentioned-in-text": "The article itself mentions that the claim was disputed.",
    "follow-up": "The outlet corrected the claim in a separate, later article.",
    NOT_RECORDED: "How the outlet handled the claim has not been recorded yet.",
}

# value -> the few words the explainer's table leads with
STATUS = {
    "not-corrected": "Not corrected",
    "later-note": "Corrected later",
    "mentioned-in-text": "Mentions the dispute",
    "follow-up": "Corrected in a follow-up",
    NOT_RECORDED: "Not recorded",
}

# handling values that count as "corrected" on the explainer
CORRECTED = {"later-note", "mentioned-in-text", "follow-up"}


def check_handling(value: str) -> str | None:
    if value not in HANDLING or value == NOT_RECORDED:
        allowed = ", ".join(v for v in HANDLING if v != NOT_RECORDED)
        return f"correction handling {value!r} must be one of: {allowed}"
    return None
