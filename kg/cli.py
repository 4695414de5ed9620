"""The `kg` command: build, ingest, remove, query, serve, push, validate, explore, eval, train-ner."""
from __future__ import annotations

import argparse
import sys
import time
from contextlib import contextmanager
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
    with _stop_like_ctrl_c(), _Progress(args.docs) as progress:
        summary = _store_errors(build, args.docs, args.out, args.store, jobs=args.jobs, scheduler=args.scheduler,
                                on_result=progress.result)
    for line in summary.lines():
        print(line)
    print(f"exports: {args.out}/kg.ttl kg.trig kg.jsonld kg.graphml explorer.html")
    return _skipped_status("build", len(summary.skipped))


def _skipped_status(command: str, skipped: int) -> int:
    """Exit status 3 says some documents could not be read; their reasons went to stderr one by one."""
    if skipped:
        print(f"kg {command}: {skipped} document(s) skipped (reasons above)", file=sys.stderr)
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
    if args.endpoint:
        from .store.remote import RemoteError, query

        try:
            result = query(args.endpoint, text)
        except RemoteError as exc:
            print(f"kg query: {exc}", file=sys.stderr)
            return 1
    elif args.store:
        with _open_store(args.store) as store:  # answers are read while the store is open
            sys.stdout.write(queries.render(store.graph().query(text), args.format))
        return 0
    else:
        result = _graph(args.graph).query(text)
    sys.stdout.write(queries.render(result, args.format))
    return 0


@contextmanager
def _stop_like_ctrl_c():
    """While a store is written, `kill` (SIGTERM) ends the command the way Ctrl-C does: the document
    being added is left out, the ones committed keep their labels (see kg.store.ingest)."""
    import signal
    import threading

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _store_errors(func, *args, **kwargs):
    """Run `func`, turning a store that cannot be opened or a Dask cluster that cannot be reached into a
    one-line usage error."""
    from .parallel import ClusterError
    from .store import StoreError

    try:
        return func(*args, **kwargs)
    except (StoreError, ClusterError) as exc:
        raise UsageError(str(exc)) from exc


class _Progress:
    """Ingest progress: on a terminal a bar (documents, characters/s, ETA); otherwise nothing but the
    summary line at the end. Unreadable files are reported either way, one line each on stderr.

    The bar moves by the files' bytes, not their number: a corpus of news items and a few long plans would
    otherwise show an ETA that knows nothing of the plans."""

    def __init__(self, paths):
        from .parallel import files

        self.items = files(paths if isinstance(paths, list) else [paths])  # names only: the bar's total
        self.docs = self.read = self.chars = 0  # files done; of those, documents read (not skipped)
        self.started = time.perf_counter()
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.sizes = {p: _size(p) for p in self.items if isinstance(p, Path)}
            self.bar = tqdm(total=sum(self.sizes.values()), unit="B", unit_scale=True, file=sys.stderr,
                            dynamic_ncols=True,
                            bar_format="{l_bar}{bar}| {n_fmt}B/{total_fmt}B{postfix} [{elapsed}<{remaining}]")
            self._postfix()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.bar is not None:
            self.bar.close()

    def result(self, result):
        self.docs += 1
        self.chars += result.chars
        if result.error is not None:
            self.say(f"skipped {result.path}: {result.error}")
        else:
            self.read += 1
        if self.bar is not None:
            self._postfix()
            self.bar.update(self.sizes.get(result.path, 0))

    def _postfix(self):
        rate = self.chars / max(time.perf_counter() - self.started, 1e-9)
        self.bar.set_postfix_str(f"{self.docs}/{len(self.items)} documents, {rate:,.0f} chars/s", refresh=False)

    def say(self, line: str):
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def summary(self) -> str:
        seconds = time.perf_counter() - self.started
        return (f"read {_count(self.read, 'document')}, {self.chars:,} characters in {seconds:.1f} s: "
                f"{self.chars / seconds:,.0f} characters/s, {_per_second(self.read / seconds)} documents/s")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone since it was listed: its reader will say so
        return 0


