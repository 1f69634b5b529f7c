"""Rule-by-rule specification tests for the plain-text cleaner (``newsclean.clean_text``).

These tests are written from the specification only, not from the implementation.
Every case is embedded in a realistic article: a headline, 4-5 body paragraphs of
real-looking prose (at least 30 words each) and the line(s) under test inserted at
a realistic position:

* ``top``          - before the headline (site navigation, cookie banners...)
* ``after_title``  - between the headline and the first paragraph (bylines, dates...)
* ``mid``          - between the second and the third paragraph (ads, read-more...)
* ``before_last``  - between the last two paragraphs (closing subheadings...)
* ``bottom``       - after the last paragraph (tags, copyright, comments...)

For junk the tests check that the line is not in ``Article.paragraphs``, that it
appears in ``Article.removed`` with the expected reason, that every body paragraph
is still there exactly once and in order, and that nothing else leaked into the
body.  For look-alikes (prose or headings that merely resemble junk) they check
that the line is kept in the body, in place, and is not reported as removed.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import (
    Article,
    Cleaner,
    CleanOptions,
    InputError,
    Reason,
    Removal,
    clean_text,
)
from newsclean.errors import InputTypeError, OptionsError

R = Reason

# ---------------------------------------------------------------------------
# Article fixtures: realistic prose in four languages
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    key: str
    lang: str
    headline: str
    long_headline: str  # "X Amid Y and Z" variant of the headline
    paragraphs: tuple[str, ...]


STORIES: dict[str, Story] = {}


def _story(key: str, lang: str, headline: str, long_headline: str, *paragraphs: str) -> None:
    STORIES[key] = Story(key, lang, headline, long_headline, tuple(paragraphs))


_story(
    "summit",
    "en",
    "Leaders Call Off Vienna Summit",
    "Leaders Call Off Vienna Summit Amid Stalled Talks and New Sanctions",
    "Vienna: The leaders of the two countries have called off a summit planned for next month, "
    "officials on both sides confirmed on Wednesday, after negotiators failed to agree on even the "
    "basic outline of a ceasefire during three days of talks in the Austrian capital.",
    "A senior diplomat involved in the preparations said the meeting would have been a waste of "
    "time without a draft text. He described the mood among the delegations as tired rather than "
    "hostile, and said technical contacts would continue at a lower level over the coming weeks.",
    "The decision was greeted with relief in several European capitals, where governments had "
    "feared that a hastily arranged meeting could produce a vague declaration that each side would "
    "interpret differently. One minister said a clear failure was better than a false success.",
    "Analysts cautioned against reading too much into the cancellation. Similar summits have been "
    "postponed before and later rescheduled within weeks, they noted, and neither government has "
    "withdrawn its negotiators or changed the tone of its public statements since the talks ended.",
    "The new sanctions announced on the same day target two of the largest energy exporters and "
    "their subsidiaries, and officials in Washington warned that further measures could follow if "
    "there was no sign of movement on the front line before the end of the month.",
)
_story(
    "housing",
    "en",
    "Mortgage Rates Fall to Lowest Level in Two Years",
    "Mortgage Rates Fall to Lowest Level in Two Years Amid Price War and Weak Demand",
    "Average mortgage rates fell to their lowest level in two years this week, giving a modest lift "
    "to buyers who have been priced out of the market since borrowing costs began climbing, "
    "according to data released by a group of the country's largest lenders.",
    "The typical rate on a five-year fixed deal dropped to 4.1 percent, down from a peak of almost "
    "6 percent, while the number of products on offer rose for the fourth consecutive month as "
    "banks competed for a smaller pool of creditworthy customers.",
    "Estate agents reported a pickup in viewings in the spring, particularly among first-time "
    "buyers, though several warned that asking prices in the capital remained far out of reach for "
    "households on average incomes even with cheaper loans.",
    "Economists expect the central bank to cut its benchmark rate again before the summer. Even so, "
    "most forecasters believe prices will rise only slowly this year, held back by weak wage growth "
    "and a large number of homes coming onto the market.",
)
_story(
    "cycling",
    "en",
    "Lindqvist Edges Moreau in Dramatic Final Stage",
    "Lindqvist Edges Moreau in Dramatic Final Stage Amid Rain and Crashes",
    "Erik Lindqvist won the final mountain stage of the race on Sunday after a duel with Julien "
    "Moreau that lasted more than forty kilometres, crossing the line just ahead of his rival on a "
    "steep, wet road above the lake as thousands of spectators cheered.",
    "The Swedish rider attacked twice on the lower slopes of the climb, but Moreau closed the gap "
    "each time and the pair rode together until the final bend. Lindqvist then found a last burst "
    "of speed that his rival, exhausted after three weeks of racing, could not match.",
    "Behind them, the battle for the podium turned into a chaotic scramble as riders struggled with "
    "cold and fatigue. Several of the favourites lost minutes on the descent, and a crash in the "
    "valley forced two team leaders to abandon before the final climb even began.",
    "Lindqvist said afterwards that he had barely slept the night before and that his legs had felt "
    "heavy all morning. He thanked his teammates for keeping him out of the wind and dedicated the "
    "victory to his grandfather, who had taken him to his first race.",
)
_story(
    "glacier",
    "en",
    "Glacier Retreat Accelerates in the Alps",
    "Glacier Retreat Accelerates in the Alps Amid Hotter Summers and Thin Snow",
    "Glaciers in the Alps lost more ice over the past five years than in any comparable period "
    "since measurements began, according to a study by researchers in Switzerland and Austria who "
    "combined satellite images with decades of records collected on the ground.",
    "The team found that the thinning was fastest below an altitude of three thousand metres, where "
    "warmer summers and thinner winter snow cover exposed dark ice to the sun for longer. Some "
    "smaller glaciers had split into separate fragments that are now melting independently.",
    "The researchers said the losses would affect drinking water supplies, hydroelectric power and "
    "tourism in mountain valleys that have relied on meltwater for generations. They urged regional "
    "authorities to plan for summers in which rivers run far lower than they do today.",
    "Scientists not involved in the work said the findings were consistent with earlier estimates "
    "but added a level of detail that had been missing. Several pointed out that even if emissions "
    "fell sharply, most glaciers below the highest peaks were unlikely to survive the century.",
)
_story(
    "court",
    "en",
    "Former Mayor Goes on Trial Over Contract Scandal",
    "Former Mayor Goes on Trial Over Contract Scandal Amid Protests and Recriminations",
    "The former mayor of the city went on trial on Tuesday accused of steering public contracts "
    "worth millions to companies owned by friends and relatives, in a case that has dominated local "
    "politics for more than two years and cost his party control of the council.",
    "Prosecutors told the court that he had personally intervened in at least nine tenders between "
    "2019 and 2022, pressuring officials to rewrite the requirements so that only a handful of "
    "favoured firms could qualify. They said emails and bank records would prove the scheme.",
    "His lawyers argued that the contracts had been approved by independent committees and that "
    "their client had simply pushed officials to speed up projects that were running late. The "
    "former mayor, who denies all the charges, sat silently and took notes throughout the hearing.",
    "Outside the courthouse, a small group of supporters held up banners calling the case a "
    "political vendetta, while a larger crowd of residents said they simply wanted to know where "
    "the money had gone. The judge has set aside six weeks for the trial.",
)
_story(
    "verkehr",
    "de",
    "Stadtrat beschließt neues Verkehrskonzept für die Innenstadt",
    "Stadtrat beschließt neues Verkehrskonzept für die Innenstadt trotz Protesten und Klagen",
    "Der Stadtrat hat am Donnerstagabend nach einer hitzigen Debatte ein neues Verkehrskonzept für "
    "die Innenstadt beschlossen, das den Autoverkehr in den kommenden fünf Jahren deutlich "
    "reduzieren und mehr Platz für Radfahrer, Fußgänger und Busse schaffen soll.",
    "Kern des Plans ist eine Umwandlung mehrerer Hauptstraßen in Einbahnstraßen sowie der Bau von "
    "zwölf Kilometern geschützter Radwege. Parkplätze am Straßenrand sollen schrittweise wegfallen, "
    "während die Gebühren in den Parkhäusern gleichzeitig gesenkt werden, um Anwohner zu entlasten.",
    "Vertreter des Einzelhandels äußerten sich skeptisch und warnten vor sinkenden Umsätzen, wenn "
    "Kundinnen und Kunden aus dem Umland nicht mehr bequem mit dem Auto in die Innenstadt kommen "
    "könnten. Sie forderten eine gründliche Überprüfung der Maßnahmen nach zwei Jahren.",
    "Die Oberbürgermeisterin verteidigte das Konzept und verwies auf ähnliche Projekte in anderen "
    "Städten, in denen die Zahl der Besucher nach anfänglichen Protesten sogar gestiegen sei. Die "
    "ersten Bauarbeiten sollen bereits im kommenden Frühjahr beginnen.",
)
_story(
    "hochwasser",
    "de",
    "Pegel an der Elbe sinken langsam",
    "Pegel an der Elbe sinken langsam trotz neuer Regenfälle und Warnungen",
    "Nach tagelangen Regenfällen sinken die Wasserstände an der Elbe allmählich wieder, doch die "
    "Behörden warnen vor voreiligen Entwarnungen. In mehreren Gemeinden stehen Keller und Straßen "
    "weiterhin unter Wasser, und Hunderte Menschen können noch nicht in ihre Wohnungen zurückkehren.",
    "Feuerwehr und Technisches Hilfswerk waren seit dem Wochenende fast ununterbrochen im Einsatz, "
    "um Deiche mit Sandsäcken zu sichern und eingeschlossene Bewohner mit Booten in Sicherheit zu "
    "bringen. Verletzt wurde nach Angaben der Polizei bislang niemand.",
    "Der Landrat kündigte eine schnelle und unbürokratische Hilfe für betroffene Familien und "
    "Betriebe an. Die Schäden an Häusern, Straßen und landwirtschaftlichen Flächen lassen sich nach "
    "seinen Worten allerdings erst abschätzen, wenn das Wasser vollständig abgeflossen ist.",
    "Meteorologen rechnen für die kommenden Tage mit trockenerem Wetter, schließen aber weitere "
    "Schauer in den Mittelgebirgen nicht aus. Die Hochwasserzentrale will ihre Warnungen deshalb "
    "frühestens am Wochenende aufheben und die Lage bis dahin stündlich neu bewerten.",
)
_story(
    "budget",
    "fr",
    "Le gouvernement présente son projet de budget",
    "Le gouvernement présente son projet de budget sur fond de déficit et de grogne sociale",
    "Le gouvernement a présenté mercredi en Conseil des ministres son projet de budget pour l'année "
    "prochaine, qui prévoit une réduction du déficit public grâce à des économies sur les dépenses "
    "de fonctionnement de l'État et à une hausse ciblée de certaines taxes.",
    "Le ministre de l'Économie a défendu un texte qu'il juge à la fois responsable et juste, en "
    "soulignant que les ménages les plus modestes seraient épargnés par les nouvelles mesures. Les "
    "collectivités locales devront toutefois contribuer davantage à l'effort général.",
    "L'opposition a immédiatement dénoncé un budget d'austérité qui, selon elle, pénalisera les "
    "services publics et l'investissement dans la transition écologique. Plusieurs députés ont déjà "
    "annoncé le dépôt de centaines d'amendements lors de l'examen du texte à l'Assemblée.",
    "Les économistes restent prudents sur les hypothèses de croissance retenues par le "
    "gouvernement, qu'ils jugent optimistes dans un contexte international incertain. Le Haut "
    "Conseil des finances publiques doit rendre son avis sur le projet dans les prochains jours.",
)
_story(
    "incendie",
    "fr",
    "Incendie dans les Landes : plus de 800 hectares brûlés",
    "Incendie dans les Landes : plus de 800 hectares brûlés malgré le renfort des bombardiers d'eau",
    "Un incendie de forêt a parcouru plus de huit cents hectares dans les Landes depuis dimanche "
    "soir, obligeant les autorités à évacuer plusieurs campings et hameaux situés à proximité. Près "
    "de quatre cents pompiers étaient toujours mobilisés lundi matin pour contenir les flammes.",
    "Le feu, attisé par un vent violent et une végétation très sèche après plusieurs semaines sans "
    "pluie, a progressé rapidement en direction de la côte. Des avions bombardiers d'eau venus de "
    "toute la région ont effectué des dizaines de largages tout au long de la journée.",
    "Selon la préfecture, aucune victime n'est à déplorer, mais deux pompiers ont été légèrement "
    "blessés et plusieurs maisons ont été endommagées. Une enquête a été ouverte pour déterminer "
    "l'origine du sinistre, qui pourrait être d'origine humaine selon les premiers éléments.",
    "Les habitants évacués ont été accueillis dans des gymnases et des salles municipales des "
    "communes voisines. Le maire d'une des localités touchées a salué la solidarité des habitants, "
    "nombreux à proposer un hébergement ou des repas aux familles contraintes de quitter leur domicile.",
)
_story(
    "alquiler",
    "es",
    "El Gobierno aprueba un plan para abaratar el alquiler",
    "El Gobierno aprueba un plan para abaratar el alquiler entre críticas de caseros e inquilinos",
    "El Consejo de Ministros aprobó el martes un plan para contener el precio del alquiler en las "
    "grandes ciudades, que incluye ayudas directas para jóvenes, incentivos fiscales para los "
    "propietarios que bajen las rentas y la construcción de miles de viviendas públicas.",
    "La ministra de Vivienda aseguró que las medidas empezarán a notarse antes de final de año y que "
    "el objetivo es que ninguna familia destine más de un tercio de sus ingresos al pago del "
    "alquiler. Las comunidades autónomas gestionarán buena parte de las ayudas.",
    "Las asociaciones de inquilinos celebraron el anuncio, aunque lo consideraron insuficiente ante "
    "la magnitud del problema, mientras que los representantes de los propietarios advirtieron de "
    "que la intervención del mercado podría reducir todavía más la oferta disponible.",
    "Los expertos coinciden en que el efecto dependerá sobre todo de la rapidez con la que se "
    "construyan las nuevas viviendas. En ciudades como Madrid y Barcelona, los precios del alquiler "
    "han subido más de un cuarenta por ciento en los últimos cinco años.",
)
_story(
    "futbol",
    "es",
    "La selección gana la final en los penaltis",
    "La selección gana la final en los penaltis tras una prórroga agónica y dos paradas del portero",
    "La selección conquistó el título continental el domingo tras imponerse en la tanda de "
    "penaltis a un rival que había dominado buena parte de la final, en un estadio abarrotado en el "
    "que miles de aficionados celebraron la victoria hasta bien entrada la madrugada.",
    "El partido terminó empatado a uno después de la prórroga, con un gol en cada parte y varias "
    "ocasiones desperdiciadas por ambos equipos. El portero, que detuvo dos lanzamientos en la "
    "tanda decisiva, fue elegido mejor jugador del encuentro por los organizadores.",
    "El seleccionador reconoció que su equipo había sufrido mucho en el centro del campo y que la "
    "suerte había estado de su lado en los momentos clave. Aun así, destacó la capacidad de sus "
    "jugadores para mantener la calma en una noche de enorme tensión.",
    "Los jugadores serán recibidos el lunes por la tarde en la capital, donde está previsto un "
    "desfile en autobús descubierto por las principales avenidas. Las autoridades han anunciado "
    "cortes de tráfico y un refuerzo del transporte público para la ocasión.",
)

STORIES_BY_LANG: dict[str, list[Story]] = {}
for _s in STORIES.values():
    STORIES_BY_LANG.setdefault(_s.lang, []).append(_s)

POSITIONS = ("top", "after_title", "mid", "before_last", "bottom")


def pick_story(lang: str, seed: str, story: str | None = None) -> Story:
    """A story in ``lang``; varied across cases but deterministic for a given case."""
    if story is not None:
        return STORIES[story]
    choices = STORIES_BY_LANG[lang]
    return choices[zlib.crc32(seed.encode("utf-8")) % len(choices)]


@dataclass(frozen=True)
class Doc:
    text: str
    story: Story
    body: tuple[str, ...]  # the content that must survive, in order (inserted keepers included)


def build_doc(
    story: Story,
    *,
    top: Sequence[str] = (),
    after_title: Sequence[str] = (),
    mid: Sequence[str] = (),
    before_last: Sequence[str] = (),
    bottom: Sequence[str] = (),
    keep: Sequence[str] = (),
    keep_pos: str = "mid",
    sep: str = "\n\n",
    headline: bool = True,
) -> Doc:
    """Lay out a document: junk/keepers at the named positions, blocks separated by ``sep``.

    ``keep`` lines are inserted at ``keep_pos`` and become part of the expected body.
    """
    assert keep_pos in POSITIONS
    paras = list(story.paragraphs)
    mid_at, last_at = 2, len(paras) - 1
    keep = list(keep)

    blocks: list[str] = [*top]
    body: list[str] = []
    if keep_pos == "top":
        blocks += keep
        body += keep
    if headline:
        blocks.append(story.headline)
    blocks += after_title
    if keep_pos == "after_title":
        blocks += keep
        body += keep
    for i, p in enumerate(paras):
        if i == mid_at:
            blocks += mid
            if keep_pos == "mid":
                blocks += keep
                body += keep
        if i == last_at:
            blocks += before_last
            if keep_pos == "before_last":
                blocks += keep
                body += keep
        blocks.append(p)
        body.append(p)
    blocks += bottom
    if keep_pos == "bottom":
        blocks += keep
        body += keep
    return Doc(sep.join(blocks) + "\n", story, tuple(body))


def place(story: Story, pos: str, lines: Sequence[str], *, sep: str = "\n\n") -> Doc:
    """``build_doc`` with ``lines`` at the single position ``pos``."""
    slots: dict[str, Sequence[str]] = {p: () for p in POSITIONS}
    slots[pos] = list(lines)
    return build_doc(
        story,
        top=slots["top"],
        after_title=slots["after_title"],
        mid=slots["mid"],
        before_last=slots["before_last"],
        bottom=slots["bottom"],
        sep=sep,
    )


# ---------------------------------------------------------------------------
# Assertion helpers
# ---------------------------------------------------------------------------


def norm(s: str) -> str:
    """Compare lines modulo Unicode compatibility forms, whitespace runs and case."""
    return " ".join(unicodedata.normalize("NFKC", s).split()).casefold()


def dump(a: Article) -> str:
    lines = [f"title={a.title!r}", "paragraphs:"]
    lines += [f"  {p[:90]!r}" for p in a.paragraphs]
    lines.append("removed:")
    lines += [f"  {r.line_no}: {r.reason.value}: {r.line[:80]!r}" for r in a.removed]
    lines.append(f"meta={dict(a.meta)!r}")
    return "\n".join(lines)


def check_article_shape(a: Article) -> None:
    assert isinstance(a, Article)
    assert isinstance(a.paragraphs, tuple)
    assert isinstance(a.removed, tuple)
    assert a.text == "\n\n".join(a.paragraphs), (
        "text must be the paragraphs joined by one blank line"
    )
    assert set(a.headings) <= set(a.paragraphs), "headings are kept in the body"
    for r in a.removed:
        assert isinstance(r, Removal)
        assert isinstance(r.reason, Reason)
        assert r.line_no >= 1
    line_nos = [r.line_no for r in a.removed]
    assert line_nos == sorted(line_nos), "removals are reported in input order"


def find_removals(a: Article, line: str) -> list[Removal]:
    """Removals for ``line``: exact (normalized) match, else units that contain it."""
    n = norm(line)
    exact = [r for r in a.removed if norm(r.line) == n]
    if exact:
        return exact
    return [r for r in a.removed if n in norm(r.line)]


def assert_removed(a: Article, line: str, reasons: Iterable[Reason] | None) -> None:
    n = norm(line)
    assert all(norm(p) != n for p in a.paragraphs), f"junk {line!r} kept in body\n{dump(a)}"
    found = find_removals(a, line)
    assert found, f"junk {line!r} not reported in removed\n{dump(a)}"
    if reasons is not None:
        allowed = set(reasons)
        assert any(r.reason in allowed for r in found), (
            f"{line!r} removed as {[r.reason.value for r in found]}, "
            f"expected one of {sorted(x.value for x in allowed)}\n{dump(a)}"
        )


def assert_kept(a: Article, line: str) -> None:
    assert line in a.paragraphs, f"{line!r} missing from body\n{dump(a)}"
    assert not [r for r in a.removed if norm(r.line) == norm(line)], (
        f"{line!r} reported removed\n{dump(a)}"
    )


def assert_body(a: Article, doc: Doc, *, extra_allowed: Iterable[str] = ()) -> None:
    """Every body unit is present exactly once, in order, and nothing else leaked in."""
    check_article_shape(a)
    positions = []
    for p in doc.body:
        count = a.paragraphs.count(p)
        assert count == 1, f"body paragraph present {count} times: {p[:70]!r}\n{dump(a)}"
        positions.append(a.paragraphs.index(p))
    assert positions == sorted(positions), f"body paragraphs out of order\n{dump(a)}"
    allowed = set(doc.body) | {doc.story.headline} | set(extra_allowed)
    leaked = [p for p in a.paragraphs if p not in allowed]
    assert not leaked, f"unexpected units in body: {leaked!r}\n{dump(a)}"
    assert a.title in (None, doc.story.headline), f"junk became the title\n{dump(a)}"


# ---------------------------------------------------------------------------
# Case tables
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Junk:
    line: str
    pos: str
    lang: str
    reasons: frozenset[Reason] | None
    story: str | None = None


def junk(
    rule: Reason,
    line: str,
    pos: str,
    lang: str = "en",
    *,
    also: Iterable[Reason] = (),
    story: str | None = None,
) -> Any:
    assert pos in POSITIONS
    reasons = frozenset({rule, *also})
    return pytest.param(Junk(line, pos, lang, reasons, story), id=f"{lang}-{pos}-{line[:48]}")


def run_junk(case: Junk) -> Article:
    story = pick_story(case.lang, case.line + case.pos, case.story)
    doc = place(story, case.pos, [case.line])
    a = clean_text(doc.text)
    assert_removed(a, case.line, case.reasons)
    assert_body(a, doc)
    return a


@dataclass(frozen=True)
class Keep:
    line: str
    pos: str
    lang: str
    story: str | None
    heading: bool | None  # True: must be in a.headings; False: must not; None: unspecified


def keep(
    line: str,
    pos: str = "mid",
    lang: str = "en",
    *,
    story: str | None = None,
    heading: bool | None = False,
) -> Any:
    assert pos in POSITIONS
    return pytest.param(Keep(line, pos, lang, story, heading), id=f"{lang}-{pos}-{line[:48]}")


def run_keep(case: Keep) -> Article:
    story = pick_story(case.lang, case.line + case.pos, case.story)
    doc = build_doc(story, keep=[case.line], keep_pos=case.pos)
    a = clean_text(doc.text)
    assert_kept(a, case.line)
    assert_body(a, doc)
    if case.heading is True:
        assert case.line in a.headings, f"{case.line!r} should be a heading\n{dump(a)}"
    elif case.heading is False:
        assert case.line not in a.headings, f"{case.line!r} is prose, not a heading\n{dump(a)}"
    return a


# ---------------------------------------------------------------------------
# Fixture sanity (checks the test data itself, not the cleaner)
# ---------------------------------------------------------------------------


def test_fixture_stories_are_realistic() -> None:
    seen: set[str] = set()
    for s in STORIES.values():
        assert 4 <= len(s.paragraphs) <= 5, s.key
        assert s.long_headline.startswith(s.headline) and len(s.long_headline) > len(s.headline)
        for p in s.paragraphs:
            assert len(p.split()) >= 30, (s.key, p[:40])
            assert p not in seen
            assert p == " ".join(p.split())
            seen.add(p)
    assert {"en", "de", "fr", "es"} <= set(STORIES_BY_LANG)


# ---------------------------------------------------------------------------
# navigation
# ---------------------------------------------------------------------------

NAVIGATION_JUNK = [
    junk(R.NAVIGATION, "Home", "top"),
    junk(R.NAVIGATION, "HOME", "top"),
    junk(R.NAVIGATION, "home", "top"),
    junk(R.NAVIGATION, "hOME", "bottom"),
    junk(R.NAVIGATION, "Home", "bottom"),
    junk(R.NAVIGATION, "Skip to main content", "top"),
    junk(R.NAVIGATION, "Skip to content", "top"),
    junk(R.NAVIGATION, "Menu", "top"),
    junk(R.NAVIGATION, "MENU", "top"),
    junk(R.NAVIGATION, "Search", "top"),
    junk(R.NAVIGATION, "Exit mobile version", "bottom"),
    junk(R.NAVIGATION, "Back to top", "bottom"),
    junk(R.NAVIGATION, "Home > World > Europe", "top"),
    junk(R.NAVIGATION, "Home » Business » Property", "top"),
    junk(R.NAVIGATION, "Next article", "bottom", also={R.RELATED_LINKS}),
    junk(R.NAVIGATION, "Previous article", "bottom", also={R.RELATED_LINKS}),
    junk(R.NAVIGATION, "Startseite", "top", "de"),
    junk(R.NAVIGATION, "STARTSEITE", "top", "de"),
    junk(R.NAVIGATION, "Zur Startseite", "bottom", "de"),
    junk(R.NAVIGATION, "Zum Inhalt springen", "top", "de"),
    junk(R.NAVIGATION, "Startseite > Politik > Deutschland", "top", "de"),
    junk(R.NAVIGATION, "Nach oben", "bottom", "de"),
    junk(R.NAVIGATION, "Menü", "top", "de"),
    junk(R.NAVIGATION, "Suche", "top", "de"),
    junk(R.NAVIGATION, "Accueil", "top", "fr"),
    junk(R.NAVIGATION, "ACCUEIL", "top", "fr"),
    junk(R.NAVIGATION, "Aller au contenu", "top", "fr"),
    junk(R.NAVIGATION, "Accueil > Politique > France", "top", "fr"),
    junk(R.NAVIGATION, "Retour en haut", "bottom", "fr"),
    junk(R.NAVIGATION, "Rechercher", "top", "fr"),
    junk(R.NAVIGATION, "Inicio", "top", "es"),
    junk(R.NAVIGATION, "inicio", "bottom", "es"),
    junk(R.NAVIGATION, "Portada", "top", "es"),
    junk(R.NAVIGATION, "Ir al contenido", "top", "es"),
    junk(R.NAVIGATION, "Inicio > Deportes > Fútbol", "top", "es"),
    junk(R.NAVIGATION, "Volver arriba", "bottom", "es"),
    junk(R.NAVIGATION, "Buscar", "top", "es"),
]

NAVIGATION_KEEP = [
    keep("Home prices rose for a third month.", story="housing"),
    keep("Home Prices Keep Climbing in the Capital", story="housing", heading=True),
    keep(
        "Search teams found the missing hikers on Sunday morning, two days after they were reported lost.",
        story="glacier",
    ),
    keep("Next week, the committee will publish its final report on the contracts.", story="court"),
    keep("The menu at the state dinner included lobster and lamb.", story="summit"),
    keep(
        "Menu prices at restaurants rose 6% last year, the statistics office said.", story="housing"
    ),
    keep(
        "Accueil chaleureux pour le ministre, applaudi à son arrivée à la mairie.",
        lang="fr",
        story="budget",
    ),
    keep(
        "Buscar trabajo se ha vuelto más difícil para los mayores de 50 años, según el informe.",
        lang="es",
        story="alquiler",
    ),
]


# ---------------------------------------------------------------------------
# share_widget
# ---------------------------------------------------------------------------

SHARE_JUNK = [
    junk(R.SHARE_WIDGET, "Share", "after_title"),
    junk(R.SHARE_WIDGET, "SHARE", "bottom"),
    junk(R.SHARE_WIDGET, "share", "after_title"),
    junk(R.SHARE_WIDGET, "Share this article", "after_title"),
    junk(R.SHARE_WIDGET, "Share on Facebook", "bottom"),
    junk(R.SHARE_WIDGET, "Share on X", "bottom"),
    junk(R.SHARE_WIDGET, "Tweet", "bottom"),
    junk(R.SHARE_WIDGET, "Facebook Twitter WhatsApp Email", "after_title"),
    junk(R.SHARE_WIDGET, "Facebook | Twitter | LinkedIn | Email", "bottom"),
    junk(R.SHARE_WIDGET, "Copy link", "after_title"),
    junk(R.SHARE_WIDGET, "Share via Email", "bottom"),
    junk(R.SHARE_WIDGET, "Follow us on Instagram", "bottom", also={R.NAVIGATION}),
    junk(R.SHARE_WIDGET, "Teilen", "after_title", "de"),
    junk(R.SHARE_WIDGET, "Artikel teilen", "after_title", "de"),
    junk(R.SHARE_WIDGET, "Auf Facebook teilen", "bottom", "de"),
    junk(R.SHARE_WIDGET, "Link kopieren", "after_title", "de"),
    junk(R.SHARE_WIDGET, "Folgen Sie uns auf Instagram", "bottom", "de", also={R.NAVIGATION}),
    junk(R.SHARE_WIDGET, "Partager", "after_title", "fr"),
    junk(R.SHARE_WIDGET, "PARTAGER", "bottom", "fr"),
    junk(R.SHARE_WIDGET, "Partager cet article", "after_title", "fr"),
    junk(R.SHARE_WIDGET, "Partager sur Facebook", "bottom", "fr"),
    junk(R.SHARE_WIDGET, "Copier le lien", "after_title", "fr"),
    junk(R.SHARE_WIDGET, "Suivez-nous sur Instagram", "bottom", "fr", also={R.NAVIGATION}),
    junk(R.SHARE_WIDGET, "Compartir", "after_title", "es"),
    junk(R.SHARE_WIDGET, "Compartir en WhatsApp", "bottom", "es"),
    junk(R.SHARE_WIDGET, "Compartir en Facebook", "bottom", "es"),
    junk(R.SHARE_WIDGET, "Copiar enlace", "after_title", "es"),
    junk(R.SHARE_WIDGET, "Síguenos en Instagram", "bottom", "es", also={R.NAVIGATION}),
]

SHARE_KEEP = [
    keep("Shares in Acme fell 4% on Tuesday.", story="housing"),
    keep(
        "Share prices across Europe slid after the announcement, led by banks and builders.",
        story="housing",
    ),
    keep("Share Buybacks Return to Favour", story="housing", heading=True),
    keep(
        "Facebook, Twitter and TikTok executives were summoned to testify before the committee next month.",
        story="court",
    ),
    keep(
        "Teilen der Bevölkerung fehlt nach einer Umfrage das Verständnis für die neuen Regeln.",
        lang="de",
        story="verkehr",
    ),
    keep(
        "Partager les coûts entre l'État et les régions reste la principale difficulté, selon le ministre.",
        lang="fr",
        story="budget",
    ),
    keep(
        "Compartir piso se ha convertido en la única opción para muchos jóvenes, según el informe.",
        lang="es",
        story="alquiler",
    ),
]


# ---------------------------------------------------------------------------
# related_links
# ---------------------------------------------------------------------------

RELATED_HEADLINES = {
    "en": [
        "Pensions Bill Clears First Hurdle in Parliament",
        "How the summit collapsed in three days",
        "Glacier Melt Threatens Alpine Water Supplies",
        "Mayor's Former Aide Admits Fraud",
        "The towns that ran out of water",
    ],
    "de": [
        "Neue Radwege für die Innenstadt",
        "Pegelstände an der Oder steigen wieder",
        "Mietspiegel: Was sich jetzt ändert",
        "Bahnstreik legt Pendlerverkehr lahm",
        "So teuer ist Parken in deutschen Städten",
    ],
    "fr": [
        "Le déficit public dépasse les prévisions",
        "Les pompiers toujours mobilisés en Gironde",
        "Retraites : ce qui change au 1er janvier",
        "Carburants : les prix repartent à la hausse",
        "Le Sénat adopte la réforme de l'assurance chômage",
    ],
    "es": [
        "El precio de la vivienda sube un 8%",
        "La selección ya conoce a sus rivales",
        "Huelga de transporte en Madrid este lunes",
        "Así queda el calendario de la Liga",
        "El paro baja en 30.000 personas en marzo",
    ],
}

RELATED_MARKERS = [
    ("Related Articles", "en"),
    ("RELATED STORIES", "en"),
    ("Related", "en"),
    ("related articles", "en"),
    ("You may also like", "en"),
    ("You might also like", "en"),
    ("Most read in Harbridge", "en"),
    ("Most Viewed in Companies", "en"),
    ("Popular on Byteline", "en"),
    ("More on this story", "en"),
    ("Lesen Sie auch", "de"),
    ("LESEN SIE AUCH", "de"),
    ("Mehr zum Thema", "de"),
    ("Das könnte Sie auch interessieren", "de"),
    ("À lire aussi", "fr"),
    ("Lire aussi", "fr"),
    ("Sur le même sujet", "fr"),
    ("Noticias relacionadas", "es"),
    ("Te puede interesar", "es"),
    ("También te puede interesar", "es"),
]

RELATED_BLOCK_CASES = [
    pytest.param(marker, lang, pos, 2 + i % 4, id=f"{lang}-{pos}-{marker}-{2 + i % 4}")
    for i, (marker, lang) in enumerate(RELATED_MARKERS)
    for pos in ("mid", "bottom")
]


@pytest.mark.parametrize(("marker", "lang", "pos", "n"), RELATED_BLOCK_CASES)
def test_related_block_removed(marker: str, lang: str, pos: str, n: int) -> None:
    headlines = RELATED_HEADLINES[lang][:n]
    story = pick_story(lang, marker + pos)
    doc = place(story, pos, [marker, *headlines])
    a = clean_text(doc.text)
    assert_removed(a, marker, {R.RELATED_LINKS})
    for h in headlines:
        assert_removed(a, h, {R.RELATED_LINKS})
    # mid-article: the body paragraph right after the block is still there (checked by assert_body)
    assert_body(a, doc)


@pytest.mark.parametrize(
    ("marker", "lang"),
    [
        ("Related Articles", "en"),
        ("You may also like", "en"),
        ("Lesen Sie auch", "de"),
        ("À lire aussi", "fr"),
        ("Noticias relacionadas", "es"),
    ],
)
@pytest.mark.parametrize("pos", ["mid", "bottom"])
def test_related_block_removed_single_newline_list(marker: str, lang: str, pos: str) -> None:
    """The marker and its headlines as one block of single-newline lines, blank lines around it."""
    headlines = RELATED_HEADLINES[lang][:3]
    story = pick_story(lang, marker)
    block = "\n".join([marker, *headlines])
    doc = place(story, pos, [block])
    a = clean_text(doc.text)
    for line in (marker, *headlines):
        assert_removed(a, line, {R.RELATED_LINKS})
    assert_body(a, doc)


INLINE_READ_MORE = [
    junk(R.RELATED_LINKS, "READ MORE: Pensions Bill Clears First Hurdle in Parliament", "mid"),
    junk(R.RELATED_LINKS, "Read more: How the summit collapsed in three days", "mid"),
    junk(R.RELATED_LINKS, "Read More: Glacier Melt Threatens Alpine Water Supplies", "mid"),
    junk(R.RELATED_LINKS, "read more: the towns that ran out of water", "mid"),
    junk(R.RELATED_LINKS, "ALSO READ: Mayor's Former Aide Admits Fraud", "mid"),
    junk(R.RELATED_LINKS, "See also: The towns that ran out of water", "bottom"),
    junk(R.RELATED_LINKS, "Read more: How the summit collapsed in three days", "bottom"),
    junk(R.RELATED_LINKS, "Lesen Sie auch: Neue Radwege für die Innenstadt", "mid", "de"),
    junk(R.RELATED_LINKS, "MEHR ZUM THEMA: Pegelstände an der Oder steigen wieder", "mid", "de"),
    junk(R.RELATED_LINKS, "À lire aussi : Le déficit public dépasse les prévisions", "mid", "fr"),
    junk(R.RELATED_LINKS, "LIRE AUSSI : Les pompiers toujours mobilisés en Gironde", "mid", "fr"),
    junk(R.RELATED_LINKS, "Lee también: El precio de la vivienda sube un 8%", "mid", "es"),
    junk(R.RELATED_LINKS, "Leer más: La selección ya conoce a sus rivales", "mid", "es"),
]

RELATED_KEEP = [
    keep(
        "Prosecutors said related charges against two other men were dropped last week.",
        story="court",
    ),
    keep("Related offences carry a maximum sentence of ten years, the judge noted.", story="court"),
    keep(
        "More than 200 people attended a vigil outside the town hall on Saturday evening.",
        story="glacier",
    ),
    # Look like "Most read in <site>" markers, but are subheadings.
    keep("More at Stake Than Money", story="court", heading=True),
    keep("Popular in the Suburbs, Less So Downtown", story="housing", heading=True),
]


# ---------------------------------------------------------------------------
# advertisement
# ---------------------------------------------------------------------------

AD_JUNK = [
    junk(R.ADVERTISEMENT, "Advertisement", "mid"),
    junk(R.ADVERTISEMENT, "ADVERTISEMENT", "mid"),
    junk(R.ADVERTISEMENT, "advertisement", "mid"),
    junk(R.ADVERTISEMENT, "aDVERTISEMENT", "mid"),
    junk(R.ADVERTISEMENT, "Advertisement", "top"),
    junk(R.ADVERTISEMENT, "Advertisement", "bottom"),
    junk(R.ADVERTISEMENT, "Advertisement - Scroll to continue", "mid"),
    junk(R.ADVERTISEMENT, "ADVERTISEMENT - CONTINUE READING BELOW", "mid"),
    junk(R.ADVERTISEMENT, "Story continues below advertisement", "mid"),
    junk(R.ADVERTISEMENT, "Article continues below advertisement", "before_last"),
    junk(R.ADVERTISEMENT, "Sponsored", "mid"),
    junk(R.ADVERTISEMENT, "Sponsored Content", "bottom"),
    junk(R.ADVERTISEMENT, "Ad", "mid"),
    junk(R.ADVERTISEMENT, "Advert", "mid"),
    junk(R.ADVERTISEMENT, "Anzeige", "mid", "de"),
    junk(R.ADVERTISEMENT, "ANZEIGE", "mid", "de"),
    junk(R.ADVERTISEMENT, "Werbung", "mid", "de"),
    junk(R.ADVERTISEMENT, "Weiter nach der Anzeige", "mid", "de"),
    junk(R.ADVERTISEMENT, "Publicité", "mid", "fr"),
    junk(R.ADVERTISEMENT, "PUBLICITÉ", "mid", "fr"),
    junk(R.ADVERTISEMENT, "publicité", "before_last", "fr"),
    junk(R.ADVERTISEMENT, "La suite après la publicité", "mid", "fr"),
    junk(R.ADVERTISEMENT, "Publicidad", "mid", "es"),
    junk(R.ADVERTISEMENT, "PUBLICIDAD", "mid", "es"),
    junk(R.ADVERTISEMENT, "Contenido patrocinado", "bottom", "es"),
]

AD_KEEP = [
    keep("The advertisement ran during the final.", story="cycling"),
    keep("Advertisement revenue fell 12% in the quarter, the company said.", story="housing"),
    keep(
        "Sponsored by the city council, the festival drew more than 20,000 visitors last summer.",
        story="court",
    ),
    keep(
        "Ad hoc talks between the two sides broke down on Friday without a date for new meetings.",
        story="summit",
    ),
    keep(
        "Anzeige erstattet hat inzwischen auch der Verband der Einzelhändler, wie ein Sprecher bestätigte.",
        lang="de",
        story="verkehr",
    ),
    keep(
        "La publicité pour les jeux d'argent sera interdite à la télévision avant 22 heures.",
        lang="fr",
        story="budget",
    ),
    keep(
        "La publicidad institucional se redujo a la mitad durante el último año, según el informe.",
        lang="es",
        story="alquiler",
    ),
]


# ---------------------------------------------------------------------------
# newsletter
# ---------------------------------------------------------------------------

NEWSLETTER_JUNK = [
    junk(R.NEWSLETTER, "Sign up for our newsletter", "mid"),
    junk(R.NEWSLETTER, "SIGN UP FOR OUR NEWSLETTER", "bottom"),
    junk(R.NEWSLETTER, "Subscribe to our newsletter", "bottom"),
    junk(R.NEWSLETTER, "Sign up to our free daily newsletter", "mid"),
    junk(R.NEWSLETTER, "Get the latest headlines delivered straight to your inbox.", "mid"),
    junk(R.NEWSLETTER, "Enter your email address", "mid"),
    junk(R.NEWSLETTER, "Newsletter abonnieren", "bottom", "de"),
    junk(R.NEWSLETTER, "Melden Sie sich für unseren Newsletter an", "mid", "de"),
    junk(R.NEWSLETTER, "Jetzt zum Newsletter anmelden", "bottom", "de"),
    junk(R.NEWSLETTER, "Inscrivez-vous à notre newsletter", "mid", "fr"),
    junk(R.NEWSLETTER, "Abonnez-vous à notre newsletter", "bottom", "fr"),
    junk(R.NEWSLETTER, "Recevez notre newsletter", "bottom", "fr"),
    junk(R.NEWSLETTER, "Suscríbete a nuestro boletín", "mid", "es"),
    junk(R.NEWSLETTER, "Suscríbete a nuestra newsletter", "bottom", "es"),
    junk(R.NEWSLETTER, "Recibe nuestro boletín", "bottom", "es"),
]

NEWSLETTER_BLOCKS = {
    "en": [
        "Sign up for our daily newsletter to get the biggest stories of the day in your inbox.",
        "Enter your email address",
        "Subscribe",
        "By signing up, you agree to our Privacy Policy and Terms of Service.",
    ],
    "de": [
        "Melden Sie sich für unseren Newsletter an und erhalten Sie jeden Morgen die wichtigsten Nachrichten.",
        "E-Mail-Adresse eingeben",
        "Abonnieren",
        "Mit der Anmeldung stimmen Sie unserer Datenschutzerklärung zu.",
    ],
    "fr": [
        "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité chaque matin.",
        "Entrez votre adresse e-mail",
        "S'inscrire",
        "En vous inscrivant, vous acceptez notre politique de confidentialité.",
    ],
    "es": [
        "Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes.",
        "Introduce tu correo electrónico",
        "Suscribirse",
        "Al suscribirte, aceptas nuestra política de privacidad.",
    ],
}


@pytest.mark.parametrize("pos", ["mid", "bottom"])
@pytest.mark.parametrize("lang", ["en", "de", "fr", "es"])
def test_newsletter_block_removed(lang: str, pos: str) -> None:
    block = NEWSLETTER_BLOCKS[lang]
    doc = place(pick_story(lang, pos), pos, block)
    a = clean_text(doc.text)
    pitch, email, button, privacy = block
    for line in (pitch, email):
        assert_removed(a, line, {R.NEWSLETTER})
    # a bare "Subscribe"/"S'inscrire" button could also be read as site navigation
    assert_removed(a, button, {R.NEWSLETTER, R.NAVIGATION})
    assert_removed(a, privacy, {R.NEWSLETTER, R.DISCLAIMER})
    assert_body(a, doc)
    assert not a.meta.get("author"), "'By signing up, ...' is not a byline"


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es"])
def test_newsletter_block_removed_single_newline_block(lang: str) -> None:
    block = NEWSLETTER_BLOCKS[lang]
    doc = build_doc(pick_story(lang, "compact"), mid=["\n".join(block)])
    a = clean_text(doc.text)
    for line in block:
        assert_removed(a, line, {R.NEWSLETTER, R.DISCLAIMER, R.NAVIGATION})
    assert_body(a, doc)


NEWSLETTER_KEEP = [
    keep(
        "In a newsletter to investors, the fund manager warned of a slowdown in China.",
        story="housing",
    ),
    keep(
        "Subscribers to the paper's print edition fell by a fifth last year, the publisher said.",
        story="court",
    ),
    keep("Sign-ups for the scheme doubled in the first week, officials said.", story="housing"),
    keep(
        "Im Newsletter der Stadtwerke wurden die Kunden bereits im Mai über die Preiserhöhung informiert.",
        lang="de",
        story="verkehr",
    ),
]


# ---------------------------------------------------------------------------
# comments_scaffold
# ---------------------------------------------------------------------------

COMMENTS_JUNK = [
    junk(R.COMMENTS_SCAFFOLD, "Comments", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "COMMENTS", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "comments", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "Comments (12)", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "12 Comments", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "Leave a comment", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "Leave a Reply", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "Leave a Reply Cancel reply", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "Cancel reply", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "Join the conversation", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "Show comments", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "View comments", "after_title"),
    junk(R.COMMENTS_SCAFFOLD, "Post a comment", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "Be the first to comment", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "You must be logged in to post a comment.", "bottom"),
    junk(
        R.COMMENTS_SCAFFOLD,
        "Your email address will not be published. Required fields are marked *",
        "bottom",
    ),
    junk(R.COMMENTS_SCAFFOLD, "Kommentare", "bottom", "de"),
    junk(R.COMMENTS_SCAFFOLD, "Kommentare (5)", "bottom", "de"),
    junk(R.COMMENTS_SCAFFOLD, "Kommentar schreiben", "bottom", "de"),
    junk(R.COMMENTS_SCAFFOLD, "Kommentare anzeigen", "bottom", "de"),
    junk(R.COMMENTS_SCAFFOLD, "Commentaires", "bottom", "fr"),
    junk(R.COMMENTS_SCAFFOLD, "Laisser un commentaire", "bottom", "fr"),
    junk(R.COMMENTS_SCAFFOLD, "Voir les commentaires", "bottom", "fr"),
    junk(R.COMMENTS_SCAFFOLD, "Comentarios", "bottom", "es"),
    junk(R.COMMENTS_SCAFFOLD, "Deja un comentario", "bottom", "es"),
    junk(R.COMMENTS_SCAFFOLD, "Ver comentarios", "bottom", "es"),
]

COMMENTS_KEEP = [
    keep("Comments from the minister drew sharp criticism from the opposition.", story="summit"),
    keep("Neither company would comment on the talks.", story="housing"),
    keep(
        "In a comment posted online, the former mayor said he would prove his innocence.",
        story="court",
    ),
    keep("Kommentare des Ministers sorgten im Landtag für Unruhe.", lang="de", story="verkehr"),
]


THREAD = [
    "Gary P.",
    "That was the best decision this council has made in years. About time.",
    "Reply",
    "LancerDad84",
    "Nobody asked the people who actually live here, as usual.",
    "And the parking is still a mess on Saturdays.",
]


@pytest.mark.parametrize("header", ["6 COMMENTS", "Comments (12)", "Leave a Reply", "Kommentare"])
def test_comment_thread_under_the_story_removed(header: str) -> None:
    """After a comment-section header below the story, comment prose goes too."""
    story = pick_story("en", header, "court")
    doc = place(story, "bottom", [header, *THREAD])
    a = clean_text(doc.text)
    for line in (header, *THREAD):
        assert_removed(a, line, None)
    assert_body(a, doc)


@pytest.mark.parametrize("pos", ["after_title", "mid", "before_last", "bottom"])
@pytest.mark.parametrize(
    "widget",
    [
        ["$4.61", "-5.2%"],
        ["₹1,186.40", "64.25 (5.73%)"],
        ["10,284.50", "-349.00", "-3.28%"],
        ["1.0842", "+0.0031 (+0.29%)"],
    ],
)
def test_figure_widget_removed(widget: list[str], pos: str) -> None:
    """A quote widget's figures, two or more lines of figures only, go (one
    figure alone, "42%" over its caption, is a look-alike kept in
    test_lookalikes.py)."""
    story = pick_story("en", pos + "".join(widget))
    doc = place(story, pos, widget)
    a = clean_text(doc.text)
    for line in widget:
        assert_removed(a, line, {R.DECORATION})
    assert_body(a, doc)


CHANNEL_PROMOS = [
    ("en", "Follow The Valley Courier on WhatsApp and get the day's top stories every evening."),
    ("nl", "Volg De Kustkrant ook op WhatsApp en ontvang elke avond het belangrijkste nieuws."),
    ("es", "Únase a nuestro canal de WhatsApp y reciba las noticias de la región en su celular."),
    ("it", "Ricevi le notizie di Ossola24 su WhatsApp: iscriviti al nostro canale gratuito."),
    ("ru", "Подписывайтесь на «Вести Прикамья» в Telegram, чтобы первыми узнавать новости."),
    ("uk", "Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися головні новини."),
    ("sv", "Ladda ner Kuriren-appen och få de viktigaste nyheterna direkt i mobilen."),
    ("hr", "Preuzmite aplikaciju Jadranskog lista za Android i iOS i budite prvi."),
    ("ca", "Descarrega't l'app del Diari de la Vall i rep les notícies al mòbil."),
]


CHANNEL_PROMOS += [
    # Paywall prompts and donation appeals.
    ("en", "You've reached your limit of free articles. Subscribe for $1 for your first 6 months to keep reading."),
    ("en", "$1 a week for the first 12 weeks, then $4.50 a week. Cancel anytime."),
    ("en", "This story is available exclusively to subscribers. Get unlimited access to The Valley Courier."),
    ("de", "NB+ 4 Wochen für 0,99 € testen – danach 9,99 € im Monat, jederzeit kündbar."),
    ("pt", "Assine já o Diário do Vale e tenha acesso ilimitado a todos os artigos."),
    ("ja", "この記事は有料会員記事です。有料会員になると続きをお読みいただけます。"),
    ("en", "Support local journalism"),
    ("en", "Valley Public Radio is a nonprofit newsroom powered by listeners like you."),
    ("en", "Your gift today keeps reporters on the road in every corner of the valley."),
    ("fr", "Soutenez le journalisme local : abonnez-vous à partir de 1 € le premier mois."),
]


@pytest.mark.parametrize("pos", ["mid", "bottom"])
@pytest.mark.parametrize(("lang", "line"), CHANNEL_PROMOS)
def test_outlet_channel_and_app_promos_removed(lang: str, line: str, pos: str) -> None:
    """"Follow us on WhatsApp", "Download our app" in any language: an
    imperative opening the line and a platform or an app named in it."""
    story = pick_story("en", pos + line)
    doc = place(story, pos, [line])
    a = clean_text(doc.text)
    assert_removed(a, line, {R.NEWSLETTER})
    assert_body(a, doc)


FURNITURE = [
    "#leadership #startups #management #hr",
    "Якщо ви помітили помилку, виділіть її мишкою та натисніть Ctrl+Enter.",
    "Found a typo? Select it and press Ctrl + Enter.",
    "Oceń jakość naszego artykułu:",
    "Was this article helpful?",
    "Votre adresse e-mail Je m'inscris",
    "Le puede interesar: Festival Vallenato 2026: estos son los ganadores",
    "Hide Ad",
    "Read the latest news on our app. Download on Google Play and the App Store.",
    "Vous avez repéré une erreur dans ce texte? Écrivez-nous.",
    "Masz ciekawy temat? Napisz do nas lub prześlij zdjęcia na adres kontakt@example.pl",
    "Prenumerera på Kvällsposten Plus – första månaden för 1 krona. Avsluta när du vill.",
    "Seguí leyendo: Alerta amarilla por tormentas fuertes para el fin de semana",
]


@pytest.mark.parametrize("pos", ["mid", "bottom"])
def test_stat_rows_removed(pos: str) -> None:
    """A score box ("Shots 14 | 9") or a quote strip ("PSAR -3.12%")."""
    rows = ["Possession 54% | 46%", "Shots 14 | 9", "Corners 8 | 4"]
    for widget in (rows, ["PSAR -3.12%", "BNAV +0.45%"]):
        story = pick_story("en", pos + widget[0])
        doc = place(story, pos, widget)
        a = clean_text(doc.text)
        for line in widget:
            assert_removed(a, line, {R.DECORATION, R.NAVIGATION})
        assert_body(a, doc)


@pytest.mark.parametrize("pos", ["mid", "bottom"])
@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture_removed(line: str, pos: str) -> None:
    """Hashtag rows, Ctrl+Enter error prompts, rating widgets, an e-mail field
    with its button, a related-links marker run into its headline."""
    story = pick_story("en", pos + line)
    doc = place(story, pos, [line])
    a = clean_text(doc.text)
    assert_removed(a, line, None)
    assert_body(a, doc)


def test_marker_followed_by_a_sentence_is_kept() -> None:
    """"Más información: la oficina ..." goes on in lower case: story text."""
    story = pick_story("es", "mas-informacion")
    line = "Más información: la oficina de turismo, junto a la catedral, organiza visitas guiadas."
    p = story.paragraphs
    a = clean_text("\n\n".join([story.headline, p[0], p[1], line, p[2], p[3]]))
    assert_kept(a, line)


@pytest.mark.parametrize("pos", ["after_title", "mid"])
def test_comment_button_above_or_inside_the_story_keeps_it(pos: str) -> None:
    """A "Comments (12)" button in a share bar, or mid-story, is not a thread."""
    story = pick_story("en", pos, "court")
    doc = place(story, pos, ["Comments (12)"])
    a = clean_text(doc.text)
    assert_removed(a, "Comments (12)", {R.COMMENTS_SCAFFOLD})
    assert_body(a, doc)


# ---------------------------------------------------------------------------
# cookie_notice
# ---------------------------------------------------------------------------

COOKIE_JUNK = [
    junk(
        R.COOKIE_NOTICE,
        "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies.",
        "top",
    ),
    junk(
        R.COOKIE_NOTICE,
        "This website uses cookies to ensure you get the best experience on our website.",
        "bottom",
    ),
    junk(
        R.COOKIE_NOTICE,
        "By continuing to use this site, you consent to our use of cookies.",
        "bottom",
    ),
    junk(R.COOKIE_NOTICE, "Accept all cookies", "top"),
    junk(R.COOKIE_NOTICE, "ACCEPT ALL COOKIES", "bottom"),
    junk(R.COOKIE_NOTICE, "Accept Cookies", "top"),
    junk(R.COOKIE_NOTICE, "Manage cookie preferences", "top"),
    junk(R.COOKIE_NOTICE, "Cookie Settings", "bottom"),
    junk(R.COOKIE_NOTICE, "Diese Website verwendet Cookies.", "top", "de"),
    junk(
        R.COOKIE_NOTICE,
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
        "bottom",
        "de",
    ),
    junk(R.COOKIE_NOTICE, "Alle Cookies akzeptieren", "top", "de"),
    junk(R.COOKIE_NOTICE, "Cookie-Einstellungen", "bottom", "de"),
    junk(R.COOKIE_NOTICE, "Ce site utilise des cookies.", "top", "fr"),
    junk(
        R.COOKIE_NOTICE,
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "bottom",
        "fr",
    ),
    junk(R.COOKIE_NOTICE, "Accepter les cookies", "top", "fr"),
    junk(R.COOKIE_NOTICE, "Paramètres des cookies", "bottom", "fr"),
    junk(R.COOKIE_NOTICE, "Este sitio web utiliza cookies.", "top", "es"),
    junk(R.COOKIE_NOTICE, "Utilizamos cookies para mejorar su experiencia.", "bottom", "es"),
    junk(R.COOKIE_NOTICE, "Aceptar cookies", "top", "es"),
    junk(R.COOKIE_NOTICE, "Configuración de cookies", "bottom", "es"),
]

COOKIE_KEEP = [
    keep(
        "Cookie sales at the annual bake-off raised more than 5,000 euros for the local hospital.",
        story="glacier",
    ),
    keep(
        "Regulators fined the company for setting tracking cookies without consent, the watchdog said on Thursday.",
        story="housing",
    ),
    keep(
        "Les cookies publicitaires seront davantage encadrés à partir de l'an prochain, a annoncé la CNIL.",
        lang="fr",
        story="budget",
    ),
]


@pytest.mark.parametrize("case", COOKIE_JUNK)
def test_cookie_notice_removed(case: Junk) -> None:
    a = run_junk(case)
    assert not a.meta.get("author"), "'By continuing ...' is not a byline"


# ---------------------------------------------------------------------------
# copyright
# ---------------------------------------------------------------------------

COPYRIGHT_JUNK = [
    junk(R.COPYRIGHT, "© 2026 Northern Herald Ltd. All rights reserved.", "bottom"),
    junk(R.COPYRIGHT, "Copyright 2026 The Daily Ledger", "bottom"),
    junk(R.COPYRIGHT, "Copyright © 2026 The Daily Ledger. All Rights Reserved.", "bottom"),
    junk(R.COPYRIGHT, "COPYRIGHT 2026 NORTHERN HERALD", "bottom"),
    junk(R.COPYRIGHT, "copyright 2026 northern herald", "bottom"),
    junk(R.COPYRIGHT, "(c) 2025 Northern Herald", "bottom"),
    junk(R.COPYRIGHT, "All rights reserved.", "bottom"),
    junk(R.COPYRIGHT, "ALL RIGHTS RESERVED", "bottom"),
    junk(R.COPYRIGHT, "© Reuters 2026", "bottom"),
    junk(
        R.COPYRIGHT,
        "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "bottom",
        also={R.DISCLAIMER},
    ),
    junk(R.COPYRIGHT, "© 2026 Beispiel Verlag GmbH. Alle Rechte vorbehalten.", "bottom", "de"),
    junk(R.COPYRIGHT, "Alle Rechte vorbehalten.", "bottom", "de"),
    junk(R.COPYRIGHT, "© 2026 Le Quotidien. Tous droits réservés.", "bottom", "fr"),
    junk(R.COPYRIGHT, "Tous droits réservés", "bottom", "fr"),
    junk(R.COPYRIGHT, "Tous droits de reproduction réservés", "bottom", "fr"),
    junk(R.COPYRIGHT, "© 2026 Diario del Norte. Todos los derechos reservados.", "bottom", "es"),
    junk(R.COPYRIGHT, "Todos los derechos reservados.", "bottom", "es"),
]

COPYRIGHT_KEEP = [
    keep("Copyright law was at the heart of the dispute.", story="court"),
    keep(
        "The ruling was hailed as a landmark in copyright law by lawyers for both publishers.",
        story="court",
    ),
    keep(
        "All rights to the land were reserved for the tribe under the 1868 treaty, the court found.",
        story="court",
    ),
]


# ---------------------------------------------------------------------------
# disclaimer
# ---------------------------------------------------------------------------

DISCLAIMER_JUNK = [
    junk(
        R.DISCLAIMER,
        "Disclaimer: This article is based on publicly available news sources and official statements. "
        "It is intended for informational purposes only and does not express or imply any political bias.",
        "bottom",
    ),
    junk(
        R.DISCLAIMER,
        "DISCLAIMER: The views expressed in this article are those of the author and do not necessarily reflect the views of the publisher.",
        "bottom",
    ),
    junk(
        R.DISCLAIMER,
        "disclaimer: this story was generated from a syndicated feed and has not been edited by our staff.",
        "bottom",
    ),
    junk(R.DISCLAIMER, "Disclaimer", "bottom"),
    junk(
        R.DISCLAIMER,
        "This article is for informational purposes only and does not constitute financial advice.",
        "bottom",
    ),
    junk(
        R.DISCLAIMER,
        "Haftungsausschluss: Dieser Artikel dient ausschließlich zu Informationszwecken und stellt keine Anlageberatung dar.",
        "bottom",
        "de",
    ),
    junk(
        R.DISCLAIMER,
        "Clause de non-responsabilité : cet article est fourni à titre informatif uniquement et ne constitue pas un conseil en investissement.",
        "bottom",
        "fr",
    ),
    junk(
        R.DISCLAIMER,
        "Aviso legal: este artículo tiene únicamente fines informativos y no constituye asesoramiento financiero.",
        "bottom",
        "es",
    ),
    junk(
        R.DISCLAIMER,
        "Descargo de responsabilidad: las opiniones expresadas en este artículo son exclusivamente del autor.",
        "bottom",
        "es",
    ),
]

DISCLAIMER_KEEP = [
    keep("The company issued a disclaimer saying the figures were unaudited.", story="housing"),
    keep(
        "Disclaimers on the packaging were too small to read, the regulator said in its ruling.",
        story="court",
    ),
]


# ---------------------------------------------------------------------------
# photo_credit
# ---------------------------------------------------------------------------

PHOTO_JUNK = [
    junk(R.PHOTO_CREDIT, "Photo: Jane Smith/Reuters", "after_title"),
    junk(R.PHOTO_CREDIT, "PHOTO: AP", "after_title"),
    junk(R.PHOTO_CREDIT, "photo: AFP via Getty Images", "mid"),
    junk(R.PHOTO_CREDIT, "(Photo: Getty Images)", "after_title"),
    junk(R.PHOTO_CREDIT, "Photo by Jane Smith on Unsplash", "mid"),
    junk(R.PHOTO_CREDIT, "Photograph: Alastair Grant/AP", "after_title"),
    junk(R.PHOTO_CREDIT, "Image: Getty Images", "mid"),
    junk(R.PHOTO_CREDIT, "Credit: Reuters", "after_title"),
    junk(R.PHOTO_CREDIT, "Picture: PA Wire", "mid"),
    junk(R.PHOTO_CREDIT, "Photo credit: NASA", "mid"),
    junk(R.PHOTO_CREDIT, "Foto: dpa", "after_title", "de"),
    junk(R.PHOTO_CREDIT, "Foto: Imago/Sven Simon", "mid", "de"),
    junk(R.PHOTO_CREDIT, "Bild: Keystone", "after_title", "de"),
    junk(R.PHOTO_CREDIT, "Bildquelle: picture alliance", "mid", "de"),
    junk(R.PHOTO_CREDIT, "Photo : AFP", "after_title", "fr"),
    junk(R.PHOTO_CREDIT, "Crédit photo : Reuters", "mid", "fr"),
    junk(R.PHOTO_CREDIT, "Foto: EFE", "after_title", "es"),
    junk(R.PHOTO_CREDIT, "Imagen: Europa Press", "mid", "es"),
    junk(R.PHOTO_CREDIT, "Fotografía: Reuters", "mid", "es"),
    # Captions ending in their credit after the sentence.
    junk(R.PHOTO_CREDIT, "서울 신설동역 승강장에 열차가 들어오고 있다. [사진=연합뉴스]", "mid"),
    junk(R.PHOTO_CREDIT, "廃止が決まった留萌線の列車＝北海道沼田町、27日", "mid"),
    junk(R.PHOTO_CREDIT, "会見する知事＝27日、札幌市", "mid"),
    junk(R.PHOTO_CREDIT, "Flooded roads near the station on Wednesday. (PTI)", "mid"),
    junk(R.PHOTO_CREDIT, "A barragem de Odeleite em março. LUSA/JOÃO PEDRO SOUSA", "mid"),
    junk(R.PHOTO_CREDIT, "Kayla Ostrowski at her home outside Ashby. Hannah Lind/Valley Public Radio", "mid"),
    junk(R.PHOTO_CREDIT, "Des banderoles sur les grilles de l'école. Photo Le DR /Julien ROUX", "mid", "fr"),
    junk(R.PHOTO_CREDIT, "Pierwszy tramwaj na pętli. Fot. Tomasz Pietrzyk / Agencja Wyborcza.pl", "mid"),
    junk(R.PHOTO_CREDIT, "רחוב אלנבי בשעות הבוקר. צילום: עידו ארז", "mid"),
    junk(R.PHOTO_CREDIT, "图为冰雪大世界工作人员在松花江上采冰。（资料图）", "mid"),
]

PHOTO_KEEP = [
    keep("Photographs of the damage circulated widely on social media.", story="glacier"),
    keep("Credit card debt rose to a record in the first quarter.", story="housing"),
    keep(
        "The race ended in a photo finish, with Lindqvist ahead by the width of a tyre.",
        story="cycling",
    ),
    keep("Photo Finish Decides the Green Jersey", story="cycling", heading=True),
    keep("The council approved the plan on Monday. Residents/owners will vote in May.", story="housing"),
    keep(
        "Fotos der Schäden verbreiteten sich schnell in den sozialen Netzwerken.",
        lang="de",
        story="hochwasser",
    ),
    keep(
        "Fotografías de los daños circularon ampliamente por las redes sociales.",
        lang="es",
        story="futbol",
    ),
]


# ---------------------------------------------------------------------------
# tags_meta
# ---------------------------------------------------------------------------

TAGS_JUNK = [
    junk(R.TAGS_META, "Tags: Ukraine, Russia, Sanctions", "bottom"),
    junk(R.TAGS_META, "TAGS: Housing, Mortgages", "bottom"),
    junk(R.TAGS_META, "tags: cycling, mountains", "bottom"),
    junk(R.TAGS_META, "Posted in World, Politics", "bottom"),
    junk(R.TAGS_META, "Filed under: Politics, Europe", "bottom"),
    junk(R.TAGS_META, "Filed Under: Science", "bottom"),
    junk(R.TAGS_META, "Topics: Climate, Glaciers", "bottom"),
    junk(R.TAGS_META, "Categories: Courts, Local News", "bottom"),
    junk(R.TAGS_META, "5 min read", "after_title"),
    junk(R.TAGS_META, "3 MIN READ", "after_title"),
    junk(R.TAGS_META, "Reading time: 4 minutes", "after_title"),
    junk(R.TAGS_META, "Schlagwörter: Verkehr, Stadtrat", "bottom", "de"),
    junk(R.TAGS_META, "Themen: Hochwasser, Elbe", "bottom", "de"),
    junk(R.TAGS_META, "Lesezeit: 3 Minuten", "after_title", "de"),
    junk(R.TAGS_META, "4 Min. Lesezeit", "after_title", "de"),
    junk(R.TAGS_META, "Mots-clés : budget, gouvernement", "bottom", "fr"),
    junk(R.TAGS_META, "Temps de lecture : 3 min", "after_title", "fr"),
    junk(R.TAGS_META, "Lecture : 4 min", "after_title", "fr"),
    junk(R.TAGS_META, "Etiquetas: Vivienda, Alquiler", "bottom", "es"),
    junk(R.TAGS_META, "Temas: Fútbol, Selección", "bottom", "es"),
    junk(R.TAGS_META, "3 min de lectura", "after_title", "es"),
    junk(R.TAGS_META, "Tiempo de lectura: 4 minutos", "after_title", "es"),
]

TAGS_KEEP = [
    keep(
        "Filed under seal, the documents were released on Thursday after a long legal battle.",
        story="court",
    ),
    keep("Posted in Kabul since 2019, the diplomat speaks fluent Dari and Pashto.", story="summit"),
    keep("Tags on the shipment showed it had passed through Rotterdam.", story="court"),
    keep("Topics ranged from pensions to potholes at the packed town hall meeting.", story="court"),
    keep(
        "Themen wie Mieten und Verkehr bestimmten den Wahlkampf in der Stadt.",
        lang="de",
        story="verkehr",
    ),
    keep(
        "Temas como la vivienda y el empleo dominaron la campaña electoral.",
        lang="es",
        story="alquiler",
    ),
]


# ---------------------------------------------------------------------------
# source_label
# ---------------------------------------------------------------------------

SOURCE_JUNK = [
    junk(R.SOURCE_LABEL, "Source", "bottom"),
    junk(R.SOURCE_LABEL, "SOURCE", "bottom"),
    junk(R.SOURCE_LABEL, "source", "bottom"),
    junk(R.SOURCE_LABEL, "Source:", "bottom"),
    junk(R.SOURCE_LABEL, "Sources", "bottom"),
    junk(R.SOURCE_LABEL, "Sources:", "bottom"),
    junk(R.SOURCE_LABEL, "SOURCES:", "bottom"),
    junk(R.SOURCE_LABEL, "Quelle", "bottom", "de"),
    junk(R.SOURCE_LABEL, "Quelle:", "bottom", "de"),
    junk(R.SOURCE_LABEL, "Quellen:", "bottom", "de"),
    junk(R.SOURCE_LABEL, "Source :", "bottom", "fr"),
    junk(R.SOURCE_LABEL, "Sources :", "bottom", "fr"),
    junk(R.SOURCE_LABEL, "Fuente", "bottom", "es"),
    junk(R.SOURCE_LABEL, "Fuente:", "bottom", "es"),
    junk(R.SOURCE_LABEL, "Fuentes:", "bottom", "es"),
]

SOURCE_KEEP = [
    keep(
        "Source: official figures show unemployment fell to 4.1% in March, the lowest in a decade.",
        story="housing",
    ),
    keep(
        "Sources close to the negotiations said a deal was unlikely before the summit.",
        story="summit",
    ),
    keep(
        "Quellen im Rathaus zufolge soll der Plan bereits im Herbst überprüft werden.",
        lang="de",
        story="verkehr",
    ),
    keep(
        "Source de tensions depuis des mois, la réforme a été adoptée de justesse par les députés.",
        lang="fr",
        story="budget",
    ),
    keep(
        "Fuentes del ministerio aseguraron que no habrá acuerdo antes del verano.",
        lang="es",
        story="alquiler",
    ),
]


# ---------------------------------------------------------------------------
# byline (+ meta["author"])
# ---------------------------------------------------------------------------

BYLINE_JUNK = [
    junk(R.BYLINE, "By Jane Doe, Staff Writer", "after_title"),
    junk(R.BYLINE, "BY JOHN SMITH", "after_title"),
    junk(R.BYLINE, "by Jane Doe", "after_title"),
    junk(R.BYLINE, "By Maria Lopez and Tom Baker", "after_title"),
    junk(R.BYLINE, "By Jane Doe | Reuters", "after_title"),
    junk(R.BYLINE, "By Jane Doe, Reuters", "top"),
    junk(R.BYLINE, "Written by Jane Doe", "after_title"),
    junk(R.BYLINE, "Von Anna Schmidt", "after_title", "de"),
    junk(R.BYLINE, "VON ANNA SCHMIDT", "after_title", "de"),
    junk(R.BYLINE, "Von Anna Schmidt, Berlin", "top", "de"),
    junk(R.BYLINE, "Par Pierre Dupont", "after_title", "fr"),
    junk(R.BYLINE, "PAR PIERRE DUPONT", "after_title", "fr"),
    junk(R.BYLINE, "Par Claire Martin, envoyée spéciale à Kyiv", "after_title", "fr"),
    junk(R.BYLINE, "Par Claire Martin et Pierre Dupont", "top", "fr"),
    junk(R.BYLINE, "Por Lucía Fernández", "after_title", "es"),
    junk(R.BYLINE, "POR LUCÍA FERNÁNDEZ", "after_title", "es"),
    junk(R.BYLINE, "Por Carlos Ruiz, corresponsal en Bruselas", "after_title", "es"),
]

BYLINE_KEEP = [
    keep(
        "By the end of the year, the company expects to have hired 200 engineers.", story="housing"
    ),
    keep("By Monday, the water had receded from most streets in the old town.", story="glacier"),
    keep("By contrast, prices in the north barely moved over the same period.", story="housing"),
    keep("By the Numbers", story="housing", heading=True),
    keep("Von Montag an gilt in der gesamten Innenstadt Tempo 30.", lang="de", story="verkehr"),
    keep(
        "Par ailleurs, le gouvernement prévoit de relever le plafond du livret A.",
        lang="fr",
        story="budget",
    ),
    keep(
        "Por otra parte, el ministerio estudia ampliar las ayudas a los mayores de 65 años.",
        lang="es",
        story="alquiler",
    ),
]


@pytest.mark.parametrize("case", BYLINE_KEEP)
def test_byline_lookalike_kept(case: Keep) -> None:
    a = run_keep(case)
    assert not a.meta.get("author"), f"{case.line!r} is not a byline\n{dump(a)}"


@pytest.mark.parametrize(
    ("line", "lang", "author"),
    [
        ("By Jane Doe, Staff Writer", "en", "Jane Doe"),
        ("By Jane Doe", "en", "Jane Doe"),
        ("By Jane Doe | Reuters", "en", "Jane Doe"),
        ("By Jane Doe, Reuters", "en", "Jane Doe"),
        ("Von Anna Schmidt", "de", "Anna Schmidt"),
        ("Von Anna Schmidt, Berlin", "de", "Anna Schmidt"),
        ("Par Pierre Dupont", "fr", "Pierre Dupont"),
        ("Par Claire Martin, envoyée spéciale à Kyiv", "fr", "Claire Martin"),
        ("Por Lucía Fernández", "es", "Lucía Fernández"),
        ("Por Carlos Ruiz, corresponsal en Bruselas", "es", "Carlos Ruiz"),
        # A name and its stamp with nothing between them; a handle glued to
        # the name; an address beside it; names in scripts with vowel marks
        # or joiners.
        ("Hanneke Vos 12-03-26, 16:20", "en", "Hanneke Vos"),
        ("By Marcus Greene@mgreene_hoops Mar 12, 2026, 10:15am CST", "en", "Marcus Greene"),
        ("Erik Lindqvist erik.lindqvist@example.se", "en", "Erik Lindqvist"),
        ("Written By: नेहा शर्मा | Edited By: राहुल वर्मा", "en", "नेहा शर्मा"),
        ("نویسنده: سارا محمدی‌فر", "en", "سارا محمدی‌فر"),
    ],
)
def test_byline_sets_meta_author(line: str, lang: str, author: str) -> None:
    doc = build_doc(pick_story(lang, line), after_title=[line])
    a = clean_text(doc.text)
    assert_removed(a, line, {R.BYLINE})
    assert_body(a, doc)
    assert a.meta.get("author") == author, dump(a)


def test_no_byline_means_no_author() -> None:
    doc = build_doc(STORIES["summit"])
    a = clean_text(doc.text)
    assert_body(a, doc)
    assert not a.meta.get("author")


@pytest.mark.parametrize(
    ("after_title", "author"),
    [
        # A name alone on a line, with the writer's address under it.
        (["Mikael Hedlund", "mikael.hedlund@example.se"], "Mikael Hedlund"),
        # A name with the place it was written in, over the time stamp.
        (["Helen Marchetti in London", "12 March 2026, 10:14 GMT"], "Helen Marchetti"),
        # ... or with the place first: "دبي: سارة المنصوري".
        (["London: Helen Marchetti", "12 March 2026, 10:14 GMT"], "Helen Marchetti"),
        # A name and the writer's role joined by a slash.
        (["Kimone Grant/Staff Reporter"], "Kimone Grant"),
    ],
)
def test_bare_byline_forms(after_title: list[str], author: str) -> None:
    """Bylines without "By": the first line goes, its name is the author."""
    doc = build_doc(STORIES["summit"], after_title=after_title)
    a = clean_text(doc.text)
    assert_removed(a, after_title[0], {R.BYLINE})
    assert_body(a, doc)
    assert a.meta.get("author") == author


def test_one_word_before_a_role_is_no_author() -> None:
    """ "Amman - correspondent of X": a dateline's place, not the writer."""
    doc = build_doc(
        STORIES["summit"], after_title=["Lisbon - Our Correspondent", "By Jane Doe"]
    )
    a = clean_text(doc.text)
    assert_body(a, doc)
    assert a.meta.get("author") == "Jane Doe", dump(a)


