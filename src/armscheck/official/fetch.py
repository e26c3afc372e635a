"""Downloading the official files from their publishers, then importing them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import ListError
from .model import CountryFn
from .store import MAX_BYTES, Imported, data_dir, import_bytes

# where each publisher puts the current file
OFFICIAL = {
    "un-sc": "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    "us-csl": "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json",
    "us-sdn": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML",
}
TIMEOUT = 60.0
CHUNK = 1 << 20


def url_for(name: str, url_base: str | None) -> str:
    """The address to fetch list file ``name`` from (``url_base`` replaces the host)."""
    official = OFFICIAL[name]
    if not url_base:
        return official
    return f"{url_base.rstrip('/')}/{official.rsplit('/', 1)[-1]}"


def download(url: str, timeout: float = TIMEOUT) -> tuple[bytes, dt.date | None]:
    """The body at ``url`` (at most :data:`MAX_BYTES`) and its Last-Modified date."""
    import email.utils  # only here: every command line imports this module
    import urllib.error
    import urllib.parse
    import urllib.request

    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ListError(
            "only http and https addresses can be fetched", file=url, hint="fix the URL"
        )
    request = urllib.request.Request(url, headers={"User-Agent": "armscheck list fetch"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise ListError(
                    f"the server announces {int(length) / 1e6:.0f} MB, over the "
                    f"{MAX_BYTES // 2**20} MiB limit",
                    file=url,
                    hint="check the address; official lists are well under 60 MB",
                )
            parts: list[bytes] = []
            size = 0
            while True:
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_BYTES:
                    raise ListError(
                        f"the download exceeds the {MAX_BYTES // 2**20} MiB limit",
                        file=url,
                        hint="check the address; official lists are well under 60 MB",
                    )
                parts.append(chunk)
            modified = response.headers.get("Last-Modified")
    except (urllib.error.URLError, TimeoutError) as exc:
        if isinstance(exc, urllib.error.HTTPError):
            problem = f"the server answered HTTP {exc.code} {exc.reason}"
        elif isinstance(exc, urllib.error.URLError):
            problem = f"cannot reach the server: {exc.reason}"
        else:
            problem = f"no answer within {timeout:.0f} s"
        raise ListError(
            problem,
            file=url,
            hint="check the network or try again later; or download the file yourself "
            "and use 'armscheck lists import'",
        ) from None
    date = None
    if modified:
        try:
            date = email.utils.parsedate_to_datetime(modified).date()
        except (TypeError, ValueError):
            date = None
    return b"".join(parts), date


def fetch(
    names: list[str],
    country: CountryFn,
    url_base: str | None = None,
    folder: Path | None = None,
    timeout: float = TIMEOUT,
) -> list[tuple[str, Imported | ListError]]:
    """Download and import each named list; one result (or error) per list."""
    out: list[tuple[str, Imported | ListError]] = []
    for name in names:
        url = url_for(name, url_base)
        try:
            data, modified = download(url, timeout)
            out.append((url, import_bytes(data, url, country, folder, generated=modified)))
        except ListError as exc:
            out.append((url, exc))
    if any(isinstance(r, Imported) and r.status == "imported" for _, r in out):
        from . import lookup  # the on-disk index (sqlite3)

        lookup.build(folder or data_dir())
    return out
