"""`pufa draw verify`: an offline check of a published prize draw, and an independent re-implementation of it.

The three files in fixtures/draw/ are what the server publishes for a round (rules.json, eligible.txt,
result.json). They are written by DrawsTests' `theCommandLineFixturesAreWhatTheServerWouldPublish`
(`PUFA_WRITE_DRAW_FIXTURES=Tests/cli/fixtures/draw swift test --filter DrawsTests`), which also fails whenever the
checked-in files no longer equal what the code produces, so they cannot rot.

The last tests recompute the draw in Python with hashlib alone, from the published files and RFC 3797: that
anyone can do this is the point of a verifiable draw.
"""
import hashlib
import json
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "draw"
LOTTERY = "03 07 11 19 25 31 33"  # as the lottery announces it: the result's numbers, zero-padded, any order


@pytest.fixture
def files(tmp_path) -> dict:
    """A private copy of the published files, which a test may tamper with."""
    out = {}
    for name in ["rules.json", "eligible.txt", "result.json"]:
        shutil.copy(FIXTURES / name, tmp_path / name)
        out[name] = tmp_path / name
    return out


@pytest.fixture
def verify(pufa, files):
    def run(*extra):
        return pufa("draw", "verify", "--rules", files["rules.json"], "--eligible", files["eligible.txt"],
                    "--result", files["result.json"], *extra, data=False)
    return run


def published_result() -> dict:
    return json.loads((FIXTURES / "result.json").read_text(encoding="utf-8"))


# --- the command ---------------------------------------------------------------------------------

def test_the_published_files_verify_and_the_winners_are_listed(verify):
    r = verify()
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stderr == ""
    result = published_result()
    assert f"规则承诺 / rules commitment: {result['rulesCommitment']}" in r.stdout
    assert f"名单摘要 / eligible digest: {result['eligibleDigest']}" in r.stdout
    assert "名单人数 / eligible count: 40" in r.stdout
    assert f"密钥串 / key: {result['key']}" in r.stdout
    assert "taken from the result file" in r.stdout
    for n, w in enumerate(result["winners"], 1):
        assert f"  {n}. {w['prize']}  {w['entryId']}  {w['maskedPhone']}  第 {w['position']} 位 / position {w['position']}" in r.stdout
    assert r.stdout.endswith("核验通过 / verified\n")


def test_the_lottery_numbers_given_as_announced_verify(verify):
    r = verify("--public", LOTTERY)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "3.7.11.19.25.31.33./（命令行给出 / as given）" in r.stdout
    assert verify("--public", "numbers:33，31、25,19 11,7,3").returncode == 0


def test_other_lottery_numbers_are_a_mismatch(verify):
    r = verify("--public", "numbers:1,2,3,4,5,6,7")
    assert r.returncode == 1
    assert "public value differs: published 3.7.11.19.25.31.33./, given 1.2.3.4.5.6.7./" in r.stdout
    assert "NOT verified" in r.stdout


def test_one_changed_line_of_the_eligible_list_is_a_digest_mismatch(verify, files):
    path = files["eligible.txt"]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[6] = lines[6].replace("****", "****9")  # E007's masked phone
    path.write_text("".join(lines), encoding="utf-8")
    r = verify()
    assert r.returncode == 1
    assert f"eligible digest differs: published {published_result()['eligibleDigest']}, recomputed " in r.stdout
    assert "不一致 / mismatch: key differs" in r.stdout


def test_a_swapped_winner_in_the_result_is_a_mismatch(verify, files):
    result = published_result()
    original = result["winners"][0]["entryId"]
    result["winners"][0]["entryId"] = "E040" if original != "E040" else "E039"
    files["result.json"].write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    r = verify()
    assert r.returncode == 1
    assert f"winner 1 differs: published {result['winners'][0]['entryId']}, recomputed {original}" in r.stdout


def test_rules_that_are_not_the_canonical_bytes_do_not_verify(verify, files):
    rules = json.loads(files["rules.json"].read_text(encoding="utf-8"))
    files["rules.json"].write_text(json.dumps(rules, ensure_ascii=False, indent=2), encoding="utf-8")
    r = verify()
    assert r.returncode == 1
    assert "rules file is not canonical JSON" in r.stdout
    assert hashlib.sha256(files["rules.json"].read_bytes()).hexdigest() in r.stdout


def test_json_output(verify):
    r = verify("--format", "json", "--public", LOTTERY)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    result = published_result()
    assert report["verified"] is True and report["mismatches"] == []
    assert report["commitment"] == result["rulesCommitment"]
    assert report["eligibleDigest"] == result["eligibleDigest"] and report["eligibleCount"] == 40
    assert report["key"] == result["key"]
    assert report["winners"] == result["winners"]
    assert report["publicValueOrigin"] == "given"


def test_json_output_lists_mismatches(verify):
    r = verify("--format", "json", "--public", "numbers:1 2 3 4 5 6 7")
    assert r.returncode == 1
    report = json.loads(r.stdout)
    assert report["verified"] is False and len(report["mismatches"]) >= 2