def test_bracketed_bureau_credit_is_removed() -> None:
    doc = build_doc(STORIES["summit"], bottom=["（中野支局・石田真由美）"])
    a = clean_text(doc.text)
    assert_removed(a, "（中野支局・石田真由美）", {R.BYLINE})
    assert_body(a, doc)


def test_signature_under_the_story_is_a_byline() -> None:
    """The writer's bare name after the last paragraph, above the share bar."""
    doc = build_doc(
        STORIES["summit"], bottom=["Nguyen Dong", "Share on Facebook", "Share on X"]
    )
    a = clean_text(doc.text)
    assert_removed(a, "Nguyen Dong", {R.BYLINE})
    assert_body(a, doc)
    assert a.meta.get("author") == "Nguyen Dong"


def test_closing_name_the_story_mentions_stays() -> None:
    """A short last line naming someone the story is about is no signature."""
    said = (
        "Anna Keller, who led the delegation, said the talks would resume "
        "once both sides had a draft text to discuss. "
    ) * 6  # a long paragraph (longer than any line the cleaner keys)
    said = said.strip()
    story = STORIES["summit"]
    text = "\n\n".join([*story.paragraphs, said, "Anna Keller", "Share on Facebook"])
    a = clean_text(text, title=story.headline)
    assert_kept(a, "Anna Keller")
    assert a.paragraphs[-2:] == (said, "Anna Keller"), dump(a)


