"""The `kg` command: build, query, validate, explore, eval, train-ner."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_SKIPPED = 3


class UsageError(Exception):
    """A problem the user can fix; printed as one line."""


def _graph(path: Path):
    from rdflib import Graph

    if not path.is_file():
        raise UsageError(f"no graph at {path}: run `kg build` first or pass --graph")
    fmt = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld", ".nt": "nt"}.get(path.suffix, None)
    if fmt in ("trig", "nquads"):
        from rdflib import Dataset

        ds = Dataset(default_union=True)
        ds.parse(path, format=fmt)
        return ds
    try:
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise UsageError(f"cannot read {path}: {exc}".splitlines()[0]) from exc


def cmd_build(args) -> int:
    from .build import build

    if not args.docs.exists():
        raise UsageError(f"no documents at {args.docs}")
    summary = build(args.docs, args.out)
    for line in summary.lines():
        print(line)
    print(f"exports: {args.out}/kg.ttl kg.trig kg.jsonld kg.graphml explorer.html")
    if summary.skipped:
        print(f"kg build: {len(summary.skipped)} document(s) skipped (reasons above)", file=sys.stderr)
        return EXIT_SKIPPED
    return 0


def cmd_query(args) -> int:
    from . import queries

    if args.list:
        for name in queries.saved():
            print(f"{name:14} {queries.describe(name)}")
        return 0
    if not args.query:
        raise UsageError("name a saved query, a .rq file or SPARQL text (see `kg query --list`)")
    try:
        text = queries.resolve_text(args.query)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    result = _graph(args.graph).query(text)
    sys.stdout.write(queries.render(result, args.format))
    return 0


def cmd_validate(args) -> int:
    from .validate import validate

    conforms, report = validate(_graph(args.graph))
    print(report)
    return 0 if conforms else 1


def cmd_explore(args) -> int:
    from .explore import write_explorer

    info = write_explorer(_graph(args.graph), args.out, focus=args.focus, hops=args.hops)
    print(f"explorer: {args.out} ({info['nodes']} nodes shown, {info['hidden']} hidden)")
    return 0


def cmd_eval(args) -> int:
    from .evaluate import evaluate_dir

    if not args.gold.is_dir():
        raise UsageError(f"no gold folder at {args.gold}")
    print(evaluate_dir(args.gold))
    return 0


def cmd_train_ner(args) -> int:
    from .nlp import train

    return train.run(args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graph of China's online new economy (在线新经济).")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read documents, build the graph, write every export")
    b.add_argument("--docs", type=Path, default=Path("seeds"), help="folder (or file) of .txt/.md/.html documents (default: seeds/)")
    b.add_argument("--out", type=Path, default=Path("exports"), help="folder for the exports (default: exports/)")
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run a saved query, a .rq file or SPARQL text")
    q.add_argument("query", nargs="?", help="saved query name, FILE.rq or 'SPARQL'")
    q.add_argument("--graph", type=Path, default=Path("exports/kg.ttl"), help="graph file (default: exports/kg.ttl)")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--list", action="store_true", help="list the saved queries")
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes")
    v.add_argument("--graph", type=Path, default=Path("exports/kg.ttl"))
    v.set_defaults(func=cmd_validate)

    e = sub.add_parser("explore", help="write the HTML explorer for any graph")
    e.add_argument("--graph", type=Path, default=Path("exports/kg.ttl"))
    e.add_argument("--out", type=Path, default=Path("exports/explorer.html"))
    e.add_argument("--focus", help="label of the entity to centre on")
    e.add_argument("--hops", type=int, default=1, help="neighbourhood size around --focus (default 1)")
    e.set_defaults(func=cmd_explore)

    ev = sub.add_parser("eval", help="score extraction against hand-made gold files")
    ev.add_argument("--gold", type=Path, default=Path("tests/fixtures/gold"))
    ev.set_defaults(func=cmd_eval)

    t = sub.add_parser("train-ner", help="train the CLUENER named-entity model")
    from .nlp import train

    train.add_arguments(t)
    t.set_defaults(func=cmd_train_ner)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
