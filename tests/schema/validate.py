"""Validates plan files against the JSON Schema with Python's jsonschema.

Usage: python3 validate.py SCHEMA FILE...
Prints one JSON object: {"schema_ok": bool, "verdicts": {file: bool}}.
A leading byte order mark is skipped, as the app's reader skips it; a file
that is not JSON is refused.
"""
import json
import sys

import jsonschema


def main():
    schema_path, files = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    verdicts = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if text.startswith("\ufeff"):
            text = text[1:]
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            verdicts[path] = False
            continue
        try:
            verdicts[path] = validator.is_valid(value)
        except RecursionError:
            verdicts[path] = False
    print(json.dumps({"schema_ok": True, "verdicts": verdicts}))


if __name__ == "__main__":
    main()
