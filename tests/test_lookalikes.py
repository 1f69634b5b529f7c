"""Adversarial look-alike tests: body lines that superficially resemble junk.

Written as an independent check, without reading the cleaner's implementation.

Every case is a line a reasonable editor would keep in the story: prose that
starts with a junk word ("Share prices ...", "Comment from the ministry ...",
"Von der Leyen ...", "Door de regen ..."), short quotes and closing lines,
section subheadings, Q&A transcript lines, list items, bare figures, star
ratings, op-ed author lines, sentences that start with dates or names, and
prose that mentions ©, rights, cookies, newsletters, privacy or terms.
Genuinely ambiguous lines (a bare "Related: ..." label, "Source: ..." chart
captions, "Read more about ...") are deliberately left out.

Each case is embedded in a realistic article in its own language (a headline
and 4-5 body paragraphs of 30+ words) at one of four positions:

* ``first``          - the first body paragraph, right under the headline
* ``middle``         - in the middle of the body
* ``second_to_last`` - followed by one more body paragraph
* ``last``           - the very last paragraph of the article

A few categories skip positions where the line would not be realistic: a
subheading or a transcript question never ends an article, an answer never
opens one, and an op-ed author line only appears at the end.

Every test checks that the case line is in ``Article.paragraphs`` unchanged
and that every other body paragraph is kept unchanged as well.
"""

from __future__ import annotations

import difflib
import zlib
from dataclasses import dataclass

import pytest

import newsclean

# ---------------------------------------------------------------------------
# Article templates (headline + body paragraphs of 30+ words each)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    key: str
    lang: str
    headline: str
    body: tuple[str, ...]


