"""The REST API through TestClient: records as the output contract defines them, pages,
filters, JSON errors, and POST of a new article."""

from claimgraph.model import Analysis


def test_articles_are_paged(client):
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_offset"] == 1
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] != first["items"][0]["id"]
    everything = client.get("/api/articles", params={"limit": 100}).json()
    assert everything["next_offset"] is None and len(everything["items"]) >= 3
    filtered = client.get("/api/articles", params={"outlet": "harbor"}).json()["items"]
    assert [a["title"] for a in filtered] == ["Council approves flood barrier"]


def test_an_article_follows_the_output_contract(client, web_ids):
    body = client.get(f"/api/articles/{web_ids['harbor/barrier.txt']}").json()
    analysis = Analysis.model_validate(body)
    quote = next(q for q in analysis.quotes if q.content[0].text.startswith("We cannot wait"))
    speaker = next(e for e in analysis.entities if e.id == quote.speaker.entity)
    assert speaker.name == "Elena Brandt"
    assert analysis.text[quote.content[0].start:quote.content[0].end] == quote.content[0].text


def test_errors_are_json_with_status_and_message(client):
    missing = client.get("/api/articles/424242")
    assert missing.status_code == 404
    assert missing.json() == {"status": 404, "message": "no article 424242 in the store"}
    too_many = client.get("/api/articles", params={"limit": 101})
    assert too_many.status_code == 422 and "limit" in too_many.json()["message"]
    nothing = client.get("/api/search", params={"q": "?!"})
    assert nothing.status_code == 422 and nothing.json()["status"] == 422
    blank = client.get("/api/quotes", params={"speaker": " "})
    assert blank.status_code == 422 and "give a name" in blank.json()["message"]


def test_statements_quotes_claims_and_search(client):
    said = client.get("/api/entities/Elena Brandt").json()["items"]
    assert {s["article"]["outlet"] for s in said} == {"Harbor Gazette", "Valley Times"}
    quotes = client.get("/api/quotes", params={"speaker": "Elena Brandt", "limit": 1}).json()
    assert len(quotes["items"]) == 1 and quotes["next_offset"] == 1
    denied = client.get("/api/claims", params={"status": "denied"}).json()["items"]
    assert any("project had been delayed" in hit["claim"]["text"] for hit in denied)
    assert all(hit["claim"]["status"] == "denied" for hit in denied)
    found = client.get("/api/search", params={"q": "flood barrier"}).json()
    assert found["articles"] and "«" in found["articles"][0]["snippet"]
    assert client.get("/api/entities/Nobody Atall").status_code == 404


def test_a_speakers_statements_come_page_by_page_all_of_them_with_the_total(client):
    whole = client.get("/api/entities/Elena Brandt", params={"limit": 100}).json()
    assert whole["total"] == len(whole["items"]) >= 3 and whole["next_offset"] is None
    pages, offset = [], 0
    while offset is not None:
        page = client.get("/api/entities/Elena Brandt", params={"limit": 2, "offset": offset})
        assert page.json()["total"] == whole["total"]
        pages += page.json()["items"]
        offset = page.json()["next_offset"]
    assert pages == whole["items"]
    quotes = client.get("/api/quotes", params={"speaker": "Elena Brandt", "limit": 100}).json()
    assert quotes["items"] == [s for s in whole["items"] if s["quote"]]
    assert quotes["total"] == len(quotes["items"])
    person = client.get("/who/Elena Brandt").text
    assert f"{whole['total']} statements" in person
    later = client.get("/who/Elena Brandt", params={"offset": 2}).text
    assert 'rel="prev"' in later and 'rel="prev"' not in person


def test_posting_an_article_analyzes_and_stores_it(client):
    text = ("The harbour master said the channel would reopen on Friday. “Dredging is "
            "finished,” Ana Silva, the port director, told reporters.")
    response = client.post("/api/articles", json={"text": text})
    assert response.status_code == 201
    posted = response.json()
    assert posted["outcome"] == "stored"
    assert any(q["speaker"] and "Ana Silva" in q["speaker"]["text"]
               for q in posted["analysis"]["quotes"])
    again = client.post("/api/articles", json={"text": text}).json()
    assert again["outcome"] == "unchanged" and again["id"] == posted["id"]
    page = client.get(f"/articles/{posted['id']}").text
    assert "Dredging is finished" in page


def test_posting_refuses_bad_input_with_a_reason(client):
    both = client.post("/api/articles", json={"text": "a", "url": "https://example.org/"})
    assert both.status_code == 422 and "exactly one" in both.json()["message"]
    local = client.post("/api/articles", json={"url": "http://127.0.0.1:9/x"})
    assert local.status_code == 422 and "loopback address refused" in local.json()["message"]
    path = client.post("/api/articles", json={"url": "/etc/passwd"})
    assert path.status_code == 422 and "not an http(s) URL" in path.json()["message"]
    assert client.post("/api/articles", content=b"{", headers={
        "content-type": "application/json"}).status_code == 422


def test_clusters_and_graph(client):
    disputed = client.get("/api/clusters", params={"status": "contradicted"}).json()["items"]
    cost = next(c for c in disputed if "12,000 homes" in c["label"])
    assert cost["estimate"]["conservative"] == 7_000 and cost["estimate"]["disputed"]
    one = client.get(f"/api/clusters/{cost['id']}").json()
    assert {m["outlet"] for m in one["members"]} == {"Harbor Gazette", "Valley Times"}
    assert client.get("/api/clusters/k:nothing").status_code == 404
    graph = client.get("/api/graph", params={"entity": "Elena Brandt"}).json()
    assert {"outlet:Harbor Gazette", "outlet:Valley Times"} <= {n["id"] for n in graph["nodes"]}
    assert {"source": "outlet:Valley Times", "target": "source:Elena Brandt", "count": 1} in (
        graph["edges"])