# ---------------------------------------------------------------------------
# timestamp (+ meta["date"])
# ---------------------------------------------------------------------------

TIMESTAMP_JUNK = [
    junk(R.TIMESTAMP, "Published 12 March 2026, 10:14", "after_title"),
    junk(R.TIMESTAMP, "Published: March 12, 2026 10:14 AM", "after_title"),
    junk(R.TIMESTAMP, "PUBLISHED: 12 Mar 2026", "after_title"),
    junk(R.TIMESTAMP, "published 12 march 2026", "after_title"),
    junk(R.TIMESTAMP, "Updated 3 hours ago", "after_title"),
    junk(R.TIMESTAMP, "Updated: 12 March 2026 14:02 GMT", "after_title"),
    junk(R.TIMESTAMP, "Last updated: 12 March 2026", "after_title"),
    junk(R.TIMESTAMP, "Last Updated on March 12, 2026", "bottom"),
    junk(R.TIMESTAMP, "2 hours ago", "after_title"),
    junk(R.TIMESTAMP, "12 March 2026", "after_title"),
    junk(R.TIMESTAMP, "March 12, 2026", "top"),
    junk(R.TIMESTAMP, "Thursday, 12 March 2026", "top"),
    junk(R.TIMESTAMP, "2026-03-12", "after_title"),
    junk(R.TIMESTAMP, "2026-03-12 10:14", "after_title"),
    junk(R.TIMESTAMP, "Mar 12, 2026, 10:14 AM ET", "after_title"),
    junk(R.TIMESTAMP, "Veröffentlicht am 12.03.2026, 10:14 Uhr", "after_title", "de"),
    junk(R.TIMESTAMP, "Aktualisiert am 12. März 2026", "after_title", "de"),
    junk(R.TIMESTAMP, "Stand: 12.03.2026 14:02 Uhr", "bottom", "de"),
    junk(R.TIMESTAMP, "12.03.2026", "after_title", "de"),
    junk(R.TIMESTAMP, "Donnerstag, 12. März 2026", "top", "de"),
    junk(R.TIMESTAMP, "Publié le 12 mars 2026 à 10h14", "after_title", "fr"),
    junk(R.TIMESTAMP, "Mis à jour le 12 mars 2026", "after_title", "fr"),
    junk(R.TIMESTAMP, "Publié le 12/03/2026 à 10:14", "after_title", "fr"),
    junk(R.TIMESTAMP, "12 mars 2026", "after_title", "fr"),
    junk(R.TIMESTAMP, "jeudi 12 mars 2026", "top", "fr"),
    junk(R.TIMESTAMP, "Publicado el 12 de marzo de 2026", "after_title", "es"),
    junk(R.TIMESTAMP, "Actualizado: 12/03/2026 10:14", "after_title", "es"),
    junk(R.TIMESTAMP, "Actualizado hace 3 horas", "after_title", "es"),
    junk(R.TIMESTAMP, "12 de marzo de 2026", "after_title", "es"),
    junk(R.TIMESTAMP, "jueves, 12 de marzo de 2026", "top", "es"),
]

