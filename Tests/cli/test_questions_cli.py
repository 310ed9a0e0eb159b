"""`pufa questions import|export`: all-or-nothing imports with file:line errors, dry runs, round trips."""
import sqlite3
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

GOOD = """bank: 测试题库
law: 中华人民共和国行政处罚法
questions:
  - id: cli-001
    type: judge
    stem: 当事人有权进行陈述和申辩。
    answer: true
    explanation: 第七条规定当事人有权进行陈述和申辩。
    basis: 《中华人民共和国行政处罚法》第七条
    difficulty: 1
"""

BAD = """bank: 坏题库
questions:
  - id: bad-001
    type: single
    stem: 题干
    options: [甲, 乙]
    answer: D
    explanation: 解析
    basis: 《某法》第一条
  - id: bad-002
    type: riddle
    stem: 谜语
    answer: x
"""


def count(data: Path, sql: str) -> int:
    with sqlite3.connect(data / "pufa.sqlite") as con:
        return con.execute(sql).fetchone()[0]


def test_the_starter_bank_imports_and_a_second_import_changes_nothing(pufa, data):
    r = pufa("questions", "import", REPO / "Questions")
    assert r.returncode == 0, r.stderr
    assert count(data, "SELECT count(*) FROM questions") >= 400
    assert count(data, "SELECT count(DISTINCT law) FROM questions") >= 10
    again = pufa("questions", "import", REPO / "Questions")
    assert again.returncode == 0, again.stderr
    assert " 0 added, 0 changed" in again.stdout


def test_a_dry_run_reports_and_writes_nothing(pufa, data, tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD)
    r = pufa("questions", "import", "--dry-run", tmp_path / "good.yaml")
    assert r.returncode == 0, r.stderr
    assert "测试题库: 1 added" in r.stdout and "nothing was written" in r.stdout
    assert count(data, "SELECT count(*) FROM questions") == 0


def test_any_bad_file_stops_every_file_with_located_reasons(pufa, data, tmp_path):
    (tmp_path / "a-good.yaml").write_text(GOOD)
    (tmp_path / "b-bad.yaml").write_text(BAD)
    r = pufa("questions", "import", tmp_path)
    assert r.returncode != 0
    assert f"{tmp_path / 'b-bad.yaml'}:3:" in r.stderr and "D" in r.stderr
    assert f"{tmp_path / 'b-bad.yaml'}:11:" in r.stderr and "riddle" in r.stderr
    assert "nothing was imported" in r.stderr
    # Files are checked before the database is even opened: the good file was not imported either.
    assert not (data / "pufa.sqlite").exists() or count(data, "SELECT count(*) FROM questions") == 0


def test_binary_and_unknown_files_are_refused_clearly(pufa, data, tmp_path):
    (tmp_path / "x.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    r = pufa("questions", "import", tmp_path / "x.yaml")
    assert r.returncode != 0 and "binary" in r.stderr
    (tmp_path / "x.docx").write_text("hello")
    r = pufa("questions", "import", tmp_path / "x.docx")
    assert r.returncode != 0 and "unknown file format" in r.stderr
    r = pufa("questions", "import", tmp_path / "missing.yaml")
    assert r.returncode != 0 and "no such file" in r.stderr


def test_every_export_format_imports_back_unchanged(pufa, data, tmp_path):
    assert pufa("questions", "import", REPO / "Questions" / "xingzheng-chufa.yaml").returncode == 0
    for fmt, ext in [("native", "yaml"), ("gift", "gift.txt"), ("moodle-xml", "xml"), ("csv", "csv"), ("xlsx", "xlsx")]:
        out = tmp_path / f"export.{ext}"
        r = pufa("questions", "export", "--format", fmt, "--bank", "行政处罚法", "--out", out)
        assert r.returncode == 0, r.stderr
        again = pufa("questions", "import", out)
        assert again.returncode == 0, f"{fmt}: {again.stderr}"
        assert " 0 added, 0 changed" in again.stdout, f"{fmt}: {again.stdout}"


def test_export_refuses_an_unknown_format_or_bank(pufa, data, tmp_path):
    r = pufa("questions", "export", "--format", "docx", "--out", tmp_path / "x")
    assert r.returncode != 0 and "unknown format docx" in r.stderr
    r = pufa("questions", "export", "--bank", "没有这个题库", "--out", tmp_path / "x")
    assert r.returncode != 0 and "no bank named" in r.stderr
