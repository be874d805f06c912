"""vn-news-extract: officials, dates, percentages and money from Vietnamese news.

    from extract import extract_text
    record = extract_text(text, published="2021-12-21")
    record.model_dump(mode="json")  # the JSONL line the CLI writes
"""
from extract.errors import InputError
from extract.models import Article
from extract.parse import Entity, parse
from extract.pipeline import extract_file, extract_text, iter_file
from extract.segment import Sentence, sentences


def nlp():
    """The spaCy pipeline (see extract.spacy_pipeline); spaCy loads only when asked for."""
    from extract.spacy_pipeline import nlp as build

    return build()


def explain(text: str, *, published: str | None = None):
    """Every mention with offsets, rule and value (see extract.explain)."""
    from extract.explain import explain as run

    return run(text, published=published)

__version__ = "0.1.0"
__all__ = ["Article", "Entity", "InputError", "Sentence", "sentences", "explain", "nlp", "parse", "extract_file", "extract_text", "iter_file", "__version__"]