TEMPLATES: tuple[Template, ...] = (
    # ----------------------------------------------------------------- English
    Template(
        "en_council",
        "en",
        "City Council Approves Budget After Six-Hour Debate",
        (
            "The city council approved its budget for the coming year late on Tuesday after a debate that lasted more than six hours, with members sharply divided over how much money should go to road repairs and public transport.",
            "The final plan sets aside £42 million for resurfacing streets and fixing potholes, a third more than last year, while bus subsidies will be frozen at their current level until at least the spring of 2027.",
            "Opposition councillors said the compromise would hit the poorest neighbourhoods hardest, because residents there rely on buses far more than people in the suburbs, and they promised to raise the issue again in the autumn.",
            "Council leader Ellen Hart defended the decision, saying the roads had been neglected for a decade and that the authority could no longer afford the insurance claims filed by drivers whose cars were damaged.",
            "The budget also includes a modest rise in council tax of 2.9%, below the maximum allowed without a local referendum, which officials said would raise an extra £6 million for social care.",
        ),
    ),
    Template(
        "en_flood",
        "en",
        "Hundreds Evacuated as River Bursts Its Banks in Northern Towns",
        (
            "Hundreds of people were forced to leave their homes overnight after the river burst its banks in several towns in the north of the country, flooding streets, shops and the ground floors of dozens of houses.",
            "Emergency services said they had rescued more than forty people from upstairs windows using boats, and that a temporary shelter had been set up in the sports hall of a local secondary school for those with nowhere else to go.",
            "Forecasters warned that more heavy rain was expected over the weekend, and that water levels could rise again on Sunday evening when a second band of storms is due to move in from the west.",
            "Residents complained that flood defences promised after a similar disaster in 2019 had never been built, and several said they had been unable to get insurance for their homes since the last floods.",
        ),
    ),
    Template(
        "en_business",
        "en",
        "Carmaker to Cut 2,000 Jobs as Electric Vehicle Sales Slow",
        (
            "One of Europe's largest carmakers said on Wednesday that it would cut about 2,000 jobs over the next two years, blaming weaker than expected demand for electric vehicles and rising competition from Chinese manufacturers.",
            "Most of the cuts will fall on administrative and engineering staff at its headquarters, the company said, although one assembly line at its plant near the coast will also close when the current model is phased out next summer.",
            "Unions reacted angrily to the announcement, saying that workers had accepted a pay freeze only last year in exchange for guarantees about the future of the plant, and they threatened to call a strike if the plans went ahead.",
            "Analysts said the decision reflected a wider problem for the industry, which invested heavily in battery technology on the assumption that buyers would switch quickly, only to find that many customers were put off by high prices.",
            "The company's chief executive said in a statement that the cuts were painful but necessary, and that the group remained committed to building electric cars in Europe for the rest of the decade.",
        ),
    ),
    Template(
        "en_court",
        "en",
        "Former Hospital Manager Goes on Trial Over Falsified Waiting Lists",
        (
            "A former hospital manager went on trial on Monday accused of ordering staff to falsify waiting lists so that the hospital would appear to meet government targets, in a case that prosecutors say put hundreds of patients at risk.",
            "The prosecution told the jury that at least 700 patients had been removed from the official list for weeks at a time, only to be added back later with new referral dates, making their waits look far shorter than they really were.",
            "Several nurses are expected to give evidence that they raised concerns with senior managers in 2021 and 2022 but were told that the figures were a matter for the administration and not for clinical staff.",
            "The defendant, who left the hospital three years ago, denies all the charges against him, and his lawyers say he was following instructions from the regional health authority at the time.",
        ),
    ),
    # ------------------------------------------------------------------ German
    Template(
        "de_verkehr",
        "de",
        "Stadtrat beschließt teureres Deutschlandticket für Schüler",
        (
            "Der Stadtrat hat am Dienstagabend nach einer langen und teilweise hitzigen Debatte beschlossen, den Zuschuss für das Deutschlandticket für Schülerinnen und Schüler ab dem kommenden Schuljahr deutlich zu kürzen und die Mittel stattdessen in den Ausbau von Radwegen zu stecken.",
            "Familien müssen künftig zwölf Euro im Monat selbst bezahlen, bisher war das Ticket für Kinder aus der Stadt kostenlos. Die Verwaltung rechnet damit, auf diese Weise jedes Jahr rund drei Millionen Euro einzusparen.",
            "Elternverbände kritisierten die Entscheidung scharf und kündigten an, Unterschriften gegen die Kürzung zu sammeln. Gerade Familien mit mehreren Kindern würden dadurch stark belastet, sagte eine Sprecherin des Landeselternrats am Mittwoch in einer ersten Stellungnahme.",
            "Der Kämmerer verteidigte den Beschluss mit dem Hinweis auf die angespannte Haushaltslage der Stadt. Ohne Einsparungen in allen Bereichen drohe im nächsten Jahr ein Defizit von mehr als vierzig Millionen Euro.",
            "Ob die Kürzung tatsächlich wie geplant im August in Kraft tritt, ist allerdings noch offen, denn die Opposition hat angekündigt, den Beschluss von der Kommunalaufsicht prüfen zu lassen, was mehrere Wochen dauern kann.",
        ),
    ),
    Template(
        "de_hochwasser",
        "de",
        "Hochwasser an der Mosel: Hunderte Menschen in Sicherheit gebracht",
        (
            "Nach tagelangen Regenfällen ist die Mosel in der Nacht zum Samstag über die Ufer getreten. Hunderte Menschen mussten ihre Häuser verlassen, in mehreren Orten standen Straßen und Keller meterhoch unter Wasser.",
            "Feuerwehr und Technisches Hilfswerk waren mit mehr als 600 Einsatzkräften im Einsatz. Sie brachten ältere Menschen mit Booten in Sicherheit und richteten in zwei Turnhallen Notunterkünfte für die Betroffenen ein.",
            "Der Deutsche Wetterdienst rechnet für das Wochenende mit weiteren kräftigen Niederschlägen. Erst ab Montag soll sich die Lage nach Einschätzung der Meteorologen langsam wieder entspannen, doch die Pegelstände dürften noch mehrere Tage über der Warnstufe bleiben.",
            "Viele Anwohner zeigten sich verärgert darüber, dass der nach dem letzten Hochwasser versprochene Deich noch immer nicht gebaut ist. Die zuständige Behörde verwies auf langwierige Genehmigungsverfahren und Klagen von Naturschutzverbänden, die den Bau seit Jahren verzögern.",
        ),
    ),
    # ------------------------------------------------------------------ French
    Template(
        "fr_greve",
        "fr",
        "Grève dans les transports : la circulation fortement perturbée à Lyon",
        (
            "La circulation des métros et des tramways était fortement perturbée mardi à Lyon, au premier jour d'une grève lancée par les syndicats pour protester contre la réorganisation des horaires de travail des conducteurs.",
            "Selon la direction du réseau, une rame sur trois seulement circulait aux heures de pointe, et plusieurs lignes de bus ont été purement et simplement supprimées jusqu'à la fin de la semaine.",
            "Les syndicats affirment que la réforme prévoit des journées plus longues et moins de repos entre deux services, ce que la direction conteste en assurant que le temps de travail total restera inchangé.",
            "De nombreux usagers ont dû se rabattre sur la voiture ou le vélo, provoquant d'importants embouteillages sur les grands axes de l'agglomération dès sept heures du matin, et les temps de trajet ont parfois doublé.",
            "Une nouvelle réunion entre les représentants du personnel et la direction est prévue jeudi, mais aucune des deux parties ne semblait prête à faire des concessions à la veille du week-end.",
        ),
    ),
    Template(
        "fr_incendie",
        "fr",
        "Incendie dans le Var : plus de mille hectares de forêt détruits",
        (
            "Un violent incendie a détruit plus de mille hectares de forêt dans le Var entre samedi et dimanche, obligeant les autorités à évacuer plusieurs campings et une centaine de maisons situées en bordure du massif.",
            "Près de huit cents pompiers, appuyés par des avions bombardiers d'eau, ont lutté toute la nuit contre les flammes, attisées par un mistral soufflant par moments à plus de quatre-vingts kilomètres à l'heure.",
            "Aucune victime n'est à déplorer, mais deux pompiers ont été légèrement blessés et une dizaine d'habitations ont été endommagées, selon un bilan provisoire communiqué dimanche matin par la préfecture du département.",
            "Une enquête a été ouverte pour déterminer l'origine du sinistre. Les enquêteurs n'excluent pas la piste criminelle, plusieurs départs de feu ayant été signalés à quelques minutes d'intervalle le long de la même route départementale.",
        ),
    ),
    # ----------------------------------------------------------------- Spanish
    Template(
        "es_vivienda",
        "es",
        "El Gobierno aprueba un plan para limitar el precio del alquiler",
        (
            "El Consejo de Ministros aprobó este martes un plan para limitar la subida del precio del alquiler en las zonas más tensionadas del país, una medida largamente reclamada por los inquilinos y muy criticada por los propietarios.",
            "La norma permitirá a las comunidades autónomas declarar zonas de mercado tensionado, donde los nuevos contratos no podrán superar el precio del contrato anterior más la inflación durante al menos tres años.",
            "Las asociaciones de propietarios advirtieron de que la medida reducirá la oferta de pisos en alquiler y empujará a muchos dueños hacia el alquiler turístico, que queda fuera del alcance de la nueva ley.",
            "Los sindicatos de inquilinos celebraron la aprobación, aunque consideran que llega tarde y que deja sin protección a miles de familias que ya han sufrido subidas de más del veinte por ciento en los últimos años.",
            "La ministra de Vivienda defendió que el plan se acompañará de una inversión de mil millones de euros para construir vivienda pública, con el objetivo de sumar cincuenta mil pisos antes del final de la legislatura.",
        ),
    ),
    Template(
        "es_sequia",
        "es",
        "La sequía obliga a restringir el consumo de agua en decenas de municipios",
        (
            "Decenas de municipios de Andalucía y Cataluña aplicarán desde el lunes restricciones al consumo de agua, después de que los embalses hayan caído por debajo del veinte por ciento de su capacidad por tercer año consecutivo.",
            "Las nuevas medidas prohíben regar jardines, llenar piscinas privadas y lavar coches con agua de la red, y reducen la dotación por habitante hasta los doscientos litros diarios, incluidos los usos industriales.",
            "Los agricultores, que ya habían visto recortada su asignación de riego a la mitad, alertan de que miles de hectáreas de cultivo se perderán este año si no llueve de forma abundante antes del verano.",
            "El Gobierno autonómico anunció además la llegada de barcos cisterna para abastecer a las zonas más afectadas y la aceleración de las obras de dos nuevas plantas desaladoras en la costa.",
        ),
    ),
    # -------------------------------------------------------------- Portuguese
    Template(
        "pt_saude",
        "pt",
        "Urgências hospitalares sob pressão com aumento de casos de gripe",
        (
            "As urgências de vários hospitais do país registaram esta semana tempos de espera superiores a doze horas, numa altura em que o número de casos de gripe continua a aumentar de forma acentuada em quase todas as regiões.",
            "Segundo a Direção-Geral da Saúde, o pico da epidemia deverá ser atingido nas próximas duas semanas, e as autoridades recomendam que os doentes com sintomas ligeiros contactem primeiro a linha telefónica de saúde.",
            "Os sindicatos de médicos e enfermeiros denunciam a falta crónica de profissionais e acusam o governo de não ter preparado o inverno a tempo, apesar dos avisos feitos desde o início do outono.",
            "O ministro da Saúde garantiu que foram contratados mais trezentos profissionais temporários e que serão abertas camas adicionais em hospitais de retaguarda para aliviar a pressão sobre as urgências durante as próximas semanas.",
            "Entretanto, a campanha de vacinação foi prolongada até ao final de janeiro, e as farmácias comunitárias passaram a poder vacinar também pessoas com menos de sessenta anos sem receita médica.",
        ),
    ),
    Template(
        "pt_incendio",
        "pt",
        "Incêndio obriga à retirada de centenas de pessoas no centro do país",
        (
            "Um incêndio de grandes dimensões obrigou à retirada de centenas de pessoas de várias aldeias no centro do país durante a noite de sábado, numa altura em que o vento forte dificultava o trabalho dos bombeiros.",
            "Mais de quinhentos operacionais, apoiados por meios aéreos, estiveram no terreno ao longo de toda a madrugada, e a proteção civil chegou a cortar duas estradas nacionais por precaução, reabertas apenas ao início da manhã.",
            "Não há registo de vítimas, mas pelo menos três casas de primeira habitação foram destruídas pelas chamas, segundo o presidente da câmara municipal, que pediu apoio urgente ao governo para realojar as famílias afetadas.",
            "A Polícia Judiciária abriu uma investigação para apurar as causas do incêndio, que começou num terreno agrícola junto a uma estrada municipal pouco depois das onze da noite, por razões ainda desconhecidas.",
        ),
    ),
    # ----------------------------------------------------------------- Italian
    Template(
        "it_scuola",
        "it",
        "Scuola, il governo approva la riforma degli istituti tecnici",
        (
            "Il Consiglio dei ministri ha approvato martedì la riforma degli istituti tecnici e professionali, che prevede percorsi più brevi e un legame più stretto con le imprese del territorio a partire dal prossimo anno scolastico.",
            "Secondo il ministero, gli studenti potranno ottenere il diploma in quattro anni invece di cinque e accedere poi a corsi di specializzazione biennali, progettati insieme alle aziende e alle regioni.",
            "I sindacati della scuola hanno criticato duramente il provvedimento, sostenendo che ridurre la durata degli studi significa impoverire la formazione generale dei ragazzi a vantaggio delle esigenze immediate delle imprese private.",
            "Le associazioni degli industriali hanno invece accolto con favore la riforma, ricordando che ogni anno migliaia di posti di lavoro tecnici restano scoperti per mancanza di candidati con le competenze richieste.",
            "La riforma dovrà ora essere esaminata dalle commissioni parlamentari, e il ministro ha detto di essere disposto ad accogliere modifiche purché l'impianto generale del testo resti invariato e i tempi di approvazione siano rapidi.",
        ),
    ),
    Template(
        "it_maltempo",
        "it",
        "Maltempo in Liguria, evacuate centinaia di famiglie",
        (
            "Centinaia di famiglie sono state evacuate nella notte in diversi comuni della Liguria dopo che le piogge torrenziali hanno fatto esondare due torrenti, allagando strade, cantine e negozi nei centri abitati.",
            "I vigili del fuoco hanno effettuato più di trecento interventi in poche ore, soccorrendo anche alcune persone rimaste bloccate nelle auto nei sottopassi allagati lungo la costa tra Genova e La Spezia.",
            "La Protezione civile ha mantenuto l'allerta rossa fino a domenica sera, e in molti comuni le scuole resteranno chiuse anche lunedì per permettere le operazioni di pulizia e la verifica degli edifici.",
            "Il presidente della Regione ha annunciato che chiederà lo stato di emergenza al governo, sottolineando che i danni a strade, ponti e attività commerciali ammontano già a decine di milioni di euro.",
        ),
    ),
    # ------------------------------------------------------------------- Dutch
    Template(
        "nl_woningen",
        "nl",
        "Kabinet wil sneller bouwen om woningtekort aan te pakken",
        (
            "Het kabinet wil de bouw van nieuwe woningen de komende jaren flink versnellen en trekt daarvoor extra geld uit, zo blijkt uit plannen die de minister dinsdag naar de Tweede Kamer heeft gestuurd.",
            "Gemeenten die snel vergunningen verlenen, krijgen een hogere bijdrage per woning, terwijl procedures voor bezwaar en beroep korter moeten worden om te voorkomen dat projecten jarenlang stilliggen door juridische procedures.",
            "Bouwbedrijven reageren voorzichtig positief, maar waarschuwen dat het tekort aan vakmensen en de hoge bouwkosten het doel van honderdduizend nieuwe woningen per jaar de komende jaren moeilijk haalbaar maken, ook met extra geld.",
            "Huurdersorganisaties vinden dat het kabinet te weinig doet voor mensen met een laag inkomen, omdat het grootste deel van de nieuwe woningen in de duurdere koop- en huursector terechtkomt en niet bij starters.",
            "De Tweede Kamer debatteert volgende maand over de plannen. Verschillende oppositiepartijen hebben al laten weten dat zij met voorstellen komen om meer sociale huurwoningen af te dwingen in alle gemeenten van het land.",
        ),
    ),
    Template(
        "nl_storm",
        "nl",
        "Zware storm trekt over Nederland, treinverkeer ligt grotendeels stil",
        (
            "Een zware storm heeft zondag in grote delen van Nederland voor veel overlast gezorgd. Bomen vielen op wegen en spoorlijnen, en op verschillende plaatsen raakten daken en gevels beschadigd door windstoten.",
            "De NS besloot in de loop van de middag het treinverkeer in een groot deel van het land stil te leggen, waardoor duizenden reizigers urenlang vastzaten op stations of in stilstaande treinen.",
            "Het KNMI had eerder op de dag code oranje afgegeven voor de kustprovincies, waar windstoten van meer dan honderd kilometer per uur werden gemeten, de hoogste waarden in enkele jaren.",
            "Verzekeraars verwachten dat de schade in de tientallen miljoenen euro's zal lopen. Zij raden gedupeerden aan om foto's te maken van de schade en die zo snel mogelijk te melden.",
        ),
    ),
)

