"""Train the cleaner's line model on labelled articles (needs scikit-learn).

A labelled article is a folder with ``input.txt`` (the scraped page),
``expected.txt`` (its clean body: paragraphs separated by one blank line)
and ``meta.json`` (at least ``{"title": ...}``), the layout of
``tests/data/articles``. Each page is cleaned with the line model off; every
line of it (but the headline) becomes one example: body when it is a
paragraph of ``expected.txt``, furniture otherwise, with the features of
:func:`newsclean.clean.linemodel.line_features` in the page as the rules
left it. A logistic regression (scikit-learn) fits the weights; body lines
weigh more than furniture, since losing a line of the story costs more than
keeping a line of chrome.

    pip install 'newsclean[train]'
    python -m newsclean.clean.linemodel_train tests/data/articles -o my_model.json.gz
    python -m newsclean.clean.linemodel_train tests/data/articles --cv 5

Then ``CleanOptions(line_model_file="my_model.json.gz")``.

Example:
    >>> pages = list(labelled_pages([]))
    >>> pages
    []
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsclean.clean.linemodel import LineContext, LineModel, PageLine, line_features
from newsclean.clean.normalize import split_units
from newsclean.clean.options import CleanOptions
from newsclean.errors import InputError, MissingDependencyError

__all__ = ["LabelledPage", "cross_validate", "labelled_pages", "main", "train"]

#: Weights smaller than this are left out of the model file (they move no
#: score by more than a rounding error, and the file stays small).
MIN_WEIGHT = 0.02


@dataclass(frozen=True)
class LabelledPage:
    """One labelled page as the rules left it: lines, reasons, labels."""

    name: str
    texts: tuple[str, ...]
    reasons: tuple[str | None, ...]
    junk: tuple[bool | None, ...]  # None: the headline (not an example)
    title: str | None


def article_folders(roots: Iterable[str | Path]) -> list[Path]:
    """Every folder under (or equal to) ``roots`` that holds an ``input.txt``."""
    out: list[Path] = []
    for root in roots:
        r = Path(root)
        if (r / "input.txt").is_file():
            out.append(r)
        else:
            out.extend(sorted(p for p in r.iterdir() if (p / "input.txt").is_file()))
    return out


def labelled_pages(
    folders: Iterable[str | Path], options: CleanOptions | None = None
) -> Iterator[LabelledPage]:
    """Clean each folder's page with the line model off and label its lines.

    Raises:
        InputError: a folder lacks ``expected.txt`` or ``meta.json``.
    """
    from newsclean.clean.cleaner import Cleaner

    base = options or CleanOptions()
    cleaner = Cleaner(replace(base, line_model=False))
    for folder in folders:
        d = Path(folder)
        try:
            raw = (d / "input.txt").read_text(encoding="utf-8")
            expected = set((d / "expected.txt").read_text(encoding="utf-8").strip().split("\n\n"))
            meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{d}: not a labelled article ({exc})") from None
        article = cleaner.clean(raw)
        why = {r.line_no: r.reason.value for r in article.removed}
        units = list(split_units(raw, join_wrapped=base.join_wrapped_lines))
        headline = meta.get("title") if isinstance(meta, dict) else None
        yield LabelledPage(
            name=d.name,
            texts=tuple(u.text for u in units),
            reasons=tuple(why.get(u.line_no) for u in units),
            junk=tuple(None if u.text == headline else u.text not in expected for u in units),
            title=article.title,
        )


def _examples(pages: Iterable[LabelledPage]) -> tuple[list[dict[str, int]], list[bool]]:
    xs: list[dict[str, int]] = []
    ys: list[bool] = []
    for page in pages:
        ctx = LineContext.of(page.texts, page.reasons, page.title)
        for i, junk in enumerate(page.junk):
            if junk is None:
                continue
            xs.append(dict.fromkeys(line_features(ctx, i), 1))
            ys.append(junk)
    return xs, ys


def train(pages: Sequence[LabelledPage], *, c: float = 1.0, body_weight: float = 3.0) -> LineModel:
    """Fit a :class:`LineModel` on labelled pages (scikit-learn's LogisticRegression).

    Raises:
        MissingDependencyError: scikit-learn is not installed.
        InputError: the pages hold no body line or no furniture line.
    """
    try:
        from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
        from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
    except ImportError:
        raise MissingDependencyError(
            "training the line model needs scikit-learn: pip install 'newsclean[train]'"
        ) from None
    xs, ys = _examples(pages)
    if len(set(ys)) < 2:
        raise InputError("training needs both body and furniture lines")
    vec = DictVectorizer()
    matrix = vec.fit_transform(xs)
    fit = LogisticRegression(C=c, max_iter=5000, class_weight={False: body_weight, True: 1.0})
    fit.fit(matrix, ys)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), fit.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    return LineModel(bias=round(float(fit.intercept_[0]), 4), weights=weights)


def cross_validate(
    pages: Sequence[LabelledPage],
    *,
    folds: int = 5,
    thresholds: Sequence[float] = (0.9, 0.95, 0.97, 0.98, 0.99),
    **fit: Any,
) -> dict[float, tuple[int, int, int, int]]:
    """Out-of-fold effect on the lines the rules kept, per threshold.

    Pages are split into ``folds`` runs in order; each run is scored by a
    model trained on the others. Returns ``{threshold: (furniture removed,
    furniture kept by the rules, body removed, body lines)}``.
    """
    out = {t: [0, 0, 0, 0] for t in thresholds}
    n = len(pages)
    for k in range(folds):
        lo, hi = k * n // folds, (k + 1) * n // folds
        model = train([*pages[:lo], *pages[hi:]], **fit)
        for page in pages[lo:hi]:
            # (Built once: what each line's text gives the model is kept on it.)
            lines = [PageLine(x) for x in page.texts]
            for t in thresholds:
                for line, reason in zip(lines, page.reasons, strict=True):
                    line.reason = reason  # (furniture() marks what it removed)
                # Scored as the cleaner does: again while lines go.
                gone = set(model.furniture(lines, page.title, t))
                row = out[t]
                for i, junk in enumerate(page.junk):
                    if junk is None:
                        continue
                    if junk:
                        row[1] += page.reasons[i] is None
                        row[0] += i in gone
                    else:
                        row[3] += 1
                        row[2] += i in gone
    return {t: (r[0], r[1], r[2], r[3]) for t, r in out.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: train a model, or cross-validate one."""
    ap = argparse.ArgumentParser(
        prog="python -m newsclean.clean.linemodel_train", description=__doc__.splitlines()[0]
    )
    ap.add_argument("corpus", nargs="+", help="article folders, or folders of them")
    ap.add_argument("-o", "--output", help="write the model here (.json or .json.gz)")
    ap.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation instead")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation (default 1)")
    ap.add_argument("--body-weight", type=float, default=3.0, help="weight of a body line")
    args = ap.parse_args(argv)
    pages = list(labelled_pages(article_folders(args.corpus)))
    print(f"{len(pages)} labelled pages", file=sys.stderr)
    if args.cv:
        table = cross_validate(pages, folds=args.cv, c=args.c, body_weight=args.body_weight)
        print("| threshold | furniture kept by the rules, removed | body lines removed |")
        print("|---:|---:|---:|")
        for t, (jr, jk, br, bn) in table.items():
            print(f"| {t} | {jr}/{jk} | {br}/{bn} |")
        return 0
    if not args.output:
        ap.error("give -o FILE (or --cv K)")
    model = train(pages, c=args.c, body_weight=args.body_weight)
    model.save(args.output)
    print(f"{len(model.weights)} weights -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
