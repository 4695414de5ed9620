"""Builds the spaCy pipeline from `pipeline.cfg`."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)

CONFIG = Path(__file__).with_name("pipeline.cfg")
NER_MODEL = Path(__file__).with_name("models") / "cluener"


def make_nlp(ner_model: Path | None = None) -> Language:
    """The pipeline of `pipeline.cfg`; with `ner_model`, a trained CLUENER tok2vec + ner + retyper run before
    the mention finder, whose persons and organizations then come from it as well as from LAC."""
    config = spacy.util.load_config(CONFIG)
    if ner_model is not None:
        from . import train  # noqa: F401  (registers the architectures the model is built from)

        pipeline = config["nlp"]["pipeline"]
        sourced = ["tok2vec", "ner", "onekg_retyper"]
        pipeline[pipeline.index("onekg_mentions"):0] = sourced
        for name in sourced:
            config["components"][name] = {"source": str(ner_model)}
        config["components"]["onekg_lac"]["scores"] = True  # the model's features
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    return make_nlp()
