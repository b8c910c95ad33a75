"""paysage: countries named in news articles, as clean, dated country data.

The engine of the ``paysage`` command, one import away:

- :func:`lookup` converts names to ISO 3166-1 codes (a list, a pandas or polars Series);
- :func:`analyse` turns a DataFrame of articles into the per-article tables of ``paysage run``
  (``articles``, ``mentions``, ``sets``, ``members``, ``memberships``, ``breakdown``, ``rejects``,
  and whatever the job adds), as pyarrow Tables with the Parquet files' columns and types;
- :func:`groups` lists a group's members on a date.

The reference data (names, countries, groups) is built into the package; ``reference=DIR``
layers your own folder (laid out as the repository's ``input/``) over it.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
from typing import TYPE_CHECKING, Any, Iterable, Literal, Sequence, Union, overload

import pyarrow as pa

from . import _paysage
from ._convert import articles_columns, table_from_columns

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import polars

__version__: str = _paysage.__version__

__all__ = ["lookup", "analyse", "groups", "group_codes", "languages", "LOOKUP_COLUMNS", "__version__"]

#: What ``lookup(..., to=...)`` returns, as ``paysage lookup --to``.
LOOKUP_COLUMNS = ("iso3", "iso2", "numeric", "name_en", "name_fr", "status")

To = Literal["iso3", "iso2", "numeric", "name_en", "name_fr", "status"]
DateLike = Union[str, _dt.date, None]
PathLike = Union[str, "os.PathLike[str]", None]


@functools.lru_cache(maxsize=8)
def _engine_at(reference: str | None) -> _paysage.Engine:
    return _paysage.Engine(reference)


def _engine(reference: PathLike) -> _paysage.Engine:
    """The engine for ``reference`` (None: the built-in data), loaded once per process."""
    if reference is None:
        return _engine_at(None)
    path = os.path.abspath(os.fspath(reference))
    if not os.path.isdir(path):
        raise FileNotFoundError(f"reference folder not found: {path}")
    return _engine_at(path)


def _date_arg(name: str, value: DateLike) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"{name}: a date or a YYYY-MM-DD string, not {type(value).__name__}")


def _codes_arg(name: str, value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [c for c in value.split(",") if c.strip()]
    codes = list(value)
    for c in codes:
        if not isinstance(c, str):
            raise TypeError(f"{name}: group codes are str, not {type(c).__name__}")
    return codes


@overload
def lookup(names: "pandas.Series", lang: str | None = ..., to: To = ..., reference: PathLike = ...) -> "pandas.Series": ...
@overload
def lookup(names: "polars.Series", lang: str | None = ..., to: To = ..., reference: PathLike = ...) -> "polars.Series": ...
@overload
def lookup(names: pa.Array | pa.ChunkedArray, lang: str | None = ..., to: To = ..., reference: PathLike = ...) -> pa.Array: ...
@overload
def lookup(names: Iterable[Any], lang: str | None = ..., to: To = ..., reference: PathLike = ...) -> list[str | None]: ...


def lookup(names: Any, lang: str | None = None, to: To = "iso3", reference: PathLike = None) -> Any:
    """Converts whole country names to codes, like ``paysage lookup --to``.

    ``names`` is a list (or any iterable), a pandas Series, a polars Series or a pyarrow array;
    the result is of the same kind and length, in order (a Series keeps its index and name), with
    None where a name is not a country (unmatched, ambiguous, a group, a former state) and for
    missing values. Names are matched with the job's names and rules: case and accents folded,
    leading articles and prepositions dropped ("aux Etats-Unis"), ISO codes in capitals or
    digits. Repeated names are looked up once.

    ``lang``: the names' language ("fr", "en", ...; None: every language).
    ``to``: ``iso3``, ``iso2``, ``numeric`` (with its leading zeros), ``name_en``, ``name_fr``,
    or ``status`` (``matched``, ``ambiguous`` or ``unmatched``).
    ``reference``: a folder of your own names and groups, layered over the built-in data.

    >>> lookup(["aux Etats Unis", "Allemagne", "Atlantis"], lang="fr")
    ['USA', 'DEU', None]
    """
    engine = _engine(reference)
    if isinstance(names, (str, bytes)):
        raise TypeError("names: a list or a Series of names, not one str (wrap it in a list)")
    module = type(names).__module__.split(".")[0]
    if module == "pandas" and hasattr(names, "index"):
        import pandas as pd

        out = engine.lookup(names.tolist(), lang, to)
        return pd.Series(out, index=names.index, name=names.name)
    if module == "polars" and hasattr(names, "to_list"):
        import polars as pl

        return pl.Series(names.name, engine.lookup(names.to_list(), lang, to), dtype=pl.String)
    if isinstance(names, (pa.Array, pa.ChunkedArray)):
        return pa.array(engine.lookup(names.to_pylist(), lang, to), type=pa.string())
    if hasattr(names, "tolist"):  # numpy
        names = names.tolist()
    if not isinstance(names, list):
        names = list(names)
    return engine.lookup(names, lang, to)


def groups(group: str | Sequence[str] | None = None, as_of: DateLike = None, reference: PathLike = None) -> pa.Table:
    """The members of a group on a date, as ``paysage groups``: a pyarrow Table with the columns
    ``group, as_of, iso3, name_en, joined, left, suspended, former`` (dates as date32, ``left``
    null while a member, ``suspended`` and ``former`` bool: a former state such as the USSR in the
    Warsaw Pact is listed by its id in ``historical.csv``), one row per member.

    ``group``: a code or several ("nato", ["eu", "nato"], "eu,nato"; any case); None: every group.
    ``as_of``: a date or ``YYYY-MM-DD`` (None: today).

    >>> groups("g7", as_of="2024-06-01").column("iso3").to_pylist()
    ['CAN', 'DEU', 'FRA', 'GBR', 'ITA', 'JPN', 'USA']
    """
    columns = _engine(reference).members(_codes_arg("group", group), _date_arg("as_of", as_of))
    return table_from_columns(columns)


def group_codes(reference: PathLike = None) -> list[str]:
    """Every group code the reference data knows, sorted ("AU", "EU", "NATO", ...)."""
    return _engine(reference).group_codes()


def languages(reference: PathLike = None) -> list[str]:
    """Every language that has names ("de", "en", "fr", ...)."""
    return _engine(reference).languages()


def analyse(
    articles: Any,
    id: str = "id",
    text: str = "text",
    date: str = "date",
    lang: str = "lang",
    as_of: DateLike = None,
    groups: str | Sequence[str] | None = None,
    reference: PathLike = None,
    threads: int | None = None,
) -> dict[str, pa.Table]:
    """Analyses articles as ``paysage run`` does, and returns its per-article tables.

    ``articles``: a pandas or polars DataFrame, or a pyarrow Table or RecordBatch, one article a
    row. ``id`` and ``text`` name its id and text columns (ids: strings or integers); ``date``
    (strings ``YYYY-MM-DD``, optionally with a time, or a date/timestamp column), ``lang``, and
    ``source`` and ``title`` are read when present. A row that the command would reject (no id,
    a duplicate id, an empty or null text, a date that is not one) is a row of ``rejects`` with
    the command's reason, and its ``line`` is the row number (1-based).

    ``as_of``: read every group membership at this date instead of each article's date.
    ``groups``: the groups broken down (codes, or ``"all"``; default: those ``group_info.csv``
    marks ``breakdown``), as ``--groups``.
    ``reference``: a folder of your own names and groups, layered over the built-in data.
    ``threads``: worker threads (default: one per core; 1 inside a Spark task).

    Returns a dict from table name to pyarrow Table, with the names, columns and Arrow types of
    the command's Parquet files (``articles``, ``mentions``, ``sets``, ``members``, ``memberships``,
    ``breakdown``, ``rejects``, ...). The run-level tables (``country_mentions``,
    ``run_breakdown``) are aggregations of these; see ``paysage.spark`` for Spark.

    Raises ValueError for a missing column or a bad argument, TypeError for a column of the
    wrong type.
    """
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise ValueError(f"threads: a positive int, not {threads!r}")
    columns = articles_columns(articles, id=id, text=text, date=date, lang=lang)
    out = _engine(reference).analyse(
        columns,
        _date_arg("as_of", as_of),
        _codes_arg("groups", groups),
        threads,
    )
    return {name: table_from_columns(cols) for name, cols in out}
