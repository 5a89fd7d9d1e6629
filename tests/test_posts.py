"""Embedded posts: parsed from each platform's embed markup, and from the residue scrapers leave."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from lxml import html

from claimgraph.extract.posts import take_posts
from claimgraph.extract.residue import split_residue

TWEET = """<div><p>The minister spoke on Tuesday.</p>
<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">Proud of our
team today!<br><br>More to come <a href="https://twitter.com/hashtag/Budget?src=hash">#Budget</a>
<a href="https://t.co/AbC123xyz">pic.twitter.com/AbC123xyz</a></p>&mdash; Jane Q. Minister
(@janeqminister) <a href="https://twitter.com/janeqminister/status/1234567890?ref_src=twsrc%5Etfw">March 3, 2021</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js"></script>
<p>Critics were unimpressed.</p></div>"""


def _page(body: str):
    return html.fromstring(f"<html><body>{body}</body></html>")


def test_tweet_embed_becomes_a_post_and_leaves_the_page():
    tree = _page(TWEET)
    [post] = take_posts(tree)
    assert post.platform == "twitter"
    assert (post.author, post.handle, post.date) == ("Jane Q. Minister", "janeqminister", dt.date(2021, 3, 3))
    assert post.text.startswith("Proud of our team today!")
    assert post.text.endswith("pic.twitter.com/AbC123xyz")
    assert "\n" in post.text  # the post's own line breaks are kept
    assert post.url == "https://twitter.com/janeqminister/status/1234567890"
    assert post.links == ["https://t.co/AbC123xyz"]  # not the hashtag link, not the post itself
    page_text = tree.text_content()
    assert "Proud of our" not in page_text and "janeqminister" not in page_text
    assert "The minister spoke" in page_text and "Critics were unimpressed." in page_text


def test_tweet_without_attribution_line_takes_handle_from_its_link():
    tree = _page('<blockquote class="twitter-tweet"><p>Short note</p>'
                 '<a href="https://twitter.com/some_user/status/42">May 5, 2020</a></blockquote>')
    [post] = take_posts(tree)
    assert (post.handle, post.date, post.text) == ("some_user", dt.date(2020, 5, 5), "Short note")


def test_instagram_embed():
    tree = _page(
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/B5abc/?utm_source=ig_embed">'
        '<div><a href="https://www.instagram.com/p/B5abc/">View this post on Instagram</a></div>'
        '<p><a href="https://www.instagram.com/p/B5abc/">Sunset over the harbour tonight</a></p>'
        '<p>A post shared by <a href="https://www.instagram.com/harbourcam/">Harbour Cam</a> (@harbourcam) on '
        '<time datetime="2019-11-18T18:02:11+00:00">Nov 18, 2019 at 10:02am PST</time></p></blockquote>')
    [post] = take_posts(tree)
    assert post.platform == "instagram"
    assert (post.author, post.handle, post.date) == ("Harbour Cam", "harbourcam", dt.date(2019, 11, 18))
    assert post.text == "Sunset over the harbour tonight"
    assert post.url == "https://www.instagram.com/p/B5abc/"
    assert "Instagram" not in tree.text_content()


def test_tiktok_embed():
    tree = _page(
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@chef.ana/video/7012345678901234567" '
        'data-video-id="7012345678901234567"><section><a target="_blank" title="@chef.ana" '
        'href="https://www.tiktok.com/@chef.ana">@chef.ana</a><p>Three-minute pasta '
        '<a title="recipe" href="https://www.tiktok.com/tag/recipe">#recipe</a></p>'
        '<a title="\u266c original sound - chef.ana" href="https://www.tiktok.com/music/x">\u266c original sound - chef.ana</a>'
        '</section></blockquote>')
    [post] = take_posts(tree)
    assert (post.platform, post.handle) == ("tiktok", "chef.ana")
    assert post.text == "Three-minute pasta #recipe"
    assert post.url == "https://www.tiktok.com/@chef.ana/video/7012345678901234567"


def test_facebook_embed():
    tree = _page(
        '<div class="fb-post" data-href="https://www.facebook.com/CityCouncil/posts/10157" data-width="500">'
        '<blockquote cite="https://www.facebook.com/CityCouncil/posts/10157" class="fb-xfbml-parse-ignore">'
        '<p>Roads reopen at noon.</p>Posted by <a href="https://www.facebook.com/CityCouncil/">City Council</a> '
        'on <a href="https://www.facebook.com/CityCouncil/posts/10157">Monday, November 18, 2019</a></blockquote></div>')
    [post] = take_posts(tree)
    assert (post.platform, post.author, post.handle) == ("facebook", "City Council", "CityCouncil")
    assert (post.date, post.text) == (dt.date(2019, 11, 18), "Roads reopen at noon.")


def test_bluesky_embed():
    tree = _page(
        '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abc/app.bsky.feed.post/3k">'
        '<p lang="en">Polls close at eight.</p>&mdash; Election Desk (<a href="https://bsky.app/profile/did:plc:abc">'
        '@electiondesk.bsky.social</a>) <a href="https://bsky.app/profile/did:plc:abc/post/3k?ref_src=embed">'
        'November 5, 2024 at 6:01 PM</a></blockquote>')
    [post] = take_posts(tree)
    assert (post.platform, post.author, post.handle) == ("bluesky", "Election Desk", "electiondesk.bsky.social")
    assert (post.date, post.text) == (dt.date(2024, 11, 5), "Polls close at eight.")
    assert post.url == "https://bsky.app/profile/did:plc:abc/post/3k"


def test_mastodon_threads_and_youtube_embeds():
    tree = _page(
        '<blockquote class="mastodon-embed" data-embed-url="https://mastodon.social/@reporter/1131/embed">'
        '<a href="https://mastodon.social/@reporter/1131"><div>Post by @reporter@mastodon.social</div>'
        '<div>View on Mastodon</div></a></blockquote>'
        '<blockquote class="text-post-media" data-text-post-permalink="https://www.threads.net/@newsroom/post/C1x">'
        '<a href="https://www.threads.net/@newsroom/post/C1x"><div>Post by @newsroom</div><div>View on Threads</div></a></blockquote>'
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0" title="Press conference"></iframe>'
        '<iframe src="https://www.facebook.com/plugins/like.php?href=x"></iframe>')
    posts = take_posts(tree)
    assert [(p.platform, p.handle, p.url) for p in posts] == [
        ("mastodon", "reporter@mastodon.social", "https://mastodon.social/@reporter/1131"),
        ("threads", "newsroom", "https://www.threads.net/@newsroom/post/C1x"),
        ("youtube", None, "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ]  # a like button is not a post
    assert [p.text for p in posts] == ["", "", "Press conference"]
    assert "View on" not in tree.text_content()


def test_ordinary_blockquotes_stay():
    tree = _page('<blockquote class="pullquote"><p>We will rebuild.</p></blockquote>')
    assert take_posts(tree) == []
    assert "We will rebuild." in tree.text_content()


RESIDUE = [
    "The mayor announced the closure on Monday, according to a statement from her office.",
    "Residents reacted quickly online.",
    "Unbelievable!",
    "They closed the only bridge into town without any warning at all.",
    "#BridgeGate https://t.co/Zx81Qq pic.twitter.com/PpQq11",
    "\u2014 Sam Rivera (@samriv) June 2, 2023",
    "City engineers said the bridge would reopen within a month.",
]


def test_residue_post_starts_at_its_first_post_like_line():
    kept, [post] = split_residue(RESIDUE)
    assert post.text.startswith("Unbelievable!")
    assert post.text.endswith("pic.twitter.com/PpQq11")
    assert (post.author, post.handle, post.date) == ("Sam Rivera", "samriv", dt.date(2023, 6, 2))
    assert post.links == ["https://t.co/Zx81Qq", "https://pic.twitter.com/PpQq11"]
    assert kept == [RESIDUE[0], RESIDUE[1], RESIDUE[6]]


def test_residue_lead_in_and_attributed_prose_stay_in_the_article():
    lines = [
        "Officials said the vote was delayed. The party posted the result below:",
        "We did it. Thank you all",
        "\u2014 The Green Party (@greens) 3 July 2022",
    ]
    kept, [post] = split_residue(lines)
    assert kept == lines[:1]
    assert post.text == "We did it. Thank you all" and post.date == dt.date(2022, 7, 3)


def test_consecutive_posts_split_at_their_closing_lines():
    lines = [
        "First reaction here https://t.co/a1",
        "\u2014 A One (@a_one) May 1, 2020",
        "so. much. rain.",
        "again.",
        "\u2014 B Two (@b_two) May 2, 2020",
    ]
    kept, posts = split_residue(lines)
    assert kept == []
    assert [p.text for p in posts] == ["First reaction here https://t.co/a1", "so. much. rain.\nagain."]


def test_a_dash_and_a_parenthesis_in_prose_are_not_a_closing_line():
    lines = [
        "The senator \u2014 a former teacher (@school board) \u2014 spoke.",
        "The bill was drafted by an aide \u2014 Ana Ruiz (@anaruiz)",
        "He left.",
    ]
    assert split_residue(lines) == (lines, [])


def test_closing_line_in_another_language_and_on_the_post_line():
    lines = ["El ministro anunci\u00f3 que la votaci\u00f3n se aplaza hasta el lunes por la tarde.",
             "Hoy votamos. \u2014 Partido Verde (@verdes) 9 de octubre de 2018"]
    kept, [post] = split_residue(lines)
    assert kept == lines[:1]
    assert (post.text, post.handle, post.date) == ("Hoy votamos.", "verdes", dt.date(2018, 10, 9))


LINE_PARTS = st.sampled_from([
    "Wow!", "The council said the road will reopen.", "#news", "https://t.co/a1", "pic.twitter.com/b2",
    "I agree", "\u2014 Some One (@some_one) May 1, 2020", "\u2014", "(@x)", "May 2, 2021", "we did it",
])


@given(st.lists(st.lists(LINE_PARTS, min_size=1, max_size=4).map(" ".join), max_size=12))
def test_residue_splitting_never_loses_or_invents_text(lines):
    kept, posts = split_residue(lines)
    post_lines = [line for post in posts for line in post.text.splitlines()]
    for line in lines:
        if "(@" not in line:  # only a closing line is consumed
            assert line in kept or line in post_lines
    for line in kept + post_lines:
        assert any(line in original for original in lines)


def test_instagram_residue_between_its_opening_and_closing_lines():
    lines = [
        "The chef shared the dish with her followers.",
        "View this post on Instagram",
        "Tonight's special: charred leeks, brown butter",
        "Booking link in bio",
        "A post shared by Ana Ortiz (@chef.ana) on Mar 4, 2022 at 6:15pm PST",
        "Reservations sold out within an hour.",
    ]
    kept, [post] = split_residue(lines)
    assert kept == [lines[0], lines[5]]
    assert (post.platform, post.author, post.handle) == ("instagram", "Ana Ortiz", "chef.ana")
    assert post.date == dt.date(2022, 3, 4)
    assert post.text == "Tonight's special: charred leeks, brown butter\nBooking link in bio"
