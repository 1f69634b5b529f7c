"""The ``newsclean`` command. Thin: it parses arguments and calls the public API.

Exit codes: 0 success, 1 a fatal error (unreadable input, or an HTML page
with no article: the message ends with the error's reason) with a one-line
message, 2 a usage error.

    $ newsclean clean seeds/000_0ea4331d0d193fdf.txt
    $ newsclean clean --json --title "My headline" < article.txt
    $ newsclean extract page.html --url https://example.org/story
    $ newsclean extract --json - < page.html
    $ newsclean run seeds/ -o out/
    $ newsclean dedup clean.jsonl.gz -o out/
    $ newsclean run day2.jsonl -o out2/ --index news.db
    $ newsclean index stats news.db
    $ newsclean learn crawl.jsonl -o profiles.json
    $ newsclean run crawl.jsonl -o out/ --profiles profiles.json   # or --learn-boilerplate
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .clean import Cleaner, CleanOptions
from .errors import ExtractionError, NewscleanError
from .extract import ExtractOptions, Extractor

__all__ = ["main"]


def _read_text(source: str) -> str:
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    # Plain text files are UTF-8 in practice; undecodable bytes are replaced
    # rather than aborting the run (the cleaner never sees invalid str).
    return data.decode("utf-8-sig", errors="replace")


def _cmd_clean(args: argparse.Namespace) -> int:
    try:
        text = _read_text(args.file)
    except OSError as exc:
        print(f"newsclean: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    options = CleanOptions(fix_mojibake=args.fix_mojibake)
    article = Cleaner(options).clean(text, title=args.title)
    if args.json:
        json.dump(article.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if article.text:
            sys.stdout.write(article.text + "\n")
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"newsclean: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    options = ExtractOptions(timeout_s=args.timeout)
    try:
        article = Extractor(options).extract(data, url=args.url)
    except ExtractionError as exc:
        print(f"newsclean: {args.file}: {exc} ({exc.reason})", file=sys.stderr)
        return 1
    if args.json:
        json.dump(article.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif article.text:
        sys.stdout.write(article.text + "\n")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from .io import FieldMap
    from .pipeline import PipelineOptions, run

    _setup_logging(args.log_level)
    fields = FieldMap(
        id=args.id_field,
        text=args.text_field,
        html=args.html_field,
        url=args.url_field,
        title=args.title_field,
        date=args.date_field,
    )
    options = PipelineOptions(
        workers=args.workers,
        extract=ExtractOptions(timeout_s=args.timeout, max_bytes=args.max_bytes),
        process=args.command == "run",
        index=args.index,
        profiles=_load_profiles(args.profiles),
        learn_boilerplate=args.learn_boilerplate,
    )
    summary = run(
        args.inputs,
        args.output,
        options=options,
        fields=fields,
        format=args.format,
        output_format=args.output_format,
        progress=not args.quiet,
    )
    if not args.quiet:
        print(summary.table(), file=sys.stderr)
    return 0


def _load_profiles(path: str | None) -> Any:
    if path is None:
        return None
    from .profiles import SiteProfiles

    return SiteProfiles.load(path)


def _cmd_learn(args: argparse.Namespace) -> int:
    """``newsclean learn``: learn every site's boilerplate lines into a profiles file."""
    from .io import FieldMap, Record, read_records
    from .profiles import LearnOptions, ProfileLearner, SiteProfiles

    options = LearnOptions(min_share=args.min_share, min_pages=args.min_pages)
    learner = ProfileLearner(options)
    fields = FieldMap(text=args.text_field, url=args.url_field)
    extractor = None
    for record in read_records(args.inputs, format=args.format, fields=fields):
        if not isinstance(record, Record):
            continue  # unreadable: nothing to learn from
        text = record.text
        if text is None and record.html is not None:
            # HTML: learn from the extracted text (what --profiles is applied to).
            extractor = extractor or Extractor(ExtractOptions())
            try:
                text = extractor.extract(record.html, url=record.url).text
            except ExtractionError:
                text = None
        if text:
            learner.add(text, url=record.url)
    profiles = learner.profiles()
    if args.merge:
        profiles = SiteProfiles.load(args.merge).merge(profiles)
    profiles.save(args.output)
    lines = sum(len(p.lines) for p in profiles.values())
    print(
        f"newsclean: {learner.pages_seen} pages, {len(profiles)} sites with boilerplate, "
        f"{lines} lines -> {args.output}",
        file=sys.stderr,
    )
    return 0


