"""Command line: `assistant ask|index|sources|eval`. Thin over assistant.pipeline and assistant.evaluation."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .config import ENV_CORPUS, ENV_INDEX, Settings
from .errors import AssistantError

_corpus = click.option("--corpus", envvar=ENV_CORPUS, type=click.Path(file_okay=False),
                       help="Mapp med rapporter (standard: projektets corpus/).")
_index = click.option("--index", "index_dir", envvar=ENV_INDEX, type=click.Path(file_okay=False),
                      help="Mapp för indexet (standard: projektets index/).")


def _settings(corpus, index_dir) -> Settings:
    return Settings.from_env(corpus=corpus, index=index_dir)


def _fail(exc: Exception) -> None:
    click.echo(f"Fel: {exc}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Rapportassistenten: svar med källhänvisningar ur regionens rapporter."""


@main.command()
@click.argument("question", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Skriv svaret som JSON (se DESIGN.md).")
@click.option("-k", "top_k", default=10, show_default=True, help="Antal passager att hämta.")
@click.option("--generator", type=click.Choice(["extractive", "transformers"]),
              help="Svarsläge (standard: extractive; även ASSISTANT_GENERATOR eller assistant.toml).")
@click.option("--model", help="Lokal modellkatalog för --generator transformers (även ASSISTANT_MODEL).")
@click.option("--gguf-file", help="GGUF-fil i modellkatalogen (även ASSISTANT_GGUF_FILE).")
@click.option("--device", help="cpu, cuda eller auto (även ASSISTANT_DEVICE).")
@_corpus
@_index
def ask(question, as_json, top_k, generator, model, gguf_file, device, corpus, index_dir):
    """Besvara en fråga, t.ex.: assistant ask "Vad är status för RF8?" """
    from .config import GeneratorSettings
    from .generate import load_generator
    from .pipeline import Assistant

    text = " ".join(question).strip()
    try:
        if not text:
            raise AssistantError("Frågan är tom. Skriv en fråga, t.ex. assistant ask \"Vad är status för RF8?\"")
        g = GeneratorSettings.resolve(generator, model, gguf_file, device)
        answer = Assistant(_settings(corpus, index_dir), progress=not as_json or sys.stderr.isatty(),
                           generator=load_generator(g.kind, g.model, g.gguf_file, g.device)).ask(text, k=top_k)
    except AssistantError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(answer.text)
    if answer.citations:
        click.echo("\nKällor:")
        for c in answer.citations:
            where = f"s. {c.page}" if c.page else (f"rad {c.lines[0]}–{c.lines[1]}" if c.lines else "")
            click.echo(f"[{c.n}] {c.title}, {c.year} – {where} – {c.section}")
    click.echo(f"\n({answer.mode}, {answer.timings_ms.get('total', 0):.0f} ms)", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rebuild", is_flag=True, help="Bygg om allt från början.")
@click.option("--title", help="Rapportens titel (för PATH som inte finns i katalogen).")
@click.option("--organisation", help="T.ex. 'Region Västmanland'.")
@click.option("--unit", help="Förvaltning/nämnd, t.ex. 'Regionkontoret'.")
@click.option("--year", type=int, help="Rapportens år.")
@click.option("--kind", help="årsredovisning, årsrapport, delårsrapport, förvaltningsplan …")
@_corpus
@_index
def index(paths, rebuild, title, organisation, unit, year, kind, corpus, index_dir):
    """Bygg eller uppdatera indexet; PATH lägger till rapporter i korpusen först."""
    from .indexer import add_reports, build_index

    settings = _settings(corpus, index_dir)
    overrides = {k: v for k, v in dict(title=title, organisation=organisation, unit=unit, year=year,
                                       kind=kind).items() if v is not None}
    try:
        if overrides and not paths:
            raise AssistantError("--title/--organisation/--unit/--year/--kind gäller en rapport: ange PATH.")
        if paths:
            placed = add_reports(settings, [Path(p) for p in paths], overrides or None)
            click.echo(f"La till {len(placed)} rapport(er) i {settings.corpus_dir}.", err=True)
        report = build_index(settings, rebuild=rebuild)
    except AssistantError as exc:
        _fail(exc)
    click.echo(f"Index klart: {report.documents} rapporter, {report.chunks} avsnitt, {report.embedded} nya "
               f"embeddings, {report.reused_documents} oförändrade rapporter återanvända ({report.seconds:.1f} s).")
    for gone in report.removed:
        click.echo(f"Borttagen ur indexet: {gone}")
    for skipped in report.skipped:
        click.echo(f"Kunde inte läsas: {skipped}", err=True)
    if report.skipped:
        sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True)
@_corpus
@_index
def sources(as_json, corpus, index_dir):
    """Lista indexerade rapporter."""
    from .pipeline import Assistant

    try:
        idx = Assistant(_settings(corpus, index_dir)).index
    except AssistantError as exc:
        _fail(exc)
    rows = []
    for doc_id, d in sorted(idx.manifest["documents"].items(), key=lambda kv: (kv[1]["meta"]["year"] or 0, kv[0])):
        m = d["meta"]
        size = f"{d['pages']} sidor" if d.get("pages") else f"{d.get('lines')} rader"
        rows.append({"doc_id": doc_id, "title": m["title"], "organisation": m["organisation"], "year": m["year"],
                     "kind": m["kind"], "size": size, "chunks": d["n_chunks"], "added": d.get("added")})
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r['title']} | {r['organisation']} | {r['year']} | {r['kind']} | {r['size']} | "
                   f"{r['chunks']} avsnitt")


@main.command(name="eval")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Skriv hela rapporten som JSON hit.")
@click.option("-k", "top_k", default=10, show_default=True, help="Antal passager per fråga.")
@click.option("--baseline", is_flag=True, help="Mät även ren BM25 och ren dense-sökning (toppassage som svar).")
@click.option("--split", type=click.Choice(["dev", "test"]), help="Bara frågor med detta värde på fältet 'split'.")
@_corpus
@_index
def eval_cmd(file, json_out, top_k, baseline, split, corpus, index_dir):
    """Utvärdera mot en frågefil (JSON Lines enligt DESIGN.md)."""
    from .evaluation import format_report, load_questions, run_eval
    from .pipeline import Assistant

    try:
        questions = load_questions(Path(file))
        if split:
            questions = [q for q in questions if q.get("split") == split]
        assistant = Assistant(_settings(corpus, index_dir))
        report = run_eval(assistant, questions, k=top_k, baseline=baseline)
    except AssistantError as exc:
        _fail(exc)
    click.echo(format_report(report))
    if json_out:
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(json_out).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        click.echo(f"JSON-rapport: {json_out}")


@main.group()
def feedback():
    """Återkoppling (👍/👎) från webbappen."""


@feedback.command(name="export")
@click.option("--out", type=click.Path(dir_okay=False), help="Skriv JSON Lines hit (annars till stdout).")
@_index
def feedback_export(out, index_dir):
    """Exportera återkopplingen som frågor i utvärderingsformatet (JSON Lines)."""
    from .feedback import FeedbackStore

    settings = _settings(None, index_dir)
    lines = [json.dumps(q, ensure_ascii=False) for q in FeedbackStore(settings.index_dir).export_questions()]
    text = "\n".join(lines) + ("\n" if lines else "")
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"{len(lines)} frågor skrivna till {out}", err=True)
    else:
        click.echo(text, nl=False)


if __name__ == "__main__":
    main()
