"""Open and read a file beneath a folder, as ``openat2(RESOLVE_BENEATH)`` would, in portable calls.

Each component of a name is opened relative to the directory opened before it, never following a
link: a link met on the way is read and its target walked the same way, from the directory that
holds it, so that a link may lead anywhere inside the folder and nowhere outside it. A process
renaming or relinking components meanwhile can make the walk fail, never leave the folder. The
file found is opened without blocking, checked to be a regular file through its own descriptor,
and read through that descriptor: what is checked is what is read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import deque
from typing import Final

__all__ = [
    "MAX_LINKS",
    "LeadsOutError",
    "LinkLoopError",
    "NotRegularError",
    "OpenFolder",
    "TooLargeError",
]

#: How many links one name may pass through, as the kernel's own limit for a path.
MAX_LINKS: Final = 40
_CHUNK: Final = 1 << 20
_NOFOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
#: Whether this system opens and inspects files relative to an open folder (every POSIX one).
_RELATIVE_OPENS: Final = {os.open, os.stat, os.readlink} <= os.supports_dir_fd
_DIRECTORY_FLAGS: Final = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
# O_NONBLOCK: a FIFO swapped in after the type check opens at once instead of waiting for a
# writer; O_NOCTTY: a terminal never becomes the process's controlling terminal.
_FILE_FLAGS: Final = (
    os.O_RDONLY
    | _NOFOLLOW
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_KINDS: Final = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFLNK: "a link",
}


class LeadsOutError(Exception):
    """The name, or a link on its way, leads out of the folder."""


class LinkLoopError(Exception):
    """The name passes through more links than :data:`MAX_LINKS`, as a loop of links does."""


class NotRegularError(Exception):
    """The name is not a regular file; the argument says what it is."""


class TooLargeError(Exception):
    """The file holds more bytes than allowed; the argument is its size, if known."""


def _kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "a special file")


class OpenFolder:
    """A folder opened once; the files read from it are found beneath this one descriptor.

    The folder itself is the one the caller names, a link to it included; only what lies
    inside it is walked without following links out.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = os.fsdecode(os.fspath(path))
        # Only to read an absolute link that names a place inside the folder.
        self._real = os.path.realpath(self._path)
        if not _RELATIVE_OPENS:
            if not os.path.isdir(self._path):
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), self._path)
            self._fd = -1
            return
        self._fd = os.open(self._path, _DIRECTORY_FLAGS)

    def __enter__(self) -> OpenFolder:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the folder's descriptor."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def read(self, name: str, max_bytes: int) -> bytes:
        """Return the bytes of the regular file ``name`` beneath the folder.

        Raises:
            LeadsOutError, LinkLoopError, NotRegularError, TooLargeError: as their names say.
            OSError: if a component is missing or cannot be opened.
        """
        fd = self._open_beneath(name) if _RELATIVE_OPENS else self._open_resolved(name)
        try:
            return _read_regular(fd, max_bytes)
        finally:
            os.close(fd)

    def _open_beneath(self, name: str) -> int:
        pending = deque(name.split("/"))
        opened: list[int] = []  # the directories walked into, below the folder
        links = 0
        try:
            while pending:
                part = pending.popleft()
                if part in ("", "."):
                    continue
                if part == "..":
                    if not opened:
                        raise LeadsOutError
                    os.close(opened.pop())
                    continue
                here = opened[-1] if opened else self._fd
                info = os.stat(part, dir_fd=here, follow_symlinks=False)
                if stat.S_ISLNK(info.st_mode):
                    links += 1
                    if links > MAX_LINKS:
                        raise LinkLoopError
                    pending.extendleft(reversed(self._link_parts(part, here, opened)))
                    continue
                if any(rest != "." for rest in pending):  # more to walk: this must be a folder
                    if not stat.S_ISDIR(info.st_mode):
                        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), part)
                    opened.append(os.open(part, _DIRECTORY_FLAGS | _NOFOLLOW, dir_fd=here))
                    continue
                if not stat.S_ISREG(info.st_mode):
                    # Refused before opening: opening a device can itself act on the device.
                    raise NotRegularError(_kind(info.st_mode))
                return os.open(part, _FILE_FLAGS, dir_fd=here)
            raise NotRegularError("a folder")
        finally:
            for fd in opened:
                os.close(fd)

    def _open_resolved(self, name: str) -> int:
        """Open ``name`` where files cannot be opened relative to a folder (Windows).

        The path is resolved and checked to lie inside the folder, then opened by name: a link
        swapped in between the two is not caught here, as it is by :meth:`_open_beneath`.
        """
        try:
            resolved = os.path.realpath(os.path.join(self._path, name), strict=True)
        except RuntimeError:  # a loop, as some versions of Python report it
            raise LinkLoopError from None
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise LinkLoopError from None
            raise
        try:
            inside = os.path.commonpath([resolved, self._real]) == self._real
        except ValueError:  # on another drive
            inside = False
        if not inside:
            raise LeadsOutError
        info = os.stat(resolved)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularError(_kind(info.st_mode))
        return os.open(resolved, _FILE_FLAGS | getattr(os, "O_BINARY", 0))

    def _link_parts(self, part: str, here: int, opened: list[int]) -> list[str]:
        """Return the components a link's target adds to the walk, from where it leads."""
        target = os.readlink(part, dir_fd=here)
        if not target.startswith("/"):
            return target.split("/")
        inside = os.path.relpath(target, self._real) if target.startswith(self._real) else ".."
        if inside == ".." or inside.startswith("../"):
            raise LeadsOutError
        # An absolute link into the folder: walked again from the folder itself.
        while opened:
            os.close(opened.pop())
        return inside.split("/")


def _read_regular(fd: int, max_bytes: int) -> bytes:
    """Read the whole of the regular file open at ``fd``, refusing more than ``max_bytes``."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # replaced between the check and the open
        raise NotRegularError(_kind(info.st_mode))
    if info.st_size > max_bytes:
        raise TooLargeError(info.st_size)
    with os.fdopen(os.dup(fd), "rb") as file:
        data = file.read(info.st_size + 1)
        if len(data) <= info.st_size:
            return data
        # More than the size said: the file grows while being read, or its file system does
        # not report sizes. Read on in bounded chunks, up to the limit.
        grown = bytearray(data)
        while len(grown) <= max_bytes:
            chunk = file.read(min(_CHUNK, max_bytes + 1 - len(grown)))
            if not chunk:
                return bytes(grown)
            grown += chunk
    raise TooLargeError(None)