def _add_learn_parser(sub: Any) -> None:
    from .io import FORMATS

    help_text = (
        "Learn each site's boilerplate lines (lines on many pages of one site) from the "
        "inputs and write them to a profiles file for --profiles."
    )
    p = sub.add_parser("learn", help=help_text, description=help_text)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="profiles file (JSON)")
    p.add_argument("--format", choices=FORMATS, help="input format (default: from the name)")
    p.add_argument("--min-share", type=float, default=0.3, metavar="X",
                   help="share of a site's pages a line must be on (default: %(default)s)")
    p.add_argument("--min-pages", type=int, default=10, metavar="N",
                   help="sites with fewer pages learn nothing (default: %(default)s)")
    p.add_argument("--merge", metavar="FILE", help="merge with an earlier profiles file")
    p.add_argument("--text-field", default="text", metavar="NAME", help="record field with the text")
    p.add_argument("--url-field", default="url", metavar="NAME", help="record field with the URL")
    p.set_defaults(func=_cmd_learn)


def _cmd_index(args: argparse.Namespace) -> int:
    """``newsclean index stats|export|import``: operations on a persistent dedup index."""
    from itertools import chain

    from .dedup.store import DedupIndex, options_from_settings, read_export_header

    if args.action == "stats":
        with DedupIndex(args.index, create=False) as ix:
            print(json.dumps(ix.stats().to_dict(), indent=2, sort_keys=True))
        return 0
    if args.action == "export":
        with DedupIndex(args.index, create=False) as ix:
            if args.output in (None, "-"):
                n = ix.export(sys.stdout)
            else:
                with open(args.output, "w", encoding="utf-8") as fh:
                    n = ix.export(fh)
        print(f"newsclean: exported {n} documents", file=sys.stderr)
        return 0
    from .errors import InputError

    try:
        src = sys.stdin if args.source == "-" else open(args.source, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read {args.source!r}: {exc.strerror or exc}") from None
    try:
        first = src.readline()
        opts = options_from_settings(read_export_header(first))
        with DedupIndex(args.index, opts) as ix:
            n = ix.import_jsonl(chain([first], src))
    finally:
        if src is not sys.stdin:
            src.close()
    print(f"newsclean: imported {n} documents", file=sys.stderr)
    return 0


def _add_index_parser(sub: Any) -> None:
    help_text = "Operations on a persistent dedup index (a SQLite file or redis://host:port/db?name=NAME)."
    p = sub.add_parser("index", help=help_text, description=help_text)
    ops = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    st = ops.add_parser("stats", help="documents, clusters, settings and size (JSON)")
    st.add_argument("index", metavar="PATH_OR_URL")
    ex = ops.add_parser("export", help="JSONL: a settings line, then doc_id, cluster_id, signature (hex), ...")
    ex.add_argument("index", metavar="PATH_OR_URL")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    im = ops.add_parser("import", help="add the documents of an export to an index (created when new)")
    im.add_argument("source", metavar="FILE", help="an export, or - for stdin")
    im.add_argument("index", metavar="PATH_OR_URL")
    p.set_defaults(func=_cmd_index)


def _setup_logging(level_name: str) -> None:
    """newsclean's own messages at the chosen level; the libraries it drives
    (trafilatura, readability) only with ``--log-level debug``."""
    level = getattr(logging, level_name.upper())
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("newsclean: %(levelname)s: %(message)s"))
    log = logging.getLogger("newsclean")
    log.addHandler(handler)
    log.setLevel(level)
    for name in ("trafilatura", "readability", "readability.readability", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.DEBUG if level <= logging.DEBUG else logging.CRITICAL)


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return n


