"""vn-news-extract: officials, dates, percentages and money from Vietnamese news.

    from extract import extract_text
    record = extract_text(text, published="2021-12-21")
    record.model_dump(mode="json")  # the JSONL line the CLI writes
"""
from extract.errors import InputError
from extract.models import Article
from extract.parse import Entity, parse
from extract.pipeline import extract_file, extract_text, iter_file

__version__ = "0.1.0"
__all__ = ["Article", "Entity", "InputError", "parse", "extract_file", "extract_text", "iter_file", "__version__"]
