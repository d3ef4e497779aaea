"""The body outline's layout: which cells light up for the regions ticked and how far limb pain reaches."""

from __future__ import annotations

import pytest

from spinejournal.tui.body_outline import HEIGHT, LIT, SPINE, UNLIT, WIDTH, draw, lit_parts

NOTHING = (
    "   L   ╭───╮   R   ",
    "       ╰─┬─╯       ",
    "        ░┃░        ",
    "   ░░░░░░┃░░░░░░   ",
    "   ░░ ░░░┃░░░ ░░   ",
    "   ░░ ░░░┃░░░ ░░   ",
    "   ░░ ░░░┃░░░ ░░   ",
    "   ░░ ░░░┃░░░ ░░   ",
    "   ░░ ░░░┃░░░ ░░   ",
    "      ░░░ ░░░      ",
    "      ░░░ ░░░      ",
    "      ░░░ ░░░      ",
    "      ░░░ ░░░      ",
    "     ░░░   ░░░     ",
    "from behind: █ pain",
)


def cells(rows: range, columns: range) -> set[tuple[int, int]]:
    return {(row, column) for row in rows for column in columns}


def test_nothing_ticked_draws_the_outline_with_nothing_lit() -> None:
    outline = draw()
    assert outline.lines == NOTHING
    assert outline.lit == frozenset()
    assert len(outline.lines) == HEIGHT == 15 and {len(line) for line in outline.lines} == {WIDTH} == {19}


def test_a_spine_region_lights_its_band_across_the_back() -> None:
    outline = draw(["lower_back"])
    assert outline.lit == cells(range(6, 8), range(6, 13))  # rows 6-7, the 7 columns of the back
    assert outline.lines[6] == "   ░░ ███████ ░░   "
    assert outline.lines[5] == NOTHING[5]  # the mid back above stays unlit, its spine drawn


def test_the_neck_and_the_sacrum() -> None:
    assert draw(["neck"]).lit == cells(range(2, 3), range(8, 11))
    # "Buttock / sacrum" lights the sacrum and both buttocks.
    assert draw(["buttock_sacrum"]).lit == cells(range(8, 9), range(6, 13))


def test_leg_pain_lights_the_leg_from_the_buttock_out_to_its_reach() -> None:
    outline = draw(reach={"left_leg": "calf"})
    # buttock (row 8), thigh (rows 9-10), calf (rows 11-12), on the left leg's columns 6-8; not the foot
    assert outline.lit == cells(range(8, 13), range(6, 9))
    assert outline.lines[13] == NOTHING[13]
    assert draw(reach={"left_leg": "buttock"}).lit == cells(range(8, 9), range(6, 9))
    assert draw(reach={"right_leg": "foot"}).lit == cells(range(8, 13), range(10, 13)) | cells(
        range(13, 14), range(11, 14)
    )


def test_arm_pain_lights_the_arm_from_the_shoulder() -> None:
    assert draw(reach={"right_arm": "shoulder"}).lit == cells(range(3, 4), range(13, 16))
    left_hand = draw(reach={"left_arm": "hand"}).lit
    assert left_hand == cells(range(3, 4), range(3, 6)) | cells(range(4, 9), range(3, 5))
    assert draw(reach={"left_arm": None, "right_leg": None}).lit == frozenset()


def test_seen_from_behind_the_persons_left_is_on_the_left() -> None:
    outline = draw(reach={"left_arm": "forearm", "left_leg": "foot"})
    assert outline.lines[0].index("L") < WIDTH // 2 < outline.lines[0].index("R")
    assert all(column < WIDTH // 2 for _, column in outline.lit)


def test_lit_and_unlit_differ_in_glyph_not_only_in_colour() -> None:
    outline = draw(["upper_back"], {"right_leg": "thigh"})
    for row, column in outline.body:
        glyph = outline.lines[row][column]
        assert glyph == LIT if (row, column) in outline.lit else glyph in (UNLIT, SPINE)
    assert LIT not in "".join(NOTHING[:-1])


def test_lit_parts_names_every_segment_up_to_the_reach() -> None:
    assert lit_parts(["neck"], {"right_arm": "forearm"}) == {
        "region:neck",
        "right_arm:shoulder",
        "right_arm:upper_arm",
        "right_arm:forearm",
    }


@pytest.mark.parametrize(
    ("regions", "reach"),
    [(["knee"], {}), ([], {"left_foot": "calf"}), ([], {"left_leg": "hand"})],
)
def test_unknown_names_are_refused(regions: list[str], reach: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="unknown"):
        draw(regions, reach)
