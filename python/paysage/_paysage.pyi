"""Types of the extension module (Rust, PyO3). Internal: use the functions of `paysage`."""

from typing import Any

__version__: str

# (name, type, length, null_count, validity, values, offsets): one column's Arrow buffers.
ColumnBuffers = tuple[str, str, int, int, bytes | None, bytes, bytes | None]

class Engine:
    """The reference data and the name matcher, loaded once."""

    def __init__(self, input: str | None = None) -> None: ...
    def group_codes(self) -> list[str]: ...
    def languages(self) -> list[str]: ...
    def lookup(self, names: list[Any], lang: str | None = None, to: str = "iso3") -> list[str | None]: ...
    def members(self, groups: list[str] | None = None, as_of: str | None = None) -> list[ColumnBuffers]: ...
    def analyse(
        self,
        fields: dict[str, Any],
        as_of: str | None = None,
        groups: list[str] | None = None,
        threads: int | None = None,
    ) -> list[tuple[str, list[ColumnBuffers]]]: ...