def _add_run_parser(sub: Any, name: str, help_text: str) -> None:
    from .io import FORMATS

    p = sub.add_parser(name, help=help_text, description=help_text)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    p.add_argument("--format", choices=FORMATS, help="input format (default: from the name)")
    p.add_argument(
        "--output-format", choices=("jsonl", "parquet"), default="jsonl", help="articles file"
    )
    p.add_argument(
        "--workers", type=int, default=0, metavar="N", help="processes (default: all cores)"
    )
    p.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=ExtractOptions().timeout_s,
        metavar="SECONDS",
        help="time limit per document (default: %(default)s)",
    )
    p.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=ExtractOptions().max_bytes,
        metavar="N",
        help="size cap per HTML document (default: %(default)s)",
    )
    for field_name in ("id", "text", "html", "url", "title", "date"):
        p.add_argument(
            f"--{field_name}-field",
            default=field_name,
            metavar="NAME",
            help=f"record field holding the {field_name} (default: %(default)s)",
        )
    p.add_argument(
        "--index",
        metavar="PATH_OR_URL",
        help="persistent dedup index: cluster against it and add to it "
        "(a SQLite file, or redis://host:port/db?name=NAME)",
    )
    p.add_argument(
        "--profiles", metavar="FILE", help="site boilerplate learned by 'newsclean learn'"
    )
    p.add_argument(
        "--learn-boilerplate",
        action="store_true",
        help="learn each site's boilerplate from this run's articles and remove it",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument(
        "--log-level",
        default="warning",
        choices=("debug", "info", "warning", "error"),
        help="log level (default: %(default)s)",
    )
    p.set_defaults(func=_cmd_run)


def _positive_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {value!r}")
    return seconds


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean scraped news text or HTML and find syndicated near-duplicates.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    clean = sub.add_parser(
        "clean",
        help="clean one scraped plain-text article",
        description="Print the clean body of a scraped plain-text article "
        "(or, with --json, title, text, headings and every removed line with its reason).",
    )
    clean.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="text file, or - for stdin"
    )
    clean.add_argument("--title", help="the headline, when known (otherwise detected)")
    clean.add_argument("--json", action="store_true", help="print JSON instead of text")
    clean.add_argument(
        "--fix-mojibake",
        action="store_true",
        help="repair mis-decoded text (needs newsclean[ftfy])",
    )
    clean.set_defaults(func=_cmd_clean)

    extract = sub.add_parser(
        "extract",
        help="extract the article of one HTML page",
        description="Print the clean article body of an HTML page (any encoding), or with "
        "--json its title, text, headings, removed lines with reasons and metadata.",
    )
    extract.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="HTML file, or - for stdin"
    )
    extract.add_argument("--url", help="the page's URL, recorded in the metadata (never fetched)")
    extract.add_argument("--json", action="store_true", help="print JSON instead of text")
    extract.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=ExtractOptions().timeout_s,
        metavar="SECONDS",
        help="time limit for the page (default: %(default)s)",
    )
    extract.set_defaults(func=_cmd_extract)

    _add_run_parser(
        sub,
        "run",
        "Extract or clean every record of the inputs, cluster syndicated copies, and write "
        "articles, clusters, rejects and stats to OUTDIR.",
    )
    _add_run_parser(
        sub,
        "dedup",
        "Cluster records that are already clean text (no extraction, no cleaning) and write "
        "articles, clusters, rejects and stats to OUTDIR.",
    )
    _add_index_parser(sub)
    _add_learn_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except NewscleanError as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
