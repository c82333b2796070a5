#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/TARGET, not committed) from
# the project's own samples and fixtures.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/yaml_issue corpus/yaml_series corpus/text_import corpus/photo corpus/docx_import corpus/pdf_import
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
# Word and PDF: the Word-edited fixtures and the submissions, and every
# sample built by jianbao (JIANBAO=path to the binary, or on PATH) as DOCX
# (each font mode) and PDF.
cp ../tests/fixtures/word/*.docx ../tests/fixtures/add/*.docx corpus/docx_import/
cp ../tests/fixtures/add/*.pdf corpus/pdf_import/
jianbao="${JIANBAO:-jianbao}"
if command -v "$jianbao" >/dev/null; then
  for f in ../samples/*/*.yaml; do
    case "$f" in */series.yaml) continue ;; esac
    name="$(basename "$(dirname "$f")")-$(basename "$f" .yaml)"
    "$jianbao" build "$f" -o "corpus/pdf_import/$name.pdf" --quiet
    "$jianbao" build "$f" -o "corpus/docx_import/$name.docx" --quiet
    "$jianbao" build "$f" -o "corpus/docx_import/$name-embedded.docx" --docx-fonts embedded --quiet
  done
fi

