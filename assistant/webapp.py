"""The Gradio chat staff use every day. Thin over assistant.pipeline: every answer comes from
Assistant.ask, uploads go through Assistant.add_reports, and the `ask` API returns exactly the JSON
of `assistant ask --json`."""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import gradio as gr

from .conversation import resolve_follow_up
from .errors import AssistantError
from .feedback import FeedbackStore
from .pipeline import Assistant

ALL = "Alla"
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
EXAMPLES = ["Vad är status för RF8?", "Varför avvek resultatet från budget 2020?",
            "Hur har sjukfrånvaron utvecklats sedan 2020?", "Vilka uppdrag är delvis genomförda 2025?",
            "Hur stor är prognosen för investeringarna i Västerbotten?"]


def _highlight(passage: str, answer: str) -> str:
    """The passage, HTML-escaped, with the words it shares with the answer marked."""
    words = {w.casefold() for w in re.findall(r"[\wÅÄÖåäö,+%-]{4,}", answer)} - {"enligt", "rapporten", "status"}
    escaped = html.escape(passage)
    if not words:
        return escaped
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(html.escape(w)) for w in
                                                   sorted(words, key=len, reverse=True)) + r")(?![\w])", re.I)
    return pattern.sub(r"<mark>\1</mark>", escaped)


def sources_html(answer: dict[str, Any]) -> str:
    if not answer.get("citations"):
        return "<p><em>Inga källor: svaret framgår inte av de indexerade rapporterna.</em></p>"
    blocks = []
    for c in answer["citations"]:
        where = f"sida {c['page']}" if c.get("page") else (f"rad {c['lines'][0]}–{c['lines'][1]}" if c.get("lines") else "")
        head = html.escape(" · ".join(str(x) for x in (f"[{c['n']}] {c['title']}", c.get("organisation"), c["year"],
                                                          where, c["section"]) if x))
        body = _highlight(c["text"], answer["answer"]).replace("\n", "<br>")
        blocks.append(f"<details class='source' open><summary><strong>{head}</strong></summary>"
                      f"<div class='passage'>{body}</div></details>")
    return "\n".join(blocks)


