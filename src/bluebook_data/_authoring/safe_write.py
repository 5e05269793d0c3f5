"""Write a file into a folder that may hold other people's files, and lose nothing of theirs.

What ``new`` and ``check --fix`` write through. No symbolic link is followed: the folder is opened
one component at a time, and every file is opened relative to it. The new content goes to a
temporary file beside the old one (named ``.NAME.XXXXXXXX.bluebook-data.tmp``), takes the old
file's mode and, where the system permits, its owner, and is synced; it is renamed over the old
file only if that still holds what the caller last saw, and the folder is synced after the
rename. On any way out before the rename, an exception or Ctrl-C (and a termination signal, which
the command line turns into an exit), the temporary file is removed and the old file is left as
it was.

POSIX only: it needs ``O_NOFOLLOW`` and functions that take a folder's descriptor.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import stat
from pathlib import Path
from typing import Final

import attrs

__all__ = ["TEMPORARY_SUFFIX", "Seen", "open_folder", "replace_file", "seen_now"]

#: How the temporary files written beside a file end, so that one left by a killed run is known.
TEMPORARY_SUFFIX: Final = ".bluebook-data.tmp"

_FOLDER_FLAGS: Final = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
# O_NONBLOCK: opening a named pipe put where a file was expected must not wait for a writer.
_READ_FLAGS: Final = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_CREATE_FLAGS: Final = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_CHUNK: Final = 1 << 20


@attrs.frozen
class Seen:
    """What a file held when it was read: its size and SHA-256, to tell whether it changed since."""

    size: int
    sha256: str

    @classmethod
    def of(cls, data: bytes) -> Seen:
        """Return what a file holding ``data`` is seen as.

        >>> Seen.of(b"abc").size, Seen.of(b"abc").sha256[:16]
        (3, 'ba7816bf8f01cfea')
        """
        return cls(len(data), hashlib.sha256(data).hexdigest())


def _is_link(name: str, folder: int) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except OSError:
        return False


def open_folder(path: Path, *, create: bool = False) -> int:
    """Open the folder ``path`` without following a symbolic link on the way; return its descriptor.

    Every component is opened relative to the one before, so that none can be swapped for a link
    between a check and its use. With ``create``, missing folders are made.

    Raises:
        FileExistsError: if a component is a symbolic link, or not a folder, naming it and what
            to give instead.
        OSError: if a component is missing (without ``create``) or cannot be opened.
    """
    current = os.open("/" if path.is_absolute() else ".", _FOLDER_FLAGS)
    walked = Path(path.anchor)
    try:
        for part in path.parts[1:] if path.is_absolute() else path.parts:
            walked /= part
            try:
                opened = os.open(part, _FOLDER_FLAGS, dir_fd=current)
            except FileNotFoundError:
                if not create:
                    raise
                os.mkdir(part, dir_fd=current)
                opened = os.open(part, _FOLDER_FLAGS, dir_fd=current)
            except OSError as error:
                if error.errno not in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
                    raise
                if _is_link(part, current):
                    real = os.path.realpath(walked)
                    raise FileExistsError(
                        f"{walked} is a symbolic link, and no link is followed to write: "
                        f"give the folder it leads to ({real}) instead"
                    ) from None
                raise FileExistsError(f"{walked} is not a folder; give a folder") from None
            os.close(current)
            current = opened
    except FileExistsError:
        os.close(current)
        raise
    except OSError as error:
        os.close(current)
        raise _naming(error, str(walked)) from None
    except BaseException:
        os.close(current)
        raise
    return current


def _naming(error: OSError, shown: str) -> OSError:
    """Return ``error`` naming ``shown``, the path a person gave, not a name inside a folder."""
    if error.errno is None:
        return error
    return type(error)(error.errno, error.strerror, shown)


def seen_now(folder: int, name: str, shown: str) -> tuple[Seen, os.stat_result] | None:
    """Return what the file ``name`` of ``folder`` holds now, and its status; None if missing.

    ``shown`` is how messages name the file.

    Raises:
        FileExistsError: if it is a symbolic link, or not a regular file (a folder, a pipe...).
    """
    try:
        handle = os.open(name, _READ_FLAGS, dir_fd=folder)
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EMLINK) and _is_link(name, folder):
            raise FileExistsError(
                f"{shown} is a symbolic link, and no link is written through: "
                "remove it, or put the file it leads to in its place"
            ) from None
        raise
    with open(handle, "rb", closefd=True) as file:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise FileExistsError(f"{shown} is not a regular file; move it away first")
        digest = hashlib.sha256()
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
        size = file.tell()
    return Seen(size, digest.hexdigest()), status


def _temporary_name(name: str) -> str:
    # The name's head only: the file's own name may already be as long as a name can be.
    return f".{name[:80]}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"


def _keep_owner_and_mode(handle: int, previous: os.stat_result) -> None:
    # The owner first: changing it clears the set-user-id and set-group-id bits the mode restores.
    for owner in ((previous.st_uid, previous.st_gid), (-1, previous.st_gid)):
        try:
            os.fchown(handle, *owner)
            break
        except PermissionError:  # only the superuser may give a file away; try the group alone
            continue
    os.fchmod(handle, stat.S_IMODE(previous.st_mode))


def replace_file(
    folder: int, name: str, data: bytes, *, shown: str, previous: Seen | None, changed: str
) -> None:
    """Write ``data`` as the file ``name`` of ``folder``, if it still holds what was ``previous``.

    ``previous`` is what the caller saw there (None: no file). A file that is there keeps its
    mode and, where permitted, its owner; a new one gets the mode the process's umask gives.

    Raises:
        FileExistsError: ``changed``, if the file no longer holds ``previous``; or if it is a
            symbolic link or not a regular file. Nothing is written then.
    """
    temporary = _temporary_name(name)
    renamed = False
    try:
        now = seen_now(folder, name, shown)
        mode = 0o600 if now is not None else 0o666  # the umask narrows a new file's
        handle = os.open(temporary, _CREATE_FLAGS, mode, dir_fd=folder)
        with open(handle, "wb", closefd=True) as file:
            if now is not None:
                _keep_owner_and_mode(handle, now[1])
            file.write(data)
            file.flush()
            os.fsync(handle)
        last = seen_now(folder, name, shown)
        if (None if last is None else last[0]) != previous:
            raise FileExistsError(changed)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        renamed = True
        _sync_folder(folder)
    except FileExistsError:
        raise
    except OSError as error:  # a full disk, a read-only file system, a folder not writable
        raise _naming(error, shown) from None
    finally:
        if not renamed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary, dir_fd=folder)


def _sync_folder(folder: int) -> None:
    try:
        os.fsync(folder)
    except OSError as error:
        if error.errno != errno.EINVAL:  # a file system that cannot sync a folder says so
            raise