TIMESTAMP_KEEP = [
    keep("Published figures show the deficit narrowed to 3.1% of GDP last year.", story="housing"),
    keep(
        "Updated forecasts from the central bank point to slower growth next year.", story="housing"
    ),
    keep(
        "Last updated in 2019, the guidelines are now under review by the ministry.",
        story="glacier",
    ),
    keep("On 12 March 2026 the appeal court will hear the case again.", story="court"),
    keep(
        "Aktualisierte Zahlen sollen am Freitag vorgelegt werden, kündigte das Ministerium an.",
        lang="de",
        story="hochwasser",
    ),
    keep(
        "Publié en 1862, le roman reste l'un des plus lus en France, selon une étude récente.",
        lang="fr",
        story="budget",
    ),
    keep(
        "Publicado en 1605, el Quijote sigue siendo el libro más traducido de la lengua española.",
        lang="es",
        story="futbol",
    ),
]


@pytest.mark.parametrize("case", TIMESTAMP_KEEP)
def test_timestamp_lookalike_kept(case: Keep) -> None:
    a = run_keep(case)
    assert not a.meta.get("date"), f"{case.line!r} is prose, not a timestamp line\n{dump(a)}"


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$")


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("Published 12 March 2026, 10:14", "en", {"2026-03-12", "2026-03-12T10:14"}),
        ("Published: March 12, 2026 10:14 AM", "en", {"2026-03-12", "2026-03-12T10:14"}),
        ("Last updated: 12 March 2026", "en", {"2026-03-12"}),
        ("March 12, 2026", "en", {"2026-03-12"}),
        ("12 March 2026", "en", {"2026-03-12"}),
        ("2026-03-12", "en", {"2026-03-12"}),
        ("2026-03-12 10:14", "en", {"2026-03-12", "2026-03-12T10:14"}),
        ("Veröffentlicht am 12.03.2026, 10:14 Uhr", "de", {"2026-03-12", "2026-03-12T10:14"}),
        ("Aktualisiert am 12. März 2026", "de", {"2026-03-12"}),
        ("Publié le 12 mars 2026 à 10h14", "fr", {"2026-03-12", "2026-03-12T10:14"}),
        ("Publicado el 12 de marzo de 2026", "es", {"2026-03-12"}),
        # A second (updated) stamp after the first, with no separator or in
        # parentheses; a year with a trailing dot and "u" before the time.
        (
            "Publié le 12/03/2026 à 19h12 Mis à jour le 13/03/2026 à 08h40",
            "fr",
            {"2026-03-12T19:12"},
        ),
        ("12/03/2026 09h15 Atualizado há 2 dias", "en", {"2026-03-12T09:15"}),
        ("12 marzo 2026 (modifica il 13 marzo 2026 | 21:48)", "en", {"2026-03-12"}),
        ("2026-03-12 09:12 수정 2026-03-12 10:05", "en", {"2026-03-12T09:12"}),
        ("12.03.2026. u 18:40", "en", {"2026-03-12T18:40"}),
        # The update word closing a parenthesis (Japanese); a Thai date in
        # the Buddhist era with its hour word; an update label from
        # timestamp.txt; a zone of South-East Asia.
        ("2026年3月12日 5時00分（3月12日 9時41分更新）", "en", {"2026-03-12T05:00"}),
        ("12 มี.ค. 2569 14:20 น.", "en", {"2026-03-12T14:20"}),
        ("12-03-26, 16:20 Laatste update: 12-03-26, 18:02", "en", {"2026-03-12T16:20"}),
        ("Thursday, 12 Mar 2026 8:15 AM MYT", "en", {"2026-03-12T08:15"}),
        ("입력 2026.03.12. 오후 3:42  수정 2026.03.12. 오후 6:10", "en", {"2026-03-12T15:42"}),
        # As long as a sentence: the whole line still parses as one stamp.
        (
            "12 de marzo de 2026 - 07:30 a. m. Actualizado: 12 de marzo de 2026 - 11:12 a. m.",
            "es",
            {"2026-03-12T07:30"},
        ),
    ],
)
def test_timestamp_sets_meta_date(line: str, lang: str, expected: set[str]) -> None:
    doc = build_doc(pick_story(lang, line), after_title=[line])
    a = clean_text(doc.text)
    assert_removed(a, line, {R.TIMESTAMP})
    assert_body(a, doc)
    date = a.meta.get("date")
    assert isinstance(date, str) and ISO_DATE.match(date), dump(a)
    assert date.startswith("2026-03-12")
    assert date in expected, dump(a)


