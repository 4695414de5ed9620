"""Builds the spaCy pipeline from `pipeline.cfg`."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)

CONFIG = Path(__file__).with_name("pipeline.cfg")
NER_MODEL = Path(__file__).with_name("models") / "cluener"


def make_nlp(ner_model: Path | None = NER_MODEL) -> Language:
    """The pipeline; without a trained model (`ner_model=None` or missing) it runs on LAC and rules alone."""
    config = spacy.util.load_config(CONFIG)
    if ner_model is None or not (Path(ner_model) / "ner").exists():
        config["nlp"]["pipeline"] = [p for p in config["nlp"]["pipeline"] if p not in ("tok2vec", "ner")]
        del config["components"]["tok2vec"], config["components"]["ner"]
        config["paths"]["ner_model"] = None
    else:
        config["paths"]["ner_model"] = str(ner_model)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    return make_nlp()
