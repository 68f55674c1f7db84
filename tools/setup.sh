#!/bin/sh
# Installs the Debian packages slant needs, and only those that are missing.
#   tools/setup.sh build   what `make` needs: a C compiler, pkg-config, libstemmer, GSL,
#                          cJSON, utf8proc, zlib and libzstd (their -dev packages)
#   tools/setup.sh test    the above, and what the tests use: Python with SciPy, pandas and
#                          scikit-learn (independent references and notebook consumers),
#                          jsonschema (the output schemas), Chromium with its WebDriver
#                          and Selenium (the HTML report in a real browser), GNU time,
#                          GNU parallel, Dask distributed and Slurm (the batch recipes
#                          of tests/batch), R with jsonlite, readr,
#                          dplyr and tidyr (the R code of docs/notebooks.md)
#   tools/setup.sh bench   the above, and Python's NLTK for the benchmark's peer
#   tools/setup.sh dev     the above, and clang with its sanitizer and fuzzer runtimes,
#                          valgrind and cppcheck (make asan, fuzz, valgrind, lint), and a
#                          word list for tools/stem_audit.py
set -eu
build="build-essential pkg-config libstemmer-dev libgsl-dev libcjson-dev libutf8proc-dev zlib1g-dev libzstd-dev"
test="$build python3 python3-scipy python3-pandas python3-sklearn python3-jsonschema python3-statsmodels chromium chromium-driver python3-selenium time parallel python3-distributed slurm-wlm r-base-core r-cran-jsonlite r-cran-readr r-cran-dplyr r-cran-tidyr"
bench="$test python3-nltk"
dev="$bench clang libclang-rt-14-dev valgrind cppcheck wamerican"
case "${1:-build}" in
    build) want=$build ;;
    test) want=$test ;;
    bench) want=$bench ;;
    dev) want=$dev ;;
    *) echo "usage: tools/setup.sh build|test|bench|dev" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "setup: installing Debian packages:$missing"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing > /dev/null
