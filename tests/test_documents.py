"""kg.documents: real files written into tmp_path, plus the seed document."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

import pytest

from kg.documents import Document, LoadError, iter_documents, load_document
from kg.documents import html as html_module
from kg.documents.clean import clean, load_rules

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "000_164738e43296cac7.txt"

SIMPLIFIED = (
    "上海昨天以一场贯穿全天的特别直播，为沸腾的五五购物节再添一把火。\n"
    "正在打造数字新基建、在线新经济的上海，如何创造流量、用好流量？\n"
)
TRADITIONAL = (
    "臺北市政府今天宣布，將於明年擴大推動數位轉型計畫，協助中小企業上線經營。\n"
    "記者張懿報導：線上新經濟蓬勃發展，產業互聯網的格局遠沒有消費互聯網那樣成熟。\n"
)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def load_ok(path: Path) -> Document:
    doc = load_document(path)
    assert isinstance(doc, Document), doc
    return doc


def load_err(path: Path) -> LoadError:
    err = load_document(path)
    assert isinstance(err, LoadError), err
    assert "\n" not in err.reason
    return err


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "text", "detected"),
    [
        ("utf-8", SIMPLIFIED, "utf-8"),
        ("utf-8-sig", SIMPLIFIED, "utf-8-sig"),
        ("gb18030", SIMPLIFIED, "gb18030"),
        ("gbk", SIMPLIFIED, "gb18030"),  # GB18030 is a superset of GBK
        ("gb18030", TRADITIONAL, "gb18030"),
        ("big5", TRADITIONAL, "big5"),
        ("utf-8", TRADITIONAL, "utf-8"),
    ],
)
def test_encodings(tmp_path: Path, codec: str, text: str, detected: str) -> None:
    doc = load_ok(write(tmp_path / "a.txt", text, codec))
    assert doc.text == text  # BOM stripped, every character right
    assert doc.encoding == detected


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        # Short text is where detectors confuse GB and Big5: every pair of GBK bytes below also
        # decodes as Big5 (北京 → 控儔), and this Big5 line is guessed as Shift-JIS by charset-normalizer.
        ("gbk", "北京"),
        ("gbk", "北京市政府"),
        ("big5", "記者張懿報導：線上新經濟蓬勃發展。"),
        ("big5", "臺灣"),
    ],
)
def test_short_text_gb_big5_confusion(tmp_path: Path, codec: str, text: str) -> None:
    assert load_ok(write(tmp_path / "a.txt", text, codec)).text == text


def test_crlf_newlines_are_normalised(tmp_path: Path) -> None:
    doc = load_ok(write(tmp_path / "a.txt", SIMPLIFIED.replace("\n", "\r\n"), "gbk"))
    assert doc.text == SIMPLIFIED


# --- bad files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf", "\u3000\n".encode("gbk")])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    assert load_err(write(tmp_path / "a.txt", content)).reason == "empty file"


def test_a_text_longer_than_a_document_is_refused_with_its_length(tmp_path: Path) -> None:
    from kg.documents.read import MAX_CHARS

    sentence = "上海市发布在线新经济发展行动方案，推动直播电商等新业态发展。\n"
    body = sentence * (MAX_CHARS // len(sentence) + 1)
    assert load_err(write(tmp_path / "dump.txt", body)).reason == (
        f"too long for one document: {len(body):,} characters (at most {MAX_CHARS:,}); split it into its articles")
    assert isinstance(load_document(write(tmp_path / "plan.txt", body[:MAX_CHARS])), Document)


def test_a_file_too_large_to_read_is_refused_before_reading(tmp_path: Path) -> None:
    from kg.documents.read import MAX_BYTES

    path = tmp_path / "export.html"
    with open(path, "wb") as f:  # a sparse file: its size, without writing the bytes
        f.truncate(MAX_BYTES + 1)
    assert load_err(path).reason == (
        f"too large for one document: {MAX_BYTES + 1:,} bytes (at most {MAX_BYTES:,}); split it into its articles")


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
    assert load_err(write(tmp_path / "a.txt", png)).reason == "binary file (NUL bytes)"


@pytest.mark.parametrize(
    "content",
    [
        bytes([0x80, 0xFF, 0x81, 0x20, 0xFE, 0x7F]),  # invalid in every candidate codec
        "これは日本語の文章です。東京の天気は晴れです。".encode("shift_jis"),  # decodes, but not as Chinese
        "café crème brûlée à la française".encode("cp1252"),
    ],
)
def test_undecodable(tmp_path: Path, content: bytes) -> None:
    assert load_err(write(tmp_path / "a.txt", content)).reason == "cannot decode: tried utf-8, gb18030, big5"


def test_unsupported_single_file(tmp_path: Path) -> None:
    (err,) = iter_documents(write(tmp_path / "a.pdf", "x"))
    assert isinstance(err, LoadError) and "unsupported file type" in err.reason


def test_missing_root(tmp_path: Path) -> None:
    (err,) = iter_documents(tmp_path / "nope")
    assert err == LoadError(tmp_path / "nope", "no such file or directory")


# --- sidecars --------------------------------------------------------------------------------------


def test_sidecar_fields(tmp_path: Path) -> None:
    write(tmp_path / "a.meta.json", json.dumps(
        {"published": "2020-05-18", "source": "文汇报", "title": "标题", "lang": "zh-Hant", "extra": 1}
    ))
    doc = load_ok(write(tmp_path / "a.txt", SIMPLIFIED))
    assert (doc.title, doc.source, doc.published, doc.lang) == ("标题", "文汇报", datetime.date(2020, 5, 18), "zh-Hant")


def test_without_sidecar(tmp_path: Path) -> None:
    doc = load_ok(write(tmp_path / "a.txt", "\n\n  " + SIMPLIFIED))
    assert doc.title == SIMPLIFIED.split("\n")[0]  # first non-empty line, stripped
    assert (doc.source, doc.published, doc.lang) == (None, None, "zh")


def test_title_from_first_line_is_capped(tmp_path: Path) -> None:
    doc = load_ok(write(tmp_path / "a.txt", "长" * 300))
    assert doc.title == "长" * 100


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ('{"source": "文汇报"\n  "title": "x"}', "Expecting ',' delimiter: line 2 column 3"),
        ('["2020-05-18"]', "expected a JSON object, got list"),
        ('{"published": "2020-13-45"}', "bad 'published' date '2020-13-45'"),
        ('{"published": "18/05/2020"}', "bad 'published' date '18/05/2020': expected YYYY-MM-DD"),
        ('{"title": 42}', "'title' must be a string"),
    ],
)
def test_malformed_sidecar_skips_only_that_document(tmp_path: Path, sidecar: str, reason: str) -> None:
    write(tmp_path / "a.txt", SIMPLIFIED)
    write(tmp_path / "b.txt", SIMPLIFIED)
    write(tmp_path / "b.meta.json", sidecar)
    write(tmp_path / "c.txt", TRADITIONAL)
    results = list(iter_documents(tmp_path))
    assert [r.path.name for r in results] == ["a.txt", "b.txt", "c.txt"]
    a, b, c = results
    assert isinstance(a, Document) and isinstance(c, Document)
    assert isinstance(b, LoadError)
    assert b.reason.startswith("malformed sidecar b.meta.json: ")
    assert reason in b.reason


def test_bad_files_do_not_stop_iteration(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", b"")
    write(tmp_path / "2.txt", b"\x00\x01")
    write(tmp_path / "3.txt", bytes([0x80, 0xFF]))
    write(tmp_path / "4.txt", SIMPLIFIED)
    kinds = [type(r) for r in iter_documents(tmp_path)]
    assert kinds == [LoadError, LoadError, LoadError, Document]


# --- HTML and Markdown -----------------------------------------------------------------------------

ARTICLE_HTML = """<!DOCTYPE html><html><head><meta charset="{charset}">
<title>一场特别直播刷出新风口_长三角经济圈</title></head>
<body>
<nav><a href="/">首页</a> &gt; <a href="/a">长三角产业</a> &gt; 创意产业</nav>
<div class="menu"><ul><li><a href="/n">新闻</a></li><li><a href="/c">财经</a></li><li><a href="/login">登录</a></li></ul></div>
<article>
<h1>一场特别直播刷出新风口</h1>
<p>上海昨天以一场贯穿全天的特别直播，为沸腾的五五购物节再添一把火。说它特别，主要是因为主播天团的身份特殊，都是政府官员。</p>
<p>这场引发普遍关注的直播，在B站上的热度很快就突破百万。除了吸引眼球，同时也引发出一个话题：正在打造数字新基建的上海，如何创造流量、用好流量？</p>
<p>未来一个月，全市将紧扣数字赋能消费新时代主题，推出100多场活动，为智能网联汽车、智能设备、在线服务等信息消费产品和服务造势。</p>
</article>
<footer><p>版权所有 &copy; 2020 长三角经济圈 联系我们 沪ICP备12345678号</p><p>关闭窗口</p></footer>
<script>var share = 5877;</script>
</body></html>
"""


@pytest.mark.parametrize(("charset", "codec"), [("utf-8", "utf-8"), ("gbk", "gbk")])
def test_html_reduced_to_article(tmp_path: Path, charset: str, codec: str) -> None:
    doc = load_ok(write(tmp_path / "page.html", ARTICLE_HTML.format(charset=charset), codec))
    assert "上海昨天以一场贯穿全天的特别直播" in doc.text
    assert "信息消费产品和服务造势。" in doc.text
    for furniture in ("首页", "登录", "版权所有", "ICP", "关闭窗口", "5877", "<p>"):
        assert furniture not in doc.text
    assert doc.title == "一场特别直播刷出新风口_长三角经济圈"


def test_html_sidecar_title_wins(tmp_path: Path) -> None:
    write(tmp_path / "page.meta.json", '{"title": "直播"}')
    assert load_ok(write(tmp_path / "page.htm", ARTICLE_HTML.format(charset="utf-8"))).title == "直播"


def test_html_fallback_to_body_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module.trafilatura, "extract", lambda *a, **k: None)
    text = html_module.html_to_text(ARTICLE_HTML.format(charset="utf-8"))
    assert "一场特别直播刷出新风口\n上海昨天以一场" in text  # block elements become lines
    assert "长三角产业" not in text and "var share" not in text and "版权所有" not in text


def test_html_without_text(tmp_path: Path) -> None:
    err = load_err(write(tmp_path / "a.html", "<html><body><script>x()</script></body></html>"))
    assert err.reason == "no article text in HTML"


def test_markdown_markup_stripped(tmp_path: Path) -> None:
    md = "# 上海**在线新经济**\n\n> 据[文汇报](https://wenhui.example/1)报道，上海推出`4个100+`行动计划。\n\n![配图](a.png)\n"
    doc = load_ok(write(tmp_path / "a.md", md))
    assert doc.title == "上海在线新经济"
    assert doc.text == "上海在线新经济\n\n据文汇报报道，上海推出4个100+行动计划。\n\n配图\n"


# --- boilerplate -----------------------------------------------------------------------------------

PAGE = """长三角经济圈
首页>长三角经济圈>长三角产业>创意产业
当前位置：首页 > 新闻 > 正文
新闻中心 > 国内新闻 > 正文
来源：新华社  发布时间：2020-05-18
  上海昨天以一场贯穿全天的特别直播，为沸腾的五五购物节再添一把火。网友纷纷点赞收藏，分享到朋友圈。
  首页推荐位上的6100件商品都来自首届工业品在线交易节。（责任编辑：王某）