def test_a_malformed_eligible_line_is_located_and_exits_2(verify, files):
    path = files["eligible.txt"]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].replace("\t", " ")
    path.write_text("".join(lines), encoding="utf-8")
    r = verify()
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr == f"{path}:5: expected entryId<TAB>maskedPhone, found no tab\n"


def test_windows_line_endings_are_refused_at_the_first_line(verify, files):
    path = files["eligible.txt"]
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    r = verify()
    assert r.returncode == 2 and r.stdout == ""
    assert "eligible.txt:1: the line ends with CR LF" in r.stderr


def test_a_missing_file_exits_2(pufa, files, tmp_path):
    r = pufa("draw", "verify", "--rules", tmp_path / "nope.json", "--eligible", files["eligible.txt"],
             "--result", files["result.json"], data=False)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr == f"{tmp_path / 'nope.json'}:1: no such file\n"


def test_invalid_json_is_located_and_exits_2(verify, files):
    path = files["result.json"]
    lines = path.read_text(encoding="utf-8").split("\n")
    target = max(i for i, line in enumerate(lines) if '"position"' in line)
    lines[target] += " 12"
    path.write_text("\n".join(lines), encoding="utf-8")
    r = verify()
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith(f"{path}:{target + 1}: not valid JSON")


def test_a_missing_field_and_a_bad_public_value_exit_2(verify, files):
    rules = files["rules.json"].read_text(encoding="utf-8").replace('"issue":"2025063",', "")
    files["rules.json"].write_text(rules, encoding="utf-8")
    r = verify("--public", "numbers:3,x")
    assert r.returncode == 2 and r.stdout == ""
    assert f'{files["rules.json"]}:1: missing field "seed.issue"' in r.stderr
    assert '--public: the public value is invalid: "x" is not a whole number 0 or more' in r.stderr


def test_help_documents_the_formats_and_exit_status(pufa):
    r = pufa("draw", "verify", "--help", data=False)
    assert r.returncode == 0, r.stderr
    assert "USAGE: pufa draw verify" in r.stdout
    for words in ["rules.json", "eligible.txt", "result.json", "numbers:", "text:", "Exit status"]:
        assert words in r.stdout
    assert "\n  draw " in pufa("--help", data=False).stdout


# --- an independent implementation: hashlib and RFC 3797, nothing from pufa ----------------------

def rfc3797_select(key: str, pool: int, count: int) -> list[int]:
    """RFC 3797 section 4: MD5 of (2-byte counter, key, 2-byte counter) as a big number, mod the remaining pool."""
    remaining = list(range(1, pool + 1))
    chosen = []
    for i in range(min(count, pool)):
        counter = i.to_bytes(2, "big")
        value = int.from_bytes(hashlib.md5(counter + key.encode("utf-8") + counter).digest(), "big")
        chosen.append(remaining.pop(value % len(remaining)))
    return chosen


def render_numbers(values) -> str:
    return "".join(f"{v}." for v in sorted(values)) + "/"


def test_the_python_selection_reproduces_the_rfc_worked_example():
    key = render_numbers([9319]) + render_numbers([2, 5, 12, 8, 10]) + render_numbers([9, 18, 26, 34, 41, 45])
    assert key == "9319./2.5.8.10.12./9.18.26.34.41.45./"
    assert rfc3797_select(key, 25, 16) == [17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22, 5, 18, 9, 1, 4]


def test_an_independent_recomputation_agrees_with_the_published_result_and_the_command(verify):
    rules_bytes = (FIXTURES / "rules.json").read_bytes()
    eligible_bytes = (FIXTURES / "eligible.txt").read_bytes()
    result = published_result()
    rules = json.loads(rules_bytes)

    # The commitment and digest are plain SHA-256 of the files' bytes.
    assert hashlib.sha256(rules_bytes).hexdigest() == result["rulesCommitment"]
    digest = hashlib.sha256(eligible_bytes).hexdigest()
    assert digest == result["eligibleDigest"]
    # rules.json is canonical: sorted keys, no white space, non-ASCII as is.
    assert json.dumps(rules, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() == rules_bytes

    # The key: the lottery numbers in RFC 3797 form, then the digest in upper case as a text source.
    assert result["key"] == render_numbers(result["publicValue"]["numbers"]) + digest.upper() + "/"
    entries = [line.split("\t") for line in eligible_bytes.decode("utf-8").splitlines()]
    assert len(entries) == result["eligibleCount"]

    wanted = sum(p["count"] for p in rules["prizes"])
    positions = rfc3797_select(result["key"], len(entries), wanted)
    assert [w["position"] for w in result["winners"]] == positions
    prizes = [p["name"] for p in rules["prizes"] for _ in range(p["count"])]
    expected = [{"prize": prize, "position": pos, "entryId": entries[pos - 1][0], "maskedPhone": entries[pos - 1][1]}
                for prize, pos in zip(prizes, positions)]
    assert result["winners"] == expected

    r = verify("--format", "json", "--public", LOTTERY)
    assert json.loads(r.stdout)["winners"] == expected
