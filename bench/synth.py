"""Generate a synthetic corpus for the benchmarks, deterministically.

    python bench/synth.py 1000 bench/out/corpus-1000/articles [--seed 1]

Each synthetic article recombines sentences of the real corpus articles of one
language and swaps the capitalised words (names, places) and years for picks from
fixed lists, so the articles differ from each other the way real ones do (other
people, places and dates; most end up in events of their own) while keeping real
sentence shapes. The same count and seed always give byte-identical files: one
`random.Random` per article, seeded from (seed, index), and sorted inputs.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "corpus" / "articles"

SENTENCE_END = re.compile(r"(?<=[.!?…»”\"])\s+(?=[«“\"‘'A-ZÀ-Ý])")
# A capitalised word that does not start its sentence: a name or a place, most often.
CAPITALISED = re.compile(r"(?<=[a-zà-ÿ,;:] )([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)?)")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
GIVEN = ["Anna", "Marco", "Lucía", "Pieter", "Claire", "Jonas", "Sofia", "Tomás", "Ingrid", "Luca", "Elif",
         "Mateo", "Hanna", "Yusuf", "Maren", "Paolo", "Inès", "Daan", "Greta", "Rafael"]
FAMILY = ["Berg", "Rossi", "Gómez", "Jansen", "Martin", "Weber", "Lindqvist", "Moreau", "Bianchi", "Novak",
          "Santos", "de Wit", "Keller", "Dubois", "Costa", "Visser", "Ferrari", "Navarro", "Larsen", "Meyer"]
PLACES = ["Oslo", "Lima", "Hanoi", "Nairobi", "Tallinn", "Porto", "Lyon", "Gdansk", "Osaka", "Quito", "Bergen",
          "Genua", "Sevilla", "Utrecht", "Dresden", "Marseille", "Valparaíso", "Helsinki", "Accra", "Montevideo"]
OUTLETS = ["Example Post", "Daily Sample", "Het Voorbeeld", "Le Modèle", "Der Beispielbote", "Il Campione"]


def corpus_sentences(folder: Path) -> dict[str, list[str]]:
    """Sentences of the real corpus, pooled per article language (from the `language` front matter
    or, for plain files, by the share of common Dutch words: good enough to keep pools apart)."""
    pools: dict[str, list[str]] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".md") or path.name.startswith("."):
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("\n---", 1)[-1]
        words = re.findall(r"\w+", text.lower())
        dutch = sum(w in {"de", "het", "een", "en", "van", "niet", "zijn"} for w in words)
        language = "nl" if dutch > len(words) * 0.05 else "en"
        sentences = [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if len(s.split()) >= 4]
        pools.setdefault(language, []).extend(sentences)
    return pools


def synthetic_article(index: int, seed: int, pools: dict[str, list[str]]) -> tuple[str, str]:
    """(file name, content) of article `index`."""
    rng = random.Random(f"{seed}:{index}")
    language = rng.choice(sorted(pools))
    chosen = rng.sample(pools[language], k=min(len(pools[language]), rng.randint(10, 24)))
    people = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(3)]
    places = rng.sample(PLACES, 3)
    swaps: dict[str, str] = {}

    def swap(match: re.Match[str]) -> str:
        word = match.group(1)
        if word not in swaps:
            swaps[word] = rng.choice(places) if rng.random() < 0.4 else rng.choice(people).split()[-1]
        return swaps[word]

    year = rng.randint(1995, 2024)
    body = []
    for sentence in chosen:
        sentence = CAPITALISED.sub(swap, sentence)
        body.append(YEAR.sub(lambda m: str(year - rng.randint(0, 1)), sentence))
    paragraphs = ["\n\n".join(" ".join(body[i:i + 3]) for i in range(0, len(body), 3))]
    title = f"{people[0]} en {people[1]} in {places[0]}" if language == "nl" else \
        f"{people[0]} and {people[1]} meet in {places[0]}"
    if index % 2:  # half carry front matter, half are plain text
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        front = f"---\ntitle: {title}\npublished: {published}\noutlet: {rng.choice(OUTLETS)}\n---\n\n"
        return f"synth-{index:05d}.md", front + paragraphs[0] + "\n"
    return f"synth-{index:05d}.txt", title + "\n\n" + paragraphs[0] + "\n"


def generate(count: int, out: Path, seed: int = 1, source: Path = SOURCE) -> list[Path]:
    pools = corpus_sentences(source)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        name, content = synthetic_article(index, seed, pools)
        (out / name).write_text(content, encoding="utf-8")
        written.append(out / name)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    files = generate(args.count, args.out, args.seed)
    print(f"synth: {len(files)} articles → {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
