"""Readers and writers for the formats pipelines use (usable on their own).

>>> from newsclean.io import detect_format
>>> detect_format("crawl.parquet")
'parquet'
"""

from .readers import FORMATS, detect_format, read, read_records
from .records import FieldMap, Record, Reject, record_from_mapping
from .writers import OUTPUT_FORMATS, JsonlWriter, ParquetWriter, Writer, open_writer

__all__ = [
    "FORMATS",
    "OUTPUT_FORMATS",
    "FieldMap",
    "JsonlWriter",
    "ParquetWriter",
    "Record",
    "Reject",
    "Writer",
    "detect_format",
    "open_writer",
    "read",
    "read_records",
    "record_from_mapping",
]
