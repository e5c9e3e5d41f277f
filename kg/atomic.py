"""Atomic file writes: a file is either its old self or completely new, never half written.

A set of files (a build's outputs) is staged in a directory beside its destination
and swapped in together by :func:`staged_dir`. Failures are plain ``OSError``\\ s naming
the path; the layers above turn them into coded errors.
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only on success.

    An interrupted write leaves the old file (or nothing), never half a file, and no
    directory it had to create.
    """
    path = Path(path)
    made = make_parents(path.parent)
    tmp_path = None
    try:
        for stale in path.parent.glob(f".{path.name}.*.part"):  # left by a killed earlier write
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
        tmp_path = Path(tmp)
        yield tmp_path
        with open(tmp_path, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes files private; outputs are not
        os.replace(tmp_path, path)
    except BaseException:
        if tmp_path is not None:
            tmp_path.unlink(missing_ok=True)
        remove_dirs(made)
        raise


@contextmanager
def staged_dir(outdir: str | Path) -> Iterator[Path]:
    """Yield an empty staging directory; on success move its files into ``outdir`` together.

    The staging directory sits beside ``outdir`` (inside it when ``outdir`` is a mount
    point or only ``outdir`` is writable), so each move is a rename. A file already in ``outdir`` under a staged
    name is replaced; should a rename fail half-way, the files already moved are put
    back. On any failure ``outdir`` keeps its previous files, and a directory created
    for it (``outdir`` or a parent) is removed again.
    """
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "exists and is not a directory", str(outdir))
    made = make_parents(outdir.parent)
    stage = None
    try:
        stage = _make_stage(outdir)
        yield stage
        if outdir.exists():
            _swap_in(stage, outdir)
        else:
            os.chmod(stage, 0o777 & ~_umask())  # mkdtemp makes directories private
            os.rename(stage, outdir)
            stage = None
    except BaseException:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
            stage = None
        remove_dirs(made)
        raise
    finally:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)


def _make_stage(outdir: Path) -> Path:
    """A new staging directory on ``outdir``'s file system, beside it or else inside it."""
    if outdir.is_dir():
        real = outdir.resolve()  # a symlink's target is where the files go
        if real.parent != real and os.stat(real).st_dev == os.stat(real.parent).st_dev:
            try:
                return _fresh_dir(real.parent, f".{real.name}.staging.")
            except OSError:
                pass  # the parent is read-only
        return _fresh_dir(real, ".kg-staging.")  # a mount point, or only OUTDIR is writable
    return _fresh_dir(outdir.parent, f".{outdir.name}.staging.")


def _fresh_dir(parent: Path, prefix: str) -> Path:
    for stale in parent.glob(glob.escape(prefix) + "*"):  # left by a killed earlier build
        shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))


def _swap_in(stage: Path, outdir: Path) -> None:
    """Rename every file of ``stage`` into ``outdir``; on a failure put the old files back."""
    backup = stage / ".previous"
    backup.mkdir()
    names = sorted(p.name for p in stage.iterdir() if p != backup)
    moved: list[str] = []
    try:
        for name in names:
            target = outdir / name
            if target.is_dir() and not target.is_symlink():
                raise IsADirectoryError(errno.EISDIR, "is a directory, where a file was to be written", str(target))
            if target.exists() or target.is_symlink():
                os.replace(target, backup / name)
            moved.append(name)
            os.replace(stage / name, target)
    except BaseException:
        for name in reversed(moved):
            if (backup / name).exists() or (backup / name).is_symlink():
                os.replace(backup / name, outdir / name)
            else:
                (outdir / name).unlink(missing_ok=True)
        raise


def make_parents(directory: Path) -> list[Path]:
    """Create ``directory`` and its missing parents; returns those created, deepest first."""
    missing = []
    for d in [directory, *directory.parents]:
        if d.exists():
            break
        missing.append(d)
    created: list[Path] = []
    try:
        for d in reversed(missing):
            d.mkdir(exist_ok=True)
            created.insert(0, d)
    except BaseException:
        remove_dirs(created)
        raise
    return created


def remove_dirs(directories: list[Path]) -> None:
    """Remove ``directories`` (deepest first) where they are still empty."""
    for d in directories:
        try:
            d.rmdir()
        except OSError:
            break


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
