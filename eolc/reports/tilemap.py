"""Areas drawn as a grid of equal tiles, so small boroughs are as visible as large ones.

London boroughs sit in a fixed grid that keeps each one near its neighbours (column, row);
any other set of areas is laid out alphabetically in rows of eight. Status is written on each
tile as a word as well as shown by colour.
"""

from eolc.reports.dashboard import Status

TILE = 56
GAP = 4
COLUMNS = 8

LONDON_GRID = {
    "E09000010": ("Enf", 4, 0),
    "E09000015": ("Hrw", 2, 1),
    "E09000003": ("Brn", 3, 1),
    "E09000014": ("Hgy", 4, 1),
    "E09000031": ("WF", 5, 1),
    "E09000017": ("Hdn", 0, 2),
    "E09000009": ("Eal", 1, 2),
    "E09000005": ("Brt", 2, 2),
    "E09000007": ("Cmd", 3, 2),
    "E09000019": ("Isl", 4, 2),
    "E09000012": ("Hck", 5, 2),
    "E09000026": ("Rdb", 6, 2),
    "E09000016": ("Hav", 7, 2),
    "E09000018": ("Hns", 0, 3),
    "E09000013": ("H&F", 1, 3),
    "E09000020": ("K&C", 2, 3),
    "E09000033": ("Wst", 3, 3),
    "E09000001": ("City", 4, 3),
    "E09000030": ("TH", 5, 3),
    "E09000025": ("Nwm", 6, 3),
    "E09000002": ("B&D", 7, 3),
    "E09000027": ("Rch", 1, 4),
    "E09000032": ("Wns", 2, 4),
    "E09000022": ("Lam", 3, 4),
    "E09000028": ("Sth", 4, 4),
    "E09000023": ("Lew", 5, 4),
    "E09000011": ("Grn", 6, 4),
    "E09000004": ("Bex", 7, 4),
    "E09000021": ("Kng", 2, 5),
    "E09000024": ("Mrt", 3, 5),
    "E09000008": ("Cro", 4, 5),
    "E09000006": ("Brm", 5, 5),
    "E09000029": ("Stn", 3, 6),
}

STYLE = {
    Status.REACHED: {"fill": "#007f3b", "text": "#ffffff", "word": "reached"},
    Status.PLANNED: {"fill": "#ffeb3b", "text": "#212b32", "word": "planned"},
    Status.NONE: {"fill": "#d8dde0", "text": "#212b32", "word": "none"},
}


def _place(areas):
    if areas and all(area.code in LONDON_GRID for area in areas):
        return [(area, *LONDON_GRID[area.code]) for area in areas]
    return [(area, area.name[:4], index % COLUMNS, index // COLUMNS) for index, area in enumerate(areas)]


def tile_map(areas) -> dict | None:
    """Geometry for `reports/_tile_map.html` from a list of dashboard.AreaCoverage."""
    if not areas:
        return None
    tiles = []
    for area, short, column, row in _place(areas):
        style = STYLE[area.status]
        x, y = column * (TILE + GAP), row * (TILE + GAP)
        tiles.append(
            {
                "name": area.name,
                "status": area.status_label,
                "short": short,
                "word": style["word"],
                "x": x,
                "y": y,
                "cx": x + TILE / 2,
                "fill": style["fill"],
                "text": style["text"],
            }
        )
    width = (max(t["x"] for t in tiles) + TILE) if tiles else TILE
    height = (max(t["y"] for t in tiles) + TILE) if tiles else TILE
    counts = {status: sum(1 for a in areas if a.status == status) for status in STYLE}
    return {
        "tiles": tiles,
        "size": TILE,
        "width": width,
        "height": height,
        "legend": [{"label": Status.LABELS[s], "fill": STYLE[s]["fill"], "count": counts[s]} for s in STYLE],
    }
