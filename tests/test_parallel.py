"""Ingest wherever the work runs: one process, a pool of local processes (`--jobs 2`), a real Dask
LocalCluster with two worker processes on loopback (`--scheduler tcp://…`, `local:2`) give the same
store, triple for triple; results come back in input order with loader errors among them; workers of a
killed ingest do not outlive it."""
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from kg.cli import main
from kg.parallel import files, results
from kg.store import GraphStore

GOLD = Path(__file__).parent / "fixtures" / "gold"
KG = Path(sys.executable).with_name("kg")


def state(path: Path) -> dict:
    """Every graph of a store as a set of triples; None for the merged (default) graph."""
    with GraphStore(path) as store:
        graphs = {name: set(store.triples(name)) for name in store.graph_names()}
        graphs[None] = set(store.triples())
    return graphs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The gold fixtures (the seed and the written documents, with their sidecars) and one unreadable file."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in GOLD.glob("*.txt"):
        for suffix in (".txt", ".meta.json"):
            shutil.copy(path.with_suffix(suffix), folder / f"{path.stem}{suffix}")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    return folder


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory):
    """The corpus ingested in this process, the reference."""
    store = tmp_path_factory.mktemp("single") / "store"
    assert main(["ingest", str(corpus), "--store", str(store), "--jobs", "1"]) == 3  # 3: a file was skipped
    return state(store)


def test_two_processes_give_the_same_store(corpus, single, tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["ingest", str(corpus), "--store", str(store), "--jobs", "2"]) == 3
    out, err = capsys.readouterr()
    assert "broken.txt" in err and err.count("added ") == len(list(GOLD.glob("*.txt")))
    read = len(list(GOLD.glob("*.txt")))  # broken.txt is skipped, not read
    assert re.search(rf"^read {read} documents, [\d,]+ characters in [\d.]+ s: [\d,]+ characters/s, [\d.,]+ documents/s$",
                     out, re.M)
    assert state(store) == single


@pytest.mark.parametrize("rate, shown", [(17.34, "17.3"), (1234.56, "1,234.6"), (1.0, "1.0"), (0.0361, "0.036"),
                                         (0.5, "0.5")])
def test_a_rate_under_one_a_second_keeps_two_digits(rate, shown):
    from kg.cli import _per_second

    assert _per_second(rate) == shown


@pytest.mark.parametrize("n, shown", [(0, "0 documents"), (1, "1 document"), (2, "2 documents"),
                                      (10000, "10,000 documents")])
def test_counts_in_summaries_agree_with_their_number(n, shown):
    from kg.cli import _count

    assert _count(n, "document") == shown