def test_no_timestamp_means_no_date() -> None:
    doc = build_doc(STORIES["glacier"])
    a = clean_text(doc.text)
    assert_body(a, doc)
    assert not a.meta.get("date")


def test_byline_and_timestamp_together() -> None:
    doc = build_doc(
        STORIES["summit"],
        after_title=[
            "By Jane Doe, Staff Writer",
            "Published 12 March 2026, 10:14",
            "Updated 3 hours ago",
        ],
    )
    a = clean_text(doc.text)
    assert_removed(a, "By Jane Doe, Staff Writer", {R.BYLINE})
    assert_removed(a, "Published 12 March 2026, 10:14", {R.TIMESTAMP})
    assert_removed(a, "Updated 3 hours ago", {R.TIMESTAMP})
    assert_body(a, doc)
    assert a.meta["author"] == "Jane Doe"
    assert a.meta["date"].startswith("2026-03-12")


# ---------------------------------------------------------------------------
# decoration
# ---------------------------------------------------------------------------

DECORATION_JUNK = [
    junk(R.DECORATION, "***", "mid"),
    junk(R.DECORATION, "* * *", "mid"),
    junk(R.DECORATION, "* * * * *", "before_last"),
    junk(R.DECORATION, "---", "mid"),
    junk(R.DECORATION, "-----", "bottom"),
    junk(R.DECORATION, "• • •", "mid"),
    junk(R.DECORATION, "•••", "mid"),
    junk(R.DECORATION, "___", "mid"),
    junk(R.DECORATION, "=====", "mid"),
    junk(R.DECORATION, "~~~", "before_last"),
    junk(R.DECORATION, "###", "bottom"),
    junk(R.DECORATION, "— — —", "mid"),
    junk(R.DECORATION, "◆ ◆ ◆", "mid"),
    junk(R.DECORATION, "***", "mid", "de"),
    junk(R.DECORATION, "• • •", "mid", "fr"),
    junk(R.DECORATION, "---", "mid", "es"),
]

DECORATION_KEEP = [
    keep('The word was printed as "f***" in the court filing, the lawyer said.', story="court"),
    keep(
        "The final score was 3-1 after extra time, with both goals coming in the last ten minutes.",
        story="cycling",
    ),
]


# ---------------------------------------------------------------------------
# Structural look-alikes: subheadings, quotes, short paragraphs
# ---------------------------------------------------------------------------

STRUCTURE_KEEP = [
    keep("Growing Frustration Over Diplomatic Deadlock", story="summit", heading=True),
    keep("Conclusion: A Pause, Not a Full Stop", "before_last", story="summit", heading=True),
    keep("New Sanctions on Russian Oil Giants", story="summit", heading=True),
    keep("What happens next", "before_last", story="court", heading=None),
    keep("Why it matters", story="glacier", heading=None),
    keep("Kritik aus dem Einzelhandel", lang="de", story="verkehr", heading=None),
    keep("Une opposition vent debout", lang="fr", story="budget", heading=None),
    keep("Reacciones de los inquilinos", lang="es", story="alquiler", heading=None),
    keep('"We cancelled the meeting. It just did not feel right to me."', story="summit"),
    keep('"This is not over," the former mayor told reporters.', story="court"),
    keep('"Es ist noch nicht vorbei", sagte die Oberbürgermeisterin.', lang="de", story="verkehr"),
    keep('"Nous ne lâcherons rien", a déclaré le ministre.', lang="fr", story="budget"),
    keep('"No vamos a rendirnos", afirmó la ministra.', lang="es", story="alquiler"),
    keep("No one was injured.", story="glacier"),
    keep("The trial resumes on Monday.", "bottom", story="court"),
    keep("The two delegations are due to meet again in April.", "bottom", story="summit"),
    keep("Die Sitzung wird am Montag fortgesetzt.", "bottom", lang="de", story="verkehr"),
    keep("Le procès reprendra lundi.", "bottom", lang="fr", story="incendie"),
    keep("El juicio se reanudará el lunes.", "bottom", lang="es", story="alquiler"),
]


def test_article_with_several_sections_keeps_all_headings_in_order() -> None:
    s = STORIES["summit"]
    p = s.paragraphs
    h1, h2, h3 = (
        "Growing Frustration Over Diplomatic Deadlock",
        "New Sanctions on Russian Oil Giants",
        "Conclusion: A Pause, Not a Full Stop",
    )
    text = "\n\n".join(
        [
            s.headline,
            s.headline,
            p[0],
            p[1],
            h1,
            p[2],
            h2,
            p[3],
            h3,
            p[4],
            "The two delegations are due to meet again in April.",
        ]
    )
    a = clean_text(text)
    check_article_shape(a)
    expected = (
        p[0],
        p[1],
        h1,
        p[2],
        h2,
        p[3],
        h3,
        p[4],
        "The two delegations are due to meet again in April.",
    )
    assert a.paragraphs == expected, dump(a)
    assert a.headings == (h1, h2, h3), dump(a)
    assert a.title == s.headline


# ---------------------------------------------------------------------------
# repeated_title / title detection
# ---------------------------------------------------------------------------

ALL_STORIES = [pytest.param(s, id=s.key) for s in STORIES.values()]


@pytest.mark.parametrize("story", ALL_STORIES)
def test_repeated_headline_at_top_becomes_title(story: Story) -> None:
    text = "\n\n".join([story.headline, story.headline, *story.paragraphs]) + "\n"
    a = clean_text(text)
    assert a.title == story.headline, dump(a)
    assert story.headline not in a.paragraphs
    assert a.paragraphs == story.paragraphs, dump(a)
    reps = [r for r in a.removed if norm(r.line) == norm(story.headline)]
    assert [r.reason for r in reps] == [R.REPEATED_TITLE, R.REPEATED_TITLE], dump(a)
    assert [r.line_no for r in reps] == [1, 3]


@pytest.mark.parametrize("nav", ["Home", "hOME", "Startseite", "Skip to main content"])
def test_title_detected_behind_top_navigation(nav: str) -> None:
    story = STORIES["glacier"]
    text = "\n\n".join([nav, story.headline, story.headline, *story.paragraphs])
    a = clean_text(text)
    assert a.title == story.headline, dump(a)
    assert a.paragraphs == story.paragraphs, dump(a)
    assert_removed(a, nav, {R.NAVIGATION})
    assert [r.reason for r in a.removed] == [R.NAVIGATION, R.REPEATED_TITLE, R.REPEATED_TITLE], (
        dump(a)
    )


@pytest.mark.parametrize("story", ALL_STORIES)
@pytest.mark.parametrize(
    "order",
    [("short", "short", "long"), ("short", "long"), ("long", "short"), ("long", "short", "short")],
    ids="-".join,
)
def test_headline_variants_longer_is_title(story: Story, order: tuple[str, ...]) -> None:
    lines = [story.headline if o == "short" else story.long_headline for o in order]
    text = "\n\n".join([*lines, *story.paragraphs]) + "\n"
    a = clean_text(text)
    assert a.title == story.long_headline, dump(a)
    assert a.paragraphs == story.paragraphs, dump(a)
    for line in set(lines):
        assert_removed(a, line, {R.REPEATED_TITLE})
    assert sum(r.reason == R.REPEATED_TITLE for r in a.removed) == len(lines), dump(a)


@pytest.mark.parametrize(
    "story", [STORIES["summit"], STORIES["court"], STORIES["housing"]], ids=lambda s: s.key
)
def test_bare_headline_repeat_mid_article_removed(story: Story) -> None:
    p = story.paragraphs
    sub1, sub2 = "A Long Road to the Table", "Reactions at Home and Abroad"
    text = "\n\n".join(
        [story.headline, story.headline, p[0], p[1], sub1, p[2], story.headline, sub2, p[3]]
    )
    a = clean_text(text)
    assert a.title == story.headline, dump(a)
    assert a.paragraphs == (p[0], p[1], sub1, p[2], sub2, p[3]), dump(a)
    reps = [r for r in a.removed if norm(r.line) == norm(story.headline)]
    assert len(reps) == 3 and all(r.reason == R.REPEATED_TITLE for r in reps), dump(a)
    assert reps[-1].line_no == 13


@pytest.mark.parametrize(
    "story",
    [STORIES["housing"], STORIES["hochwasser"], STORIES["incendie"], STORIES["futbol"]],
    ids=lambda s: s.key,
)
def test_given_title_is_used_and_its_repeats_removed(story: Story) -> None:
    p = story.paragraphs
    text = "\n\n".join([story.headline, p[0], p[1], story.headline, p[2], p[3]])
    a = clean_text(text, title=story.headline)
    assert a.title == story.headline
    assert a.paragraphs == p, dump(a)
    reps = [r for r in a.removed if norm(r.line) == norm(story.headline)]
    assert [r.line_no for r in reps] == [1, 7], dump(a)
    assert all(r.reason == R.REPEATED_TITLE for r in reps)


def test_given_title_not_in_text() -> None:
    story = STORIES["cycling"]
    a = clean_text("\n\n".join(story.paragraphs), title="Lindqvist Wins the Tour")
    assert a.title == "Lindqvist Wins the Tour"
    assert a.paragraphs == story.paragraphs, dump(a)
    assert not any(r.reason == R.REPEATED_TITLE for r in a.removed)


def test_given_title_overrides_detected_headline_repeats() -> None:
    story = STORIES["court"]
    text = "\n\n".join([story.headline, story.headline, *story.paragraphs])
    a = clean_text(text, title=story.headline)
    assert a.title == story.headline
    assert a.paragraphs == story.paragraphs, dump(a)
    assert sum(r.reason == R.REPEATED_TITLE for r in a.removed) == 2


@pytest.mark.parametrize(
    "site", ["The Daily Ledger", "Northern Herald", "Le Quotidien", "Diario del Norte"]
)
@pytest.mark.parametrize(
    "story", [STORIES["summit"], STORIES["budget"], STORIES["alquiler"]], ids=lambda s: s.key
)
def test_headline_with_site_name_suffix(story: Story, site: str) -> None:
    suffixed = f"{story.headline} | {site}"
    text = "\n\n".join([suffixed, story.headline, *story.paragraphs])
    a = clean_text(text)
    assert a.title == story.headline, dump(a)
    assert a.paragraphs == story.paragraphs, dump(a)
    assert_removed(a, suffixed, {R.REPEATED_TITLE})
    assert_removed(a, story.headline, {R.REPEATED_TITLE})


def test_given_title_and_site_name_suffixed_repeat() -> None:
    story = STORIES["glacier"]
    suffixed = f"{story.headline} | Northern Herald"
    text = "\n\n".join([suffixed, *story.paragraphs])
    a = clean_text(text, title=story.headline)
    assert a.title == story.headline
    assert a.paragraphs == story.paragraphs, dump(a)
    assert_removed(a, suffixed, {R.REPEATED_TITLE})


def test_subheading_sharing_words_with_title_is_kept() -> None:
    story = STORIES["court"]
    p = story.paragraphs
    sub = "The Contract Scandal Explained"
    text = "\n\n".join([story.headline, story.headline, p[0], p[1], sub, p[2], p[3]])
    a = clean_text(text)
    assert a.title == story.headline
    assert a.paragraphs == (p[0], p[1], sub, p[2], p[3]), dump(a)


def test_sentence_quoting_the_headline_is_kept() -> None:
    story = STORIES["summit"]
    p = story.paragraphs
    quoting = (
        f'"{story.headline}" was the front page of every newspaper in the region the next morning.'
    )
    text = "\n\n".join([story.headline, story.headline, p[0], quoting, p[1], p[2], p[3]])
    a = clean_text(text)
    assert a.title == story.headline
    assert a.paragraphs == (p[0], quoting, p[1], p[2], p[3]), dump(a)


# ---------------------------------------------------------------------------
# duplicate_paragraph
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        STORIES["summit"],
        STORIES["glacier"],
        STORIES["hochwasser"],
        STORIES["budget"],
        STORIES["futbol"],
    ],
    ids=lambda s: s.key,
)
@pytest.mark.parametrize("which", ["later", "adjacent", "at_end"])
def test_duplicate_paragraph_second_copy_removed(story: Story, which: str) -> None:
    p = list(story.paragraphs)
    if which == "later":
        blocks, dup, dup_index = [p[0], p[1], p[2], p[0], *p[3:]], p[0], 3
    elif which == "adjacent":
        blocks, dup, dup_index = [p[0], p[1], p[1], *p[2:]], p[1], 2
    else:
        blocks, dup, dup_index = [*p, p[2]], p[2], len(p)
    text = "\n\n".join([story.headline, story.headline, *blocks])
    a = clean_text(text)
    check_article_shape(a)
    assert a.paragraphs == story.paragraphs, dump(a)
    dups = [r for r in a.removed if r.reason == R.DUPLICATE_PARAGRAPH]
    assert len(dups) == 1, dump(a)
    assert norm(dups[0].line) == norm(dup)
    # headline(1), blank, headline(3), blank, then block i at line 5 + 2*i
    assert dups[0].line_no == 5 + 2 * dup_index, dump(a)


def test_duplicate_hard_wrapped_copy_removed() -> None:
    story = STORIES["court"]
    p = story.paragraphs
    wrapped = "\n".join(textwrap.wrap(p[1], 68, break_on_hyphens=False, break_long_words=False))
    text = "\n\n".join([story.headline, story.headline, p[0], p[1], p[2], wrapped, p[3]])
    a = clean_text(text)
    assert a.paragraphs == p, dump(a)
    dups = [r for r in a.removed if r.reason == R.DUPLICATE_PARAGRAPH]
    assert len(dups) == 1 and dups[0].line_no == 11, dump(a)


def test_paragraphs_quoting_the_same_sentence_both_kept() -> None:
    story = STORIES["summit"]
    p = story.paragraphs
    q1 = (
        'Addressing reporters on Wednesday, the president said: "Every time we talk, we have good '
        'conversations, and then they do not go anywhere." He added that he still hoped to meet his '
        "counterpart before the end of the year."
    )
    q2 = (
        "Referring to his contacts with the Kremlin, the president repeated a line he has used "
        'several times this month: "Every time we talk, we have good conversations, and then they do '
        'not go anywhere." Aides said the remark reflected genuine frustration.'
    )
    text = "\n\n".join([story.headline, story.headline, p[0], q1, p[1], p[2], q2, p[3]])
    a = clean_text(text)
    assert a.paragraphs == (p[0], q1, p[1], p[2], q2, p[3]), dump(a)
    assert not any(r.reason == R.DUPLICATE_PARAGRAPH for r in a.removed)


# ---------------------------------------------------------------------------
# Options: keep / extra_phrases / extra_patterns / validation
# ---------------------------------------------------------------------------


def test_keep_advertisement_keeps_the_line() -> None:
    story = STORIES["housing"]
    doc = build_doc(story, top=["Home"], keep=["Advertisement"], keep_pos="mid")
    opts = CleanOptions(keep=frozenset({Reason.ADVERTISEMENT}))
    a = clean_text(doc.text, options=opts)
    assert_kept(a, "Advertisement")
    assert_body(a, doc)
    assert not any(r.reason == R.ADVERTISEMENT for r in a.removed)
    assert_removed(a, "Home", {R.NAVIGATION})  # other rules still apply
    # and without the option it goes
    b = clean_text(doc.text)
    assert_removed(b, "Advertisement", {R.ADVERTISEMENT})


def test_keep_several_reasons() -> None:
    story = STORIES["cycling"]
    doc = build_doc(
        story,
        after_title=["By Jane Doe, Staff Writer"],
        keep=["***"],
        keep_pos="mid",
        bottom=["Tags: cycling, mountains"],
    )
    opts = CleanOptions(keep=frozenset({Reason.DECORATION, Reason.TAGS_META}))
    a = clean_text(doc.text, options=opts)
    assert_kept(a, "***")
    assert_kept(a, "Tags: cycling, mountains")
    assert_removed(a, "By Jane Doe, Staff Writer", {R.BYLINE})
    assert_body(a, doc, extra_allowed={"Tags: cycling, mountains"})


def test_keep_duplicate_paragraph() -> None:
    story = STORIES["glacier"]
    p = story.paragraphs
    text = "\n\n".join([story.headline, story.headline, p[0], p[1], p[0], p[2], p[3]])
    a = clean_text(text, options=CleanOptions(keep=frozenset({Reason.DUPLICATE_PARAGRAPH})))
    assert a.paragraphs == (p[0], p[1], p[0], p[2], p[3]), dump(a)


@pytest.mark.parametrize(
    "line",
    [
        "Zur Startseite der Redaktion",
        "zur startseite der redaktion",
        "ZUR STARTSEITE DER REDAKTION",
    ],
)
def test_extra_phrases_remove_line(line: str) -> None:
    story = STORIES["verkehr"]
    doc = build_doc(story, bottom=[line])
    opts = CleanOptions(extra_phrases={Reason.NAVIGATION: ["Zur Startseite der Redaktion"]})
    a = clean_text(doc.text, options=opts)
    assert_removed(a, line, {R.NAVIGATION})
    assert_body(a, doc)


def test_extra_phrases_are_whole_line() -> None:
    story = STORIES["verkehr"]
    prose = 'Wer auf "Zur Startseite der Redaktion" klickte, landete auf einer leeren Seite, berichteten mehrere Leser.'
    doc = build_doc(story, keep=[prose], keep_pos="mid")
    opts = CleanOptions(extra_phrases={Reason.NAVIGATION: ["Zur Startseite der Redaktion"]})
    a = clean_text(doc.text, options=opts)
    assert_kept(a, prose)
    assert_body(a, doc)


@pytest.mark.parametrize("line", ["Mit Material der Agenturen", "MIT MATERIAL DER AGENTUREN"])
def test_extra_phrases_for_source_label(line: str) -> None:
    story = STORIES["hochwasser"]
    doc = build_doc(story, bottom=[line])
    opts = CleanOptions(extra_phrases={Reason.SOURCE_LABEL: ["mit material der agenturen"]})
    a = clean_text(doc.text, options=opts)
    assert_removed(a, line, {R.SOURCE_LABEL})
    assert_body(a, doc)


LINE_RULES = [
    r
    for r in Reason
    if r not in (R.REPEATED_TITLE, R.DUPLICATE_PARAGRAPH, R.SITE_BOILERPLATE, R.LINE_MODEL)
]


@pytest.mark.parametrize("reason", LINE_RULES, ids=lambda r: r.value)
def test_extra_phrases_work_for_every_line_rule(reason: Reason) -> None:
    line = "Mit Material der Agenturen"
    doc = build_doc(STORIES["hochwasser"], bottom=[line])
    assert line in clean_text(doc.text).paragraphs  # not junk by default
    a = clean_text(doc.text, options=CleanOptions(extra_phrases={reason: [line.upper()]}))
    assert_removed(a, line, {reason})
    assert_body(a, doc)


@pytest.mark.parametrize("reason", LINE_RULES, ids=lambda r: r.value)
def test_extra_patterns_work_for_every_line_rule(reason: Reason) -> None:
    line = "Mit Material der Agenturen"
    doc = build_doc(STORIES["hochwasser"], bottom=[line])
    a = clean_text(
        doc.text, options=CleanOptions(extra_patterns={reason: [r"material der agentur"]})
    )
    assert_removed(a, line, {reason})
    assert_body(a, doc)


@pytest.mark.parametrize(
    "line", ["Promo code SAVE20", "PROMO CODE SAVE20", "promo code spring2026"]
)
@pytest.mark.parametrize("pos", ["mid", "bottom"])
def test_extra_patterns_remove_line(line: str, pos: str) -> None:
    story = STORIES["housing"]
    doc = place(story, pos, [line])
    opts = CleanOptions(extra_patterns={Reason.ADVERTISEMENT: [r"^promo code \w+$"]})
    a = clean_text(doc.text, options=opts)
    assert_removed(a, line, {R.ADVERTISEMENT})
    assert_body(a, doc)


def test_extra_patterns_do_not_touch_non_matching_prose() -> None:
    story = STORIES["housing"]
    prose = "The promo code SAVE20 was shared thousands of times on social media before it was withdrawn."
    doc = build_doc(story, keep=[prose], keep_pos="mid")
    opts = CleanOptions(extra_patterns={Reason.ADVERTISEMENT: [r"^promo code \w+$"]})
    a = clean_text(doc.text, options=opts)
    assert_kept(a, prose)
    assert_body(a, doc)


