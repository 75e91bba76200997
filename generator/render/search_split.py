"""The split search index: a small first piece, then only the pieces a query needs.

A phone that opens search should not download every agreement's text first (the whole index was
255 KB gz for three agreements, and grows with each one). The entries (one per clause, see
generator/render/search.py) are written in three kinds of files under site/search/cb/:

* `meta.json`, the first piece (a few KB): Material's search `config`, the groups (each agreement,
  then the other pages) with their title, first entry id and entry count, the block size, and
  the first term of every term shard.
* `terms/<n>.json`, the term shards: {term: [[entry ids, delta-coded], [weights]]}, terms in
  sorted order, cut into shards of about SHARD_BYTES. A term is a word of a clause (weight: BM25
  of the word in that entry, title words counting TITLE_TF times) or a citation key with "~" in
  front ("~12.05", "~lou.3"; search_terms.py). A query downloads only the shards of its words:
  "overtime" fetches the one shard that holds "overtime", whatever the number of agreements.
  A very common word keeps its MAX_POSTINGS best entries (a member reads the first few dozen).
* `docs/<agreement>/<n>.json` (and `pages/<n>.json` for the other pages), the blocks: BLOCK
  entries each, {"pages": {page location: page title}, "docs": [[location, title, text(, tags)], ...]}.
  The worker fetches only the blocks holding the results it shows.

`pieces.json` (for the offline cache, issue 14) lists the files: those every search needs, and
each agreement's blocks. File names do not change from visit to visit (no query strings).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .. import serve_state
from .escape import json_text
from .search_terms import cite_terms, count_words, plain

DIR = "search/cb"
META = f"{DIR}/meta.json"
PIECES = "search/pieces.json"
BLOCK = 8             # entries per block: the top results touch few, small blocks
SHARD_BYTES = 24_000  # raw JSON per term shard (about 9 KB gz)
MAX_POSTINGS = 600    # entries kept for one word (its best-weighted)
TITLE_TF = 5          # a word in a clause's title counts as five in its text
K1, B = 1.2, 0.75     # BM25


@dataclass
class Group:
    """An agreement's entries (slug "sooke-2006/") or the site's other pages (slug "")."""

    slug: str
    title: str
    docs: list[dict] = field(default_factory=list)
    start: int = 0

    @property
    def folder(self) -> str:
        return f"{DIR}/docs/{self.slug}" if self.slug else f"{DIR}/pages/"

    def block_files(self) -> list[str]:
        return [f"{self.folder}{n}.json" for n in range(math.ceil(len(self.docs) / BLOCK))]


def group_docs(docs: list[dict], agreements: dict[str, str]) -> list[Group]:
    """Entries by agreement (in the agreements' order), then everything else."""
    groups = {slug: Group(slug, title) for slug, title in agreements.items()}
    other = Group("", "")
    for doc in docs:
        slug = doc["location"].split("/")[0] + "/"
        groups.get(slug, other).docs.append(doc)
    out = [g for g in groups.values() if g.docs] + ([other] if other.docs else [])
    start = 0
    for group in out:
        group.start, start = start, start + len(group.docs)
    return out


def postings(groups: list[Group], memo: dict | None = None) -> dict[str, dict[int, int]]:
    """{term: {entry id: weight}} for every word and citation key. `memo` (`clausebook serve`):
    each entry's word counts by its text, title and tags, kept from one rebuild to the next."""
    counts: list[dict[str, int]] = []
    kept: dict = {}
    for group in groups:
        for doc in group.docs:
            key = (doc["text"], doc["title"], tuple(doc.get("tags", [])))
            tf = memo.get(key) if memo is not None else None
            if tf is None:
                tf = _term_counts(doc)
            kept[key] = tf
            counts.append(tf)
    if memo is not None:
        memo.clear()
        memo.update(kept)
    out = _weights(counts)
    ident = 0
    for group in groups:
        for doc in group.docs:
            for term, weight in cite_terms(doc.get("cite", "")).items():
                out[term][ident] = weight
            ident += 1
    return out


def _weights(counts: list[dict[str, int]]) -> dict[str, dict[int, int]]:
    """{word: {entry id: BM25 weight × 10, at least 1}} from each entry's word counts."""
    total = len(counts) or 1
    avg = sum(sum(tf.values()) for tf in counts) / total or 1
    df: Counter[str] = Counter()
    for tf in counts:
        df.update(tf.keys())  # in how many entries each word is
    # per word, its idf and its postings, found with one lookup in the loop below
    rows = {term: (math.log(1 + (total - n + 0.5) / (n + 0.5)), {}) for term, n in df.items()}
    k1_plus_1 = K1 + 1
    for ident, tf in enumerate(counts):
        length = sum(tf.values())
        norm = K1 * (1 - B + B * length / avg)  # BM25: idf * n * (K1 + 1) / (n + norm)
        for term, n in tf.items():
            idf, row = rows[term]
            row[ident] = max(1, round(idf * n * k1_plus_1 / (n + norm) * 10))
    return defaultdict(dict, ((term, row) for term, (_, row) in rows.items()))


def _term_counts(doc: dict) -> dict[str, int]:
    """How often each word is in an entry, its title's words counting TITLE_TF times."""
    tf: dict[str, int] = {}
    count_words(plain(doc["text"]), 1, tf)
    # a bulletin's tags count as its title (mkdocs.yml boosts)
    count_words(plain(" ".join([doc["title"], *doc.get("tags", [])])), TITLE_TF, tf)
    return tf


def encode(entries: dict[int, int]) -> list[list[int]]:
    """[[delta-coded ids], [weights]] of a term's best MAX_POSTINGS entries, in id order:
    {3: 40, 7: 12} -> [[3, 4], [40, 12]]."""
    if len(entries) == 1:  # two terms in three are in one entry only
        [(ident, weight)] = entries.items()
        return [[ident], [weight]]
    if len(entries) > MAX_POSTINGS:
        # the best by weight, ties in the dict's order (ascending ids, as postings adds them)
        best = sorted(entries.items(), key=lambda kv: -kv[1])[:MAX_POSTINGS]
        best.sort()
        ids = [ident for ident, _ in best]
        weights = [weight for _, weight in best]
    else:  # every entry is kept: the weight sort would only be undone by the id sort
        ids = sorted(entries)
        weights = [entries[ident] for ident in ids]
    return [[ids[0]] + [b - a for a, b in zip(ids, ids[1:])] if ids else [], weights]


def json_length(item: list[list[int]]) -> int:
    """len(json_text(item, compact=True)) of an encoded term, without writing its JSON: Python
    writes a list of ints as compact JSON does, but with a space after each comma:
    repr [[3, 4], [40, 12]] is 16 characters, its JSON [[3,4],[40,12]] 13 (three commas)."""
    text = repr(item)
    return len(text) - text.count(", ")


def shards(index: dict[str, dict[int, int]], memo: dict | None = None) -> list[dict[str, list]]:
    """The sorted terms cut into shards of about SHARD_BYTES of JSON each. `memo` (`clausebook
    serve`): term -> (its entries, encoded, JSON length) of the last rebuild, reused when the
    term's entries are equal (a word changed in one clause leaves most terms as they were)."""
    out: list[dict[str, list]] = [{}]
    size = 0
    kept = {}
    for term in sorted(index):
        entries = index[term]
        held = memo.get(term) if memo is not None else None
        if held is not None and held[0] == entries:
            item, length = held[1], held[2]
        else:
            item = encode(entries)
            length = json_length(item)
        kept[term] = (entries, item, length)
        cost = len(term) + length + 4
        if size and size + cost > SHARD_BYTES:
            out.append({})
            size = 0
        out[-1][term] = item
        size += cost
    if memo is not None:
        memo.clear()
        memo.update(kept)
    return out


def blocks(group: Group, titles: dict[str, str]) -> list[dict]:
    """A group's entries, BLOCK at a time, each block with the titles of its entries' pages."""
    out = []
    for n in range(0, len(group.docs), BLOCK):
        docs = group.docs[n:n + BLOCK]
        pages = {}
        for doc in docs:
            page = doc["location"].partition("#")[0]
            if page != doc["location"]:
                pages[page] = titles.get(page, "")
        rows = [[d["location"], d["title"], d["text"]] + ([d["tags"]] if d.get("tags") else [])
                for d in docs]  # Material's own entries (bulletins) may have tags
        out.append({"pages": pages, "docs": rows})
    return out


def write_split(config: dict, docs: list[dict], agreements: dict[str, str],
                site_dir: Path) -> dict[str, int]:
    """Write the pieces described above; returns {file: bytes} (all term shards summed).
    In `clausebook serve`, words counted and terms encoded in the last rebuild are reused, and
    only the pieces whose text changed are written (serve_state)."""
    state = serve_state.SERVE
    groups = group_docs(docs, agreements)
    titles = {d["location"]: d["title"] for d in docs}
    files: dict[str, object] = {}
    for group in groups:
        for name, block in zip(group.block_files(), blocks(group, titles)):
            files[name] = block
    if state is not None:
        cut = shards(postings(groups, state.search_tf), state.search_terms)
    else:
        cut = shards(postings(groups))
    for n, shard in enumerate(cut):
        files[f"{DIR}/terms/{n}.json"] = shard
    files[META] = {
        "config": config, "block": BLOCK, "shards": [next(iter(s), "") for s in cut],
        "groups": [{"slug": g.slug, "title": g.title, "start": g.start, "count": len(g.docs)}
                   for g in groups]}
    terms = [f"{DIR}/terms/{n}.json" for n in range(len(cut))]
    pages = [name for g in groups if not g.slug for name in g.block_files()]
    files[PIECES] = {
        "shared": ["search/search_index.json", META, *terms, *pages],
        "agreements": {g.slug: g.block_files() for g in groups if g.slug}}
    if state is not None:
        texts = {name: json_text(data, compact=True) for name, data in files.items()}
        state.write_changed(site_dir, {n: t for n, t in texts.items() if n != PIECES}, DIR)
        state.write_changed(site_dir, {PIECES: texts[PIECES]}, PIECES)
        return {name: len(text.encode("utf-8")) for name, text in texts.items()}
    target = site_dir / DIR
    if target.exists():
        for old in sorted(target.rglob("*.json")):
            old.unlink()  # a piece left from an earlier build would be listed nowhere
    sizes = {}
    for name, data in files.items():
        path = site_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json_text(data, compact=True)
        path.write_text(text, encoding="utf-8")
        sizes[name] = len(text.encode("utf-8"))
    return sizes


def read_split(site_dir: Path) -> tuple[dict[str, str], list[dict]]:
    """({agreement slug: title}, [entry as the worker shows it: location, title, text, tags])
    read back from the pieces: for tests and checks that look at every entry."""
    import json  # noqa: PLC0415 (only checks read the pieces back)

    meta = json.loads((site_dir / META).read_text(encoding="utf-8"))
    agreements, docs = {}, []
    for group in meta["groups"]:
        folder = f"{DIR}/docs/{group['slug']}" if group["slug"] else f"{DIR}/pages/"
        if group["slug"]:
            agreements[group["slug"]] = group["title"]
        for n in range(math.ceil(group["count"] / meta["block"])):
            block = json.loads((site_dir / f"{folder}{n}.json").read_text(encoding="utf-8"))
            tags = [group["title"]] if group["slug"] else []
            docs += [{"location": row[0], "title": row[1], "text": row[2],
                      "tags": tags or (row[3] if len(row) > 3 else [])} for row in block["docs"]]
            docs += [{"location": loc, "title": title, "text": "", "tags": tags}
                     for loc, title in block["pages"].items()]
    return agreements, docs
