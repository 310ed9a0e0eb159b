"""`pufa content import`: the starter material, dry runs, and all-or-nothing imports with file:line errors."""
import sqlite3
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

GOOD = """---
id: cli-ceshi
title: 命令行导入测试
summary: 一段摘要。
topics: [宪法]
audiences: [resident]
basis: [《中华人民共和国宪法》第五条]
---
## 正文

宪法是根本法。
"""


def count(data: Path, sql: str) -> int:
    with sqlite3.connect(data / "pufa.sqlite") as con:
        return con.execute(sql).fetchone()[0]


def test_the_starter_material_imports_and_a_second_import_changes_nothing(pufa, data):
    r = pufa("content", "import", REPO / "Content")
    assert r.returncode == 0, r.stderr
    assert count(data, "SELECT count(*) FROM content") >= 40
    assert count(data, "SELECT count(*) FROM content_versions WHERE html LIKE '%<h2>%'") >= 40, "rendered with cmark-gfm"
    again = pufa("content", "import", REPO / "Content")
    assert again.returncode == 0 and "added: 0" in again.stdout and "new_version: 0" in again.stdout, again.stdout


def test_a_dry_run_reports_and_writes_nothing(pufa, data, tmp_path):
    (tmp_path / "cli-ceshi.md").write_text(GOOD)
    r = pufa("content", "import", "--dry-run", tmp_path / "cli-ceshi.md")
    assert r.returncode == 0, r.stderr
    assert "added: 1 (cli-ceshi)" in r.stdout and "nothing was written" in r.stdout
    assert not (data / "pufa.sqlite").exists() or count(data, "SELECT count(*) FROM content") == 0


def test_a_bad_file_stops_the_whole_import_with_its_lines(pufa, data, tmp_path):
    (tmp_path / "cli-ceshi.md").write_text(GOOD)
    (tmp_path / "huai.md").write_text(GOOD.replace("id: cli-ceshi", "id: huai").replace("audiences: [resident]", "audiences: [martian]")
                                       .replace("topics: [宪法]", "topics: [宪法]\ncolour: red"))
    r = pufa("content", "import", tmp_path)
    assert r.returncode != 0
    assert f"{tmp_path / 'huai.md'}:6:" in r.stderr and "martian" in r.stderr
    assert f"{tmp_path / 'huai.md'}:7:" in r.stderr and "colour" in r.stderr
    assert "nothing was imported" in r.stderr
    assert not (data / "pufa.sqlite").exists() or count(data, "SELECT count(*) FROM content") == 0
    missing = pufa("content", "import", tmp_path / "none.md")
    assert missing.returncode != 0 and "no such file" in missing.stderr


def test_the_first_start_imports_the_starter_material_once(serve, data):
    server = serve(args=("--content-dir", str(REPO / "Content")))
    assert "imported the starter teaching material" in server.log
    import requests
    items = requests.get(server.url + "/api/v1/content", timeout=10).json()["items"]
    assert len(items) >= 30, "published pieces in their dates are listed"
    piece = requests.get(server.url + "/api/v1/content/" + items[0]["slug"], timeout=10).json()
    assert "<" in piece["html"] and "body" not in piece
