"""Generate the held-out HTML article set (html/<id>.html + ground-truth.json).

Every page is described in pages_*.py as a dict: language, charset, template,
site chrome strings and the article as a list of blocks. The ground truth is
derived from the same blocks, so markup and truth cannot drift apart.

Block kinds (kept in the truth unless noted):
  ("p", text)        paragraph; "[[anchor|/url]]" renders as an inline link
  ("h2", t) ("h3", t) subheadings
  ("ul", [..]) ("ol", [..]) list items, one line each
  ("quote", t)       blockquote inside the article
  ("table", rows)    data table; one line per row, cells joined by a space
  ("fig", caption)   figure + figcaption            -> EXCLUDED
  ("tweet", text)    embedded tweet blockquote      -> EXCLUDED
  ("ad",)            ad slot                        -> EXCLUDED
  ("paywall",)       subscription teaser box        -> EXCLUDED
  ("also", title)    standalone "Read also: ..." link line -> EXCLUDED
  ("split",)         (template "split" only) closes the current body container
"""

from __future__ import annotations

import hashlib
import html as H
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
sys.path.insert(0, str(HERE))

LINK = re.compile(r"\[\[(.+?)\|(.+?)\]\]")


def esc(s: str) -> str:
    return H.escape(s, quote=False)


def inline(text: str) -> str:
    out, pos = [], 0
    for m in LINK.finditer(text):
        out.append(esc(text[pos : m.start()]))
        out.append(f'<a href="{H.escape(m.group(2))}">{esc(m.group(1))}</a>')
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def plain(text: str) -> str:
    return LINK.sub(lambda m: m.group(1), text)


def truth_of(page: dict) -> str:
    lines = []
    if page.get("standfirst"):
        lines.append(page["standfirst"])
    for b in page["body"]:
        k = b[0]
        if k in ("p", "h2", "h3", "quote"):
            lines.append(plain(b[1]))
        elif k in ("ul", "ol"):
            lines.extend(plain(x) for x in b[1])
        elif k == "table":
            lines.extend(" ".join(r) for r in b[1])
    return "\n\n".join(lines)


# ---------------------------------------------------------------- chrome ----

def head(p: dict) -> str:
    c = p["chrome"]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": p["title"],
        "description": p.get("standfirst") or p["summary"],
        "datePublished": p["date_iso"],
        "inLanguage": p["lang"],
        "author": {"@type": "Person", "name": p["author"]},
        "publisher": {"@type": "Organization", "name": p["site"],
                      "logo": {"@type": "ImageObject", "url": f"https://{p['host']}/static/logo.png"}},
        "mainEntityOfPage": p["url"],
    }
    crumbs = {
        "@context": "https://schema.org", "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i + 1, "name": n, "item": f"https://{p['host']}/{n.lower()}/"}
            for i, n in enumerate(c["crumbs"])
        ],
    }
    charset_tag = (
        f'<meta charset="{p["charset"]}">' if p.get("charset_style", "meta") == "meta"
        else f'<meta http-equiv="Content-Type" content="text/html; charset={p["charset"]}">'
    )
    return f"""<!DOCTYPE html>
<html lang="{p['lang']}"{' dir="rtl"' if p['lang'] == 'ar' else ''}>
<head>
{charset_tag}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(p['title'])} | {esc(p['site'])}</title>
<meta name="description" content="{H.escape(p.get('standfirst') or p['summary'])}">
<meta name="author" content="{H.escape(p['author'])}">
<link rel="canonical" href="{p['url']}">
<meta property="og:type" content="article">
<meta property="og:title" content="{H.escape(p['title'])}">
<meta property="og:description" content="{H.escape(p['summary'])}">
<meta property="og:url" content="{p['url']}">
<meta property="og:image" content="https://{p['host']}/img/2026/{p['slug']}-1200x630.jpg">
<meta property="og:site_name" content="{H.escape(p['site'])}">
<meta property="article:published_time" content="{p['date_iso']}">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="https://{p['host']}/assets/css/main.4f2a91.css">
<style>.ad-slot{{min-height:250px;background:#f4f4f4}}.cookie-banner{{position:fixed;bottom:0}}.share a{{display:inline-block}}</style>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script type="application/ld+json">{json.dumps(crumbs, ensure_ascii=False)}</script>
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"pageType":"article","section":"{c['crumbs'][-1]}","articleId":"{p['slug']}"}});</script>
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
</head>
"""


