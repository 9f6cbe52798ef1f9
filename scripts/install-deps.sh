#!/usr/bin/env bash
# Installs what DailyPapers needs on a fresh Debian machine, skipping what is already there.
#   scripts/install-deps.sh run    — to build and serve (libsqlite3-dev, libopenblas-dev, zlib1g-dev)
#   scripts/install-deps.sh test   — plus PostgreSQL and nginx (started by the tests themselves), Chromium and its
#                                    driver for the browser tests, and the Python test tools
#   scripts/install-deps.sh bench  — plus the load tools (wrk, nginx)
set -euo pipefail
purpose=${1:-run}

debian_packages=(libsqlite3-dev libopenblas-dev zlib1g-dev)
python_packages=()
case "$purpose" in
    run) ;;
    test) debian_packages+=(postgresql nginx-light chromium chromium-driver)
          python_packages=(huggingface_hub pytest feedparser aiosmtpd cryptography openapi-spec-validator schemathesis selenium axe-selenium-python
                         bibtexparser rispy citeproc-py=citeproc) ;;
    bench) debian_packages+=(wrk nginx-light postfix postgresql chromium chromium-driver); python_packages=(rank-bm25 sentence-transformers selenium scipy scikit-learn=sklearn) ;;
    *) echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    # postfix is only wanted for its smtp-sink and smtp-source tools: no mail system gets configured.
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
    echo "installing Debian packages: ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A package is named as pip knows it, with `=MODULE` when its import name is not the name with - as _.
for entry in "${python_packages[@]}"; do
    package=${entry%%=*}
    module=${entry#*=}
    [ "$module" = "$entry" ] && module=${package//-/_}
    python3 -c "import ${module}" 2>/dev/null || {
        echo "installing Python package: $package"
        python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "$package"
    }
done
