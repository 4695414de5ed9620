"""A reproducible corpus of N realistic documents for the ingest benchmarks.

Each document recombines runs of sentences from the hand-written fixtures (tests/fixtures/gold, the
seed article) and substitutes what makes articles differ: people (new names of the same length),
enterprises with a company suffix, districts and cities (from the gazetteer), and dates. The same N and
--seed give the same files, byte for byte.

    .venv/bin/python benchmarks/make_corpus.py 1000 /tmp/corpus-1k [--chars 2000] [--seed 1]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国华明丽萍晓东伟芳娜敏静强磊军洋勇艳杰娟涛超秀霞平刚桂英志宏春红玉兰海燕鹏辉波斌宇浩凯佳琳雯蕊慧振启航承鸣一新文博思远嘉欣子涵梓晨雨泽"
COMPANY_WORDS = "云帆星链智行禾源声浪优智知行米果漫游凤山齐峰乐游博远数联汇通启明天择新桥未来极光蓝海银河紫金青藤"
COMPANY_KINDS = ["网络科技有限公司", "信息科技有限公司", "数字科技有限公司", "电子商务有限公司", "机器人科技有限公司",
                 "教育科技有限公司", "文化传媒有限公司", "供应链管理有限公司", "集团"]
SENTENCE = re.compile(r"[^。！？\n]*[。！？]+[”’）)》」』]*|[^。！？\n]+")
DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")


def fixtures() -> list[dict]:
    """Each fixture's paragraphs (as lists of sentences), sidecar and the names to substitute."""
    out = []
    for text_path in sorted(GOLD.glob("*.txt")):
        gold = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        meta = json.loads(text_path.with_name(text_path.stem + ".meta.json").read_text(encoding="utf-8"))
        names = {"person": [], "company": [], "City": [], "District": []}
        for e in gold["entities"]:
            types, label = set(e["types"]), e["label"]
            if types & {"Person", "Official"} and 2 <= len(label) <= 4:
                names["person"].append(label)
            elif "Enterprise" in types and label.endswith(("有限公司", "集团")):
                names["company"].append(label)
            for cls in ("City", "District"):
                if cls in types and label.endswith(("市", "区", "县")):
                    names[cls].append(label)
        lines = text_path.read_text(encoding="utf-8").splitlines()
        paragraphs = [[s for s in SENTENCE.findall(line.strip()) if s.strip()] for line in lines[1:] if line.strip()]
        out.append({"title": lines[0].strip(), "paragraphs": [p for p in paragraphs if p],
                    "meta": meta, "names": names})
    return out


def place_pools() -> dict[str, list[str]]:
    from kg.nlp.places import gazetteer

    places = sorted(gazetteer().places.values(), key=lambda p: p.key)
    return {cls: sorted({p.name for p in places if p.cls == cls and p.name.endswith(("市", "区", "县"))})
            for cls in ("City", "District")}


def person(rng: random.Random, length: int) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(max(1, length - 1)))


def company(rng: random.Random, original: str) -> str:
    kind = next((k for k in COMPANY_KINDS if original.endswith(k)), rng.choice(COMPANY_KINDS))
    word = "".join(rng.sample(COMPANY_WORDS, 2))
    return f"{word}{kind}"


def document(rng: random.Random, sources: list[dict], pools: dict[str, list[str]], chars: int) -> tuple[str, dict]:
    """One article: a base fixture's headline and opening, then runs of paragraphs from other fixtures,
    up to about `chars` characters; then every name of the fixtures used is replaced consistently."""
    base = rng.choice(sources)
    used, body = [base], list(base["paragraphs"][:2])
    target = max(600, int(rng.gauss(chars, chars * 0.15)))
    while sum(len(s) for p in body for s in p) < target:
        other = rng.choice(sources)
        used.append(other)
        start = rng.randrange(len(other["paragraphs"]))
        for p in other["paragraphs"][start:start + rng.randint(1, 3)]:
            body.append(p[:rng.randint(1, len(p))])  # a paragraph, or its first sentences
    text = base["title"] + "\n\n" + "\n\n".join("　　" + "".join(p) for p in body) + "\n"
    subs = {}
    for source in used:
        names = source["names"]
        for label in names["person"]:
            subs.setdefault(label, person(rng, len(label)))
        for label in names["company"]:
            subs.setdefault(label, company(rng, label))
        for cls in ("City", "District"):
            for label in names[cls]:
                subs.setdefault(label, rng.choice(pools[cls]))
    pattern = re.compile("|".join(map(re.escape, sorted(subs, key=len, reverse=True))))
    text = pattern.sub(lambda m: subs[m.group()], text)
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))

    def date(m):
        day = published - dt.timedelta(days=rng.randrange(60))
        return (f"{day.year}年" if m.group(1) else "") + f"{day.month}月{day.day}日"

    text = DATE.sub(date, text)
    title = pattern.sub(lambda m: subs[m.group()], base["title"])
    meta = {"published": published.isoformat(), "source": base["meta"].get("source"), "title": title}
    return text, meta


def make(n: int, out: Path, chars: int = 2000, seed: int = 1) -> int:
    """Write n documents (NNNNNN.txt + NNNNNN.meta.json) into `out`; returns the characters written."""
    sources, pools = fixtures(), place_pools()
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        rng = random.Random(f"{seed}/{i}")  # per document, so any prefix of the corpus is the same
        text, meta = document(rng, sources, pools, chars)
        (out / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        (out / f"{i:06d}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        total += len(text)
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("out", type=Path, help="folder to write them into")
    ap.add_argument("--chars", type=int, default=2000, help="mean document length in characters (default 2000)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    total = make(args.n, args.out, args.chars, args.seed)
    print(f"{args.n} documents, {total} characters ({total // max(1, args.n)} per document) in {args.out}")


if __name__ == "__main__":
    main()
