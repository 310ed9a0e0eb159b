"""The web client's scripts parse as ES2019 modules, the most WeChat's older in-app browsers take.
Uses Debian's node-acorn when present (apt-get install nodejs node-acorn); skipped otherwise."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ACORN = Path("/usr/share/nodejs/acorn/dist/acorn.js")
SCRIPTS = sorted((Path(__file__).resolve().parents[2] / "Public" / "assets" / "js").rglob("*.js"))

CHECK = """
const acorn = require(process.argv[1]);
const fs = require('fs');
const bad = [];
for (const f of JSON.parse(process.argv[2])) {
  try { acorn.parse(fs.readFileSync(f, 'utf8'), { ecmaVersion: 2019, sourceType: 'module' }); }
  catch (e) { bad.push(f + ': ' + e.message); }
}
console.log(JSON.stringify(bad));
"""


@pytest.mark.skipif(not shutil.which("node") or not ACORN.exists(), reason="needs nodejs and node-acorn")
def test_every_script_is_es2019():
    assert SCRIPTS
    out = subprocess.run(["node", "-e", CHECK, str(ACORN), json.dumps([str(p) for p in SCRIPTS])],
                         capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(out.stdout) == []