2020
  来源：国家统计局的数据显示，一季度全国网上零售额同比增长，在线新经济成为拉动消费的重要力量。(记者 张懿)
责任编辑：李某
声明：本媒体部分图片、文章来源于网络，版权归原作者所有。
Copyright © 2020 长三角经济圈 版权所有 沪ICP备12345678号
6100
收藏
分享5877
点赞 123

5877
扫一扫在手机打开当前页
【打印本页】【关闭窗口】
关闭窗口
"""
BLANKED = [
    "首页>长三角经济圈>长三角产业>创意产业",
    "当前位置：首页 > 新闻 > 正文",
    "新闻中心 > 国内新闻 > 正文",
    "来源：新华社  发布时间：2020-05-18",
    "（责任编辑：王某）",
    "责任编辑：李某",
    "声明：本媒体部分图片、文章来源于网络，版权归原作者所有。",
    "Copyright © 2020 长三角经济圈 版权所有 沪ICP备12345678号",
    "\n6100\n",
    "收藏\n",
    "分享5877",
    "点赞 123",
    "\n5877\n",
    "扫一扫在手机打开当前页",
    "【打印本页】【关闭窗口】",
    "\n关闭窗口\n",
]
KEPT = [
    "长三角经济圈\n",
    "上海昨天以一场贯穿全天的特别直播，为沸腾的五五购物节再添一把火。网友纷纷点赞收藏，分享到朋友圈。",
    "首页推荐位上的6100件商品都来自首届工业品在线交易节。",
    "\n2020\n",  # a lone number away from any share bar is content
    "来源：国家统计局的数据显示，一季度全国网上零售额同比增长，在线新经济成为拉动消费的重要力量。(记者 张懿)",
]


def assert_blanked_in_place(original: str, doc: Document) -> None:
    assert len(doc.text) == len(original)
    inside = {i for s, e in doc.removed for i in range(s, e)}
    for i, (before, after) in enumerate(zip(original, doc.text)):
        if i in inside:
            assert after == ("\n" if before == "\n" else " ")
        else:
            assert after == before, i
    assert list(doc.removed) == sorted(doc.removed)


def test_boilerplate_blanked_with_offsets_preserved(tmp_path: Path) -> None:
    doc = load_ok(write(tmp_path / "page.txt", PAGE))
    assert_blanked_in_place(PAGE, doc)
    for snippet in BLANKED:
        start = PAGE.index(snippet)
        assert doc.text[start:start + len(snippet)].strip() == "", snippet
    for snippet in KEPT:
        assert snippet in doc.text, snippet


def test_boilerplate_rules_are_data() -> None:
    rules = json.loads((Path(html_module.__file__).parent / "boilerplate.json").read_text("utf-8"))["rules"]
    assert all({"name", "why", "pattern"} <= set(rule) for rule in rules)
    assert [r.name for r in load_rules()] == [r["name"] for r in rules]


# --- ids, walking, the seed ------------------------------------------------------------------------


def test_stable_ids(tmp_path: Path) -> None:
    a = load_ok(write(tmp_path / "a.txt", SIMPLIFIED))
    b = load_ok(write(tmp_path / "sub" / "b.txt", SIMPLIFIED, "gb18030"))
    c = load_ok(write(tmp_path / "c.txt", TRADITIONAL))
    assert a.id == b.id != c.id
    assert a.id == hashlib.sha256(SIMPLIFIED.encode("utf-8")).hexdigest()[:16]
    assert load_ok(tmp_path / "a.txt").id == a.id


def test_recursion_and_sorting(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/b/c.html", "a/b/a.htm", "c/d/e.TXT", "a.txt"]:
        write(tmp_path / name, SIMPLIFIED)
    for ignored in ["a/notes.csv", "a/z.meta.json", ".hidden/x.txt", "a/.x.txt", "readme"]:
        write(tmp_path / ignored, "{}")
    names = [r.path.relative_to(tmp_path).as_posix() for r in iter_documents(tmp_path)]
    assert names == ["a/b/a.htm", "a/b/c.html", "a/z.md", "a.txt", "b.txt", "c/d/e.TXT"]
    assert names == [r.path.relative_to(tmp_path).as_posix() for r in iter_documents(tmp_path)]


def test_root_may_be_a_single_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", SIMPLIFIED)
    (doc,) = iter_documents(path)
    assert isinstance(doc, Document) and doc.path == path


def test_seed_loads_with_sidecar() -> None:
    (doc,) = iter_documents(SEED)
    assert isinstance(doc, Document)
    assert doc.title == "一场特别直播刷出“上海智造”新风口"
    assert doc.source == "文汇报 (via 长三角经济圈)"
    assert doc.published == datetime.date(2020, 5, 18)
    assert (doc.lang, doc.encoding) == ("zh", "utf-8")
    original = SEED.read_text(encoding="utf-8")
    assert_blanked_in_place(original, doc)
    removed = [original[s:e] for s, e in doc.removed]
    assert removed[0] == "首页>长三角经济圈>长三角产业>创意产业"
    assert removed[1].startswith("声明:本媒体部分图片")
    assert removed[2:] == ["6100", "收藏", "分享"]
    assert doc.text.rstrip().endswith("也值得认真思考。(记者 张懿)")
    assert "上海昨天(5月17日)以一场贯穿全天的“特别直播”" in doc.text


def test_a_metadata_line_is_blanked_but_its_author_field_kept() -> None:
    text, _ = clean("发布时间：2020-07-15　来源：嘉定报　作者：朱晓琳\n嘉定区发布行动方案。")
    assert text.split("\n")[0].strip() == "作者：朱晓琳"
    assert "嘉定报" not in text
    text, _ = clean("来源：多彩贵州网　　记者 杨雪梅　通讯员 田兴旺　　2020-12-16 08:47\n正文。")
    assert text.split("\n")[0].strip() == "记者 杨雪梅　通讯员 田兴旺　　2020-12-16 08:47"  # a byline there, kept
    text, _ = clean("2021-05-16 08:30　来源：太原新闻网　作者：李慧敏\n正文。")
    assert text.split("\n")[0].strip() == "作者：李慧敏"  # the page's date and time before it go too
