"""Outputs are all or nothing, as a set; an output error is one coded line, never a traceback."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLE_ARTICLE, EXAMPLES

from kg.cli import main

BAD_OUTPUTS = ["/proc/kgout", "a-file", "a-file/below"]


def kg(*args: str, cwd=None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, cwd=cwd, input=stdin, timeout=600, text=stdin is None
    )


def one_coded_line(done: subprocess.CompletedProcess, code: str = "[E009]") -> str:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and code in lines[0], done.stderr
    return lines[0]


def full_disk(path, *args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def snapshot(directory) -> dict:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.mark.parametrize("where", BAD_OUTPUTS)
def test_outputs_build_to_a_bad_location_is_one_coded_line(tmp_path, where):
    (tmp_path / "a-file").write_text("keep me")
    line = one_coded_line(kg("build", str(EXAMPLES / "articles"), "-o", where, cwd=tmp_path))
    assert where in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
    assert (tmp_path / "a-file").read_text() == "keep me"


@pytest.mark.parametrize(
    "command, where",
    [
        *[(["export", "--format", "csv"], where) for where in BAD_OUTPUTS],  # csv: OUT is a directory
        *[(["export", "--format", "json"], where) for where in ("/proc/kgout", "a-dir", "a-file/below")],
        *[(["render"], where) for where in ("/proc/kgout", "a-dir", "a-file/below")],
    ],
)
def test_outputs_render_and_export_to_a_bad_location_is_one_coded_line(example_out, tmp_path, command, where):
    (tmp_path / "a-file").write_text("keep me")
    (tmp_path / "a-dir").mkdir()
    line = one_coded_line(kg(command[0], str(example_out / "graph.ttl"), "-o", where, *command[1:], cwd=tmp_path))
    assert where in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-dir", "a-file"]
    assert list((tmp_path / "a-dir").iterdir()) == []


def test_outputs_a_full_disk_leaves_the_previous_build_untouched(example_out, tmp_path, monkeypatch, capsys):
    import kg.builder.network as network

    out = tmp_path / "out"
    shutil.copytree(example_out, out)
    before = snapshot(out)
    monkeypatch.setattr(network, "write_network_json", full_disk)  # the last file of the set
    assert main(["build", str(EXAMPLE_ARTICLE), "-o", str(out), "--format", "nquads", "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "[E009]" in err and "No space left" in err and str(out) in err
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_outputs_a_full_disk_mid_write_leaves_no_new_folder(tmp_path, monkeypatch, capsys):
    import kg.store.jsonl as jsonl

    class FullFile:
        def __init__(self, *args, **kwargs):
            pass

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            pass

    monkeypatch.setattr(jsonl, "open", FullFile, raising=False)
    assert main(["build", str(EXAMPLE_ARTICLE), "-o", str(tmp_path / "new" / "out"), "-q"]) == 1
    assert "[E009]" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["render", "export"])
def test_outputs_render_and_export_on_a_full_disk_keep_the_old_file(example_out, tmp_path, monkeypatch, command):
    import kg.atomic

    target = tmp_path / "old.out"
    target.write_text("old")
    monkeypatch.setattr(kg.atomic.os, "fsync", full_disk)
    extra = ["--format", "json"] if command == "export" else []
    assert main([command, str(example_out / "graph.ttl"), "-o", str(target), *extra]) == 1
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["old.out"]


def test_outputs_a_build_with_nothing_readable_leaves_no_new_folder(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    one_coded_line(kg("build", "empty.txt", "-o", "new/out", cwd=tmp_path), "[E006]")
    assert [p.name for p in tmp_path.iterdir()] == ["empty.txt"]


def test_outputs_build_and_render_title_the_page_alike(example_out, tmp_path):
    assert main(["render", str(example_out / "graph.ttl"), "-o", str(tmp_path / "page.html")]) == 0

    def title(path):
        text = path.read_text(encoding="utf-8")
        return text[text.index("<title>") : text.index("</title>")]

    assert title(tmp_path / "page.html") == title(example_out / "graph.html")


def test_outputs_version_is_printed():
    import kg as package

    done = kg("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"kg {package.__version__}"


@pytest.mark.parametrize(
    "origin, reason, expected",
    [
        ("in/x.txt", "in/x.txt is empty", "in/x.txt: is empty"),
        ("f.jsonl:4", "f.jsonl:4: not valid JSON", "f.jsonl:4: not valid JSON"),
        ("in/y.txt", "could not be read", "in/y.txt: could not be read"),
    ],
)
def test_outputs_skip_lines_name_the_location_once(origin, reason, expected):
    from kg.builder.loop import no_articles
    from kg.builder.summary import BuildSummary
    from kg.types import Skipped

    summary = BuildSummary()
    summary.skipped.append(Skipped(origin, reason))
    assert f"  - {expected}" in summary.lines()
    assert str(no_articles(summary.skipped)).endswith(f"({expected})")


def test_outputs_build_lists_skips_once_and_stdin_jsonl_as_by_path(tmp_path):
    data = b'{"id": "a", "text": "Iran condemned the strikes."}\nnot JSON\n{"id": "b", "text": "The US struck."}\n'
    (tmp_path / "f.jsonl").write_bytes(data)
    by_path = kg("build", "f.jsonl", "-o", "p", "--no-network", cwd=tmp_path, stdin=b"")
    by_stdin = kg("build", "-", "-o", "s", "--no-network", cwd=tmp_path, stdin=data)
    assert by_path.returncode == by_stdin.returncode == 3, by_stdin.stderr
    path_out, stdin_out = by_path.stdout.decode(), by_stdin.stdout.decode()
    assert "  - f.jsonl:2: not valid JSON" in path_out and "f.jsonl:2: f.jsonl:2" not in path_out
    assert "  - stdin:2: not valid JSON" in stdin_out
    assert (tmp_path / "p" / "extractions.jsonl").read_bytes() == (tmp_path / "s" / "extractions.jsonl").read_bytes()
    assert "articles: 2" in path_out and "articles: 2" in stdin_out


def test_outputs_staged_files_replace_their_namesakes_and_leave_the_rest(tmp_path):
    from kg.atomic import staged_dir

    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old")
    (out / "notes.txt").write_text("mine")
    with staged_dir(out) as stage:
        (stage / "graph.ttl").write_text("new")
        (stage / "network.json").write_text("{}")
    assert snapshot(out) == {"graph.ttl": b"new", "network.json": b"{}", "notes.txt": b"mine"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_outputs_a_rename_failing_half_way_puts_the_old_files_back(tmp_path, monkeypatch):
    import kg.atomic
    from kg.atomic import staged_dir

    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.ttl", "b.json"):
        (out / name).write_text("old " + name)
    real_replace = kg.atomic.os.replace

    def failing_replace(src, dst):
        if str(dst).endswith("b.json") and ".staging." in str(src) and ".previous" not in str(src):
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(kg.atomic.os, "replace", failing_replace)
    with pytest.raises(OSError), staged_dir(out) as stage:
        for name in ("a.ttl", "b.json"):
            (stage / name).write_text("new " + name)
    assert snapshot(out) == {"a.ttl": b"old a.ttl", "b.json": b"old b.json"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_outputs_stage_inside_outdir_when_its_parent_refuses(tmp_path, monkeypatch):
    import tempfile

    from kg.atomic import staged_dir

    out = tmp_path / "out"
    out.mkdir()
    real_mkdtemp = tempfile.mkdtemp

    def read_only_parent(*args, dir=None, **kwargs):
        if dir is not None and str(dir) == str(tmp_path):
            raise PermissionError(errno.EACCES, "Permission denied", str(dir))
        return real_mkdtemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkdtemp", read_only_parent)
    with staged_dir(out) as stage:
        assert stage.parent == out.resolve()
        (stage / "graph.ttl").write_text("new")
    assert snapshot(out) == {"graph.ttl": b"new"}
