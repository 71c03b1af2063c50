"""Search terms as every search box and filter reads them.

Each word of a search becomes a condition over several text columns, so the cost of a
query grows with the number of words: one URL with 2,000 words once held a worker for ten
seconds. Searches keep at most ``MAX_WORDS`` distinct words of at most ``MAX_WORD_LENGTH``
characters; nobody types more into a search box.
"""

MAX_WORDS = 8
MAX_WORD_LENGTH = 64
# Longest search text accepted at all (the form field's max_length).
MAX_SEARCH_LENGTH = 200


def search_words(text: str) -> list[str]:
    """The distinct words of ``text`` (case-insensitively), in order, capped."""
    words, seen = [], set()
    for word in (text or "").split():
        word = word[:MAX_WORD_LENGTH]
        if word.casefold() in seen:
            continue
        seen.add(word.casefold())
        words.append(word)
        if len(words) == MAX_WORDS:
            break
    return words
