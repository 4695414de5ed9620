"""documents → nlp → facts → graph: the per-document work, streamed."""
from __future__ import annotations

from typing import Iterable, Iterator

from rdflib import Graph
from spacy.language import Language

from .documents import Document
from .facts.extract import Extractor
from .facts.model import DocFacts
from .graph.build import doc_iri, document_graph
from .nlp.pipeline import shared_nlp


def extract_facts(documents: Iterable[Document], nlp: Language | None = None,
                  batch_size: int = 16, n_process: int = 1) -> Iterator[tuple[Document, DocFacts]]:
    """Each document with its entities and statements, in input order."""
    nlp = nlp or shared_nlp()

    def docs():
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.published = document.published.isoformat() if document.published else None
            doc._.doc_id = document.id
            yield doc, document

    for doc, document in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield document, Extractor(doc, doc_iri(document)).run()


def extract_graphs(documents: Iterable[Document], nlp: Language | None = None,
                   batch_size: int = 16, n_process: int = 1) -> Iterator[tuple[Document, Graph]]:
    """Each document with its named graph, in input order."""
    for document, facts in extract_facts(documents, nlp, batch_size, n_process):
        yield document, document_graph(document, facts)
