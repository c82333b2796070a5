#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/TARGET, not committed) from
# the project's own samples and fixtures.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/yaml_issue corpus/yaml_series corpus/text_import corpus/photo
for f in ../samples/*/*.yaml; do
  case "$f" in
    */series.yaml) cp "$f" "corpus/yaml_series/$(basename "$(dirname "$f")")-series.yaml" ;;
    *) cp "$f" "corpus/yaml_issue/$(basename "$(dirname "$f")")-$(basename "$f")" ;;
  esac
done
# An issue under its series file, split as the target splits them.
{ cat ../samples/linjiang/series.yaml; printf '\n---\n'; cat ../samples/linjiang/2024-09.yaml; } > corpus/yaml_issue/with-series.yaml
cp ../tests/fixtures/import/*.txt corpus/text_import/
cp ../tests/golden/*.txt corpus/text_import/
cp ../tests/golden/*.png corpus/photo/
# JPEG (with EXIF), WebP and GIF files from crates and Python in the local
# caches, when they are there (they are not copied into the repository).
for f in ~/.cargo/registry/src/*/kamadak-exif-*/tests/exif.{jpg,webp} \
         ~/.pyenv/versions/*/lib/python3*/test/test_email/data/python.gif; do
  [ -f "$f" ] && cp "$f" corpus/photo/ || true
done
