#!/usr/bin/env bash
# Peak RSS and wall time of backprop-cli on each hostile class of issue 12 (docs/HARDENING.md §11),
# one Markdown table row a case. Not a CTest test: a measurement.
#   tests/cli/measure_hostile.sh build/release/app/backprop-cli resources/data
cli=$1; data=$2
cli=$(realpath "$cli"); data=$(realpath "$data")
w=$(mktemp -d); cd "$w"
mkfifo fifo; mkdir folder.bpm; mkdir npydir; mkdir npydir/wih.npy
python3 - <<'PY'
import struct, zlib, os
with open("sparse.csv","wb") as f: f.write(b"5"+b",0"*784+b"\n"); f.truncate(10<<30)
with open("sparse.bpm","wb") as f: f.write(b"BPSMODEL 1\nlayers 784,200,10\n"); f.truncate(10<<30)
# .npy with a valid header for (200, 784) float64, then 10 GB
hdr = "{'descr': '<f8', 'fortran_order': False, 'shape': (200, 784), }"
hdr += " " * (117 - len(hdr)) + "\n"
os.makedirs("sparsenpy", exist_ok=True)
with open("sparsenpy/wih.npy","wb") as f: f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(hdr)) + hdr.encode()); f.truncate(10<<30)
# IDX bomb: 20,000,000 images of 1x1 pixel, gzip
n = 20_000_000
for name, head in (("bomb-images-idx3-ubyte.gz", struct.pack(">IIII", 0x803, n, 1, 1)),
                   ("bomb-labels-idx1-ubyte.gz", struct.pack(">II", 0x801, n))):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(name, "wb") as f: f.write(c.compress(head) + c.compress(bytes(n)) + c.flush())
# gzip bomb: 80 members of 64 MiB of newlines = 5 GiB from a few MB (over the 4 GiB cap)
c = zlib.compressobj(9, zlib.DEFLATED, 31)
member = c.compress(b"\n" * (64 << 20)) + c.flush()
with open("blank5g.csv.gz", "wb") as f:
    for _ in range(80): f.write(member)
# 1 GiB of newlines: 16 members, under the cap (streamed through, then "no samples")
with open("blank1g.csv.gz", "wb") as f:
    for _ in range(16): f.write(member)
# IDX whose header announces 2^31-1 images of 28x28, 16 bytes in all
with open("lie-images-idx3-ubyte", "wb") as f: f.write(struct.pack(">IIII", 0x803, 2**31-1, 28, 28))
with open("lie-labels-idx1-ubyte", "wb") as f: f.write(struct.pack(">II", 0x801, 2**31-1))
PY
ls -ls "$w" | sed 's/^/# /'
test="$data/mnist_test_10.csv"
m() {  # what, command…
  local what=$1; shift
  /usr/bin/time -f "%e %M %x" -o time.txt "$@" >out.txt 2>err.txt </dev/null
  read -r sec kib status < <(tail -n 1 time.txt)
  printf '| %s | `%s` | %s | %.1f MiB | %s s | %s |\n' "$what" "$(echo "$*" | sed "s|$cli|backprop-cli|; s|$data/||g")" "$status" "$(echo "$kib/1024" | bc -l)" "$sec" "$(head -c 300 err.txt | tr '\n' ' ' | sed 's/|/\\|/g')"
}
echo "| class | command | exit | peak RSS | wall | message |"
echo "|---|---|---|---|---|---|"
m "baseline: a good 10-row CSV" "$cli" info "$test"
m "/dev/zero as data" "$cli" info /dev/zero
m "/dev/zero as a model" "$cli" eval --model /dev/zero --test "$test"
m "/dev/urandom as data" "$cli" info /dev/urandom
m "/dev/urandom as a model" "$cli" eval --model /dev/urandom --test "$test"
m "10 GB sparse CSV, valid first line" "$cli" info sparse.csv
m "10 GB sparse model, valid first lines" "$cli" eval --model sparse.bpm --test "$test"
m "10 GB sparse .npy, valid header" "$cli" train --train "$data/mnist_train_100.csv" --init-npy sparsenpy --quiet
m "FIFO with no writer as data" "$cli" info fifo
m "FIFO with no writer as a model" "$cli" eval --model fifo --test "$test"
m "folder as data" "$cli" info folder.bpm
m "folder as a model" "$cli" eval --model folder.bpm --test "$test"
m "folder as a .npy" "$cli" train --train "$data/mnist_train_100.csv" --init-npy npydir --quiet
m "IDX header announcing 2^31-1 images, 16 bytes" "$cli" info lie-images-idx3-ubyte
m "IDX bomb: 20,000,000 1x1 images from 2 x $(du -k bomb-images-idx3-ubyte.gz | cut -f1) KB .gz" "$cli" info bomb-images-idx3-ubyte.gz
m "gzip bomb: 1 GiB of blank lines from $(du -k blank1g.csv.gz | cut -f1) KB" "$cli" info blank1g.csv.gz
m "gzip bomb: 5 GiB of blank lines from $(du -k blank5g.csv.gz | cut -f1) KB (over the 4 GiB cap)" "$cli" info blank5g.csv.gz
rm -rf "$w"
