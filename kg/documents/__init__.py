"""First pipeline stage: files → `Document` (decoded, article text, boilerplate blanked) or `LoadError`."""

from kg.documents.model import Document, LoadError
from kg.documents.read import iter_documents, load_document

__all__ = ["Document", "LoadError", "iter_documents", "load_document"]
