"""The manual in docs/ stays true to the server:

  - every directive that `httpd -L` lists for the loaded modules has an entry
    in some docs/mod/*.html page (an element with id="<name>", the name
    lower-cased without the '<' of sections: <Directory> -> id="directory");
  - every directive entry in the manual names a directive the server has;
  - every relative link (href/src) of every page points to an existing file,
    and a #fragment to an existing id in it.

`-L` prints, like Apache's, one line "Name (source.c)" per directive followed
by indented lines (its help text and where it is allowed).
"""
import glob
import html.parser
import os
import re
import urllib.parse

from conftest import DEFAULT_MODULES, MODDIR, OURS_BUILTIN, REPO

DOCS = os.path.join(REPO, 'docs')
MOD_PAGES = os.path.join(DOCS, 'mod')

DIRECTIVE_LINE = re.compile(r'^(<?[A-Za-z][A-Za-z0-9_.]*) \(([^()\s]+)\)$')


def anchor(name):
    return name.lstrip('<').lower()


class PageParser(html.parser.HTMLParser):
    """Collects ids, directive-entry ids and link targets of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.directive_ids = set()
        self.links = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get('id'):
            self.ids.add(a['id'])
            # An entry marked data-build-option exists only in builds with
            # that meson option (e.g. EnableExceptionHook): not required.
            if (tag == 'section' and 'directive' in (a.get('class') or '').split()
                    and not a.get('data-build-option')):
                self.directive_ids.add(a['id'])
        if a.get('name') and tag == 'a':
            self.ids.add(a['name'])
        for attr in ('href', 'src'):
            if a.get(attr) is not None:
                self.links.append((tag, a[attr], self.getpos()[0]))


def parse_page(path):
    p = PageParser()
    with open(path, encoding='utf-8') as f:
        p.feed(f.read())
    p.close()
    return p


def html_pages():
    pages = []
    for root, _dirs, files in os.walk(DOCS):
        pages += [os.path.join(root, f) for f in files if f.endswith('.html')]
    return sorted(pages)


def module_source(name):
    """The source file name httpd -l prints for a module: mpm_event -> event.c."""
    return (name[4:] if name.startswith('mpm_') else 'mod_' + name) + '.c'


def modules_to_load(server):
    """Every module of the build: the default set plus any other shared
    module found next to the binary (not a second MPM), minus those compiled
    in (httpd -l)."""
    r = server.run('-l')
    assert r.returncode == 0, r.stderr
    compiled_in = {line.strip() for line in r.stdout.splitlines()[1:]}
    names = list(DEFAULT_MODULES)
    for so in sorted(glob.glob(os.path.join(MODDIR, 'mod_*.so'))):
        n = os.path.basename(so)[len('mod_'):-len('.so')]
        if n not in names and not n.startswith('mpm_'):
            names.append(n)
    return [n for n in names
            if n not in OURS_BUILTIN and module_source(n) not in compiled_in]


def listed_directives(out):
    """[(name, source)] from -L output; indented lines are descriptions."""
    found = []
    for line in out.splitlines():
        if not line or line[0].isspace():
            continue
        m = DIRECTIVE_LINE.match(line)
        assert m, 'unexpected -L line: %r' % line
        found.append((m.group(1), m.group(2)))
    return found


def documented():
    """{id: page} of every id, and {directive id: page} of directive entries."""
    ids, entries = {}, {}
    for page in sorted(glob.glob(os.path.join(MOD_PAGES, '*.html'))):
        p = parse_page(page)
        rel = os.path.relpath(page, DOCS)
        for i in p.ids:
            ids.setdefault(i, rel)
        for i in p.directive_ids:
            entries.setdefault(i, rel)
    return ids, entries


def other_mpms():
    """Every MPM of the build but event (loaded by default): each is run
    on its own, since only one MPM may be loaded."""
    return sorted(os.path.basename(so)[len('mod_'):-len('.so')]
                  for so in glob.glob(os.path.join(MODDIR, 'mod_mpm_*.so'))
                  if not so.endswith('mod_mpm_event.so'))


def run_dash_L(ours):
    ours.render('', modules=modules_to_load(ours))
    r = ours.run('-L')
    assert r.returncode == 0, r.stdout + r.stderr
    found = listed_directives(r.stdout)
    for mpm in other_mpms():
        ours.render('', modules=[mpm, 'authz_core'])
        r = ours.run('-L')
        assert r.returncode == 0, r.stdout + r.stderr
        found += [d for d in listed_directives(r.stdout) if d not in found]
    # A parse that silently found nothing would make the test vacuous.
    names = {n for n, _ in found}
    for must in ('<Directory', 'DocumentRoot', 'Listen', 'LoadModule', 'KeepAliveTimeout',
                 'AddType', 'DirectoryIndex', 'Alias', 'IndexOptions', 'Require',
                 'CustomLog', 'ThreadsPerChild'):
        assert must in names, '%s missing from -L output:\n%s' % (must, r.stdout)
    return found


def test_every_directive_is_documented(ours):
    found = run_dash_L(ours)
    ids, _ = documented()
    missing = sorted('%s (%s)' % (n, src) for n, src in found if anchor(n) not in ids)
    assert not missing, ('directives listed by httpd -L without an entry '
                         '(id="<lowercased name>") in docs/mod/*.html: %s' % ', '.join(missing))


def test_every_documented_directive_exists(ours):
    found = run_dash_L(ours)
    names = {anchor(n) for n, _ in found}
    _, entries = documented()
    stale = sorted('%s in %s' % (i, page) for i, page in entries.items() if i not in names)
    assert not stale, 'manual entries for directives httpd -L does not list: %s' % ', '.join(stale)


def test_links_point_to_existing_files():
    pages = html_pages()
    assert os.path.join(DOCS, 'index.html') in pages
    parsed = {p: parse_page(p) for p in pages}
    broken = []
    for page, p in parsed.items():
        for tag, link, line in p.links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or url.netloc:       # external: http:, mailto:, //host
                continue
            where = '%s:%d: %s' % (os.path.relpath(page, DOCS), line, link)
            target = page
            if url.path:
                if url.path.startswith('/'):
                    broken.append(where + ' (absolute path: use a relative link)')
                    continue
                target = os.path.normpath(os.path.join(os.path.dirname(page),
                                                       urllib.parse.unquote(url.path)))
                if not (target + os.sep).startswith(DOCS + os.sep) and target != DOCS:
                    broken.append(where + ' (outside docs/)')
                    continue
                if os.path.isdir(target):
                    target = os.path.join(target, 'index.html')
                if not os.path.isfile(target):
                    broken.append(where + ' (no such file)')
                    continue
            if url.fragment and target.endswith('.html'):
                ids = parsed[target].ids if target in parsed else parse_page(target).ids
                if url.fragment not in ids:
                    broken.append(where + ' (no id "%s" there)' % url.fragment)
    assert not broken, 'broken links in docs/:\n' + '\n'.join(broken)


def test_pages_share_the_style_and_navigation():
    for page in html_pages():
        text = open(page, encoding='utf-8').read()
        rel = os.path.relpath(page, DOCS)
        assert text.startswith('<!DOCTYPE html>'), rel
        assert 'style.css"' in text and '<nav' in text, rel