def header(p: dict, variant: int) -> str:
    c = p["chrome"]
    nav = "".join(f'<li><a href="/{re.sub(r"[^a-z0-9]+", "-", n.lower()) or "s"}/">{esc(n)}</a></li>' for n in c["nav"])
    if variant == 0:
        return f"""<body class="article-page">
<a class="skip-link" href="#main">{esc(c['skip'])}</a>
<header class="site-header"><div class="top-bar"><a class="logo" href="/">{esc(p['site'])}</a>
<a class="login" href="/login">{esc(c['login'])}</a> <a class="subscribe" href="/abo">{esc(c['subscribe'])}</a></div>
<nav class="main-nav" aria-label="main"><ul>{nav}</ul></nav></header>
<div class="ad-slot ad-leaderboard" id="ad-top"><span class="ad-label">{esc(c['ad'])}</span><div id="div-gpt-ad-1001"></div></div>
"""
    if variant == 1:
        return f"""<body>
<div id="page"><div class="masthead"><div class="brand"><a href="/"><img src="/img/logo.svg" alt="{H.escape(p['site'])}"></a></div>
<div class="menu"><ul class="menu-list">{nav}</ul></div>
<form class="search" action="/search"><input type="text" name="q" placeholder="{H.escape(c['search'])}"></form></div>
"""
    return f"""<body class="single">
<div class="wrapper"><div class="header-wrap"><h2 class="site-title"><a href="/">{esc(p['site'])}</a></h2>
<div class="nav"><div class="nav-items">{''.join(f'<div class="nav-item"><a href="/c/{i}">{esc(n)}</a></div>' for i, n in enumerate(c['nav']))}</div></div>
<div class="header-tools"><a href="/login">{esc(c['login'])}</a> | <a href="/abo">{esc(c['subscribe'])}</a></div></div>
"""


def breadcrumbs(p: dict) -> str:
    c = p["chrome"]
    items = "".join(f'<li><a href="/{n.lower()}/">{esc(n)}</a></li>' for n in c["crumbs"])
    return f'<nav class="breadcrumb" aria-label="breadcrumb"><ol>{items}</ol></nav>\n'


def share(p: dict, where: str) -> str:
    c = p["chrome"]
    u = p["url"]
    return f"""<div class="share share-{where}"><span>{esc(c['share'])}</span>
<a href="https://www.facebook.com/sharer/sharer.php?u={u}" class="fb">Facebook</a>
<a href="https://twitter.com/intent/tweet?url={u}" class="tw">X</a>
<a href="https://wa.me/?text={u}" class="wa">WhatsApp</a>
<a href="mailto:?subject={H.escape(p['title'])}" class="mail">E-Mail</a>
<button class="copy-link">{esc(c['copy'])}</button></div>
"""


def ad(p: dict, n: int) -> str:
    return (f'<div class="ad-slot ad-inread" id="ad-mid-{n}" data-ad-unit="/2194/{p["host"]}/article/mid{n}">'
            f'<span class="ad-label">{esc(p["chrome"]["ad"])}</span><div id="div-gpt-ad-20{n}"></div>'
            f'<script>googletag.cmd.push(function(){{googletag.display("div-gpt-ad-20{n}");}});</script></div>\n')


def newsletter(p: dict) -> str:
    c = p["chrome"]
    return f"""<aside class="newsletter-box"><h3>{esc(c['nl_title'])}</h3><p>{esc(c['nl_text'])}</p>
<form action="/newsletter/subscribe" method="post"><input type="email" name="email" placeholder="E-mail"><button type="submit">{esc(c['nl_button'])}</button></form></aside>
"""


def paywall(p: dict) -> str:
    c = p["chrome"]
    return f"""<div class="paywall-teaser" data-paywall="soft"><h4>{esc(c['pw_title'])}</h4><p>{esc(c['pw_text'])}</p>
<a class="btn btn-primary" href="/abo/angebot">{esc(c['subscribe'])}</a> <a href="/login">{esc(c['login'])}</a></div>
"""


def related(p: dict) -> str:
    c = p["chrome"]
    items = "".join(
        f'<li class="teaser"><a href="/{p["section_path"]}/{i}-{hashlib.md5(t.encode()).hexdigest()[:6]}.html">'
        f'<img src="/img/thumb/{i}.jpg" alt=""><span class="teaser-title">{esc(t)}</span></a></li>'
        for i, t in enumerate(c["related"])
    )
    return f'<section class="related-articles"><h2>{esc(c["related_title"])}</h2><ul>{items}</ul></section>\n'


def comments(p: dict) -> str:
    c = p["chrome"]
    cs = "".join(
        f'<li class="comment" id="c{i}"><div class="comment-meta"><span class="comment-author">{esc(a)}</span> '
        f'<time>{esc(p["date_h"])}</time></div><div class="comment-body"><p>{esc(t)}</p></div>'
        f'<a class="reply" href="#c{i}">{esc(c["reply"])}</a></li>'
        for i, (a, t) in enumerate(c["comments"])
    )
    return (f'<section id="comments" class="comments-area"><h3 class="comments-title">{esc(c["comments_title"])} '
            f'({len(c["comments"])})</h3><ol class="comment-list">{cs}</ol>'
            f'<form class="comment-form"><textarea name="comment"></textarea><button>{esc(c["send"])}</button></form></section>\n')