TEMPLATES_BY_LANG: dict[str, tuple[Template, ...]] = {}
for _t in TEMPLATES:
    TEMPLATES_BY_LANG.setdefault(_t.lang, ())
    TEMPLATES_BY_LANG[_t.lang] += (_t,)

# ---------------------------------------------------------------------------
# Cases: (category, lang, line)
# ---------------------------------------------------------------------------

ALL_POSITIONS = ("first", "middle", "second_to_last", "last")
# Where a category's lines can realistically appear.
POSITIONS: dict[str, tuple[str, ...]] = {
    "junk_word_prose": ALL_POSITIONS,
    "short_quote": ALL_POSITIONS,
    "short_closing": ALL_POSITIONS,
    "subheading": ("first", "middle", "second_to_last"),
    "qa_question": ("first", "middle", "second_to_last"),
    "qa_answer": ("middle", "second_to_last", "last"),
    "list_item": ALL_POSITIONS,
    "figure_rating": ALL_POSITIONS,
    "oped_author_line": ("second_to_last", "last"),
    "dates_names": ALL_POSITIONS,
    "legal_words_prose": ALL_POSITIONS,
    "long_paragraph_mention": ALL_POSITIONS,
    "odd_case_punct": ALL_POSITIONS,
    "platform_prose": ALL_POSITIONS,
}