def test_extra_patterns_use_search_not_match() -> None:
    story = STORIES["glacier"]
    line = "This story was automatically generated from a wire feed."
    doc = build_doc(story, bottom=[line])
    opts = CleanOptions(extra_patterns={Reason.DISCLAIMER: [r"automatically generated"]})
    a = clean_text(doc.text, options=opts)
    assert_removed(a, line, {R.DISCLAIMER})
    assert_body(a, doc)


def test_cleaner_matches_clean_text() -> None:
    story = STORIES["summit"]
    doc = build_doc(
        story,
        top=["Home"],
        after_title=["By Jane Doe, Staff Writer"],
        mid=["Advertisement"],
        bottom=["Promo code SAVE20"],
    )
    opts = CleanOptions(extra_patterns={Reason.ADVERTISEMENT: [r"^promo code \w+$"]})
    cleaner = Cleaner(opts)
    a1 = cleaner.clean(doc.text)
    a2 = clean_text(doc.text, options=opts)
    assert a1 == a2
    assert cleaner.clean(doc.text) == a1  # reusable
    assert_body(a1, doc)


def test_clean_options_defaults_and_frozen() -> None:
    opts = CleanOptions()
    assert opts.keep == frozenset()
    assert not opts.extra_phrases and not opts.extra_patterns
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.keep = frozenset({Reason.ADVERTISEMENT})  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        pytest.param({"keep": frozenset({"nonsense"})}, "keep", id="keep-unknown-name"),
        pytest.param({"keep": {"nonsense"}}, "keep", id="keep-unknown-name-set"),
        pytest.param({"keep": frozenset({42})}, "keep", id="keep-int"),
        pytest.param(
            {"extra_patterns": {Reason.ADVERTISEMENT: ["("]}},
            "extra_patterns",
            id="bad-regex-paren",
        ),
        pytest.param(
            {"extra_patterns": {Reason.ADVERTISEMENT: ["[unclosed"]}},
            "extra_patterns",
            id="bad-regex-bracket",
        ),
        pytest.param(
            {"extra_patterns": {"nonsense": ["x"]}}, "extra_patterns", id="patterns-bad-key"
        ),
        pytest.param({"extra_patterns": {42: ["x"]}}, "extra_patterns", id="patterns-int-key"),
        pytest.param({"extra_phrases": {"nonsense": ["x"]}}, "extra_phrases", id="phrases-bad-key"),
        pytest.param({"extra_phrases": {None: ["x"]}}, "extra_phrases", id="phrases-none-key"),
        pytest.param(
            {"extra_phrases": {Reason.NAVIGATION: [42]}}, "extra_phrases", id="phrases-non-str"
        ),
        pytest.param(
            {"extra_patterns": {Reason.ADVERTISEMENT: [None]}},
            "extra_patterns",
            id="patterns-non-str",
        ),
    ],
)
def test_invalid_options_raise_options_error(kwargs: dict[str, Any], field: str) -> None:
    story = STORIES["summit"]
    with pytest.raises(OptionsError) as excinfo:
        clean_text("\n\n".join(story.paragraphs), options=CleanOptions(**kwargs))
    assert isinstance(excinfo.value, ValueError)
    assert field in str(excinfo.value)


def test_options_error_is_exported_and_a_value_error() -> None:
    assert newsclean.OptionsError is OptionsError
    assert issubclass(OptionsError, ValueError)


# ---------------------------------------------------------------------------
# Removal line numbers
# ---------------------------------------------------------------------------


def test_removal_line_numbers_point_at_input_lines() -> None:
    story = STORIES["glacier"]
    p = story.paragraphs
    wrapped = textwrap.wrap(p[1], 60, break_on_hyphens=False, break_long_words=False)
    assert len(wrapped) >= 3
    lines = [
        "Home",  # 1
        "",
        story.headline,  # 3
        "",
        story.headline,  # 5
        "",
        p[0],  # 7
        "",
        "Advertisement",  # 9
        "",
        *wrapped,  # 11 ..
        "",
        p[2],
        "",
        p[0],  # duplicate
        "",
        "© 2026 Northern Herald Ltd. All rights reserved.",
    ]
    dup_line = 11 + len(wrapped) + 3
    copyright_line = dup_line + 2
    a = clean_text("\n".join(lines) + "\n")
    check_article_shape(a)
    assert a.paragraphs == (p[0], p[1], p[2]), dump(a)  # the wrapped paragraph is re-joined
    got = [(r.line_no, r.reason) for r in a.removed]
    assert got == [
        (1, R.NAVIGATION),
        (3, R.REPEATED_TITLE),
        (5, R.REPEATED_TITLE),
        (9, R.ADVERTISEMENT),
        (dup_line, R.DUPLICATE_PARAGRAPH),
        (copyright_line, R.COPYRIGHT),
    ], dump(a)
    assert a.removed[0].line == "Home"
    assert a.removed[3].line == "Advertisement"


def test_removal_line_numbers_count_leading_blank_lines() -> None:
    story = STORIES["court"]
    text = (
        "\n\n\n"
        + "Skip to main content\n\n"
        + "\n\n".join([story.headline, *story.paragraphs])
        + "\n\nSource\n"
    )
    a = clean_text(text)
    nav = find_removals(a, "Skip to main content")
    assert nav and nav[0].line_no == 4, dump(a)
    src = find_removals(a, "Source")
    total = text.count("\n")
    assert src and src[0].line_no == total, dump(a)


def test_crlf_input_same_result_and_line_numbers() -> None:
    story = STORIES["housing"]
    doc = build_doc(story, top=["Home"], mid=["Advertisement"], bottom=["Tags: Housing, Mortgages"])
    a = clean_text(doc.text)
    b = clean_text(doc.text.replace("\n", "\r\n"))
    assert b.paragraphs == a.paragraphs
    assert [(r.line_no, r.reason) for r in b.removed] == [(r.line_no, r.reason) for r in a.removed]
    assert_body(b, doc)


# ---------------------------------------------------------------------------
# Mixed real-world page: every rule at once
# ---------------------------------------------------------------------------


def test_full_page_with_every_kind_of_junk() -> None:
    s = STORIES["summit"]
    p = s.paragraphs
    h1 = "Growing Frustration Over Diplomatic Deadlock"
    h2 = "Conclusion: A Pause, Not a Full Stop"
    closing = "The two delegations are due to meet again in April."
    related = [
        "Pensions Bill Clears First Hurdle in Parliament",
        "How the summit collapsed in three days",
        "Glacier Melt Threatens Alpine Water Supplies",
    ]
    disclaimer = (
        "Disclaimer: This article is based on publicly available news sources and official statements. "
        "It is intended for informational purposes only."
    )
    blocks: list[tuple[str, Reason | None]] = [
        ("Skip to main content", R.NAVIGATION),
        ("Home > World > Europe", R.NAVIGATION),
        (s.headline, R.REPEATED_TITLE),
        (s.headline, R.REPEATED_TITLE),
        ("By Jane Doe, Staff Writer", R.BYLINE),
        ("Published 12 March 2026, 10:14", R.TIMESTAMP),
        ("5 min read", R.TAGS_META),
        ("Share", R.SHARE_WIDGET),
        ("Photo: Jane Smith/Reuters", R.PHOTO_CREDIT),
        (p[0], None),
        (p[1], None),
        ("Advertisement", R.ADVERTISEMENT),
        (p[2], None),
        (h1, None),
        (p[3], None),
        ("Read more: How the summit collapsed in three days", R.RELATED_LINKS),
        (p[1], R.DUPLICATE_PARAGRAPH),
        ("***", R.DECORATION),
        (h2, None),
        (p[4], None),
        (closing, None),
        (disclaimer, R.DISCLAIMER),
        ("Tags: Diplomacy, Europe, Sanctions", R.TAGS_META),
        ("Related Articles", R.RELATED_LINKS),
        *[(h, R.RELATED_LINKS) for h in related],
        (
            "Sign up for our daily newsletter to get the biggest stories of the day in your inbox.",
            R.NEWSLETTER,
        ),
        ("Enter your email address", R.NEWSLETTER),
        ("Subscribe", R.NEWSLETTER),
        ("Comments (3)", R.COMMENTS_SCAFFOLD),
        ("Leave a comment", R.COMMENTS_SCAFFOLD),
        ("© 2026 Northern Herald Ltd. All rights reserved.", R.COPYRIGHT),
        (
            "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies.",
            R.COOKIE_NOTICE,
        ),
        ("Source", R.SOURCE_LABEL),
        ("hOME", R.NAVIGATION),
        ("Exit mobile version", R.NAVIGATION),
    ]
    text = "\n\n".join(b for b, _ in blocks)
    a = clean_text(text)
    check_article_shape(a)
    assert a.title == s.headline, dump(a)
    assert a.paragraphs == (p[0], p[1], p[2], h1, p[3], h2, p[4], closing), dump(a)
    assert a.headings == (h1, h2), dump(a)
    assert a.meta.get("author") == "Jane Doe"
    assert a.meta.get("date", "").startswith("2026-03-12")
    expected_removed = [
        (2 * i + 1, reason) for i, (_, reason) in enumerate(blocks) if reason is not None
    ]
    assert [(r.line_no, r.reason) for r in a.removed] == expected_removed, dump(a)


SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0ea4331d0d193fdf.txt"


@pytest.mark.skipif(not SEED.exists(), reason="seed document not present")
def test_seed_document() -> None:
    a = clean_text(SEED.read_text(encoding="utf-8"))
    check_article_shape(a)
    assert (
        a.title == "Trump Cancels Meeting With Putin Amid Stalled Negotiations and New Sanctions"
    ), dump(a)
    for heading in (
        "Growing Frustration Over Diplomatic Deadlock",
        "Conclusion: A Pause, Not a Full Stop",
        "New Sanctions on Russian Oil Giants",
    ):
        assert heading in a.paragraphs
    assert "Trump Cancels Meeting With Putin" not in a.paragraphs
    assert sum(r.reason == R.REPEATED_TITLE for r in a.removed) == 4, dump(a)
    assert_removed(a, "hOME", {R.NAVIGATION})
    assert_removed(a, "Source", {R.SOURCE_LABEL})
    assert_removed(a, "Exit mobile version", {R.NAVIGATION})
    disclaimer = [r for r in a.removed if r.line.startswith("Disclaimer:")]
    assert disclaimer and disclaimer[0].reason == R.DISCLAIMER
    # the dek ("White House Confirms Summit Cancellation") may or may not be kept as a heading
    first = next(
        i for i, x in enumerate(a.paragraphs) if x.startswith("Washington: In a major diplomatic")
    )
    assert first <= 1, dump(a)
    assert a.paragraphs[-1].startswith("The simultaneous imposition of sanctions"), dump(a)


# ---------------------------------------------------------------------------
# Single-newline layout (each block on its own line, no blank lines)
# ---------------------------------------------------------------------------

COMPACT_CASES = [
    junk(R.NAVIGATION, "Home", "top"),
    junk(R.NAVIGATION, "Startseite", "top", "de"),
    junk(R.SHARE_WIDGET, "Share this article", "after_title"),
    junk(R.ADVERTISEMENT, "Advertisement", "mid"),
    junk(R.ADVERTISEMENT, "Publicité", "mid", "fr"),
    junk(R.NEWSLETTER, "Sign up for our newsletter", "bottom"),
    junk(R.COMMENTS_SCAFFOLD, "Leave a comment", "bottom"),
    junk(R.COOKIE_NOTICE, "Accept all cookies", "top"),
    junk(R.COPYRIGHT, "© 2026 Northern Herald Ltd. All rights reserved.", "bottom"),
    junk(R.DISCLAIMER, "Disclaimer: This article is for informational purposes only.", "bottom"),
    junk(R.PHOTO_CREDIT, "Photo: Jane Smith/Reuters", "after_title"),
    junk(R.TAGS_META, "Tags: Ukraine, Russia, Sanctions", "bottom"),
    junk(R.SOURCE_LABEL, "Fuente", "bottom", "es"),
    junk(R.BYLINE, "By Jane Doe, Staff Writer", "after_title"),
    junk(R.TIMESTAMP, "Published 12 March 2026, 10:14", "after_title"),
    junk(R.DECORATION, "***", "mid"),
    junk(R.RELATED_LINKS, "READ MORE: Pensions Bill Clears First Hurdle in Parliament", "mid"),
]


@pytest.mark.parametrize("case", COMPACT_CASES)
def test_junk_removed_in_single_newline_layout(case: Junk) -> None:
    story = pick_story(case.lang, case.line, case.story)
    doc = place(story, case.pos, [case.line], sep="\n")
    a = clean_text(doc.text)
    assert_removed(a, case.line, case.reasons)
    assert_body(a, doc)


def test_lookalikes_kept_in_single_newline_layout() -> None:
    story = STORIES["housing"]
    keepers = [
        "Home prices rose for a third month.",
        "Shares in Acme fell 4% on Tuesday.",
        "By the end of the year, the company expects to have hired 200 engineers.",
    ]
    doc = build_doc(story, sep="\n", keep=keepers, keep_pos="mid")
    a = clean_text(doc.text)
    for k in keepers:
        assert_kept(a, k)
    assert_body(a, doc)


# ---------------------------------------------------------------------------
# Bad and extreme input
# ---------------------------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@pytest.mark.parametrize("text", ["", "   \n\n ", "\n", "\n\n\n\n", "\t \r\n \t"], ids=repr)
def test_empty_or_blank_input(text: str) -> None:
    a = clean_text(text)
    check_article_shape(a)
    assert a.paragraphs == ()
    assert a.text == ""
    assert a.title is None
    assert a.headings == ()


def test_single_line_input() -> None:
    line = STORIES["glacier"].paragraphs[0]
    for text in (line, line + "\n"):
        a = clean_text(text)
        check_article_shape(a)
        assert a.paragraphs == (line,), dump(a)


def test_single_short_line_input() -> None:
    a = clean_text("Rain Ends Drought")
    check_article_shape(a)
    assert a.title == "Rain Ends Drought" or a.paragraphs == ("Rain Ends Drought",), dump(a)


def test_no_newline_at_all() -> None:
    text = " ".join(STORIES["court"].paragraphs[:3])
    a = clean_text(text)
    check_article_shape(a)
    assert a.paragraphs == (text,), dump(a)


def test_nul_bytes_and_control_characters() -> None:
    story = STORIES["summit"]
    p = story.paragraphs
    cut = p[0].index(" ", 60)
    p0 = p[0][:cut] + " \x00" + p[0][cut:]
    p1 = p[1] + "\x07\x1b"
    p2 = "\x08" + p[2].replace(" ", " \x01", 1)
    text = "\n\n".join([story.headline, story.headline, p0, p1, p2, "\x00", p[3] + "\x7f", p[4]])
    a = clean_text(text)
    check_article_shape(a)
    assert not CONTROL.search(a.text), repr(a.text[:200])
    assert not any(
        CONTROL.search(x) for x in (*a.paragraphs, *(r.line for r in a.removed), a.title or "")
    )
    # control characters are dropped (or turned into spaces): the prose itself survives
    assert [norm(x) for x in a.paragraphs] == [norm(x) for x in p], dump(a)
    assert a.title == story.headline


def test_one_megabyte_single_line() -> None:
    sentence = STORIES["cycling"].paragraphs[1] + " "
    line = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    a = clean_text(line)
    check_article_shape(a)
    assert a.paragraphs, "a megabyte of prose is not junk"


def test_one_megabyte_without_whitespace() -> None:
    a = clean_text("x" * 1_000_000)
    check_article_shape(a)


def test_very_long_token_inside_prose() -> None:
    """Scraped text sometimes carries inline data URIs or tracking blobs thousands of characters long."""
    story = STORIES["glacier"]
    blob = (
        "The image was embedded as data:image/png;base64,"
        + "A" * 6000
        + " in the original page, the researchers said."
    )
    doc = build_doc(story, keep=[blob], keep_pos="mid")
    a = clean_text(doc.text)
    check_article_shape(a)
    for p in story.paragraphs:
        assert p in a.paragraphs, dump(a)


def test_one_megabyte_of_punctuation() -> None:
    a = clean_text("*-" * 500_000)
    check_article_shape(a)


def test_five_megabytes_of_text() -> None:
    paras = [p for s in STORIES.values() for p in s.paragraphs]
    blocks: list[str] = []
    size = 0
    i = 0
    while size < 5_000_000:
        block = f"Dispatch {i}: {paras[i % len(paras)]}"
        blocks.append(block)
        size += len(block) + 2
        i += 1
    a = clean_text("\n\n".join(blocks))
    check_article_shape(a)
    assert a.paragraphs
    assert blocks[0] in a.paragraphs


@pytest.mark.parametrize(
    ("value", "type_name"),
    [
        (b"x", "bytes"),
        (bytearray(b"x"), "bytearray"),
        (None, "NoneType|None"),
        (123, "int"),
        (["Home"], "list"),
    ],
    ids=["bytes", "bytearray", "None", "int", "list"],
)
def test_non_str_input_raises_input_error(value: Any, type_name: str) -> None:
    with pytest.raises(InputError, match=type_name) as excinfo:
        clean_text(value)
    assert isinstance(excinfo.value, TypeError)
    assert isinstance(excinfo.value, ValueError)
    assert isinstance(excinfo.value, InputTypeError)
    with pytest.raises(InputError, match=type_name):
        Cleaner(CleanOptions()).clean(value)


# ---------------------------------------------------------------------------
# One removal test and one look-alike test over every rule's table
# ---------------------------------------------------------------------------


def _params(tables: dict[str, list[Any]]) -> list[Any]:
    """Every case of every rule's table, with the rule name in the test id."""
    out = []
    for rule, cases in tables.items():
        for i, c in enumerate(cases):
            if hasattr(c, "values") and hasattr(c, "marks"):  # already a pytest.param
                out.append(pytest.param(*c.values, id=f"{rule}-{c.id or i}", marks=c.marks))
            else:
                out.append(pytest.param(c, id=f"{rule}-{i}"))
    return out


# ---------------------------------------------------------------------------
# session 8: forms seen on the development pages of batches 37-39, written as
# general entries (a label, a closing button, a policy's wording)
# ---------------------------------------------------------------------------

FORMS_JUNK = [
    junk(R.TIMESTAMP, "Publié à 6 h 12 HNE", "after_title", "fr"),
    junk(R.TIMESTAMP, "Mis à jour à 9 h 40 HNE", "after_title", "fr"),
    junk(R.NAVIGATION, "7 min 32 s", "mid"),
    junk(R.NAVIGATION, "See all events →", "bottom"),
    junk(R.NAVIGATION, "View all obituaries", "bottom"),
    junk(R.ADVERTISEMENT, "Inzercia", "mid"),
    junk(R.COMMENTS_SCAFFOLD, "Voir les contributions (42)", "bottom", "fr"),
    junk(
        R.COPYRIGHT,
        "Todos los derechos reservados. Prohibida su reproducción total o parcial sin autorización escrita.",
        "bottom",
        "es",
    ),
    junk(R.PHOTO_CREDIT, "Image caption, A section of the wall collapsed during the storm", "mid"),
    junk(R.PHOTO_CREDIT, "Bildunterschrift: Der Vorstand übernimmt den Schlüssel. Bildrechte: SRW", "mid", "de"),
    junk(R.PHOTO_CREDIT, "Tea samples laid out for tasting at a broking house. Pic by Kushan Pathiraja", "mid"),
    junk(R.SOURCE_LABEL, "Avec les informations de Pierre-Luc Bouchard et de La Presse canadienne", "bottom", "fr"),
    junk(R.NEWSLETTER, "Chaque matin, l'essentiel de l'actualité sélectionné par la rédaction. S'inscrire", "bottom", "fr"),
    junk(R.BOILERPLATE, "Este trabajo forma parte de la alianza #SinLuz entre medios independientes.", "bottom", "es"),
    junk(R.BOILERPLATE, "¿Te gusta nuestro trabajo? El periodismo independiente se sostiene gracias a lectores como tú.", "bottom", "es"),
    junk(R.BOILERPLATE, "Über dieses Thema berichtet SRW auch im Radio: SRW 4 am Nachmittag, 16:10 Uhr.", "bottom", "de"),
    junk(R.BOILERPLATE, "Hazte suscriptor y accede a todas las noticias por solo 1 euro el primer mes.", "bottom", "es"),
    junk(R.COMMENTS_SCAFFOLD, "Conversations are opinions of our readers and are subject to the Code of Conduct.", "bottom"),
    junk(R.DISCLAIMER, "Nos journalistes respectent les Normes et pratiques journalistiques de Radio-Boréal.", "bottom", "fr"),
    junk(R.DISCLAIMER, "We aim to be accurate and fair. If you have spotted an error, please see our corrections policy.", "bottom"),
    junk(R.ADVERTISEMENT, "Support comes from Heartland Co-op, serving farmers across Iowa since 1907.", "mid"),
]