def footer(p: dict) -> str:
    c = p["chrome"]
    cols = "".join(
        "<div class=\"footer-col\"><ul>" + "".join(f'<li><a href="/info/{j}-{i}">{esc(n)}</a></li>' for j, n in enumerate(col)) + "</ul></div>"
        for i, col in enumerate(c["footer"])
    )
    return f"""<footer class="site-footer">{cols}
<p class="copyright">&copy; 2026 {esc(p['site'])}. {esc(c['rights'])}</p></footer>
<div class="cookie-banner" id="cookie-consent" role="dialog"><p>{esc(c['cookie'])}</p>
<button class="accept">{esc(c['accept'])}</button> <button class="settings">{esc(c['settings'])}</button></div>
<script src="https://{p['host']}/assets/js/app.8c1d.js" defer></script>
<script>(function(){{var s=document.createElement('script');s.src='https://cdn.cmp.example/consent.js';document.head.appendChild(s);}})();</script>
</body>
</html>
"""


def article_head(p: dict, variant: int) -> str:
    c = p["chrome"]
    sf = p.get("standfirst")
    if variant == 0:
        return (f'<header class="article-header"><span class="kicker">{esc(p["kicker"])}</span><h1 class="headline">{esc(p["title"])}</h1>'
                + (f'<p class="standfirst lead">{esc(sf)}</p>' if sf else "")
                + f'<div class="byline">{esc(c["by"])} <a rel="author" href="/autor/{p["slug"][:8]}">{esc(p["author"])}</a> · '
                f'<time datetime="{p["date_iso"]}">{esc(p["date_h"])}</time> · {esc(p["readtime"])}</div></header>\n')
    return (f'<h1 class="entry-title">{esc(p["title"])}</h1>\n<div class="meta"><span class="author">{esc(c["by"])} {esc(p["author"])}</span> '
            f'<span class="date">{esc(p["date_h"])}</span></div>\n'
            + (f'<div class="intro"><strong>{esc(sf)}</strong></div>\n' if sf else ""))


# ------------------------------------------------------------- body blocks --

