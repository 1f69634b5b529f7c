"""Site simulator: many sites with their own template lines; does learning them help?

Generates a corpus deterministically from a seed: sites in several languages,
each with its own template lines at the top and bottom of every page (a name
and slogan, menus, a promo line, a disclaimer, an "about" paragraph, some
shown on only part of the pages), and stories that make learning hard:
quotations that recur across a site's stories (anywhere, last paragraph
included), follow-up stories that reuse long background paragraphs (near the
bottom), copies of one story on the same site, and syndicated copies on other
sites. Every line is labelled template or story.

Then, in one run: learns :class:`newsclean.SiteProfiles` from the corpus,
cleans every page without and with its site's profile, and reports the share
of template lines removed and of story lines wrongly removed; and clusters the
clean texts with :func:`newsclean.cluster` to measure dedup precision/ARI,
above all on pairs of different stories of one site (template lines inflate
their similarity).

    python benchmarks/sites.py                 # quality table (seed 7)
    python benchmarks/sites.py --speed 100000  # learning speed and peak RSS on 100k pages
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, combinations

from newsclean import Cleaner, SiteProfiles, cluster
from newsclean.article import Reason
from newsclean.profiles import LearnOptions, ProfileLearner

TEMPLATE, STORY, TITLE = "template", "story", "title"

# Per language: syllables for story words, and template phrases ({n}: site name, {w}: a word).
LANGS: dict[str, dict[str, list[str]]] = {
    "en": {
        "syl": [
            "ta",
            "ri",
            "on",
            "es",
            "ma",
            "ber",
            "ling",
            "ton",
            "ca",
            "sent",
            "ver",
            "po",
            "di",
            "al",
            "ent",
            "ry",
            "ne",
            "mo",
            "sa",
        ],
        "top": [
            "{n}: news you can trust",
            "Your daily {w} briefing from {n}",
            "Sections · World · {w} · Local · Opinion",
            "Listen to this story",
            "{n} — independent since 19{d}",
        ],
        "bottom": [
            "Support {n}: become a member from just {d} a month.",
            "The views expressed are those of the author and not of {n}.",
            "Got a tip? Write to tips@{s}",
            "More {w} stories from {n}",
            "Read {n} in print every {w}day.",
        ],
        "about": [
            "{n} is an independent newsroom covering {w} and the region. Our reporters work "
            "without paywalls because we believe that news about the {w} belongs to everyone, "
            "and our members make that possible every single day of the year."
        ],
    },
    "de": {
        "syl": [
            "ge",
            "ver",
            "ban",
            "lich",
            "ung",
            "schaft",
            "ter",
            "ein",
            "hau",
            "sen",
            "ber",
            "dorf",
            "mit",
            "ner",
            "al",
            "stein",
        ],
        "top": [
            "{n} – Nachrichten aus {w}",
            "Jetzt {n} Plus testen",
            "Ressorts · Politik · {w} · Sport",
            "Artikel vorlesen lassen",
            "{n} seit 19{d} unabhängig",
        ],
        "bottom": [
            "Unterstützen Sie {n} schon ab {d} Euro im Monat.",
            "Die Meinung des Autors muss nicht die Meinung von {n} sein.",
            "Hinweise an die Redaktion: tipps@{s}",
            "Mehr aus {w} bei {n}",
            "{n} gibt es auch als E-Paper für {w}.",
        ],
        "about": [
            "{n} ist eine unabhängige Redaktion aus {w}. Unsere Reporterinnen und Reporter "
            "berichten ohne Bezahlschranke, weil wir glauben, dass Nachrichten aus {w} allen "
            "gehören, und unsere Mitglieder machen das jeden Tag möglich."
        ],
    },
    "fr": {
        "syl": [
            "re",
            "ment",
            "ou",
            "ai",
            "con",
            "ti",
            "lle",
            "eau",
            "vi",
            "pre",
            "que",
            "tion",
            "ran",
            "cha",
            "mé",
            "son",
        ],
        "top": [
            "{n} : l'info de {w}",
            "Abonnez-vous à {n} pour {d} euros",
            "Rubriques · {w} · Monde · Sport",
            "Écouter cet article",
            "{n}, fondé en 19{d}",
        ],
        "bottom": [
            "Soutenez {n} : adhérez dès {d} euros par mois.",
            "Les opinions exprimées n'engagent que leur auteur et non {n}.",
            "Une info ? Écrivez à infos@{s}",
            "Plus d'articles {w} sur {n}",
            "Retrouvez {n} en kiosque chaque {w}.",
        ],
        "about": [
            "{n} est une rédaction indépendante qui couvre {w} et sa région. Nos journalistes "
            "travaillent sans mur payant parce que nous pensons que l'information sur {w} "
            "appartient à tous, et nos lecteurs le rendent possible chaque jour."
        ],
    },
    "es": {
        "syl": [
            "ci",
            "da",
            "mo",
            "ra",
            "pe",
            "lo",
            "ción",
            "es",
            "que",
            "ta",
            "ver",
            "an",
            "to",
            "mi",
            "gua",
            "ri",
        ],
        "top": [
            "{n}: noticias de {w}",
            "Suscríbete a {n} por {d} euros",
            "Secciones · {w} · Mundo · Deportes",
            "Escucha esta noticia",
            "{n}, desde 19{d}",
        ],
        "bottom": [
            "Apoya a {n}: hazte socio desde {d} euros al mes.",
            "Las opiniones son del autor y no de {n}.",
            "¿Tienes una pista? Escribe a pistas@{s}",
            "Más noticias de {w} en {n}",
            "Lee {n} en papel cada {w}.",
        ],
        "about": [
            "{n} es una redacción independiente que cubre {w} y la región. Nuestros periodistas "
            "trabajan sin muro de pago porque creemos que las noticias de {w} son de todos, y "
            "nuestros socios lo hacen posible cada día del año."
        ],
    },
    "pl": {
        "syl": [
            "prze",
            "wie",
            "sta",
            "nia",
            "ko",
            "rzy",
            "szcz",
            "ło",
            "wa",
            "dzi",
            "ny",
            "go",
            "pol",
            "ska",
            "mie",
        ],
        "top": [
            "{n}: wiadomości z {w}",
            "Wesprzyj {n} już za {d} zł",
            "Działy · {w} · Świat · Sport",
            "Posłuchaj artykułu",
            "{n} od 19{d} roku",
        ],
        "bottom": [
            "Wspieraj {n}: zostań patronem za {d} zł miesięcznie.",
            "Opinie autora nie są stanowiskiem redakcji {n}.",
            "Masz temat? Napisz: redakcja@{s}",
            "Więcej z {w} na {n}",
            "{n} w wersji papierowej co {w}.",
        ],
        "about": [
            "{n} to niezależna redakcja z {w}. Nasi dziennikarze piszą bez płatnej blokady, bo "
            "wierzymy, że wiadomości z {w} należą do wszystkich, a nasi czytelnicy umożliwiają "
            "to każdego dnia w roku."
        ],
    },
    "sv": {
        "syl": [
            "för",
            "sta",
            "ning",
            "lig",
            "het",
            "and",
            "är",
            "ska",
            "vid",
            "ter",
            "mel",
            "berg",
            "sjö",
            "kon",
        ],
        "top": [
            "{n} – nyheter från {w}",
            "Prova {n} Plus för {d} kronor",
            "Avdelningar · {w} · Världen · Sport",
            "Lyssna på artikeln",
            "{n} sedan 19{d}",
        ],
        "bottom": [
            "Stöd {n}: bli medlem från {d} kronor i månaden.",
            "Åsikterna är skribentens egna och inte {n}s.",
            "Tips? Mejla tips@{s}",
            "Fler {w}-nyheter från {n}",
            "Läs {n} på papper varje {w}.",
        ],
        "about": [
            "{n} är en oberoende redaktion i {w}. Våra reportrar arbetar utan betalvägg eftersom "
            "vi tror att nyheter från {w} tillhör alla, och våra medlemmar gör det möjligt varje "
            "dag året runt."
        ],
    },
}
SITE_SIZES = (6, 15, 30, 60, 120, 250)


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    site: str
    story: str  # ground truth story id (copies share it)
    lines: tuple[tuple[str, str], ...]  # (text, label)

    @property
    def text(self) -> str:
        return "\n\n".join(t for t, _ in self.lines)


class _Lang:
    def __init__(self, rng: random.Random, code: str) -> None:
        syl = LANGS[code]["syl"]
        self.code = code
        self.vocab = sorted(
            {
                "".join(rng.choice(syl) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
                for _ in range(4000)
            }
        )
        rng.shuffle(self.vocab)
        # Zipf-like weights: common words shared by every story, rare ones not.
        self.cum: list[float] = list(
            accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(self.vocab)))
        )

    def words(self, rng: random.Random, n: int) -> list[str]:
        return rng.choices(self.vocab, cum_weights=self.cum, k=n)

    def sentence(self, rng: random.Random, lo: int = 12, hi: int = 28) -> str:
        w = self.words(rng, rng.randint(lo, hi))
        return " ".join(w).capitalize() + rng.choice((".", ".", ".", "!", "?"))

    def paragraph(self, rng: random.Random, lo: int = 1, hi: int = 3) -> str:
        return " ".join(self.sentence(rng) for _ in range(rng.randint(lo, hi)))

    def title(self, rng: random.Random) -> str:
        return " ".join(w.capitalize() for w in self.words(rng, rng.randint(5, 10)))


@dataclass
class _Site:
    name: str
    domain: str
    lang: _Lang
    top: list[tuple[str, float]]  # (line, probability of being on a page)
    bottom: list[tuple[str, float]]
    quotes: list[str]
    size: int


def _make_site(rng: random.Random, i: int, lang: _Lang) -> _Site:
    name = (
        lang.title(rng).split()[0]
        + " "
        + rng.choice(("Post", "Herald", "Courier", "Times", "News", "Today"))
    )
    domain = f"{name.split()[0].lower()}{i}.{rng.choice(('com', 'co.uk', 'de', 'fr', 'es', 'pl', 'se', 'com.au'))}"
    sub = rng.choice(("www.", "", "news.", "m."))
    t = LANGS[lang.code]

    def fill(s: str) -> str:
        return s.format(n=name, w=lang.words(rng, 1)[0], d=rng.randint(10, 99), s=domain)

    def prob() -> float:  # most template lines are on every page; some on part of them
        return 1.0 if rng.random() < 0.7 else rng.uniform(0.5, 0.95)

    top = [(fill(s), prob()) for s in rng.sample(t["top"], rng.randint(2, 5))]
    # Lines of its own language no lexicon knows: a short menu of site words.
    top.append((" · ".join(w.capitalize() for w in lang.words(rng, 4)), prob()))
    bottom = [(fill(s), prob()) for s in rng.sample(t["bottom"], rng.randint(2, 5))]
    if rng.random() < 0.5:
        bottom.append((fill(t["about"][0]), 1.0))
    if rng.random() < 0.4:  # a site-specific long promo paragraph in made-up words
        bottom.append((lang.paragraph(rng, 2, 2), prob()))
    quotes = [
        f"“{lang.sentence(rng, 8, 16)[:-1]},” {lang.title(rng).split()[0]} said." for _ in range(4)
    ]
    site = _Site(name, sub + domain, lang, top, bottom, quotes, rng.choice(SITE_SIZES))
    return site


@dataclass
class _Story:
    id: str
    title: str
    body: list[str]


def generate(seed: int = 7, n_sites: int = 40) -> list[Page]:
    """The corpus: same seed, same pages."""
    rng = random.Random(seed)
    langs = {code: _Lang(random.Random(f"{seed}-{code}"), code) for code in LANGS}
    sites = [_make_site(rng, i, langs[rng.choice(list(LANGS))]) for i in range(n_sites)]
    pages: list[Page] = []
    pending_syndication: list[tuple[_Story, str]] = []
    n = 0
    for site in sites:
        lang = site.lang
        series_bg: list[str] = []
        series_left = 0
        for k in range(site.size):
            sid = f"{site.domain}/{k}"
            body = [lang.paragraph(rng) for _ in range(rng.randint(2, 9))]
            if rng.random() < 0.25:  # a recurring quotation, anywhere (last paragraph too)
                body.insert(rng.randint(0, len(body)), rng.choice(site.quotes))
            if series_left == 0 and rng.random() < 0.3:
                series_left = rng.randint(3, 10)
                series_bg = [lang.paragraph(rng, 2, 3) for _ in range(rng.randint(1, 2))]
            if series_left > 0:  # a follow-up: the series' background near the bottom
                series_left -= 1
                at = max(len(body) - rng.randint(0, 1), 0)
                body[at:at] = series_bg
            story = _Story(sid, lang.title(rng), body)
            copies = 2 if rng.random() < 0.03 else 1  # the same story at two URLs
            for c in range(copies):
                pages.append(_page(rng, site, story, f"p{n}", c))
                n += 1
            if rng.random() < 0.1:
                pending_syndication.append((story, site.lang.code))
    # Syndicated copies on other sites of the same language (their template, maybe truncated).
    for story, code in pending_syndication:
        others = [s for s in sites if s.lang.code == code and not story.id.startswith(s.domain)]
        for site in rng.sample(others, min(len(others), rng.randint(1, 2))):
            body = story.body if rng.random() < 0.7 else story.body[: max(2, len(story.body) - 2)]
            pages.append(_page(rng, site, _Story(story.id, story.title, body), f"p{n}", 9))
            n += 1
    return pages


def _page(rng: random.Random, site: _Site, story: _Story, pid: str, copy: int) -> Page:
    lines: list[tuple[str, str]] = [(t, TEMPLATE) for t, p in site.top if rng.random() < p]
    lines.append((story.title, TITLE))
    lines.extend((p, STORY) for p in story.body)
    lines.extend((t, TEMPLATE) for t, p in site.bottom if rng.random() < p)
    slug = story.id.rsplit("/", 1)[1]
    return Page(pid, f"https://{site.domain}/{slug}-{copy}", site.domain, story.id, tuple(lines))


# ----------------------------------------------------------------- evaluation
def _removed_labels(
    cleaner: Cleaner, page: Page, profile: object
) -> tuple[Counter[str], str, Counter[str]]:
    a = cleaner.clean(page.text, profile=profile)  # type: ignore[arg-type]
    gone = Counter[str]()
    by_site = Counter[str]()
    for r in a.removed:
        label = page.lines[(r.line_no - 1) // 2][1]
        gone[label] += 1
        if r.reason is Reason.SITE_BOILERPLATE:
            by_site[label] += 1
    return gone, a.text, by_site


def _pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for doc, c in labels.items():
        groups.setdefault(c, []).append(doc)
    return {tuple(sorted(p)) for g in groups.values() for p in combinations(sorted(g), 2)}  # type: ignore[misc]


def quality(seed: int) -> None:
    from sklearn.metrics import adjusted_rand_score

    t0 = time.perf_counter()
    pages = generate(seed)
    gen_s = time.perf_counter() - t0
    total = Counter(label for p in pages for _, label in p.lines)
    t0 = time.perf_counter()
    profiles = SiteProfiles.learn({"url": p.url, "text": p.text} for p in pages)
    learn_s = time.perf_counter() - t0
    cleaner = Cleaner()
    gone0, gone1, site1 = Counter[str](), Counter[str](), Counter[str]()
    texts0: dict[str, str] = {}
    texts1: dict[str, str] = {}
    for p in pages:
        g, texts0[p.id], _ = _removed_labels(cleaner, p, None)
        gone0.update(g)
        g, texts1[p.id], s = _removed_labels(cleaner, p, profiles.for_url(p.url))
        gone1.update(g)
        site1.update(s)
    sites = Counter(p.site for p in pages)
    print(
        f"corpus: seed {seed}, {len(pages)} pages, {len(sites)} sites "
        f"({sum(1 for n in sites.values() if n < LearnOptions().min_pages)} under min_pages), "
        f"{len({p.story for p in pages})} stories; {total[TEMPLATE]} template lines, "
        f"{total[STORY]} story lines; generated in {gen_s:.1f}s, learned in {learn_s:.2f}s"
    )
    print(f"profiles: {profiles!r}")
    print()
    print("| cleaning | template lines removed | story lines removed | of which site_boilerplate |")
    print("|---|---|---|---|")
    for name, gone, site in (
        ("rules only", gone0, Counter[str]()),
        ("rules + site profiles", gone1, site1),
    ):
        print(
            f"| {name} | {gone[TEMPLATE] / total[TEMPLATE]:.2%} ({gone[TEMPLATE]}) "
            f"| {gone[STORY] / total[STORY]:.3%} ({gone[STORY]}) "
            f"| {site[TEMPLATE]} template, {site[STORY]} story |"
        )
    # Only sites that have a profile can gain from one:
    learned = [p for p in pages if profiles.for_url(p.url) is not None]
    tl = sum(1 for p in learned for _, lab in p.lines if lab == TEMPLATE)
    print(f"\npages of sites with a profile: {len(learned)}; their template lines: {tl}")

    truth = {p.id: p.story for p in pages}
    site_of = {p.id: p.site for p in pages}
    print()
    print(
        "| dedup input | pairs merged | precision | recall | ARI "
        "| same-site pairs merged | of which different stories | same-site precision |"
    )
    print("|---|---|---|---|---|---|---|---|")
    true_pairs = _pairs(truth)
    for name, texts in (("rules only", texts0), ("rules + site profiles", texts1)):
        res = cluster([{"id": i, "text": t} for i, t in texts.items()])
        labels = {str(k): str(v) for k, v in res.labels().items()}
        pred = _pairs(labels)
        tp = len(pred & true_pairs)
        same_site = [(a, b) for a, b in pred if site_of[a] == site_of[b]]
        wrong_same_site = sum(1 for a, b in same_site if truth[a] != truth[b])
        ids = sorted(truth)
        ari = adjusted_rand_score([truth[i] for i in ids], [labels[i] for i in ids])
        ss_prec = 1 - wrong_same_site / len(same_site) if same_site else 1.0
        print(
            f"| {name} | {len(pred)} | {tp / len(pred) if pred else 1.0:.4f} "
            f"| {tp / len(true_pairs):.4f} | {ari:.4f} | {len(same_site)} | {wrong_same_site} "
            f"| {ss_prec:.4f} |"
        )


def _stream(seed: int, n_pages: int) -> Iterator[dict[str, str]]:
    """``n_pages`` pages from successive simulated corpora (seed, seed+1, ...) without holding them."""
    made = 0
    s = seed
    while made < n_pages:
        for p in generate(s, n_sites=60):
            yield {"url": p.url, "text": p.text}
            made += 1
            if made >= n_pages:
                return
        s += 1


def speed(seed: int, n_pages: int, max_entries: int) -> None:
    """Learning alone, timed in wall and CPU seconds, pages streamed (never all held)."""
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if max_entries == 0:  # the simulator alone: the memory baseline of the rows with learning
        n = sum(1 for _ in _stream(seed, n_pages))
        rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            f"| {n:,} | no learning | | | | | | | {rss1 / 1024:.0f} ({rss0 / 1024:.0f} at start) |"
        )
        return
    learner = ProfileLearner(LearnOptions(max_entries=max_entries))
    wall = cpu = 0.0
    chars = 0
    stream = _stream(seed, n_pages)
    while True:
        batch = [r for _, r in zip(range(2000), stream, strict=False)]
        if not batch:
            break
        chars += sum(len(r["text"]) for r in batch)
        t0, c0 = time.perf_counter(), time.process_time()
        for r in batch:
            learner.add_record(r)
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
    t0 = time.perf_counter()
    profiles = learner.profiles()
    finish = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n = learner.pages_seen
    print(
        f"| {n:,} | {max_entries:,} | {chars / n:,.0f} | {n / cpu:,.0f} | {n / wall:,.0f} | {finish:.2f} "
        f"| {len(profiles)} | {learner._entries:,} | {rss1 / 1024:.0f} ({rss0 / 1024:.0f} at start) |"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--speed", type=int, metavar="PAGES", help="time learning on PAGES streamed pages"
    )
    ap.add_argument(
        "--max-entries",
        type=int,
        default=LearnOptions().max_entries,
        help="learner memory budget (0: no learning, the simulator's own memory)",
    )
    args = ap.parse_args(argv)
    if args.speed:
        speed(args.seed, args.speed, args.max_entries)
    else:
        quality(args.seed)


if __name__ == "__main__":
    sys.exit(main())