FORMS_KEEP = [
    # The same words in the story's prose.
    keep("Le bus respecte le code de la route à 100 %, mais les automobilistes un peu moins.", lang="fr"),
    keep(
        "En los grupos del barrio los comentarios son siempre los mismos: que amplíen la capacidad.",
        lang="es",
    ),
    keep("The exhibition includes a photo by Ansel Adams that has never been shown in the city."),
    keep("About 300 residents have already signed up, and the council expects more to sign up."),
    keep("The city offers monthly bus passes for only 10 euros to students and pensioners."),
    keep("Support for the plan has come from both parties on the council, the mayor said."),
]


# ---------------------------------------------------------------------------
# session 9: forms seen on the development pages of batches 43-45
# ---------------------------------------------------------------------------

FORMS9_JUNK = [
    junk(R.PHOTO_CREDIT, "The partially demolished clarifier at the plant in Gore. Photo / Supplied", "mid"),
    junk(R.PHOTO_CREDIT, "The Black Lion in Llanfihangel-y-Creuddyn. Photo via Cymdeithas Y Llew Du", "mid"),
    junk(R.PHOTO_CREDIT, "Celulares apreendidos em Foz do Iguaçu (imagem: Divulgação/Receita Federal)", "mid"),
    junk(R.RELATED_LINKS, "Für Sie empfohlen", "bottom", "de"),
    junk(R.RELATED_LINKS, "OFFERTE DI LAVORO", "bottom"),
    junk(R.RELATED_LINKS, "LEA TAMBIÉN La Xunta adelanta la apertura del marisqueo en Cambados", "mid", "es"),
    junk(R.RELATED_LINKS, "À lire sur le sujet Sardine : la pêche bretonne retrouve des couleurs", "mid", "fr"),
    junk(R.NAVIGATION, "Regarder sur Auvio", "mid", "fr"),
    junk(R.NAVIGATION, "2 min 48", "mid"),
    junk(R.ADVERTISEMENT, "A MESSAGE FROM OUR SPONSOR", "mid"),
    junk(R.ADVERTISEMENT, "Interested in sponsoring The Weekly Brief? Reply to this email.", "bottom"),
    junk(R.ADVERTISEMENT, "Pubblica il tuo annuncio", "bottom"),
    junk(R.BOILERPLATE, "Queenstown 17° Fine", "top"),
    junk(R.SOURCE_LABEL, "Journal reference:", "bottom"),
    junk(R.DISCLAIMER, "Disclosure: The Ledger may hold positions in some of the assets mentioned.", "bottom"),
    junk(R.DISCLAIMER, "Some links in this article are affiliate links. We may earn a commission.", "bottom"),
    junk(R.DISCLAIMER, "O site pode receber uma comissão por compras feitas a partir dos links desta página.", "bottom"),
    junk(R.DISCLAIMER, "Zastrzeżenie: Informacje w artykule nie stanowią porady inwestycyjnej.", "bottom"),
    junk(R.NEWSLETTER, "Welcome back to The Weekly Brief, a weekly look at the fights over tech regulation.", "top"),
    junk(R.NEWSLETTER, "Support student journalism. The Ledger is an independent, student-run newspaper.", "bottom"),
    junk(R.NEWSLETTER, "For the price of a cup of coffee a month you can help us report on Wales.", "bottom"),
    junk(R.NEWSLETTER, "Local journalism like this depends on you. Become a member for $5 a month.", "bottom"),
    junk(R.NEWSLETTER, "VilaWeb és possible gràcies a més de 30.000 subscriptors.", "bottom"),
    junk(R.TIMESTAMP, "27 Nov 2026 3 minute read", "after_title"),
]

FORMS9_KEEP = [
    keep("Watch on the quay", heading=None),
    keep("Disclosure of the payments was required by the regulator, the court heard on Tuesday."),
    keep("The festival is possible thanks to 300 volunteers and local businesses, Ms Grant said."),
    keep("Under the scheme, shops may earn a commission on every ticket sold through the links, the council said."),
    keep("Journalism like this depends on you, she told the students at the award ceremony in Leeds."),
    keep("Welcome back to Dundee, a city that has reinvented itself around its waterfront and museum."),
    keep("Temperatures hit 13° in Gore on Tuesday, the warmest November day on record there."),
    keep("Lea también el informe completo del ministerio, que se publicará el lunes.", lang="es"),
    keep("The photo was taken in 1962. Photo via the family archive shows the mill before the fire."),
    # A citation alone under the story (not under a "Journal reference" label) is the writer's.
    keep("Nature Sustainability, 2026. DOI: 10.1038/s41893-026-01877-4", "bottom"),
]


# Session 10 (batches 49-51): general forms, each with a look-alike below.
FORMS10_JUNK = [
    junk(R.RELATED_LINKS, "LEÉ TAMBIÉN: La tabla de los promedios, fecha por fecha", "mid", "es"),
    junk(R.RELATED_LINKS, "RELATED FACT CHECK: No, stamps are not going up to $1.25 on Dec. 1", "mid"),
    junk(R.BOILERPLATE, "Contactos para a imprensa:", "bottom"),
    junk(
        R.DISCLAIMER,
        "A ComunicaPT não é responsável pelo conteúdo dos comunicados publicados, "
        "que é da exclusiva responsabilidade das entidades que os emitem.",
        "bottom",
    ),
    junk(R.DISCLAIMER, "PR Wire is not responsible for the content of press releases it distributes.", "bottom"),
    junk(R.NEWSLETTER, "Ontvang elke vrijdag het beste nieuws in je mailbox. Schrijf je in!", "mid"),
    junk(R.NEWSLETTER, "テックの窓のメールマガジン「週刊セキュリティ」を購読する（無料）", "bottom"),
    junk(R.TAGS_META, "（编辑：王磊）", "bottom"),
    junk(R.DISCLAIMER, "【免责声明】本文仅代表作者本人观点，与本站无关。", "bottom"),
    junk(R.PHOTO_CREDIT, "▲ 은혜샘교회 성도들이 19일 교회 마당에서 절인 배추에 양념을 버무리고 있다. ⓒ기독공동체신문", "mid"),
    junk(R.PHOTO_CREDIT, "서울 광화문광장에서 시민들이 행진하고 있다. (사진=연합뉴스)", "mid"),
    junk(R.NAVIGATION, "[ Print ] [ Close ]", "bottom"),
    junk(R.NAVIGATION, "Enter ZIP code [ Go ]", "mid"),
    junk(R.NAVIGATION, "[Photo not available in print view]", "mid"),
]
FORMS10_KEEP = [
    keep("[Editor's note: This story was updated on Tuesday to add the council's reply.]", heading=None),
    keep("The report [PDF] is available online from the council's website, the mayor said."),
    keep("Sciopero generale dei trasporti, Italia a singhiozzo: treni cancellati e metro chiuse. LA DIRETTA", heading=None),
    keep("(c) heritage home-stays in buildings more than seventy-five years old."),
    keep(
        "The city says anyone on the waitlist will be contacted by email, and residents can sign up "
        "for the sustainability office's newsletter to hear when the second round opens."
    ),
    keep("The agency said it is not responsible for the content of the leaked press releases, a spokesman said."),
    keep("A Ana não é responsável pelo conteúdo dos comunicados, disse o tribunal na terça-feira.", lang="es"),
    keep("Bewoners ontvangen elke vrijdag een brief in hun mailbox over de werkzaamheden, zei de wethouder.", lang="de"),
]


JUNK_TABLES: dict[str, list[Any]] = {
    "navigation": NAVIGATION_JUNK,
    "share_widget": SHARE_JUNK,
    "related_inline_read_more": INLINE_READ_MORE,
    "advertisement": AD_JUNK,
    "newsletter": NEWSLETTER_JUNK,
    "comments_scaffold": COMMENTS_JUNK,
    "copyright": COPYRIGHT_JUNK,
    "disclaimer": DISCLAIMER_JUNK,
    "photo_credit": PHOTO_JUNK,
    "tags_meta": TAGS_JUNK,
    "source_label": SOURCE_JUNK,
    "byline": BYLINE_JUNK,
    "timestamp": TIMESTAMP_JUNK,
    "decoration": DECORATION_JUNK,
    "session8_forms": FORMS_JUNK,
    "session9_forms": FORMS9_JUNK,
    "session10_forms": FORMS10_JUNK,
}
KEEP_TABLES: dict[str, list[Any]] = {
    "navigation": NAVIGATION_KEEP,
    "share_widget": SHARE_KEEP,
    "related": RELATED_KEEP,
    "advertisement": AD_KEEP,
    "newsletter": NEWSLETTER_KEEP,
    "comments": COMMENTS_KEEP,
    "cookie": COOKIE_KEEP,
    "copyright": COPYRIGHT_KEEP,
    "disclaimer": DISCLAIMER_KEEP,
    "photo_credit": PHOTO_KEEP,
    "tags_meta": TAGS_KEEP,
    "source_label": SOURCE_KEEP,
    "decoration": DECORATION_KEEP,
    "structural": STRUCTURE_KEEP,
    "session8_forms": FORMS_KEEP,
    "session9_forms": FORMS9_KEEP,
    "session10_forms": FORMS10_KEEP,
}


@pytest.mark.parametrize("case", _params(JUNK_TABLES))
def test_junk_removed(case: Junk) -> None:
    run_junk(case)


@pytest.mark.parametrize("case", _params(KEEP_TABLES))
def test_lookalike_kept(case: Keep) -> None:
    run_keep(case)


# ---------------------------------------------------------------------------
# pull quotes, time-only stamps, a <title> with a site suffix
# ---------------------------------------------------------------------------


def test_pull_quote_repeating_a_body_sentence_removed() -> None:
    story = pick_story("en", "pull", "court")
    p = story.paragraphs
    sentence = re.split(r"(?<=[.!?])\s+", p[1])[0]
    assert len(sentence.split()) >= 6, sentence
    pull = f"“{sentence}”"
    doc = build_doc(story, mid=[pull])
    a = clean_text(doc.text)
    assert_removed(a, pull, {R.DUPLICATE_PARAGRAPH})
    assert_body(a, doc)


@pytest.mark.parametrize("line", ["11.58 GMT", "Updated at 12.10 GMT", "1:12", "02:13:05"])
def test_time_alone_on_a_line_removed(line: str) -> None:
    story = pick_story("en", line, "housing")
    doc = place(story, "mid", [line])
    a = clean_text(doc.text)
    assert_removed(a, line, {R.TIMESTAMP})
    assert_body(a, doc)


def test_live_blog_entry_time_with_am_pm_kept() -> None:
    story = pick_story("en", "live", "housing")
    doc = build_doc(story, keep=["11:40 a.m."], keep_pos="mid")
    a = clean_text(doc.text)
    assert_kept(a, "11:40 a.m.")


def test_page_title_in_another_wording_removed_and_headline_wins() -> None:
    story = pick_story("en", "title", "court")
    page_title = "Court Ruling Stuns Town | The Daily Ledger"
    doc = build_doc(story, top=["Skip to content", page_title, "News", "Local"])
    a = clean_text(doc.text)
    assert a.title == story.headline, dump(a)
    assert_removed(a, page_title, {R.REPEATED_TITLE, R.NAVIGATION})
    assert_body(a, doc)


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize(
    "items",
    [
        ["Radio astronomers find a mystery object that pulses every eighteen minutes"],
        ["1. Metro line closes three stations for a month of overnight works", "2. Water bills rise again"],
    ],
)
def test_heading_after_a_related_list_is_kept(sep: str, items: list[str]) -> None:
    """The story resumes after a related list: its heading is no related headline."""
    story = pick_story("en", "resume" + sep, "court")
    heading = "What the jury heard" if len(items) == 1 else "The Defence Case"
    p = story.paragraphs
    text = sep.join([story.headline, p[0], p[1], "Further Reading", *items, heading, p[2], p[3]])
    a = clean_text(text + "\n")
    for line in ("Further Reading", *items):
        assert_removed(a, line, {R.RELATED_LINKS})
    assert_kept(a, heading)
    assert heading in a.headings, dump(a)


@pytest.mark.parametrize(
    "line",
    [
        "Paylaş: Facebook | X | WhatsApp | Telegram | E-posta",
        "Bagikan: Facebook Twitter WhatsApp Telegram Salin Link",
        "Artikel teilen: Facebook | WhatsApp | E-Mail | Drucken",
    ],
)
def test_share_bar_with_a_label_in_any_language(line: str) -> None:
    """Three network names make a share bar whatever the language of its label."""
    story = pick_story("en", "share-any", "court")
    p = story.paragraphs
    a = clean_text("\n\n".join([story.headline, p[0], line, p[1], p[2], p[3]]))
    assert_removed(a, line, {R.SHARE_WIDGET})


def test_sentence_naming_three_networks_is_kept() -> None:
    story = pick_story("en", "share-sentence", "court")
    p = story.paragraphs
    line = "Facebook, WhatsApp and Telegram were blocked for six hours on Monday."
    a = clean_text("\n\n".join([story.headline, p[0], line, p[1], p[2], p[3]]))
    assert_kept(a, line)


def test_page_title_with_author_and_site_suffix_gives_the_bare_headline() -> None:
    story = pick_story("en", "title-author", "court")
    page_title = f"{story.headline} | Harriet Lowe | The Daily Ledger"
    doc = build_doc(story, top=["Skip to content", page_title, "Opinion", story.headline])
    a = clean_text(doc.text)
    assert a.title == story.headline, dump(a)
    assert_body(a, doc)


@pytest.mark.parametrize(
    "suffix", [" - The Margin", " - by Nora Whitfield - The Margin", " – The Margin"]
)
def test_headline_ending_in_a_full_stop_under_its_page_title(suffix: str) -> None:
    """A headline that reads as a sentence ("... what I actually missed.") is
    still the headline when the page's <title> above it is the same words with
    a site (and author) suffix; the title keeps its full stop."""
    story = pick_story("en", "title-full-stop" + suffix, "court")
    headline = "I stopped reading the news for 30 days. Here's what I actually missed."
    p = story.paragraphs
    text = "\n\n".join(["The Margin", "Subscribe", headline + suffix, headline, *p])
    a = clean_text(text)
    assert a.title == headline, dump(a)
    assert a.paragraphs == tuple(p), dump(a)


ZH_BODY = [
    "本报讯（记者 李佳琪）11月26日，记者从新闻发布会上获悉，第二十八届冰雪大世界将于12月18日正式开园，园区总面积扩大至100万平方米。",
    "目前，园区建设已进入冲刺阶段。每天有约1万名工人在现场作业，从松花江采集的冰块正被陆续运往园区。",
    "今年的冰雪大世界围绕“冰雪同梦”主题，新增三大主题区，并延长夜间开放时间至晚上十点。",
    "园区负责人介绍，为缩短排队时间，今年将首次实行分时段预约入园，游客可提前七天在官方平台预约。",
]


def test_chinese_portal_title_with_underscore_site_parts() -> None:
    """"标题_新闻频道_华北网" above a menu and the on-page headline: the headline
    is found from its two copies (CJK headlines are one or two long "words"),
    and the menu between them goes."""
    headline = "哈尔滨冰雪大世界12月18日开园 今年新增三大主题区"
    text = "\n".join(
        [f"{headline}_新闻频道_华北网", "首页 新闻 财经 体育 娱乐 科技 汽车 房产 旅游 视频 客户端", headline, *ZH_BODY]
    )
    a = clean_text(text)
    assert a.title == headline, dump(a)
    assert a.paragraphs == tuple(ZH_BODY), dump(a)


def test_cjk_full_stop_ends_a_related_list() -> None:
    """A related list ends at a sentence closed by "。": the story goes on."""
    story = pick_story("en", "cjk-related")
    lead = "県が示した対策の柱は次の三つだ。"
    p = story.paragraphs
    a = clean_text("\n".join([story.headline, p[0], p[1], "関連記事", "クマが市街地に出る理由　専門家が指摘", lead, p[2], p[3]]))
    assert_kept(a, lead)
    assert "クマが市街地に出る理由　専門家が指摘" not in a.paragraphs


def test_kicker_in_the_page_title_gives_the_on_page_headline() -> None:
    story = pick_story("en", "title-kicker", "court")
    kicker = "Council Vote"
    page_title = f"{kicker}: {story.headline} | The Daily Ledger"
    doc = build_doc(story, top=["Skip to content", page_title, kicker, story.headline])
    a = clean_text(doc.text)
    assert a.title == story.headline, dump(a)


@pytest.mark.parametrize(
    "item",
    [
        "Floods of 2021: five years on, where is the rebuilding at?",
        "Floods of 2021: five years on, how far has the rebuilding of the valley towns got ?",
    ],
)
def test_related_headline_asking_a_question(item: str) -> None:
    story = pick_story("en", "related-question", "court")
    p = story.paragraphs
    a = clean_text("\n\n".join([story.headline, p[0], p[1], "Read also", item, p[2], p[3]]))
    assert_removed(a, item, {R.RELATED_LINKS})
    assert_body_paragraphs = [p[0], p[1], p[2], p[3]]
    for para in assert_body_paragraphs:
        assert_kept(a, para)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Publisert 27.11.2026 11:32", "2026-11-27T11:32"),
        ("Sist oppdatert 27.11.2026 14:05", "2026-11-27T14:05"),
        ("Giriş: 24.11.2026 09:14", "2026-11-24T09:14"),
        ("Atualizado a 22 nov 2026, 10:12", "2026-11-22T10:12"),
        ("Updated April 9 2024 - 5:30pm, first published 4:15pm", "2024-04-09T17:30"),
    ],
)
def test_time_stamp_with_a_label_in_any_language(line: str, iso: str) -> None:
    from newsclean.clean.meta import MetaParser

    ts = MetaParser.builtin().parse_timestamp(line)
    assert ts is not None and ts.iso == iso, ts


@pytest.mark.parametrize(
    "line", ["Deadline 27.11.2026", "Meeting at 27.11.2026 11:32 in the town hall"]
)
def test_not_a_time_stamp(line: str) -> None:
    from newsclean.clean.meta import MetaParser

    assert MetaParser.builtin().parse_timestamp(line) is None


def test_author_box_under_the_story_is_removed() -> None:
    story = pick_story("en", "author-box", "court")
    p = story.paragraphs
    name, bio = "Lucia Ferrer", "Reporter covering regional economies and the environment since 2014."
    text = "\n\n".join(
        [story.headline, f"By {name}", p[0], p[1], p[2], p[3], name, bio, "Most read"]
    )
    a = clean_text(text)
    assert_removed(a, bio, {R.BOILERPLATE})
    assert name not in a.paragraphs, dump(a)
    for para in p[:4]:
        assert_kept(a, para)


def test_author_bio_in_the_third_person_is_removed_but_not_other_people() -> None:
    story = pick_story("en", "author-bio", "court")
    p = story.paragraphs
    bio = "Harriet Lowe is a columnist and the author of Small Places. She lives in the Dales."
    other = "Tom Reyes is a farmer who has opposed the plan since it was first proposed."
    text = "\n\n".join([story.headline, "By Harriet Lowe", p[0], other, p[1], p[2], p[3], bio])
    a = clean_text(text)
    assert_removed(a, bio, {R.BOILERPLATE})
    assert_kept(a, other)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2026.11.27. 17:05", "2026-11-27T17:05"),
        ("2026年11月27日(金) 17:05", "2026-11-27T17:05"),
        ("2026년 11월 27일 17:05", "2026-11-27T17:05"),
        ("Thứ năm, 26/11/2026, 11:42 (GMT+7)", "2026-11-26T11:42"),
        ("نُشر في: 26 نوفمبر 2026 - 14:20 بتوقيت مكة", "2026-11-26T14:20"),
    ],
)
def test_time_stamps_of_more_scripts(line: str, iso: str) -> None:
    from newsclean.clean.meta import MetaParser

    ts = MetaParser.builtin().parse_timestamp(line)
    assert ts is not None and ts.iso == iso, ts


def test_fold_treats_turkish_capital_i_as_i() -> None:
    from newsclean.clean.lexicon import fold, line_key

    assert fold("İLGİLİ HABERLER") == fold("ilgili haberler") == "ilgili haberler"
    assert line_key("İlgili Haberler") == "ilgili haberler"


@pytest.mark.parametrize(
    ("page_title", "title"),
    [
        ("الأردن يضع حجر الأساس لمشروع تحلية المياه في العقبة | الشرق اليوم",
         "الأردن يضع حجر الأساس لمشروع تحلية المياه في العقبة"),
        ("路線バス、運転手不足で減便相次ぐ\u3000全国の事業者の６割「維持困難」：毎朝新聞デジタル",
         "路線バス、運転手不足で減便相次ぐ\u3000全国の事業者の６割「維持困難」"),
        ("Brno zavede noční tramvajovou linku do Bystrce - Novinky z Moravy",
         "Brno zavede noční tramvajovou linku do Bystrce"),
    ],
)
def test_site_suffix_in_any_script(page_title: str, title: str) -> None:
    from newsclean.clean.cleaner import _site_tail

    cut = _site_tail(page_title)
    assert cut is not None and page_title[:cut].rstrip() == title