def block(p: dict, b: tuple, n: list[int], br: bool = False) -> str:
    k = b[0]
    c = p["chrome"]
    if k == "p":
        return f"{inline(b[1])}<br><br>\n" if br else f"<p>{inline(b[1])}</p>\n"
    if k in ("h2", "h3"):
        return f"<b>{esc(b[1])}</b><br>\n" if br else f"<{k}>{esc(b[1])}</{k}>\n"
    if k in ("ul", "ol"):
        return f"<{k}>" + "".join(f"<li>{inline(x)}</li>" for x in b[1]) + f"</{k}>\n"
    if k == "quote":
        return f"<blockquote><p>{inline(b[1])}</p></blockquote>\n"
    if k == "table":
        head_row, *rows = b[1]
        return ('<table class="data-table"><thead><tr>' + "".join(f"<th>{esc(x)}</th>" for x in head_row) + "</tr></thead><tbody>"
                + "".join("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in r) + "</tr>" for r in rows) + "</tbody></table>\n")
    if k == "fig":
        n[0] += 1
        return (f'<figure class="image"><img src="https://{p["host"]}/img/2026/{p["slug"]}-{n[0]}.jpg" alt="" loading="lazy">'
                f'<figcaption>{esc(b[1])} <span class="credit">{esc(c["photo"])}</span></figcaption></figure>\n')
    if k == "tweet":
        return (f'<blockquote class="twitter-tweet" data-lang="{p["lang"]}"><p lang="{p["lang"]}" dir="ltr">{esc(b[1])}</p>'
                f'&mdash; {esc(b[2])} <a href="https://twitter.com/{b[3]}/status/18{abs(hash(b[1])) % 10**16}">{esc(p["date_h"])}</a></blockquote>\n'
                '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n')
    if k == "ad":
        n[1] += 1
        return ad(p, n[1])
    if k == "paywall":
        return paywall(p)
    if k == "also":
        return (f'<p class="read-also"><strong>{esc(c["also"])}</strong> '
                f'<a href="/{p["section_path"]}/{hashlib.md5(b[1].encode()).hexdigest()[:8]}.html">{esc(b[1])}</a></p>\n')
    if k == "split":
        return ""
    raise ValueError(k)


def body_plain(p, n):
    """<article> > div.article-body > p sequence."""
    return '<div class="article-body" itemprop="articleBody">\n' + "".join(block(p, b, n) for b in p["body"] if b[0] != "split") + "</div>\n"


def body_split(p, n):
    """Body cut into sibling containers; ad/also/paywall blocks live between them."""
    parts, cur = [], []
    for b in p["body"]:
        if b[0] in ("ad", "paywall", "also", "split"):
            if cur:
                parts.append('<div class="text-block">\n' + "".join(cur) + "</div>\n")
                cur = []
            if b[0] != "split":
                parts.append(block(p, b, n))
        else:
            cur.append(block(p, b, n))
    if cur:
        parts.append('<div class="text-block">\n' + "".join(cur) + "</div>\n")
    return "".join(parts)


def body_br(p, n):
    """Bare <div> with <br><br> instead of <p>; non-text blocks stay elements."""
    return '<div class="articletext" id="articletext">\n' + "".join(block(p, b, n, br=True) for b in p["body"] if b[0] != "split") + "</div>\n"


def body_sections(p, n):
    """Each h2 opens a new <section>."""
    out = ['<div class="story-content">\n<section class="story-section">\n']
    for b in p["body"]:
        if b[0] == "split":
            continue
        if b[0] == "h2":
            out.append("</section>\n<section class=\"story-section\">\n")
        out.append(block(p, b, n))
    out.append("</section>\n</div>\n")
    return "".join(out)


BODIES = {"plain": body_plain, "split": body_split, "br": body_br, "sections": body_sections}


def render(p: dict) -> str:
    n = [0, 0]
    layout = p.get("layout", 0)  # 0: <main><article>; 1: div#content; 2: wordpress-like
    body = BODIES[p["template"]](p, n)
    sidebar = (f'<aside class="sidebar"><div class="widget most-read"><h3>{esc(p["chrome"]["most_read"])}</h3><ol>'
               + "".join(f'<li><a href="/m/{i}">{esc(t)}</a></li>' for i, t in enumerate(p["chrome"]["related"][::-1])) + "</ol></div>"
               + ad(p, 9) + "</aside>\n")
    if layout == 0:
        main = (f'<main id="main">{breadcrumbs(p)}<article class="article" itemscope itemtype="https://schema.org/NewsArticle">\n'
                + article_head(p, 0) + share(p, "top") + body + share(p, "bottom")
                + f'<div class="tags">{"".join(f"<a href=/tag/{i}>{esc(t)}</a> " for i, t in enumerate(p["tags"]))}</div>\n'
                + "</article>\n" + newsletter(p) + related(p) + comments(p) + "</main>\n" + sidebar)
    elif layout == 1:
        main = (f'<div id="content" class="container">{breadcrumbs(p)}<div class="row"><div class="col-main">\n'
                + article_head(p, 1) + share(p, "top") + body
                + newsletter(p) + share(p, "bottom") + "</div>\n" + sidebar + "</div>\n" + related(p) + comments(p) + "</div>\n")
    else:
        main = (f'<div id="primary" class="content-area"><main id="main" class="site-main">{breadcrumbs(p)}'
                f'<article id="post-{len(p["slug"]) * 997}" class="post type-post status-publish">\n<header class="entry-header">'
                + article_head(p, 1) + "</header>\n" + share(p, "top")
                + '<div class="entry-content">\n' + body + newsletter(p) + "</div>\n"
                + f'<footer class="entry-footer"><span class="cat-links">{esc(p["kicker"])}</span> '
                f'<span class="tags-links">{", ".join(esc(t) for t in p["tags"])}</span></footer></article>\n'
                + related(p) + comments(p) + "</main></div>\n" + sidebar)
    return head(p) + header(p, p.get("header", 0)) + main + footer(p)


def main() -> None:
    import pages_a
    import pages_b
    import pages_c

    pages = pages_a.PAGES + pages_b.PAGES + pages_c.PAGES
    truth = {}
    for p in pages:
        p.setdefault("charset", "utf-8")
        p.setdefault("section_path", p["chrome"]["crumbs"][-1].lower().replace(" ", "-"))
        pid = hashlib.sha256(p["url"].encode()).hexdigest()
        html_text = render(p)
        data = html_text.encode(p["charset"], errors="xmlcharrefreplace")
        (OUT / "html" / f"{pid}.html").write_bytes(data)
        truth[pid] = {"articleBody": truth_of(p), "url": p["url"]}
        t = truth[pid]["articleBody"]
        words = len(t.split()) if p["lang"] not in ("ja", "zh", "ko") else len(t)
        print(f"{pid[:10]} {p['lang']:3} {p['charset']:12} {p['template']:8} L{p.get('layout', 0)} words/chars={words}")
    (OUT / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=4, sort_keys=True) + "\n", encoding="utf-8")
    print(len(truth), "pages")


if __name__ == "__main__":
    main()
