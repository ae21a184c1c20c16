"""The web app: the `ask` API through gradio_client, a real headless Chromium session (question,
sources, upload, feedback), and questions staying answerable while an upload is indexed."""
from __future__ import annotations

import json
import shutil
import socket
import threading
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.feedback import FeedbackStore
from assistant.pipeline import Assistant
from assistant.swedish import normalise

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_assistant(corpus_assistant, tmp_path_factory):
    """A separate corpus and index (copied, so nothing is embedded again) that the tests may change."""
    base = tmp_path_factory.mktemp("app")
    shutil.copytree(corpus_assistant.settings.corpus_dir, base / "corpus")
    shutil.copytree(corpus_assistant.settings.index_dir, base / "index")
    return Assistant(Settings.from_env(corpus=base / "corpus", index=base / "index"), progress=False)


@pytest.fixture(scope="module")
def server(app_assistant):
    from assistant.webapp import build_app

    app = build_app(app_assistant)
    port = _free_port()
    app.queue(default_concurrency_limit=4).launch(server_name="127.0.0.1", server_port=port,
                                                  prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_ask_api_returns_the_cli_json_contract(server):
    from gradio_client import Client

    data = Client(server, verbose=False).predict("Vad är status för RF8?", api_name="/ask")
    assert set(data) == {"question", "answer", "abstained", "mode", "citations", "timings_ms"}
    assert "planenligt" in normalise(data["answer"]) and data["citations"][0]["year"] == 2025


def test_questions_in_flight_survive_an_upload(app_assistant, tmp_path):
    errors, answers = [], []

    def ask_many():
        for _ in range(5):
            try:
                answers.append(app_assistant.ask("Vad är status för RF8?"))
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                errors.append(exc)

    report = tmp_path / "region-testland-parkering-2026.txt"
    report.write_text("Parkeringsavgiften vid sjukhusen höjdes till 30 kronor per timme under 2026 i Region Testland.",
                      encoding="utf-8")
    threads = [threading.Thread(target=ask_many) for _ in range(3)]
    for t in threads:
        t.start()
    app_assistant.add_reports([report])
    for t in threads:
        t.join()
    assert errors == [] and len(answers) == 15
    assert all("planenligt" in normalise(a.text) for a in answers)
    assert "30 kronor" in app_assistant.ask("Vad kostar det att parkera vid sjukhusen per timme?").text


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)")
def test_browser_question_sources_upload_and_feedback(server, app_assistant, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    bad = tmp_path / "tom.pdf"
    bad.write_bytes(b"%PDF-1.4 trasig")
    good = tmp_path / "region-testland-tolkservice-2026.md"
    good.write_text("# Årsrapport 2026\n\nTolkservice i Region Testland hanterade 4 312 uppdrag under 2026, "
                    "en ökning med 12 procent jämfört med året innan.\n", encoding="utf-8")
    docs_before = set(app_assistant.index.metas)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server)
        page.locator("#question textarea").fill("Vad är status för RF8?")
        page.locator("#ask-button").click()
        expect(page.locator("#sources .source").first).to_be_visible(timeout=30_000)
        expect(page.locator("#chat")).to_contain_text("Planenligt")
        expect(page.locator("#sources")).to_contain_text("Årsrapport 2025")
        assert page.locator("#sources mark").count() > 0  # supporting words highlighted
        page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)

        page.locator("#thumbs-up").click()
        expect(page.locator("#feedback-status")).to_contain_text("Tack", timeout=10_000)

        page.get_by_role("tab", name="Rapporter").click()
        page.locator("#upload input[type=file]").set_input_files(str(bad))
        page.locator("#upload-button").click()
        expect(page.locator("#upload-status")).to_contain_text("tom.pdf", timeout=60_000)
        assert set(app_assistant.index.metas) == docs_before  # the bad file changed nothing

        page.locator("#upload input[type=file]").set_input_files(str(good))
        page.locator("#upload-button").click()
        expect(page.locator("#upload-status")).to_contain_text("indexerad", timeout=120_000)
        expect(page.locator("#reports")).to_contain_text("Region Testland")

        page.get_by_role("tab", name="Fråga").click()
        page.locator("#question textarea").fill("Hur många tolkuppdrag hanterades 2026?")
        page.locator("#ask-button").click()
        expect(page.locator("#chat")).to_contain_text("4 312", timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "upload-answer.png"), full_page=True)
        browser.close()
    rows = FeedbackStore(app_assistant.settings.index_dir).rows()
    assert rows and rows[-1]["rating"] == 1 and json.loads(rows[-1]["payload"])["citations"]


def test_removed_report_disappears_from_answers_and_listing(app_assistant, tmp_path):
    report = tmp_path / "region-testland-matsal-2026.txt"
    report.write_text("Personalmatsalen i Region Testland serverade 88 000 luncher under 2026 enligt rapporten.",
                      encoding="utf-8")
    app_assistant.add_reports([report])
    assert "88 000" in app_assistant.ask("Hur många luncher serverade personalmatsalen 2026?").text
    app_assistant.remove_report("region-testland-matsal-2026")
    assert "region-testland-matsal-2026" not in app_assistant.index.metas
    assert not (app_assistant.settings.corpus_dir / report.name).exists()
    assert "88 000" not in app_assistant.ask("Hur många luncher serverade personalmatsalen 2026?").text


def test_twenty_clients_for_a_minute_with_an_upload_in_the_middle(server, app_assistant, tmp_path):
    """Load on the running app's API: no errors, no lost feedback rows; latency written to test-artifacts."""
    import time

    import numpy as np
    from gradio_client import Client

    questions = ["Vad är status för RF8?", "Varför avvek resultatet från budget 2020?",
                 "Hur hög var sjukfrånvaron 2025?", "Vilka uppdrag är delvis genomförda 2025?"]
    rows_before = len(FeedbackStore(app_assistant.settings.index_dir).rows())
    latencies, errors, rated = [], [], []
    stop = time.time() + 60

    def client(i: int):
        c = Client(server, verbose=False)
        n = 0
        while time.time() < stop:
            t0 = time.perf_counter()
            try:
                data = c.predict(questions[(i + n) % len(questions)], api_name="/ask")
                latencies.append((time.perf_counter() - t0) * 1000)
                rated.append(c.predict(data, 1 if n % 2 else -1, f"klient {i}", api_name="/feedback"))
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                errors.append(repr(exc))
            n += 1

    report = tmp_path / "region-testland-lastprov-2026.txt"
    report.write_text("Lastprovet visade att vårdcentralerna i Region Testland tog emot 51 200 besök under 2026.",
                      encoding="utf-8")
    threads = [threading.Thread(target=client, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    time.sleep(20)
    app_assistant.add_reports([report])
    for t in threads:
        t.join()
    assert errors == []
    assert len(FeedbackStore(app_assistant.settings.index_dir).rows()) - rows_before == len(rated) == len(latencies)
    stats = {"clients": 20, "seconds": 60, "requests": len(latencies),
             "p50_ms": round(float(np.percentile(latencies, 50)), 1),
             "p95_ms": round(float(np.percentile(latencies, 95)), 1)}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    print("load:", stats)
    assert "51 200" in app_assistant.ask("Hur många besök tog vårdcentralerna emot 2026?").text