def test_japanese_paragraphs_count_as_paragraphs() -> None:
    """Text without spaces is measured in characters, so a one-sentence
    Japanese paragraph at the end of the story is no page furniture."""
    body = [
        "全国のバス事業者の約６割が、運転手不足のために路線の維持が難しいと答えたことが、業界団体の調査で分かった。",
        "調査は今年９月から１０月にかけて実施され、全国の路線バス事業者２１０社が回答した。減便や路線の廃止に踏み切った事業者も多い。",
        "国土交通省は、運転手の確保に向けた支援策を来年度予算に盛り込む方針だ。",
        "協会は年明けにも、国に対して外国人運転手の受け入れ拡大などを求める要望書を提出する予定だ。",
    ]
    text = "\n\n".join(["ニュース\u3000速報\u3000政治\u3000経済", "路線バス、運転手不足で減便相次ぐ", *body, "広告"])
    a = clean_text(text)
    for para in body:
        assert para in a.paragraphs, dump(a)
    assert "広告" not in a.paragraphs


def test_ideographic_space_is_kept_inside_a_line() -> None:
    line = "路線バス、運転手不足で減便相次ぐ\u3000全国の事業者の６割が「維持困難」と回答した。"
    a = clean_text(line + "\n\n" + line.replace("路線バス", "高速バス"))
    assert a.paragraphs[0] == line


# ---------------------------------------------------------------------------
# session 6: page header, media players, split captions, titles
# ---------------------------------------------------------------------------


def _paras(story: Story) -> str:
    return "\n\n".join(story.paragraphs)


def test_ticker_above_the_headline_goes_whatever_its_length() -> None:
    story = STORIES["summit"]
    ticker = (
        "LIVE | Markets slide as oil jumps past 90 dollars a barrel on supply fears "
        "| Storm warning for the north coast until Friday evening"
    )
    text = f"{story.headline} | The Courier\n\n{ticker}\n\n{story.headline}\n\n{_paras(story)}"
    a = clean_text(text)
    assert a.title == story.headline
    assert_removed(a, ticker, None)
    assert a.paragraphs == story.paragraphs, dump(a)


@pytest.mark.parametrize(
    "line",
    [
        "▶ Vídeo: moradores usam barcos para sair de casa em Camaragibe",
        "📺 WATCH: Moment the gnomes were found on the seafront 0:00 / 1:24",
        "Listen to this article 0:00 / 7:12 Audio generated by AI voice",
    ],
)
def test_media_player_lines_removed(line: str) -> None:
    doc = build_doc(STORIES["summit"], mid=[line])
    a = clean_text(doc.text)
    assert_removed(a, line, None)
    assert_body(a, doc)


def test_bullet_with_play_mark_is_no_player_when_a_sentence() -> None:
    line = "► Bei Sachen bis 500 Euro Wert: fünf Prozent."
    doc = build_doc(STORIES["summit"], keep=[line])
    a = clean_text(doc.text)
    assert_kept(a, line)


def test_caption_split_from_its_credit_above_the_byline() -> None:
    story = STORIES["summit"]
    caption = "The old conference hall was renovated in 1985."
    text = "\n\n".join(
        [
            story.headline,
            "Photo: Anna Berger/Reuters",
            caption,
            "By Jane Doe",
            "Published 12 March 2026, 10:14",
            _paras(story),
        ]
    )
    a = clean_text(text)
    assert_removed(a, caption, {R.PHOTO_CREDIT})
    assert a.paragraphs == story.paragraphs, dump(a)


def test_lowercase_byline_is_not_joined_to_the_headline() -> None:
    story = STORIES["summit"]
    text = "\n".join(
        [story.headline + " | The Courier", story.headline, "by Marcus Delgado, KVTR Staff", *story.paragraphs]
    )
    a = clean_text(text)
    assert a.title == story.headline, dump(a)
    assert a.meta.get("author") == "Marcus Delgado", dump(a)


def test_question_headline_found() -> None:
    story = STORIES["summit"]
    q = "Will the two leaders ever meet again this year?"
    text = "\n\n".join([f"{q} | The Courier", "Home | World | Politics | Business | Sport", q, _paras(story)])
    a = clean_text(text)
    assert a.title == q, dump(a)
    assert a.paragraphs == story.paragraphs, dump(a)


# -- session 7: titles and boxes in more page shapes ---------------------------


def test_lower_case_site_name_after_a_dash_is_a_suffix() -> None:
    """ "Headline? - Jihlavský deník" over the bare "Headline?": the site's name
    is cut even in sentence case after " - ", because the bare copy is there."""
    story = STORIES["summit"]
    head = story.headline + "?"
    doc_text = "\n\n".join(
        ["Menu  News  Sport", f"{head} - Jihlavský deník", "News › Region", head, *story.paragraphs]
    )
    a = clean_text(doc_text)
    assert a.title == head, dump(a)
    for p in story.paragraphs:
        assert p in a.paragraphs


def test_summary_label_does_not_take_the_headline_above_it() -> None:
    """An "AI SUMMARY" label, its bullets and its note: the headline and the
    standfirst above the label stay what they are."""
    story = STORIES["summit"]
    dek = "The talks were called off after a week of sharp exchanges, officials said on Friday."
    lines = [
        "Markets  Companies  Economy  Opinion",
        "PREMIUM",
        story.headline,
        dek,
        "AI SUMMARY",
        "• The meeting was cancelled",
        "• New sanctions were announced",
        "This summary was generated with the help of AI and checked by an editor.",
        *story.paragraphs,
    ]
    a = clean_text("\n\n".join(lines))
    assert a.title == story.headline, dump(a)
    assert dek in a.paragraphs, dump(a)
    assert "AI SUMMARY" not in a.paragraphs
    assert "• The meeting was cancelled" not in a.paragraphs


THAI_HEADLINE = "ฝุ่น PM2.5 เชียงใหม่พุ่งเกินมาตรฐาน 3 เท่า สั่งโรงเรียน 112 แห่งเรียนออนไลน์"
THAI_PARAGRAPHS = (
    "จังหวัดเชียงใหม่ประกาศให้โรงเรียนในสังกัด 112 แห่ง ใน 6 อำเภอ ปรับการเรียนการสอนเป็นรูปแบบออนไลน์เป็นเวลา 3 วัน "
    "หลังค่าฝุ่นละอองขนาดไม่เกิน 2.5 ไมครอน (PM2.5) พุ่งสูงเกินค่ามาตรฐานกว่า 3 เท่าติดต่อกันเป็นวันที่สอง",
    "นายสมชาย ใจดี ผู้ว่าราชการจังหวัดเชียงใหม่ กล่าวว่า จังหวัดได้สั่งการให้ทุกอำเภอตั้งจุดเฝ้าระวังและจัดชุดดับไฟป่า"
    "เคลื่อนที่เร็วประจำพื้นที่เสี่ยง พร้อมขอความร่วมมือประชาชนงดการเผาในที่โล่งทุกกรณี",
    "กรมควบคุมมลพิษระบุว่าสถานการณ์จะดีขึ้นเมื่อมีลมพัดแรงขึ้นในช่วงปลายสัปดาห์ แต่ยังคงเตือนให้กลุ่มเสี่ยง"
    "หลีกเลี่ยงกิจกรรมกลางแจ้งและสวมหน้ากากอนามัยชนิด N95 เมื่อออกนอกอาคาร",
)


def test_thai_headline_repeated_is_the_title_and_figures_stay() -> None:
    """Thai writes no spaces between words: the headline is a headline (not a
    paragraph by its length) and a sentence with figures is no ticker."""
    lines = [
        "ข่าวสยามวันนี้",
        f"{THAI_HEADLINE} - ข่าวสยามวันนี้",
        "หน้าแรก > ภูมิภาค > ภาคเหนือ",
        THAI_HEADLINE,
        "28 พ.ย. 2569 14:20 น.",
        *THAI_PARAGRAPHS,
    ]
    a = clean_text("\n\n".join(lines))
    assert a.title == THAI_HEADLINE, dump(a)
    assert a.paragraphs == THAI_PARAGRAPHS, dump(a)
    assert a.meta.get("date") == "2026-11-28T14:20"


def test_subheading_over_a_short_lead_in_ends_a_related_list() -> None:
    """ "SPONSORED" / a promo headline / the story's subheading over "Operators
    generally face three routes:": the subheading stays."""
    story = STORIES["summit"]
    mid = [
        "SPONSORED",
        "WHITEPAPER: Choosing a low-GWP system for multi-temperature sites",
        "The options on the table",
        "Diplomats generally face three routes:",
    ]
    doc = build_doc(story, mid=mid)
    a = clean_text(doc.text)
    assert "The options on the table" in a.paragraphs, dump(a)
    assert "Diplomats generally face three routes:" in a.paragraphs, dump(a)
    assert "SPONSORED" not in a.paragraphs


@pytest.mark.parametrize(
    "box",
    [
        # "요약봇" (summary bot) and its note that the summary was made automatically.
        [
            "요약봇",
            "자동 추출 기술로 요약된 내용입니다. 요약 기술의 특성상 본문의 주요 내용이 제외될 수 있어, "
            "전체 맥락을 이해하기 위해서는 기사 전문을 읽어야 합니다.",
        ],
        # "ملخص الخبر بالذكاء الاصطناعي: ..." (the story summed up by AI, made automatically).
        [
            "ملخص الخبر بالذكاء الاصطناعي: الخط الأزرق بطول 30 كم و14 محطة، تشغيل تجريبي في الربع الأول 2027. "
            "(تم إنشاء هذا الملخص آلياً وقد يحتوي على أخطاء)"
        ],
    ],
)
def test_machine_summary_box_in_other_languages(box: list[str]) -> None:
    """A summary box made by a bot or by AI: not the headline, not the story."""
    story = STORIES["summit"]
    doc = build_doc(story, after_title=box)
    a = clean_text(doc.text)
    for line in box:
        assert_removed(a, line, None)
    assert_body(a, doc)
    assert a.title == story.headline, dump(a)


# -- lexicon files -------------------------------------------------------------


DATA_DIR = Path(newsclean.__file__).parent / "clean" / "data"
_PATTERN_KINDS = ("re", "edge re", "follow re", "tail re")


@pytest.mark.parametrize("name", sorted(p.stem for p in DATA_DIR.glob("*.txt")))
def test_every_packaged_pattern_compiles(name: str) -> None:
    """The packaged lexicons' patterns are not compiled one by one at start-up
    (lexicon.parse_rules trusts them): this is where a broken one is caught."""
    for n, raw in enumerate((DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines(), 1):
        kind, sep, rest = raw.strip().partition(":")
        if sep and kind.strip() in _PATTERN_KINDS:
            try:
                re.compile(rest.strip(), re.IGNORECASE)
            except re.error as exc:  # pragma: no cover - the failure message
                pytest.fail(f"{name}.txt:{n}: {rest.strip()!r}: {exc}")


def test_user_lexicon_file_extends_a_rule_and_bad_patterns_are_named(tmp_path: Path) -> None:
    good = tmp_path / "nav.txt"
    good.write_text("# my site's menu\nzur übersicht springen\nre: ^Seite \\d+ von \\d+$\n", encoding="utf-8")
    opts = CleanOptions(lexicon_files={R.NAVIGATION: [good]})
    doc = build_doc(STORIES["summit"], top=["Zur Übersicht springen", "Seite 2 von 5"])
    a = clean_text(doc.text, options=opts)
    assert_removed(a, "Zur Übersicht springen", {R.NAVIGATION})
    assert_removed(a, "Seite 2 von 5", {R.NAVIGATION})
    assert_body(a, doc)
    bad = tmp_path / "bad.txt"
    bad.write_text("re: ^(unclosed\n", encoding="utf-8")
    with pytest.raises(OptionsError, match=r"bad\.txt.*invalid regular expression"):
        newsclean.Cleaner(CleanOptions(lexicon_files={R.NAVIGATION: [bad]}))


def test_related_marker_in_the_menu_does_not_reach_past_the_headline() -> None:
    """"Top Stories" among the menu items: the menu is removed line by line, and
    the standfirst under the headline (no full stop, like a headline) is the
    story's, not one more item of that list."""
    story = pick_story("en", "menu-top-stories", "court")
    p = story.paragraphs
    dek = "Warming centres open across the county as crews warn of outages lasting days"
    menu = ["Menu", "Search", "News", "Top Stories", "Local", "World", "Politics", "Health"]
    a = clean_text("\n".join([*menu, story.headline, story.headline, dek, *p]))
    assert a.title == story.headline, dump(a)
    assert a.paragraphs == (dek, *p), dump(a)


@pytest.mark.parametrize(
    "promo",
    [
        "Emergency Backstop: Find your local emergency broadcast frequency and warnings at anc.net.au/emergency",
        "Hören Sie unsere Nachrichten auch unter www.radio-nord.de und in der App",
    ],
)
def test_promo_with_a_web_address_is_no_lone_headline(promo: str) -> None:
    """The headline appears once, below a promo strip that leads into the byline
    too: a line with a web address is not the headline."""
    story = pick_story("en", "lone-headline-promo", "court")
    p = story.paragraphs
    top = ["Skip to main content", "Just In | World | Business | Sport", promo, "By Priya Nand"]
    a = clean_text("\n".join([*top, story.headline, "Listen to this article", *p]))
    assert a.title == story.headline, dump(a)
    assert a.paragraphs == tuple(p), dump(a)


def test_short_chrome_over_a_longer_line_is_no_lone_headline() -> None:
    """"Sign in Start free" leads into the longer <title> line under it, but a
    button row is shorter than a headline: the headline over the story wins."""
    story = pick_story("en", "lone-headline-buttons", "court")
    p = story.paragraphs
    top = [
        "Skip to content",
        "Product Docs Pricing Blog Changelog Careers Status",
        "Sign in Start free",
        "Announcing the new release — Mopane Labs Blog",
        "Blog / Releases",
    ]
    a = clean_text("\n".join([*top, story.headline, *p]))
    assert a.title == story.headline, dump(a)
    assert a.paragraphs == tuple(p), dump(a)


def test_headline_over_its_source_label_beats_a_share_counter() -> None:
    """The headline is followed by its source credit ("Source: ..."), a share
    counter naming a handle by the time stamp: the headline is the title."""
    story = pick_story("en", "lone-headline-source", "court")
    p = story.paragraphs
    top = ["Open this page in the app? Yes No", "NEWS • COURTS"]
    under = ["Source: Valley Post", "Shared by @gezgin_elif and 1,284 others", "21 November 2026, 10:42"]
    a = clean_text("\n".join([*top, story.headline, *under, *p]))
    assert a.title == story.headline, dump(a)


@pytest.mark.parametrize(
    ("label", "items"),
    [
        ("Key points", ["• The pool closes for two years", "• Repairs will cost $4.2 million", "• A vote is due in March"]),
        (
            "In short:",
            [
                "A severe storm brought giant hail to the region on Sunday.",
                "About 27,000 homes lost power.",
                "What's next?",
                "More storms are forecast for Monday.",
            ],
        ),
        ("Das Wichtigste in Kürze", ["– Der Stadtrat stimmt im März ab", "– Die Kosten steigen auf 4,2 Millionen Euro"]),
    ],
)
def test_key_points_box_over_the_story_is_removed(label: str, items: list[str]) -> None:
    story = pick_story("en", "key-points-box", "court")
    p = story.paragraphs
    a = clean_text("\n".join(["Menu", story.headline, story.headline, label, *items, *p]))
    assert a.paragraphs == tuple(p), dump(a)


def test_key_points_heading_inside_the_story_is_kept() -> None:
    """Once the story has begun, "What to know" is its section heading."""
    story = pick_story("en", "key-points-heading", "court")
    p = story.paragraphs
    items = ["The pool closes for two years.", "Repairs will cost $4.2 million."]
    body = [p[0], p[1], "What to know", *items, p[2], p[3]]
    a = clean_text("\n".join(["Menu", story.headline, story.headline, *body]))
    assert a.paragraphs == tuple(body), dump(a)


def test_box_entries_are_edge_phrases_that_head_a_box() -> None:
    from newsclean.clean.lexicon import line_key, parse_rules

    rules = parse_rules(R.BOILERPLATE, ["box: Key points", "edge: Menu"])
    assert rules.box_phrases == {line_key("Key points")}
    assert line_key("Key points") in rules.edge_phrases
    assert rules.match_phrase(line_key("KEY POINTS:"), 2, zone_edge=True, follows=False)
    assert not rules.match_phrase(line_key("Key points"), 2, zone_edge=False, follows=False)


def test_user_box_label_takes_its_items(tmp_path: Path) -> None:
    """A user's own box label, from a lexicon file, works like the packaged ones."""
    mine = tmp_path / "boxes.txt"
    mine.write_text("box: our quick read\n", encoding="utf-8")
    story = pick_story("en", "user-box-label", "court")
    p = story.paragraphs
    items = ["Closes for two years", "Costs $4.2 million"]
    text = "\n".join(["Menu", story.headline, story.headline, "Our quick read", *items, *p])
    assert clean_text(text).paragraphs != tuple(p)
    opts = CleanOptions(lexicon_files={R.BOILERPLATE: [mine]})
    assert clean_text(text, options=opts).paragraphs == tuple(p)


def test_a_lead_in_under_the_first_paragraphs_is_no_lone_headline() -> None:
    """The headline appears once, followed by an agency credit the rules do not
    know; two long paragraphs start the story, then a question heading and a
    lead-in ending with a colon over longer list items: the lead-in is no
    headline, and the story's first paragraphs stay."""
    story = pick_story("en", "lone-headline-lead-in", "court")
    p = story.paragraphs
    lead_in = "According to the ministry, the new law brings three changes:"
    items = ["a register number on every listing in the building, shown at the door", "fines of up to 20,000 euros"]
    more = [
        "The opposition said the law was written for the capital and would be paid for by the coast, where most owners let flats.",
        "Owners' groups have already said they will ask the constitutional court to review it before it takes effect in March.",
    ]
    body = [p[0], p[1], "What changes for owners?", lead_in, *items, p[2], p[3], *more]
    top = ["Search the web", "News Sport Weather Money", "News > Politics"]
    a = clean_text("\n".join([*top, story.headline, "Zgodba od: NPA", *body]))
    assert a.title == story.headline, dump(a)
    assert p[0] in a.paragraphs and p[1] in a.paragraphs, dump(a)


def test_a_date_strip_with_the_weather_is_no_lone_headline() -> None:
    story = pick_story("en", "lone-headline-weather", "court")
    p = story.paragraphs
    top = [
        "Skip to content",
        "Sat 14 Nov 2026 Leeds 9°C light rain",
        "Breaking news: the council votes to close the town pool",
        story.headline,
        "Ledger Studio",
        "14 November 2026",
    ]
    a = clean_text("\n".join([*top, *p]))
    assert a.title == story.headline, dump(a)


@pytest.mark.parametrize(
    "suffix",
    [" – Le Messager d'Anjou et de Bretagne", " - Acervo Jornal do Vale dos Sinos", " : r/Boise", "-启明书香公益基金会"],
)
def test_a_site_name_after_the_page_title_is_cut_when_the_page_shows_the_bare_headline(suffix: str) -> None:
    story = pick_story("en", "copied-site-suffix", "court")
    p = story.paragraphs
    a = clean_text("\n".join([story.headline + suffix, "Menu", story.headline, *p]))
    assert a.title == story.headline, dump(a)
    assert a.paragraphs == tuple(p), dump(a)


def test_a_site_suffix_is_cut_when_the_bare_copy_is_below_the_page_header() -> None:
    """The <title> with its suffix tops the page; the bare headline comes only
    after a forum's header rows: the title is the bare headline."""
    story = pick_story("en", "suffix-far-copy", "court")
    p = story.paragraphs
    rows = ["Thread starter prairie_pete Start date Nov 18, 2026", "Watch", "1 of 4 Go to page Next Last"]
    rows += ["prairie_pete", "Well-known member", "Joined: Mar 2014 Messages: 6,208", "Nov 18, 2026 #1"]
    rows += ["Copying the article here since the site has a metered paywall. Link at the bottom."]
    text = "\n".join(["Skip to content", story.headline + " | WinnipegTalk Forums", *rows, story.headline, *p])
    assert clean_text(text).title == story.headline, dump(clean_text(text))


@pytest.mark.parametrize("heading", ["What's going on?", "Is the worst over?"])
def test_short_question_after_a_related_list_is_the_story_s_subheading(heading: str) -> None:
    """A related list, then a short question over a paragraph: the story
    resumes (other stories' headlines that ask are longer)."""
    story = pick_story("en", "related-question-heading", "court")
    p = story.paragraphs
    items = ["Council approves new budget for the riverside park", "The best winter walks of 2026"]
    a = clean_text("\n".join([story.headline, p[0], p[1], "Related", *items, heading, p[2], p[3]]))
    assert heading in a.paragraphs, dump(a)
    assert not any(i in a.paragraphs for i in items), dump(a)