def _per_second(rate: float) -> str:
    """One decimal, or two significant digits under one a second (one long report: 0.036 documents/s)."""
    return f"{rate:,.1f}" if rate >= 1 else f"{rate:.2g}"


def _open_store(path: Path, write: bool = False):
    from .store import GraphStore

    return _store_errors(GraphStore, path, write=write)


def cmd_ingest(args) -> int:
    from .store import ingest

    for path in args.paths:
        if not path.exists():
            raise UsageError(f"no documents at {path}")

    def committed(result, replaced):  # a log line per document where there is no bar
        if progress.bar is None:
            print(f"{'replaced' if replaced else 'added'} {result.id} {result.path}", file=sys.stderr, flush=True)

    with _stop_like_ctrl_c(), _open_store(args.store, write=True) as store, _Progress(args.paths) as progress:
        report = _store_errors(ingest, store, progress.items, jobs=args.jobs, scheduler=args.scheduler,
                               on_result=progress.result, on_commit=committed)
        progress.close()
        print(report.line())
        print(progress.summary())
        print(_store_line(args.store, store))
    return _skipped_status("ingest", len(report.failed))


def cmd_remove(args) -> int:
    from .store import remove

    with _stop_like_ctrl_c(), _open_store(args.store, write=True) as store:
        try:
            report = remove(store, args.doc_ids)
        except KeyError as exc:
            raise UsageError(f"no document {exc.args[0]} in {args.store} (give its id, IRI or file path)") from exc
        print(report.line())
        print(_store_line(args.store, store))
    return 0