_CASES: dict[str, list[tuple[str, str]]] = {
    # Prose whose first word(s) look like navigation, share widgets, ads,
    # newsletter boxes, comment forms, bylines, time stamps, credits...
    "junk_word_prose": [
        ("en", "Share prices of regional banks fell sharply on Thursday after the central bank signalled that interest rates would stay high for longer."),
        ("en", "Shares in the retailer have lost almost half their value since January."),
        ("en", "Home prices in the capital rose 6% last year, the fastest pace since 2014, according to the land registry."),
        ("en", "Home Office officials said the new visa rules would take effect in April."),
        ("en", "Home, for now, is a tent on the edge of the camp."),
        ("en", "Menu items at the new restaurant range from £9 for a bowl of soup to £46 for a whole roast chicken."),
        ("en", "Menu prices at fast-food chains have risen faster than inflation for three years running."),
        ("en", "Advertisement spending by the big supermarket chains fell 8% in the first quarter, the trade body said."),
        ("en", "Advertisers pulled more than $40 million from the platform in the weeks after the changes."),
        ("en", "Advertising on buses and trams will be banned for betting companies from July."),
        ("en", "Subscribe-and-save models, once a niche, now account for a fifth of the company's online sales."),
        ("en", "Subscribers to the streaming service will pay $2 more a month from March."),
        ("en", "Subscriptions to the gym fell by a third during the pandemic and never recovered."),
        ("en", "Subscribe, the ad urged, and get your first month free, a pitch that regulators now say was misleading."),
        ("en", "Comment from the ministry was not immediately available."),
        ("en", "Comments made by the minister on Sunday drew criticism from opposition parties and business groups alike."),
        ("en", "Comment pieces in the party's own newspaper have attacked the leader for weeks."),
        ("en", "Cookies left on the counter were the last thing she baked before the fire, her daughter said."),
        ("en", "Copyright lawyers said the ruling could reshape how streaming platforms pay musicians."),
        ("en", "Sources close to the negotiations said a deal could be announced as early as Friday."),
        ("en", "Source code for the voting software was published online for the first time on Tuesday."),
        ("en", "Related charges against his brother were dropped in May."),
        ("en", "Tags on the luggage showed it had passed through Frankfurt and Istanbul before reaching Lagos."),
        ("en", "Photo finish decided the race."),
        ("en", "Photos taken by residents show water pouring through the windows of the ground-floor flats."),
        ("en", "Posted guards stood at every entrance to the courthouse as the verdict was read."),
        ("en", "Posted on the door of the clinic was a handwritten note: closed until further notice."),
        ("en", "By the end of the year, the company expects to have hired 500 engineers in Dublin."),
        ("en", "By Tuesday, the river had risen another metre and the first evacuation orders were issued."),
        ("en", "By contrast, rents in the north of the city barely moved."),
        ("en", "By Maria's own account, the fire started in the kitchen shortly after midnight."),
        ("en", "Updated guidance from the WHO says people over 60 should receive a booster every autumn."),
        ("en", "Published figures show the waiting list for hip operations has doubled since 2019."),
        ("en", "Published on Monday, the report found that one in five bridges needs urgent repair."),
        ("en", "Last updated in 2015, the flood maps are badly out of date, engineers say."),
        ("en", "Read more closely, the ruling leaves the door open to an appeal."),
        ("en", "Read aloud in court, the letter left several jurors in tears."),
        ("en", "Continue reading the small print and the picture changes: the discount applies only to new customers."),
        ("en", "Follow-up tests showed no trace of the virus in any of the 14 patients."),
        ("en", "Following the vote, protesters gathered outside parliament until late in the evening."),
        ("en", "Print runs of the magazine have fallen from 400,000 in 2005 to under 60,000 today."),
        ("en", "Printed copies of the report were handed to journalists an hour before the press conference."),
        ("en", "Print, radio and television journalists were all barred from the hearing."),
        ("en", "Print is not dead, the publisher insists: book sales rose 4% last year."),
        ("en", "Email records obtained by the newspaper show the warnings were ignored for months."),
        ("en", "Emails seen by Reuters show that managers knew about the defect as early as 2021."),
        ("en", "Login attempts spiked to 3 million an hour during the attack, the bank said."),
        ("en", "Logging in to the benefits portal took some users more than an hour on Monday."),
        ("en", "Log books from the ship record a storm on the night of the sinking."),
        ("en", "Search teams found the missing climbers alive on Sunday morning."),
        ("en", "Search and rescue crews worked through the night in freezing conditions."),
        ("en", "Search engines will have to label AI-generated content under the new rules."),
        ("en", "Next week, the council will vote on whether to close two of the city's five libraries."),
        ("en", "Next year's budget includes no money for the new bridge."),
        ("en", "Next to the station, a new 40-storey tower is already half built."),
        ("en", "Previous owners of the house had reported cracks in the walls as early as 1998."),
        ("en", "Previously, the company had said it would not cut any jobs in the UK."),
        ("en", "Previous attempts to reform the system have failed."),
        ("en", "Back to school means back to traffic jams for thousands of parents in the city."),
        ("en", "Back in 2019, the same plan was rejected by a single vote."),
        ("en", "Contact tracing was abandoned in March, when cases rose beyond what the teams could handle."),
        ("en", "Contact with the fishing vessel was lost at 3 a.m. on Saturday."),
        ("en", "Contact lenses sold online without a prescription are a growing problem, opticians warn."),
        ("en", "About 40 people attended."),
        ("en", "About half of the respondents said they could not afford an unexpected bill of £500."),
        ("en", "About the only thing both sides agree on is that the current system is broken."),
        ("en", "Accept the offer, the union urged."),
        ("en", "Accepting the award, she thanked her mother and the nurses who cared for her."),
        ("en", "Sign-ups rose 12%."),
        ("en", "Signing up for the scheme is free, but places are limited to 2,000 households."),
        ("en", "Sign-in registers at the care home were incomplete on the night of the fire, the inquiry heard."),
        ("en", "Skipper Tom Reid said the crew was shaken but unhurt."),
        ("en", "Skip hire firms say demand has doubled since the council cut bulky waste collections."),
        ("en", "Close to 300 people were evacuated from their homes overnight."),
        ("en", "Closing arguments are expected on Monday."),
        ("en", "Sharing the stage with her former rival, the senator struck a conciliatory tone."),
        ("en", "Share your concerns with your GP, the health service advises anyone with persistent symptoms."),
        ("en", "Tweets from the account were deleted within minutes, but screenshots circulated widely."),
        ("en", "Facebook said it had removed 1,200 accounts linked to the campaign."),
        ("en", "WhatsApp messages seen by the court show the two men discussed the plan in detail."),
        ("en", "Like many residents, she has lived on the estate for more than 30 years."),
        ("en", "More than 200 people were rescued from rooftops."),
        ("en", "Watchdog groups said the fine was too small to change the company's behaviour."),
        ("en", "Video footage obtained by the BBC shows the suspect leaving the building shortly before 10 p.m."),
        ("en", "Images of the flooded streets spread quickly on social media."),
        ("en", "Getty Images reported a 9% rise in licensing revenue for the year."),
        ("en", "Reuters could not independently verify the footage."),
        ("en", "Loading bays at the port were closed for a second day because of high winds."),
        ("en", "Load shedding left parts of Johannesburg without power for eight hours."),
        ("en", "Click-through rates on the government's health adverts were below 1%, the audit found."),
        ("en", "Top officials from both countries met in Geneva on Wednesday."),
        ("en", "Trending downward for a decade, the birth rate fell again last year."),
        ("en", "Most popular among younger voters was the Green Party, which took 28% of under-30s."),
        ("en", "Recommended doses vary by age and weight, the agency said."),
        ("en", "Sponsored by the city, the festival drew 80,000 visitors over three days."),
        ("en", "Newsletter publishers on Substack say paid subscriptions have plateaued."),
        ("en", "Privacy campaigners warned that the app could track users' locations even when switched off."),
        ("en", "Terms of the deal were not disclosed."),
        ("en", "Disclaimers on the packaging were too small to read, the judge found."),
        ("en", "Corrections officers at the prison walked out on Monday over staffing levels."),
        ("en", "Listening to residents, the mayor promised to reconsider."),
        ("en", "Save for a brief rally in June, the currency has fallen all year."),
        ("en", "Register offices across the country will stay open on Saturdays to cope with demand."),
        ("en", "Feedback from teachers has been overwhelmingly negative, the union said."),
        ("en", "Continued rain is expected through the weekend."),
        # German
        ("de", "Von Montag an gelten neue Regeln für Pendler im Berliner Nahverkehr."),
        ("de", "Von der Leyen kündigte am Mittwoch ein weiteres Sanktionspaket gegen Russland an."),
        ("de", "Teilen der Bevölkerung fehlt inzwischen das Vertrauen in die Regierung, so die Studie."),
        ("de", "Mehr als 300 Menschen mussten ihre Häuser in der Nacht verlassen."),
        ("de", "Anzeige gegen den Bürgermeister erstattete die Opposition bereits im Januar."),
        ("de", "Werbung für Sportwetten soll im Fernsehen künftig erst nach 23 Uhr erlaubt sein."),
        ("de", "Kommentare des Ministers in einer Talkshow sorgten am Sonntag für Empörung."),
        ("de", "Zurück in Berlin, musste sich der Kanzler scharfe Kritik aus der eigenen Partei anhören."),
        ("de", "Datenschutz spielte bei der Entscheidung eine zentrale Rolle, sagte die Richterin."),
        ("de", "Fotos aus der Nacht zeigen überflutete Straßen und eingestürzte Brücken."),
        ("de", "Quellen im Ministerium bestätigten den Bericht am Abend."),
        ("de", "Anmelden müssen sich die Teilnehmer bis spätestens Freitag."),
        ("de", "Abonnenten der Zeitung erhalten die digitale Ausgabe künftig schon am Vorabend."),
        ("de", "Suchtrupps fanden die vermissten Wanderer am Sonntagmorgen unverletzt."),
        ("de", "Aktualisiert wurde der Hochwasserplan zuletzt im Jahr 2015."),
        ("de", "Veröffentlicht wurde die Studie im Fachblatt Nature."),
        ("de", "Gedruckt wurden nur 5.000 Exemplare, die innerhalb eines Tages vergriffen waren."),
        # French
        ("fr", "Par ailleurs, le gouvernement a annoncé une hausse de 3 % du budget de la santé."),
        ("fr", "Par rapport à l'an dernier, le nombre de candidats a doublé."),
        ("fr", "Partager les richesses, c'est le slogan que les grévistes scandent depuis lundi."),
        ("fr", "Publicités, affiches et tracts ont envahi les rues de Marseille avant le scrutin."),
        ("fr", "Lire entre les lignes n'a jamais été aussi nécessaire, estime le politologue."),
        ("fr", "Abonnés depuis des années, de nombreux usagers dénoncent la hausse des tarifs."),
        ("fr", "Suivre l'argent, c'est la méthode qu'a choisie la juge d'instruction."),
        ("fr", "Mis à jour en 2015, le plan de prévention des inondations est aujourd'hui obsolète."),
        ("fr", "Publié en 1962, le roman n'avait jamais été traduit en breton."),
        ("fr", "Commentaires racistes, menaces, insultes : la députée a porté plainte jeudi."),
        ("fr", "Accueil chaleureux pour le président à Lyon, où il a inauguré la nouvelle gare."),
        ("fr", "Fermer les frontières n'est pas une solution, selon l'ONG."),
        ("fr", "Plus de 200 personnes ont été évacuées dans la nuit."),
        ("fr", "Retour à la case départ pour les négociateurs, qui se retrouveront lundi à Bruxelles."),
        ("fr", "Rechercher les disparus reste la priorité, a assuré le préfet."),
        # Spanish
        ("es", "Por su parte, el ministro de Economía defendió la subida de impuestos."),
        ("es", "Por primera vez en diez años, el paro bajó del 11%."),
        ("es", "Compartir coche se ha convertido en la opción más barata para ir a trabajar."),
        ("es", "Publicidad institucional y propaganda electoral se confunden cada vez más, según el informe."),
        ("es", "Inicio accidentado para el nuevo gobierno, que perdió su primera votación el martes."),
        ("es", "Más de 200 personas fueron evacuadas durante la noche."),
        ("es", "Suscriptores de la plataforma denuncian cobros duplicados desde enero."),
        ("es", "Leer más libros es el propósito de año nuevo de uno de cada tres españoles, según una encuesta."),
        ("es", "Comentarios como ese le costaron el puesto al entrenador."),
        ("es", "Actualizado por última vez en 2015, el plan de emergencias está obsoleto, advierten los bomberos."),
        ("es", "Publicado en 1962, el libro nunca había sido traducido al catalán."),
        ("es", "Buscar a los desaparecidos sigue siendo la prioridad, dijo el alcalde."),
        ("es", "Cerrar la planta costaría más de 3.000 empleos, según los sindicatos."),
        ("es", "Fuentes del ministerio confirmaron la noticia a última hora de la tarde."),
        ("es", "Volver a casa no será fácil para los vecinos del barrio."),
        # Portuguese
        ("pt", "Por outro lado, o governo prometeu rever a lei até ao fim do ano."),
        ("pt", "Por sua vez, a oposição acusou o ministro de mentir ao parlamento."),
        ("pt", "Compartilhar dados de saúde sem autorização passa a ser crime, segundo o novo projeto."),
        ("pt", "Publicidade infantil será proibida na televisão a partir de janeiro."),
        ("pt", "Mais de 300 pessoas foram retiradas das suas casas durante a noite."),
        ("pt", "Assinantes da plataforma vão pagar mais 2 euros por mês a partir de março."),
        ("pt", "Voltar para casa ainda não é possível para centenas de famílias."),
        ("pt", "Atualizado pela última vez em 2015, o plano de emergência está desatualizado."),
        ("pt", "Comentários do ministro sobre os professores provocaram uma onda de críticas."),
        ("pt", "Fontes do governo confirmaram a reunião ao fim da tarde."),
        ("pt", "Siga o dinheiro, repetia o procurador aos jurados."),
        # Italian
        ("it", "Di fronte a una crisi del genere, il governo non può restare a guardare."),
        ("it", "Di Maio ha detto che il partito non sosterrà la riforma."),
        ("it", "Condividere l'auto è diventata la scelta più economica per chi lavora in città."),
        ("it", "Pubblicità ingannevole, secondo l'Antitrust, che ha multato l'azienda per 5 milioni di euro."),
        ("it", "Leggi più severe contro il caporalato sono state approvate martedì dal Senato."),
        ("it", "Home banking e pagamenti digitali sono cresciuti del 20% nell'ultimo anno."),
        ("it", "Più di 200 persone sono state evacuate durante la notte."),
        ("it", "Abbonati da anni, molti utenti protestano contro l'aumento delle tariffe."),
        ("it", "Commenti del genere non sono accettabili, ha detto il presidente della Camera."),
        ("it", "Aggiornato l'ultima volta nel 2015, il piano di emergenza è ormai superato."),
        ("it", "Pubblicato nel 1962, il romanzo non era mai stato tradotto in sardo."),
        ("it", "Fonti del ministero hanno confermato la notizia in serata."),
        ("it", "Torna in campo dopo sei mesi il capitano della Roma, che ha superato l'infortunio."),
        # Dutch
        ("nl", "Door de regen werd de wedstrijd na twintig minuten stilgelegd."),
        ("nl", "Door het hele land bleven scholen dinsdag dicht."),
        ("nl", "Delen van Rotterdam stonden woensdag urenlang onder water."),
        ("nl", "Reclame voor online gokken is sinds juli verboden op televisie."),
        ("nl", "Meer dan 200 mensen moesten hun huis verlaten."),
        ("nl", "Abonnees van de krant krijgen de digitale editie voortaan al op de avond ervoor."),
        ("nl", "Reacties van omwonenden waren overwegend positief, aldus de gemeente."),
        ("nl", "Volgende week beslist de gemeenteraad over de sluiting van twee bibliotheken."),
        ("nl", "Terug naar school betekent voor veel ouders terug in de file."),
        ("nl", "Inloggen bij DigiD lukte dinsdag urenlang niet door een storing."),
        ("nl", "Zoeken naar overlevenden is volgens de brandweer nog altijd de prioriteit."),
        ("nl", "Bronnen rond het kabinet bevestigden het bericht dinsdagavond."),
        ("nl", "Gepubliceerd in 1962, werd de roman pas dit jaar in het Fries vertaald."),
    ],
    # One-line quotes.
    "short_quote": [
        ("en", "“No.”"),
        ("en", "“We will be back.”"),
        ("en", "“Never again.”"),
        ("en", "“It’s over.”"),
        ("en", "“Why us?”"),
        ("en", "“I just want my son home.”"),
        ("en", "“Thank you, Leeds!”"),
        ("en", "“We’re not going anywhere.”"),
        ("en", "“Shame on you!”"),
        ("en", "“Follow me,” the guide said."),
        ("en", "“Share it with everyone,” she said."),
        ("en", "“Subscribe to what?” he asked."),
        ("en", "“Read the room,” one adviser said."),
        ("en", "“Next question,” the minister snapped."),
        ("en", "“Comment? No comment.”"),
        ("en", "“Home. I just want to go home.”"),
        ("en", "“Cookies?” she laughed. “I haven’t baked in years.”"),
        ("en", "“Click here and you lose everything,” the police warned."),
        ("en", "“Accept all cookies? Never,” said one privacy activist."),
        ("en", "“Back to work,” he said, and hung up."),
        ("en", "“More, please.”"),
        ("en", "“Yes,” she said. “Absolutely.”"),
        ("de", "„Nie wieder.“"),
        ("de", "„Wir kommen wieder.“"),
        ("de", "„Mehr nicht?“, fragte die Richterin."),
        ("fr", "« Non. »"),
        ("fr", "« Nous reviendrons. »"),
        ("fr", "« Merci, Marseille ! »"),
        ("es", "«No.»"),
        ("es", "«Volveremos.»"),
        ("es", "—No pienso dimitir."),
        ("es", "«¿Y ahora qué?»"),
        ("pt", "“Não.”"),
        ("pt", "“Nós vamos voltar.”"),
        ("it", "«Assolutamente no.»"),
        ("it", "«Torneremo.»"),
        ("nl", "‘Nee.’"),
        ("nl", "‘Wij komen terug.’"),
    ],
    # Short closing (or short stand-alone) paragraphs.
    "short_closing": [
        ("en", "The trial continues."),
        ("en", "More to follow."),
        ("en", "The investigation continues."),
        ("en", "He denies the charges."),
        ("en", "The hearing resumes on Monday."),
        ("en", "She was 87."),
        ("en", "He is survived by his wife and two sons."),
        ("en", "Nobody was hurt."),
        ("en", "The search continues."),
        ("en", "Talks resume next week."),
        ("en", "Police are appealing for witnesses."),
        ("en", "The case was adjourned until June."),
        ("en", "The company declined to comment."),
        ("en", "Both men deny wrongdoing."),
        ("en", "The match kicks off at 8 p.m."),
        ("en", "Tickets go on sale on Friday."),
        ("en", "Polls close at 10 p.m."),
        ("de", "Der Prozess wird fortgesetzt."),
        ("de", "Die Ermittlungen dauern an."),
        ("de", "Weiter geht es am Montag mit der Befragung der Zeugen."),
        ("fr", "L'enquête se poursuit."),
        ("fr", "Le procès reprend lundi."),
        ("es", "El juicio continúa."),
        ("es", "La investigación sigue abierta."),
        ("pt", "As buscas continuam."),
        ("it", "Le indagini proseguono."),
        ("nl", "Het onderzoek loopt nog."),
    ],
    # Section subheadings inside the body.
    "subheading": [
        ("en", "What happens next?"),
        ("en", "Who is affected?"),
        ("en", "Analysis: A Fragile Truce"),
        ("en", "Background"),
        ("en", "Reaction"),
        ("en", "Context"),
        ("en", "Timeline"),
        ("en", "Verdict"),
        ("en", "Why it matters"),
        ("en", "The numbers"),
        ("en", "How we got here"),
        ("en", "What the ruling says"),
        ("en", "A City Divided"),
        ("en", "Winners and Losers"),
        ("en", "The Human Cost"),
        ("en", "Questions remain"),
        ("en", "Where things stand"),
        ("en", "Follow the Money"),
        ("en", "The Terms of the Deal"),
        ("en", "A Question of Privacy"),
        ("en", "Cookies, Consent and the Law"),
        ("en", "Back to Basics"),
        ("en", "Next steps"),
        ("en", "Home Truths"),
        ("en", "Share and Share Alike"),
        ("en", "More Than a Game"),
        ("en", "Sign of the Times"),
        ("en", "What does it mean for renters?"),
        ("en", "Is the water safe?"),
        ("de", "Hintergrund"),
        ("de", "Wie geht es weiter?"),
        ("de", "Was das Urteil bedeutet"),
        ("de", "Reaktionen aus der Politik"),
        ("fr", "Contexte"),
        ("fr", "Et maintenant ?"),
        ("fr", "Ce que dit le jugement"),
        ("es", "Antecedentes"),
        ("es", "¿Qué pasa ahora?"),
        ("es", "Las claves del acuerdo"),
        ("pt", "Contexto"),
        ("pt", "O que muda para os inquilinos?"),
        ("it", "Il contesto"),
        ("it", "Cosa succede ora?"),
        ("nl", "Achtergrond"),
        ("nl", "Wat gebeurt er nu?"),
    ],
    # Q&A / interview transcript lines.
    "qa_question": [
        ("en", "Q: Why now?"),
        ("en", "Q: Will fares go up?"),
        ("en", "Q: What about pensions?"),
        ("en", "Q. Who pays?"),
        ("en", "Question: Is the water safe to drink?"),
        ("en", "Q: How did it start?"),
        ("de", "Frage: Warum jetzt?"),
        ("fr", "Question : pourquoi maintenant ?"),
        ("es", "P: ¿Por qué ahora?"),
        ("pt", "P: Porquê agora?"),
        ("it", "D: Perché adesso?"),
        ("nl", "V: Waarom nu?"),
    ],
    "qa_answer": [
        ("en", "A: Because the money ran out."),
        ("en", "A: Not this year, the operator says."),
        ("en", "A: Those are protected, for now."),
        ("en", "A. Taxpayers, mostly."),
        ("en", "Answer: Yes, according to the utility."),
        ("en", "A: With a phone call nobody returned."),
        ("en", "SMITH: We never agreed to that, and we never will."),
        ("de", "Antwort: Weil das Geld ausgegangen ist."),
        ("fr", "Réponse : parce que l'argent manquait."),
        ("es", "R: Porque se acabó el dinero."),
        ("pt", "R: Porque o dinheiro acabou."),
        ("it", "R: Perché i soldi sono finiti."),
        ("nl", "A: Omdat het geld op is."),
    ],
    # Short list items (advice boxes, steps, policy lists).
    "list_item": [
        ("en", "• Bring water"),
        ("en", "1. Register online"),
        ("en", "2. Bring photo ID to the polling station"),
        ("en", "- Schools will close at noon on Friday"),
        ("en", "• Free parking on weekends"),
        ("en", "a) higher fuel duty"),
        ("en", "– Cut VAT on energy bills"),
        ("en", "• Sign up for flood warnings from the Environment Agency"),
        ("en", "• Share your location with a family member before you set off"),
        ("en", "3. Check the cookie settings in your browser"),
        ("en", "• Keep copies of all receipts"),
        ("en", "1. Log in to the tax portal"),
        ("en", "4. Print the confirmation page"),
        ("en", "• Contact your insurer as soon as possible"),
        ("en", "• Read the small print before signing"),
        ("de", "• Wasser mitnehmen"),
        ("de", "1. Online anmelden"),
        ("fr", "• Apporter une pièce d'identité"),
        ("es", "1. Inscribirse en línea"),
        ("pt", "• Levar documento de identificação"),
        ("it", "• Portare un documento d'identità"),
        ("nl", "• Neem een geldig legitimatiebewijs mee"),
    ],
    # Story sentences about apps and messaging channels (not the outlet's promo:
    # they do not open with "Follow", "Join" or "Download").
    "platform_prose": [
        ("en", "Residents can download the council's new app to report potholes, officials said."),
        ("en", "The protest was organised in a WhatsApp channel with 4,000 members."),
        ("en", "Follow-up inspections found the pumps repaired, the agency said on Telegram."),
        ("de", "Die Stadt will die App im Frühjahr für iOS und Android veröffentlichen."),
        ("es", "Entre 2019 y 2021, los usuarios de WhatsApp en la región se duplicaron, según el informe."),
        ("fr", "La préfecture a diffusé l'alerte sur son application et sur Telegram dès 6 heures."),
        ("it", "I genitori si sono organizzati in un gruppo WhatsApp per i turni di sorveglianza."),
        ("nl", "De gemeente lanceert in maart een app voor iOS en Android om afval te melden."),
        # Prices per week and subscribers in a story.
        ("en", "Residents will pay $4.50 a week for the service from July, the council said."),
        ("en", "The premium tier is available only to subscribers, the company said on Tuesday."),
        ("de", "Das Deutschlandticket kostet seit Januar 58 Euro im Monat, danach soll der Preis steigen."),
    ],
    # A line with only a figure, or a star rating.
    "figure_rating": [
        ("en", "$4.2bn"),
        ("en", "€1.3 billion"),
        ("en", "42%"),
        ("en", "£350m"),
        ("en", "1,200"),
        ("en", "+3.4%"),
        ("en", "★★★★☆"),
        ("en", "★★★☆☆"),
        ("en", "★★★★★"),
        ("de", "4,7 Milliarden Euro"),
        ("fr", "1,3 milliard d'euros"),
        ("es", "1.300 millones de euros"),
    ],
    # Op-ed author lines at the end of an opinion piece (kept: part of the piece).
    "oped_author_line": [
        ("en", "— Maria Lopez is a teacher in Austin."),
        ("en", "— John Carter is a former US ambassador to Japan."),
        ("en", "Dr. Amina Yusuf is a consultant cardiologist at St Thomas' Hospital in London."),
        ("en", "— Maria Lopez, a teacher, lives in Austin with her two children."),
        ("de", "— Der Autor ist Professor für Völkerrecht an der Universität Bonn."),
        ("fr", "— Claire Martin est économiste à l'Observatoire français des conjonctures économiques."),
        ("es", "— Ana Ruiz es profesora de Derecho Constitucional en la Universidad de Salamanca."),
        ("it", "— Paolo Ferri è ricercatore di economia all'Università di Bologna."),
        ("nl", "— Pieter Bakker is hoogleraar economie aan de Universiteit van Amsterdam."),
    ],
    # Body lines that start with dates, times or names (byline/timestamp look-alikes).
    "dates_names": [
        ("en", "March 12, 2026 will be remembered as the day the city finally ran out of water."),
        ("en", "Jane Doe, 34, a nurse from Leeds, said she would return."),
        ("en", "On Monday, 12 March, the court ruled that the strike was lawful."),
        ("en", "Tuesday, March 3, was the wettest day on record in Dublin."),
        ("en", "2024 was the hottest year since records began, the agency said."),
        ("en", "At 10:45 a.m. on Friday, the first train left the new station."),
        ("en", "John Smith, the company's chief executive, said the cuts were unavoidable."),
        ("en", "Written by a former judge, the report runs to 400 pages."),
        ("en", "Sarah Jones, who has lived on the street for 40 years, said she had never seen flooding like it."),
        ("en", "In 1989, when the wall fell, she was 12."),
        ("en", "Since January 2025, prices have risen by a third."),
        ("en", "Dr. Ahmed Khan, a cardiologist at King's College Hospital, said the results were encouraging."),
        ("en", "Friday's ruling, handed down at 4 p.m., ends a three-year legal battle."),
        ("en", "Mr. Li, 52, has denied wrongdoing."),
        ("en", "Until 2 June, visitors can enter the museum free of charge."),
        ("en", "12 May 2025: the date is circled in red in every newsroom in Rome."),
        ("en", "Updated at 6 a.m. every day, the hospital's bed count showed no free beds on Sunday."),
        ("de", "Am Montag, 12. März, entschied das Gericht, dass der Streik rechtmäßig war."),
        ("de", "Anna Schmidt, 34, Krankenschwester aus Köln, sagte, sie wolle zurückkehren."),
        ("de", "Seit dem 1. Januar 2025 gilt das neue Gesetz."),
        ("fr", "Le 12 mars 2026 restera dans les mémoires comme le jour où la ville a manqué d'eau."),
        ("fr", "Lundi 12 mars, le tribunal a jugé la grève légale."),
        ("fr", "Marie Dubois, 34 ans, infirmière à Lyon, affirme qu'elle reviendra."),
        ("es", "El 12 de marzo de 2026 será recordado como el día en que la ciudad se quedó sin agua."),
        ("es", "Ana García, de 34 años, enfermera en Sevilla, dijo que volvería."),
        ("pt", "Em 12 de março, o tribunal decidiu que a greve era legal."),
        ("pt", "João Silva, 34 anos, enfermeiro em Lisboa, disse que vai voltar."),
        ("it", "Lunedì 12 marzo il tribunale ha stabilito che lo sciopero era legittimo."),
        ("it", "Giulia Bianchi, 34 anni, infermiera di Torino, ha detto che tornerà."),
        ("nl", "Op maandag 12 maart oordeelde de rechter dat de staking rechtmatig was."),
        ("nl", "Jan de Vries, 34, verpleegkundige uit Utrecht, zegt dat hij terugkomt."),
    ],
    # ©, rights, cookies, newsletters, privacy, terms, disclaimers... in prose.
    "legal_words_prose": [
        ("en", "The logo, marked with a © symbol, was registered in 1998, court filings show."),
        ("en", "All rights to the film now belong to the studio, the ruling said."),
        ("en", "The family said it reserved all rights to take further legal action."),
        ("en", "A copyright notice such as “© 2024 Acme Ltd” is not legally required in the UK, the lawyer explained."),
        ("en", "Terms and conditions on 2 million accounts were changed without notice, the regulator found."),
        ("en", "The company updated its privacy policy after the fine, but critics said the changes were cosmetic."),
        ("en", "Cookie banners have become a fixture of European websites since 2018, the report notes."),
        ("en", "The regulator fined the site €2m for setting advertising cookies without consent."),
        ("en", "Newsletter subscriptions at the Gazette doubled after the paywall was lowered."),
        ("en", "“This site uses cookies” messages annoy 70% of users, a survey found."),
        ("en", "Accept all, reject all or manage preferences: regulators want the three buttons to be equally visible."),
        ("en", "By continuing to use the site, users were deemed to have consented, a practice the court rejected on Thursday."),
        ("en", "The terms of use, which nobody reads, run to 14,000 words, longer than Macbeth."),
        ("en", "The photo, credited to an anonymous freelancer, was later found to be fake."),
        ("en", "The newspaper, which has published a daily print edition since 1851, will become online-only."),
        ("en", "Privacy, she said, is a right, not a privilege."),
        ("en", "Sign up, log in, pay: the three steps took some users more than an hour."),
        ("en", "The agency's disclaimer, buried on page 40, says the figures may be revised."),
        ("en", "Reproduction of the painting without permission is forbidden under Italian law, the ministry said."),
        ("en", "The band lost the copyright to its first three albums in a 1979 contract dispute."),
        ("en", "Under the settlement, neither side admits liability and all rights of appeal are waived."),
        ("en", "Her newsletter on local politics now has 40,000 paying readers."),
        ("en", "Third-party cookies will disappear from Chrome by the end of next year, Google said."),
        ("en", "Users who reject cookies should not be shown a worse version of the site, the guidance says."),
        ("en", "The app's privacy settings were switched off by default, investigators found."),
        ("en", "Data protection officials said the breach affected 4 million customers."),
        ("en", "Advertising revenue fell 12% as brands cut spending, the publisher said."),
        ("en", "The bank's terms of service allowed it to freeze accounts without warning, the court heard."),
        ("de", "Alle Rechte an dem Film liegen nun beim Studio, entschied das Gericht."),
        ("de", "Datenschützer kritisieren, dass die App ohne Zustimmung Cookies setzt."),
        ("de", "Cookie-Banner sind seit 2018 auf fast allen europäischen Websites zu sehen."),
        ("fr", "Tous droits réservés : la mention figure au bas de chaque page, mais n'a aucune valeur juridique, rappelle l'avocate."),
        ("fr", "La CNIL a infligé une amende de 150 millions d'euros à Google pour ses cookies."),
        ("es", "Todos los derechos de la película pertenecen ahora al estudio, según la sentencia."),
        ("es", "La política de privacidad de la aplicación ocupa 12.000 palabras."),
        ("pt", "Todos os direitos da obra pertencem agora à editora, decidiu o tribunal."),
        ("pt", "Os cookies de terceiros vão desaparecer dos principais navegadores até ao fim do ano."),
        ("it", "Tutti i diritti del film appartengono ora allo studio, ha stabilito il giudice."),
        ("it", "I cookie di profilazione non potranno più essere installati senza consenso esplicito."),
        ("nl", "Alle rechten op de film liggen nu bij de studio, oordeelde de rechter."),
        ("nl", "Cookiemuren zijn volgens de toezichthouder in strijd met de privacywet."),
    ],
    # Long body paragraphs that mention a newsletter or cookies in the middle.
    "long_paragraph_mention": [
        ("en", "The council's communications team, which sends a weekly newsletter to about 12,000 residents, was told on Friday to stop mentioning the bridge project until the legal challenge is resolved, according to emails seen by this newspaper. Councillors from both parties said they had not been consulted about the decision."),
        ("en", "Investigators said the fraudsters had copied the bank's website down to the smallest detail, including the cookie banner that appears when a page first loads, so that customers had no reason to suspect anything. More than 3,000 people entered their card details before the site was taken down."),
        ("en", "Mrs Patel, who ran the village shop for 31 years, kept a handwritten newsletter pinned to the door every Monday, listing births, deaths and lost cats. When she retired in June, residents clubbed together to buy her a holiday in Portugal, the first she had taken since 1994."),
        ("en", "Under the new rules, websites will have to let users refuse tracking cookies with a single click, just as easily as they can accept them, and regulators will be able to fine companies up to 4% of their global turnover for repeated breaches. Industry groups say the change will cost publishers millions in lost advertising revenue."),
        ("en", "The paper's decision to end its print edition, announced to staff in an internal newsletter on Thursday, means that for the first time in 170 years the town will have no daily newspaper on sale. The editor said the website and a free email bulletin would continue, and that no journalists would lose their jobs."),
        ("en", "The study, funded by a consortium of privacy groups, tracked 2,000 volunteers for six months and found that most clicked 'accept all' on cookie pop-ups within two seconds, without reading a word. The authors say the findings show that consent, as currently designed, is largely meaningless."),
        ("de", "Der Verein, der seinen Mitgliedern seit Jahren einen monatlichen Newsletter schickt, hatte dort bereits im Frühjahr vor den steigenden Kosten gewarnt. Trotzdem kam die Beitragserhöhung für viele überraschend, wie mehrere Mitglieder am Dienstag bei der Versammlung in Kassel sagten."),
        ("fr", "Selon la CNIL, près de la moitié des sites contrôlés déposaient des cookies publicitaires avant même que l'internaute ait donné son accord, une pratique interdite depuis 2020. Les entreprises concernées disposent désormais de trois mois pour se mettre en conformité, faute de quoi elles s'exposent à des amendes."),
        ("es", "La asociación de vecinos, que envía una newsletter semanal a más de 4.000 familias, ya había advertido en marzo del mal estado del puente. Nadie en el ayuntamiento respondió a sus cartas, según los documentos a los que ha tenido acceso este periódico."),
        ("pt", "A empresa, que já tinha sido multada por instalar cookies sem o consentimento dos utilizadores, voltou a ser alvo de uma investigação em setembro. Segundo a autoridade de proteção de dados, milhares de pessoas foram afetadas durante pelo menos dois anos."),
        ("it", "Il Garante della privacy ha spiegato che molti siti continuano a installare cookie di profilazione prima ancora che l'utente abbia espresso il proprio consenso, in violazione delle regole europee. Le aziende coinvolte avranno novanta giorni per adeguarsi, altrimenti rischiano sanzioni pesanti."),
        ("nl", "De vereniging, die haar leden elke maand een nieuwsbrief stuurt, had daarin al in het voorjaar gewaarschuwd voor de stijgende kosten. Toch kwam de contributieverhoging voor veel leden als een verrassing, zeiden verschillende aanwezigen dinsdag tijdens de ledenvergadering in Zwolle."),
    ],
    # Odd case and punctuation: ALL CAPS quotes, chants, banners, exclamations.
    "odd_case_punct": [
        ("en", "“HELP US!”"),
        ("en", "“WE WANT JUSTICE!”"),
        ("en", "“NOT IN OUR NAME,” read one banner."),
        ("en", "“SAVE OUR NHS,” the placards read."),
        ("en", "“GOOOAL!” the commentator screamed."),
        ("en", "“READ MORE BOOKS,” says the sign outside the library."),
        ("en", "“Share! Like! Follow!” The influencer’s mantra is mocked throughout the film."),
        ("en", "“Subscribe, subscribe, subscribe!” is how the streamer ends every video."),
        ("en", "“NO MORE WAR!”"),
        ("en", "“Why?!”"),
        ("en", "“Next!”"),
        ("en", "SHARE PRICES COLLAPSED, screamed the tabloid headline the next morning."),
        ("en", "“Home!” the children shouted as the bus pulled in."),
        ("en", "“Sign up? Sign me up!”"),
        ("en", "Why? Nobody could say."),
        ("en", "“ADVERTISEMENT” was printed in capital letters across the top of the sponsored page, the regulator noted."),
        ("en", "“CLOSED UNTIL FURTHER NOTICE,” read the sign on the factory gate."),
        ("es", "“¡VIVA MÉXICO!”"),
        ("fr", "« NON ! » a crié la foule."),
        ("de", "„Nie wieder!“"),
        ("de", "„WIR SIND DAS VOLK!“, riefen die Demonstranten."),
        ("it", "«BASTA!» gridavano i manifestanti."),
        ("nl", "‘GENOEG IS GENOEG!’ stond op de spandoeken."),
        ("pt", "“FORA!” gritava a multidão."),
    ],
}