def build_app(assistant: Assistant) -> gr.Blocks:
    feedback = FeedbackStore(assistant.settings.index_dir)

    def report_rows() -> list[list[Any]]:
        rows = []
        for doc_id, d in sorted(assistant.index.manifest["documents"].items(), key=lambda kv: kv[1]["meta"]["year"] or 0):
            m = d["meta"]
            size = f"{d['pages']} sidor" if d.get("pages") else f"{d.get('lines')} rader"
            rows.append([m["title"], m["organisation"], m["year"], m["kind"], size, d["n_chunks"], d.get("added", ""),
                         doc_id])
        return rows

    def filter_choices():
        metas = assistant.index.metas.values()
        orgs = sorted({m.organisation for m in metas if m.organisation})
        years = sorted({y for m in metas for y in m.covered_years}, reverse=True)
        reports = sorted(m.label() for m in metas)
        return [ALL, *orgs], [ALL, *map(str, years)], [ALL, *reports]

    def doc_filter(org: str, year: str, report: str) -> set[str] | None:
        if all(v in (None, ALL) for v in (org, year, report)):
            return None
        docs = set()
        for doc_id, m in assistant.index.metas.items():
            if org not in (None, ALL) and m.organisation != org:
                continue
            if year not in (None, ALL) and int(year) not in m.covered_years:
                continue
            if report not in (None, ALL) and m.label() != report:
                continue
            docs.add(doc_id)
        return docs

    def respond(message, history, last, org, year, report):
        history = list(history or [])
        text = (message or "").strip()
        if not text:
            return history, last, gr.update(), "", ""
        resolved = resolve_follow_up((last or {}).get("resolved"), text)
        try:
            answer = assistant.ask(resolved, doc_ids=doc_filter(org, year, report))
        except AssistantError as exc:
            history += [{"role": "user", "content": text}, {"role": "assistant", "content": f"Fel: {exc}"}]
            return history, last, gr.update(), "", ""
        data = answer.to_dict()
        active = [f for f in (org, year, report) if f not in (None, ALL)]
        notes = [f"*{answer.mode} · {data['timings_ms']['total']:.0f} ms*"]
        if resolved != text:
            notes.insert(0, f"*Tolkat som: {html.escape(resolved)}*")
        if active:
            notes.insert(0, "*Filter: " + html.escape(", ".join(map(str, active))) + "*")
        history += [{"role": "user", "content": text},
                    {"role": "assistant", "content": html.escape(answer.text) + "\n\n" + " · ".join(notes)}]
        state = {"resolved": resolved, "answer": data, "intent": assistant.analyse(resolved).intent}
        return history, state, sources_html(data), "", ""

    def rate(value: int, last, comment):
        if not last:
            return "Ställ en fråga först."
        feedback.record(last["answer"], value, comment or "", last.get("intent", "fact"))
        return "Tack för återkopplingen!"

    def upload(file, title, organisation, year, progress=gr.Progress(track_tqdm=True)):
        if file is None:
            return "Välj en fil.", gr.update(), None, *[gr.update() for _ in range(3)]
        path = Path(file if isinstance(file, str) else file.name)
        try:
            if path.suffix.lower() not in (".pdf", ".txt", ".md"):
                raise AssistantError(f"{path.name}: filtypen stöds inte; använd PDF, .txt eller .md.")
            if path.stat().st_size > MAX_UPLOAD_BYTES:
                raise AssistantError(f"{path.name}: filen är större än {MAX_UPLOAD_BYTES // 2**20} MB.")
            report = assistant.add_reports([path], title=title or None, organisation=organisation or None,
                                           year=int(year) if str(year or "").strip().isdigit() else None)
        except AssistantError as exc:
            return f"❌ {exc} Inget har ändrats.", gr.update(), None, *[gr.update() for _ in range(3)]
        msg = f"✅ {path.name} är indexerad ({report.chunks} avsnitt i indexet, {report.embedded} nya embeddings)."
        return msg, report_rows(), None, *[gr.update(choices=c) for c in filter_choices()]

    def remove(doc_id, progress=gr.Progress(track_tqdm=True)):
        try:
            assistant.remove_report((doc_id or "").strip())
        except AssistantError as exc:
            return f"❌ {exc}", gr.update()
        return f"✅ {doc_id} är borttagen.", report_rows()

    orgs, years, reports = filter_choices()
    with gr.Blocks(title="Rapportassistenten") as app:
        gr.Markdown("# Rapportassistenten\nStäll frågor om regionens rapporter. Varje svar visar sina källor.")
        last = gr.State(None)
        with gr.Tab("Fråga"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Samtal", height=460, elem_id="chat", feedback_options=None)
                    question = gr.Textbox(label="Fråga", placeholder="T.ex. Vad är status för RF8?",
                                          elem_id="question", lines=1)
                    with gr.Row():
                        send = gr.Button("Fråga", variant="primary", elem_id="ask-button")
                        clear = gr.Button("Nytt samtal")
                    gr.Examples(EXAMPLES, inputs=question, label="Exempel")
                    with gr.Row():
                        comment = gr.Textbox(label="Kommentar till svaret (valfri)", scale=3)
                        up = gr.Button("👍 Bra svar", elem_id="thumbs-up", scale=0)
                        down = gr.Button("👎 Dåligt svar", elem_id="thumbs-down", scale=0)
                    feedback_status = gr.Markdown(elem_id="feedback-status")
                with gr.Column(scale=2):
                    org = gr.Dropdown(orgs, value=ALL, label="Organisation")
                    year = gr.Dropdown(years, value=ALL, label="År")
                    report = gr.Dropdown(reports, value=ALL, label="Rapport")
                    gr.Markdown("### Källor")
                    sources = gr.HTML(elem_id="sources")
        with gr.Tab("Rapporter"):
            table = gr.Dataframe(report_rows(), headers=["Titel", "Organisation", "År", "Typ", "Omfång", "Avsnitt",
                                                         "Tillagd", "Id"], interactive=False, elem_id="reports")
            with gr.Row():
                file = gr.File(label="Ladda upp rapport (PDF, .txt, .md)", file_types=[".pdf", ".txt", ".md"],
                               elem_id="upload")
                with gr.Column():
                    up_title = gr.Textbox(label="Titel (valfri)")
                    up_org = gr.Textbox(label="Organisation (valfri), t.ex. Region Västmanland")
                    up_year = gr.Textbox(label="År (valfritt)")
                    up_btn = gr.Button("Lägg till och indexera", variant="primary", elem_id="upload-button")
            upload_status = gr.Markdown(elem_id="upload-status")
            with gr.Row():
                remove_id = gr.Textbox(label="Id för rapport att ta bort")
                remove_btn = gr.Button("Ta bort rapport", variant="stop")
            remove_status = gr.Markdown()

        inputs = [question, chat, last, org, year, report]
        outputs = [chat, last, sources, question, feedback_status]
        send.click(respond, inputs, outputs, api_visibility="private")
        question.submit(respond, inputs, outputs, api_visibility="private")
        clear.click(lambda: ([], None, "", ""), None, [chat, last, sources, feedback_status], api_visibility="private")
        up.click(lambda l, c: rate(1, l, c), [last, comment], feedback_status, api_visibility="private")
        down.click(lambda l, c: rate(-1, l, c), [last, comment], feedback_status, api_visibility="private")
        up_btn.click(upload, [file, up_title, up_org, up_year], [upload_status, table, file, org, year, report],
                     api_visibility="private")
        remove_btn.click(remove, remove_id, [remove_status, table], api_visibility="private")

        def ask(question: str) -> dict:
            """Answer a question; returns the same JSON object as `assistant ask --json`."""
            return assistant.ask(question).to_dict()

        gr.api(ask, api_name="ask")

        def rate_answer(answer: dict, rating: int, comment: str = "") -> int:
            """Store feedback (+1/-1) on an answer from the ask API; returns the feedback row id."""
            return feedback.record(answer, 1 if int(rating) > 0 else -1, comment or "",
                                   assistant.analyse(answer["question"]).intent)

        gr.api(rate_answer, api_name="feedback")
    return app
