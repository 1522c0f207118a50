#!/usr/bin/env python3
"""Checks that labs/lab.schema.json accepts what the lab loader accepts and rejects a
sample of what it rejects, so editors that validate with the schema agree with
`chaoslab lab validate`. Exits 77 (skipped) when the jsonschema module is missing."""
import json
import pathlib
import sys

SKIPPED = 77

try:
    import jsonschema
except ImportError:
    print("check-schema: the Python module jsonschema is missing; "
          "install python3-jsonschema to run this test")
    sys.exit(SKIPPED)

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "labs" / "lab.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
valid_text = (root / "tests" / "lab" / "data" / "valid-lab.json").read_text()

# Each change makes the loader report an error; the schema must reject it too.
rejected = {
    "misspelt key": ('"minutes": 15', '"minuets": 15'),
    "unknown toxic type": ('{ "type": "latency"', '{ "type": "latncy"'),
    "negative attribute": ('"jitter": 50', '"jitter": -5'),
    "toxicity above one": ('"toxicity": 0.5', '"toxicity": 1.5'),
    "unknown metric": ('"metric": "p95"', '"metric": "p90"'),
    "address without port": ('"listen": "127.0.0.1:18080"', '"listen": "127.0.0.1"'),
    "unknown scheme": ("http://127.0.0.1:18080/health", "ftp://127.0.0.1:21/"),
    "no correct choice": ('"correct": true', '"correct": false'),
    "text without English": ('{ "en": "Latency basics", "id": "Dasar latensi" }',
                             '{ "id": "Dasar latensi" }'),
    "unsupported format": ("chaoslab-lab/1", "chaoslab-lab/9"),
}

failures = []
errors = [error.message for error in validator.iter_errors(json.loads(valid_text))]
if errors:
    failures.append(f"valid-lab.json is rejected: {errors[:3]}")
for case, (before, after) in rejected.items():
    if before not in valid_text:
        failures.append(f"{case}: {before!r} is not in valid-lab.json")
        continue
    if validator.is_valid(json.loads(valid_text.replace(before, after, 1))):
        failures.append(f"{case}: the schema accepts it")
for lab in sorted((root / "labs").glob("*.json")):
    if lab.name == "lab.schema.json":
        continue
    errors = [error.message for error in validator.iter_errors(json.loads(lab.read_text()))]
    if errors:
        failures.append(f"{lab.name} is rejected: {errors[:3]}")

for failure in failures:
    print(f"check-schema: {failure}")
print(f"check-schema: {len(rejected) + 1 - len(failures)} of {len(rejected) + 1} cases agree"
      " with the loader")
sys.exit(1 if failures else 0)