@dataclass(frozen=True)
class Case:
    category: str
    lang: str
    line: str
    index: int  # position in the category list, for stable ids

    @property
    def cid(self) -> str:
        return f"{self.category}-{self.lang}-{self.index:03d}"


CASES: tuple[Case, ...] = tuple(
    Case(cat, lang, line, i) for cat, items in _CASES.items() for i, (lang, line) in enumerate(items)
)


def _template_for(case: Case) -> Template:
    options = TEMPLATES_BY_LANG[case.lang]
    return options[zlib.crc32(case.line.encode("utf-8")) % len(options)]


def _insert(body: tuple[str, ...], line: str, position: str) -> tuple[list[str], int]:
    """Return the new body (case included) and the case's index in it."""
    n = len(body) + 1  # paragraphs after insertion
    index = {
        "first": 0,
        "middle": n // 2,
        "second_to_last": n - 2,
        "last": n - 1,
    }[position]
    paragraphs = list(body)
    paragraphs.insert(index, line)
    return paragraphs, index


def _build(template: Template, paragraphs: list[str]) -> str:
    return template.headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


PARAMS = [
    pytest.param(case, position, id=f"{case.cid}-{position}")
    for case in CASES
    for position in POSITIONS[case.category]
]


# ---------------------------------------------------------------------------
# Sanity checks on the data itself
# ---------------------------------------------------------------------------


