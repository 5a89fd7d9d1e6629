"""Texts in languages the English rules do not read: their language is told from the text, they
are extracted but not analyzed, and every view says so instead of showing English-rule guesses."""

import json

import pytest
from typer.testing import CliRunner

from claimgraph import analyze
from claimgraph.cli import app
from claimgraph.extract.language import text_language
from claimgraph.model import Article
from claimgraph.settings import get_settings

RUSSIAN = (
    "Пирог с яблоками\n\n"
    "Ингредиенты: мука, сахар, яйца и четыре яблока.\n\n"
    "Приготовление: смешайте муку с сахаром, добавьте яйца и выложите яблоки в форму. "
    "«Главное — не открывать духовку первые двадцать минут», — говорит повар Анна Смирнова. "
    "По её словам, пирог можно подавать тёплым."
)
KOREAN = (
    "서울시는 내년부터 버스 요금을 인상한다고 밝혔다. 시 관계자는 \"운영 적자가 계속되고 있어 "
    "불가피한 결정\"이라고 말했다. 시민단체는 이번 결정에 반대하는 입장을 냈다."
)
GERMAN = (
    "Der Stadtrat hat am Montag den neuen Hochwasserschutz beschlossen. Die Bürgermeisterin "
    "sagte, dass die Arbeiten noch in diesem Jahr beginnen sollen. Kritiker halten das für "
    "zu spät, weil die nächste Flut nicht auf die Verwaltung warten wird."
)
# English with a quotation in another language, and names that are common words elsewhere.
ENGLISH_QUOTING = (
    "The mayor of Kharkiv spoke to reporters on Tuesday after the shelling stopped. "
    "“Мы восстановим город,” Ihor Terekhov said, which means “we will rebuild the city.” "
    "He said the water supply would be back within a week. Tim Van Der Berg, an aid worker "
    "from the Netherlands, said that the shelters were full and that more help was needed."
)


@pytest.mark.parametrize("text, language", [
    (RUSSIAN, "ru"), (KOREAN, "ko"), (GERMAN, "de"),
    ("東京都は来年から新しい制度を始めると発表しました。", "ja"),
    ("市政府昨天宣布明年起调整公交票价。", "zh"),
    ("Пожар потушен.", "ru"),  # two words are enough when the script tells
    (ENGLISH_QUOTING, "en"),
    ("The minister said the talks would resume in Geneva, not in Bern.", "en"),
    ("Orquesta Sinfónica del Estado de México performed at the festival.", "en"),
    ("12:45 p.m.", None), ("", None),
])
def test_language_is_told_from_the_text(text, language):
    assert text_language(text) == language


def test_a_russian_recipe_is_not_analyzed_and_says_so():
    result = analyze(RUSSIAN, source="recipe.txt")
    assert result.language == "ru"
    assert result.title == "Пирог с яблоками" and "Анна Смирнова" in result.text
    # no section label ("Приготовление:") as a speaker, no English guesses of any kind
    assert (result.entities, result.quotes, result.claims) == ([], [], [])
    assert (result.quantities, result.times, result.hedges) == ([], [], [])
    [warning] = result.warnings
    assert warning.startswith("Not analyzed") and "Russian (ru)" in warning


def test_a_korean_news_text_is_not_analyzed_plain_input_included():
    result = analyze(KOREAN, plain=True)
    assert result.text == KOREAN and result.language == "ko"
    assert result.quotes == [] and "Korean (ko)" in result.warnings[0]


def test_an_english_article_quoting_another_language_is_analyzed():
    result = analyze(ENGLISH_QUOTING)
    assert result.language == "en" and result.warnings == []
    speakers = {q.speaker.text for q in result.quotes if q.speaker}
    assert "Ihor Terekhov" in speakers


def test_the_text_beats_the_language_a_page_declares():
    page = ("<html lang='en'><head><title>Hochwasserschutz beschlossen</title></head><body>"
            f"<article><h1>Hochwasserschutz beschlossen</h1><p>{GERMAN}</p><p>{GERMAN}</p>"
            "</article></body></html>")
    result = analyze(page)
    assert result.language == "de" and result.claims == [] and result.warnings


def test_an_article_made_by_a_program_gets_its_language_from_its_text():
    result = analyze(Article(source="made", text=GERMAN))
    assert result.language == "de" and result.quotes == []


def test_any_language_applies_the_english_rules_and_warns():
    result = analyze(RUSSIAN, settings=get_settings(any_language=True))
    assert result.quotes  # the English rules' guesses, as asked
    [warning] = result.warnings
    assert "analyzed with claimgraph's English rules" in warning and "unreliable" in warning


def test_cli_report_and_json_show_the_warning(tmp_path):
    path = tmp_path / "recipe.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    runner = CliRunner()
    report = runner.invoke(app, ["analyze", str(path)])
    assert report.exit_code == 0
    flat = " ".join(report.stdout.split())
    assert "Not analyzed: the text is in Russian (ru)" in flat
    assert "Who is quoted" not in flat
    data = json.loads(runner.invoke(app, ["analyze", "--format", "json", str(path)]).stdout)
    assert data["language"] == "ru" and data["warnings"] and data["quotes"] == []
    forced = runner.invoke(app, ["analyze", "--any-language", "--format", "json", str(path)])
    assert "unreliable" in json.loads(forced.stdout)["warnings"][0]


def test_stored_article_keeps_its_warning_and_its_page_shows_it(tmp_path):
    from fastapi.testclient import TestClient

    from claimgraph.store import open_store
    from claimgraph.web import create_app

    store = open_store(f"sqlite:///{tmp_path / 'lang.db'}")
    saved = store.save(analyze(RUSSIAN, source="recipe.txt"))
    [stored] = store.analyses([saved.id])
    assert stored.warnings == analyze(RUSSIAN).warnings
    client = TestClient(create_app(store, settings=get_settings(token=None)))
    page = client.get(f"/articles/{saved.id}").text
    assert "Not analyzed: the text is in Russian (ru)" in page
    assert "Legend: how quotes and claims are marked" not in page
    assert client.get(f"/api/articles/{saved.id}").json()["warnings"] == stored.warnings
    store.close()