def test_dask_cluster_on_loopback_gives_the_same_store(corpus, single, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:") and len(cluster.workers) == 2
        store = tmp_path / "store"
        assert main(["ingest", str(corpus), "--store", str(store), "--scheduler", cluster.scheduler_address]) == 3
    assert state(store) == single


def test_the_store_does_not_depend_on_the_string_hashing_of_the_process(tmp_path):
    """Each worker process hashes strings with its own seed, and a rule that read a set in its iteration order
    resolved 区政府 and 县政府 below one way under PYTHONHASHSEED=1 and another under 2. The real command, run
    under each."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "陇西县举办直播消费节\n\n下月初，陇西县将在柳巷商圈举办直播消费节。禄丰市县委、县政府联合抖音、快手等平台，"
        "启动“禄丰市猕猴桃云上丰收季”活动。\n\n开园仪式上，首批15家企业分别与潞城区人民政府签约。据了解，区政府还将"
        "设立每年2亿元的在线新经济专项资金。\n\n木兰县人民政府日前印发《木兰县关于加快发展在线新经济的若干措施》。\n",
        encoding="utf-8")
    runs = {seed: subprocess.Popen([str(KG), "ingest", str(corpus), "--store", str(tmp_path / seed), "--jobs", "1"],
                                   env={**os.environ, "PYTHONHASHSEED": seed}, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL) for seed in ("1", "2")}
    assert all(proc.wait() == 0 for proc in runs.values())
    one, two = state(tmp_path / "1"), state(tmp_path / "2")
    governments = {s.rsplit("/", 1)[-1] for s, p, o in one[None] if "/org/" in s and "政府" in s}
    assert {"潞城区政府", "木兰县政府"} <= governments and one == two


def test_results_in_input_order_with_errors_and_skips(corpus, single):
    """Over several chunks on two processes, and on a `local:2` cluster: input order, the unreadable file
    as an error result, and no graph for documents the store already holds."""
    items = files([corpus, corpus / "missing.txt"])
    stored = {str(name).rsplit("/", 1)[1] for name in single if name and "/doc/" in name}
    expected = [item if isinstance(item, Path) else item.path for item in items]
    for run in (dict(jobs=2, batch=3), dict(scheduler="local:2", batch=3)):
        got = list(results(items, skip=stored, **run))
        assert [r.path for r in got] == expected, run
        assert {r.path.name: r.error for r in got if r.error} == {
            "broken.txt": "binary file (NUL bytes)", "missing.txt": "no such file or directory"}, run
        assert {r.id for r in got if r.id} == stored and not any(r.ntriples for r in got), run


def test_workers_of_a_killed_ingest_exit(corpus, tmp_path):
    proc = subprocess.Popen([str(KG), "ingest", str(corpus), "--store", str(tmp_path / "store"), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        if line.startswith("added "):
            break
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers
    proc.kill()
    proc.wait()
    gone, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive


def test_a_document_the_pipeline_fails_on_is_reported_and_its_chunk_kept(tmp_path, monkeypatch):
    """A document that makes the extraction raise (a bug, as doc42 once did) is one failed file with the
    reason; the other documents of its chunk are stored as they would be without it. The failure is injected:
    no known text makes the pipeline raise any more."""
    from kg.facts import extract
    from kg.parallel import work

    paths = [GOLD / f"{name}.txt" for name in ("doc01", "doc02", "doc03")]
    alone = {r.id: r.ntriples for path in paths for r in work([path])}
    real_run = extract.Extractor.run

    def run(self):
        if "猕猴桃" in self.text:  # doc01's product
            raise KeyError("injected")
        return real_run(self)

    monkeypatch.setattr(extract.Extractor, "run", run)
    got = work(paths)
    assert [r.path for r in got] == paths
    assert got[0].ntriples is None and "extraction failed (KeyError" in got[0].error and got[0].id
    assert [(r.id, r.ntriples) for r in got[1:]] == [(r_id, alone[r_id]) for r_id in (got[1].id, got[2].id)]
    assert all(r.error is None for r in got[1:])


def test_on_a_terminal_ingest_shows_a_bar_of_documents_rate_and_eta(tmp_path):
    """The real command with a pseudo-terminal for its stderr: tqdm's bar, moved by the files' bytes, with the
    documents done, the characters a second and the time left; on stdout the summary as ever."""
    import fcntl
    import pty
    import struct
    import termios

    folder = tmp_path / "docs"
    folder.mkdir()
    for path in sorted(GOLD.glob("doc1*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    proc = subprocess.Popen([str(KG), "ingest", str(folder), "--store", str(tmp_path / "store"), "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    out = proc.communicate(timeout=120)[0]
    os.close(master)
    assert proc.returncode == 0 and "read 3 documents" in out
    final = shown.decode("utf-8", "replace").replace("\r", "\n").strip().splitlines()[-1]
    assert re.search(r"100%\|.*\| [\d.]+kB/[\d.]+kB, 3/3 documents, [\d,]+ chars/s \[\d\d:\d\d<00:00\]", final), final
    assert "added " not in shown.decode("utf-8", "replace")  # the bar replaces the per-document lines