def test_enough_cases_and_no_duplicates() -> None:
    assert len(CASES) >= 300
    lines = [c.line for c in CASES]
    assert len(lines) == len(set(lines)), "duplicate case lines"
    assert set(_CASES) == set(POSITIONS)
    assert {c.lang for c in CASES} == set(TEMPLATES_BY_LANG)


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.key for t in TEMPLATES])
def test_template_is_realistic(template: Template) -> None:
    assert 4 <= len(template.body) <= 5
    for p in template.body:
        assert len(p.split()) >= 30, p
        assert "\n" not in p


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.key for t in TEMPLATES])
def test_template_baseline_kept(template: Template) -> None:
    """Without any case inserted, every body paragraph survives (so a failure in
    the look-alike tests is caused by the case, not by the template)."""
    a = newsclean.clean_text(_build(template, list(template.body)))
    missing = [p for p in template.body if p not in a.paragraphs]
    assert not missing, f"template {template.key} loses body text: {missing!r}; removed={a.removed!r}"


# ---------------------------------------------------------------------------
# The look-alike tests
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "position"), PARAMS)
def test_lookalike_is_kept(case: Case, position: str) -> None:
    template = _template_for(case)
    paragraphs, index = _insert(template.body, case.line, position)
    a = newsclean.clean_text(_build(template, paragraphs))

    kept = case.line in a.paragraphs
    lost_body = [p for p in template.body if p not in a.paragraphs]
    if kept and not lost_body:
        return

    reasons = [r for r in a.removed if r.line == case.line]
    lines = [f"category={case.category} lang={case.lang} position={position} (index {index}) template={template.key}"]
    lines.append(f"case: {case.line!r}")
    if not kept:
        lines.append(f"case line dropped/changed; removal reason(s): {reasons!r}")
        if not reasons:
            near = difflib.get_close_matches(case.line, list(a.paragraphs), n=1, cutoff=0.5)
            partial = [r for r in a.removed if case.line in r.line or r.line in case.line]
            lines.append(f"closest kept paragraph: {near!r}; related removals: {partial!r}")
    if lost_body:
        lost_reasons = [r for r in a.removed if r.line in lost_body]
        lines.append(f"other body paragraphs lost: {lost_body!r}; removal reason(s): {lost_reasons!r}")
    pytest.fail("\n".join(lines))