def _store_line(path, store) -> str:
    # no triple count: counting reads the whole merged graph, which made a one-document run on a 10,000-document
    # store take 5.0 s instead of 2.7 (docs/performance.md); `kg query` counts for anyone who asks
    return f"store: {path} ({_count(len(store.documents()), 'document')})"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def cmd_serve(args) -> int:
    from .serve import serve

    try:
        _store_errors(serve, args.store, args.host, args.port, timeout=args.timeout,
                      max_rows=args.max_rows, workers=args.workers)
    except OSError as exc:
        raise UsageError(f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    return 0


def cmd_push(args) -> int:
    from .store.remote import RemoteError, push

    with _open_store(args.store) as store:
        try:
            written = push(store, args.endpoint, graph=args.graph)
        except RemoteError as exc:
            print(f"kg push: {exc}", file=sys.stderr)
            return 1
        named = [g for g in written if g != "default"]
        into = f"into {args.graph}" if args.graph else f"as {len(named)} named graphs and the merged default graph"
        print(f"pushed {len(store)} triples {into} to {args.endpoint}")
    return 0


def cmd_validate(args) -> int:
    from .validate import validate

    conforms, report = validate(_graph(args.graph))
    print(report)
    return 0 if conforms else 1


def cmd_explore(args) -> int:
    from .explore import FocusNotFound, write_explorer

    try:
        info = write_explorer(_graph(args.graph), args.out, focus=args.focus, hops=args.hops)
    except FocusNotFound as exc:
        raise UsageError(str(exc)) from exc
    print(f"explorer: {args.out} ({info['nodes']} nodes shown, {info['hidden']} hidden)")
    return 0


def cmd_eval(args) -> int:
    from .evaluate import evaluate_dir, format_errors, format_report

    if not args.gold.is_dir():
        raise UsageError(f"no gold folder at {args.gold}")
    report = evaluate_dir(args.gold)
    print(format_report(report))
    if args.errors:
        print(f"\nErrors per document (+ false positive, - false negative)\n{format_errors(report)}")
    return 0


def cmd_train_ner(args) -> int:
    from .nlp import train

    return train.main(args.options)


def parser() -> argparse.ArgumentParser:
    from .store.store import DEFAULT_STORE

    p = argparse.ArgumentParser(prog="kg", description="Knowledge graph of China's online new economy (在线新经济).")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read documents, build the graph, write every export")
    b.add_argument("--docs", type=Path, default=Path("seeds"), help="folder (or file) of .txt/.md/.html documents (default: seeds/)")
    b.add_argument("--out", type=Path, default=Path("exports"), help="folder for the exports (default: exports/)")
    b.add_argument("--store", type=Path, help="graph store to ingest into (default: OUT/store/)")
    _parallel_arguments(b)
    b.set_defaults(func=cmd_build)

    store_help = f"graph store folder (default: {DEFAULT_STORE}/)"
    i = sub.add_parser("ingest", help="add or update documents in the graph store (unchanged ones are skipped)")
    i.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders of .txt/.md/.html documents")
    i.add_argument("--store", type=Path, default=DEFAULT_STORE, help=store_help)
    _parallel_arguments(i)
    i.set_defaults(func=cmd_ingest)

    r = sub.add_parser("remove", help="drop documents from the graph store")
    r.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="document id (16 hex digits), its IRI, or the file it was read from")
    r.add_argument("--store", type=Path, default=DEFAULT_STORE, help=store_help)
    r.set_defaults(func=cmd_remove)

    q = sub.add_parser("query", help="run a saved query, a .rq file or SPARQL text")
    q.add_argument("query", nargs="?", help="saved query name, FILE.rq or 'SPARQL'")
    q.add_argument("--graph", type=Path, default=Path("exports/kg.ttl"), help="graph file (default: exports/kg.ttl)")
    q.add_argument("--store", type=Path, nargs="?", const=DEFAULT_STORE,
                   help=f"query the graph store instead (default when given without a folder: {DEFAULT_STORE}/)")
    q.add_argument("--endpoint", metavar="URL", help="query a SPARQL endpoint instead (e.g. http://localhost:7878/query)")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--list", action="store_true", help="list the saved queries")
    q.set_defaults(func=cmd_query)

    sv = sub.add_parser("serve", help="serve the graph store over SPARQL (read-only) with the explorer")
    sv.add_argument("--store", type=Path, default=DEFAULT_STORE, help=store_help)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    sv.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default: 30)")
    sv.add_argument("--max-rows", type=int, default=100_000, help="results per answer at most (default: 100000)")
    sv.add_argument("--workers", type=int, default=2, help="queries run at once (default: 2)")
    sv.set_defaults(func=cmd_serve)

    pu = sub.add_parser("push", help="upload the graph store to a SPARQL Graph Store Protocol server")
    pu.add_argument("--endpoint", required=True, metavar="URL",
                    help="the server's Graph Store Protocol URL (Oxigraph: http://HOST:7878/store, Fuseki: http://HOST:3030/DATASET/data)")
    pu.add_argument("--graph", metavar="IRI", help="put everything into this one named graph instead of one graph per document")
    pu.add_argument("--store", type=Path, default=DEFAULT_STORE, help=store_help)
    pu.set_defaults(func=cmd_push)

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
    ev.add_argument("--errors", action="store_true", help="also list each document's false positives and negatives")
    ev.set_defaults(func=cmd_eval)

    # Its options are kg.nlp.train's own (`kg train-ner --help`), parsed there: spaCy loads only when it runs.
    t = sub.add_parser("train-ner", help="train the CLUENER named-entity model", add_help=False)
    t.set_defaults(func=cmd_train_ner)
    return p


def _parallel_arguments(p: argparse.ArgumentParser):
    def positive(text: str) -> int:
        if not text.isdigit() or int(text) < 1:
            raise argparse.ArgumentTypeError(f"expected a number of processes, not {text!r}")
        return int(text)

    p.add_argument("--jobs", type=positive, metavar="N",
                   help="worker processes for the NLP (default: every core, once there is enough to share); "
                        "`kg build` also writes N exports at a time (default: every core)")
    p.add_argument("--scheduler", metavar="ADDR",
                   help="run the per-document work on a Dask cluster: tcp://HOST:8786, or local:N for N worker "
                        "processes on this machine (docs/performance.md)")


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args, options = p.parse_known_args(argv)
    if getattr(args, "func", None) is cmd_train_ner:
        args.options = options
    elif options:
        p.error(f"unrecognized arguments: {' '.join(options)}")
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
