#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/<target>/ (run from anywhere; rewrites the folder).

Seeds come from the real files (the first rows of resources/data/mnist_train_100.csv, a tiny
IDX pair cut from them, a tiny model and .npy files in the exact layouts the program writes)
plus hand-made edge cases. Python standard library only (no numpy)."""
import gzip
import hashlib
import os
import shutil
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "corpus")


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def gz(data, level=9, mtime=0):
    return gzip.compress(data, compresslevel=level, mtime=mtime)


# ---- real data ----
with open(os.path.join(ROOT, "resources/data/mnist_train_100.csv"), "rb") as f:
    rows = f.read().split(b"\n")[:3]
real = b"\n".join(rows) + b"\n"

# ---- CSV ----
put("csv", "book_3rows.csv", real)
put("csv", "book_1row_no_newline.csv", rows[0])
header = b"label," + b",".join(b"pixel%d" % i for i in range(784))
put("csv", "kaggle_crlf_header.csv", header + b"\r\n" + b"\r\n".join(rows[:2]) + b"\r\n")
put("csv", "bom.csv", b"\xef\xbb\xbf" + rows[0] + b"\n")
digits = [b"%d," % (i % 10) + b",".join(b"%d" % ((i * 7 + k) % 17) for k in range(64)) for i in range(4)]
put("csv", "digits8x8.csv", b"\n".join(digits) + b"\n")
edge = {
    "empty.csv": b"",
    "only_header.csv": b"label,a,b\n",
    "blank_lines.csv": b"\n\n5,0,1\n\n\n3,2,1\n",
    "quoted.csv": b'"5","0","255"\n" 3 ", 1 ,2\n',
    "decimals.csv": b"5,0.0,12.0,1e2\n3,1,2,3\n",
    "negative.csv": b"5,-1,0\n",
    "pixel_256.csv": b"5,256,0\n",
    "label_10.csv": b"10,0,0\n",
    "ragged.csv": b"5,0,0,0\n3,1,2\n",
    "mid_line.csv": b"5,0,0,0\n3,1,",
    "nul.csv": b"5,0\x00,0\n",
    "png_renamed.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x1c",
    "semicolons.csv": b"5;0;0;12\n",
    "tabs.csv": b"5\t0\t0\n",
    "spaces_line.csv": b"   \n5,1,2\n  \t \n",
    "one_value.csv": b"5\n",
    "long_number.csv": b"5," + b"0" * 300 + b"1,2\n",
    "exponent.csv": b"5,1e308,1e-308\n",
    "nan.csv": b"5,nan,inf\n",
    "cr_only.csv": b"5,1,2\r3,4,5\r",
    "pixel_header.csv": b"pixel0,pixel1\n1,2\n",
    "idx_magic.csv": b"\x00\x00\x08\x03\x00\x00\x00\x01",
}
for name, data in edge.items():
    put("csv", name, data)

# ---- IDX (fuzz input = u32 LE length of images part, images, labels) ----
def idx_pair(images, labels, rows_, cols):
    img = struct.pack(">IIII", 0x803, len(labels), rows_, cols) + bytes(images)
    lab = struct.pack(">II", 0x801, len(labels)) + bytes(labels)
    return img, lab


def split(img, lab):
    return struct.pack("<I", len(img)) + img + lab


vals = [list(map(int, r.split(b","))) for r in rows]
img, lab = idx_pair(sum((v[1:] for v in vals), []), [v[0] for v in vals], 28, 28)
tiny_img, tiny_lab = idx_pair([0, 255, 7, 9, 1, 2, 3, 4], [3, 9], 2, 2)
idx_cases = {
    "mnist_3.idx": split(img, lab),
    "tiny_2x2.idx": split(tiny_img, tiny_lab),
    "truncated_images.idx": split(img[:-5], lab),
    "count_mismatch.idx": split(tiny_img, struct.pack(">II", 0x801, 3) + b"\x01\x02\x03"),
    "huge_count.idx": split(struct.pack(">IIII", 0x803, 0xFFFFFFFF, 28, 28) + b"\0" * 16,
                            struct.pack(">II", 0x801, 0xFFFFFFFF)),
    "huge_image.idx": split(struct.pack(">IIII", 0x803, 1, 0xFFFF, 0xFFFF), tiny_lab),
    "label_10.idx": split(tiny_img, struct.pack(">II", 0x801, 2) + b"\x03\x0a"),
    "trailing.idx": split(tiny_img + b"x", tiny_lab),
    "labels_first.idx": split(tiny_lab, tiny_img),
    "type_float.idx": split(b"\x00\x00\x0d\x03" + tiny_img[4:], tiny_lab),
    "empty.idx": b"",
    "zero_images.idx": split(struct.pack(">IIII", 0x803, 0, 2, 2), struct.pack(">II", 0x801, 0)),
}
for name, data in idx_cases.items():
    put("idx", name, data)
put("idx_gz", "mnist_3.idx.gz", split(gz(img), gz(lab)))
put("idx_gz", "tiny_2x2.idx.gz", split(gz(tiny_img), gz(tiny_lab)))
put("idx_gz", "tiny_plain_labels.idx.gz", split(gz(tiny_img, 1), tiny_lab))
put("idx_gz", "truncated.idx.gz", split(gz(img)[:-9], gz(lab)))
put("idx_gz", "stored.idx.gz", split(gz(tiny_img, 0), gz(tiny_lab, 0)))

# ---- gzip ----
text = real[:2000]
put("gunzip", "text_dynamic.gz", gz(text))
put("gunzip", "text_stored.gz", gz(text, 0))
put("gunzip", "text_fast.gz", gz(text, 1))
put("gunzip", "empty.gz", gz(b""))
put("gunzip", "two_members.gz", gz(b"abc") + gz(b"defdefdef"))
put("gunzip", "truncated.gz", gz(text)[:-20])
bad_crc = bytearray(gz(b"hello hello hello"))
bad_crc[-8] ^= 1
put("gunzip", "bad_crc.gz", bytes(bad_crc))
put("gunzip", "zeros.gz", gz(b"\0" * 50000))
# Header with FEXTRA, FNAME and FCOMMENT and FHCRC flags set.
body = zlib.compressobj(9, zlib.DEFLATED, -15)
deflated = body.compress(b"flags") + body.flush()
hdr = b"\x1f\x8b\x08\x1e" + b"\0\0\0\0" + b"\x00\x03" + b"\x02\x00ab" + b"name\0" + b"comment\0"
hdr += struct.pack("<H", zlib.crc32(hdr) & 0xFFFF)
put("gunzip", "all_flags.gz", hdr + deflated + struct.pack("<II", zlib.crc32(b"flags"), 5))
put("gunzip", "not_gzip.gz", b"plain text, not gzip")
put("gunzip", "magic_only.gz", b"\x1f\x8b")

# ---- model (.bpm format 1, as encodeModel writes it) ----
def model(layers, weights, extra=b"", version=b"1", bias=b"0", hidden=b"sigmoid"):
    h = b"BPSMODEL " + version + b"\n# Backprop Studio model; format: docs/MODEL_FORMAT.md\n"
    h += b"layers " + b",".join(b"%d" % n for n in layers) + b"\n"
    h += b"hidden_activation " + hidden + b"\noutput_activation sigmoid\nbias " + bias + b"\n"
    h += b"error_rule book\nseed 1\nlearning_rate 0.1\nepochs_trained 0\nbatch 1\nshuffle 0\n"
    h += b"samples_seen 0\n" + extra + b"weights %d f8 rows\nend\n" % len(weights)
    data = h + b"".join(struct.pack("<d", w) for w in weights)
    return data + struct.pack("<I", zlib.crc32(data))


w332 = [0.9, 0.3, 0.4, 0.2, 0.8, 0.2, 0.1, 0.5, 0.6, 0.3, 0.7, 0.5, 0.6, 0.5, 0.2, 0.8, 0.1, 0.9]
put("model", "book_3_3_3.bpm", model([3, 3, 3], w332))
put("model", "two_layer.bpm", model([2, 2], [0.9, 0.3, 0.2, 0.8]))
put("model", "bias.bpm", model([2, 1], [0.5, -0.5, 0.1], bias=b"1"))
put("model", "newer_version.bpm", model([2, 2], [0.9, 0.3, 0.2, 0.8], version=b"2"))
put("model", "truncated.bpm", model([3, 3, 3], w332)[:-30])
put("model", "wrong_count.bpm", model([3, 3, 3], w332[:-1]))
put("model", "nan_weight.bpm", model([2, 2], [float("nan"), 0.3, 0.2, 0.8]))
put("model", "tanh.bpm", model([2, 3, 2], [0.1] * 12, hidden=b"tanh"))
put("model", "huge_layers.bpm", model([1000000, 1000000], [0.0]))
put("model", "empty.bpm", b"")

# ---- .npy ----
def npy(shape, values, descr="<f8", fortran=False, major=1):
    d = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (
        descr, "True" if fortran else "False",
        "(%d,)" % shape[0] if len(shape) == 1 else "(%d, %d)" % shape)
    pre = 10 if major == 1 else 12
    pad = 64 - (pre + len(d) + 1) % 64
    header = (d + " " * pad + "\n").encode()
    size = struct.pack("<H", len(header)) if major == 1 else struct.pack("<I", len(header))
    fmt = "<d" if descr.endswith("f8") else "<f"
    return b"\x93NUMPY" + bytes([major, 0]) + size + header + b"".join(
        struct.pack(fmt, v) for v in values)


put("npy", "wih_3x3.npy", npy((3, 3), w332[:9]))
put("npy", "who_f4.npy", npy((2, 3), [0.5] * 6, descr="<f4"))
put("npy", "fortran.npy", npy((2, 3), [1, 2, 3, 4, 5, 6], fortran=True))
put("npy", "vector.npy", npy((4,), [1, 2, 3, 4]))
put("npy", "v2.npy", npy((2, 2), [1, 2, 3, 4], major=2))
put("npy", "v3.npy", npy((2, 2), [1, 2, 3, 4], major=3))
put("npy", "big_endian.npy", npy((1, 1), [1.0], descr=">f8"))
put("npy", "int64.npy", npy((1, 1), [0], descr="<i8"))
put("npy", "truncated.npy", npy((3, 3), w332[:9])[:-8])
put("npy", "huge_shape.npy", npy((4000000000, 4000000000), []))
put("npy", "empty.npy", b"")

# ---- session (.bps format 1, as encodeSession writes it: header, embedded .bpm, curves) ----
def session(model_bytes, runs=(), extra=b"", version=b"1"):
    h = b"BPSESSION " + version + b"\n# Backprop Studio session; format: docs/SESSION_FORMAT.md\n"
    h += extra + b"epochs 1\nshuffle_seed 1\nerror_window 100\n"
    points = b""
    for label, curves in runs:
        h += b"run %d %d %d " % tuple(len(c) for c in curves) + label + b"\n"
        for c in curves:
            points += b"".join(struct.pack("<dd", x, y) for x, y in c)
    h += b"model %d bpm\nend\n" % len(model_bytes)
    data = h + model_bytes + points
    return data + struct.pack("<I", zlib.crc32(data))


m333 = model([3, 3, 3], w332)
run1 = (b"%CE%B1 0.1 hidden 3", ([(1, 0.5), (2, 0.25)], [(2, 0.9)], [(0, 0.1)]))
put("session", "book_3_3_3.bps", session(m333, [run1], b"title Lesson 1\ntrain_data a.csv\n"))
put("session", "no_runs.bps", session(model([2, 2], [0.9, 0.3, 0.2, 0.8])))
put("session", "settings.bps", session(m333, [run1, run1], b"setting speed 3\nsetting view.k 20%25\n"))
put("session", "newer.bps", session(m333, version=b"9"))
put("session", "truncated.bps", session(m333, [run1])[:-40])
put("session", "bad_model.bps", session(m333[:-4] + b"\0\0\0\0"))

# Class mode's messages (docs/CLASSROOM_PROTOCOL.md), one of each type.
put("class_message", 'epoch.json', '{"type":"epoch","run":1,"epoch":1,"samples_seen":60000,"test_accuracy":0.9547,"mean_error":0.07,"learning_rate":0.1}'.encode())
put("class_message", 'epoch_null.json', '{"type":"epoch","run":1,"epoch":2,"samples_seen":60000,"test_accuracy":null,"mean_error":0.07,"learning_rate":0.1}'.encode())
put("class_message", 'goal.json', '{"type":"goal","active":true,"min_accuracy":0.95,"max_hidden":50}'.encode())
put("class_message", 'hello.json', '{"type":"hello","protocol":1,"code":"ROOM42","name":"Ann Lee","key":"abcdefgh12345678"}'.encode())
put("class_message", 'progress.json', '{"type":"progress","run":1,"samples_seen":300,"learning_rate":0.1,"error":[[100,0.9],[200,0.5]],"rate_changes":[[150,0.2]]}'.encode())
put("class_message", 'refused.json', '{"type":"refused","reason":"name_taken"}'.encode())
put("class_message", 'run.json', '{"type":"run","run":1,"layers":[784,100,10],"learning_rate":0.1,"seed":1,"batch":1}'.encode())
put("class_message", 'session.json', '{"type":"session","purpose":"sweep","bps":"QlBTRVNTSU9OIDEK"}'.encode())
put("class_message", 'welcome.json', '{"type":"welcome","protocol":1,"name":"李雷"}'.encode())

total = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(OUT) for f in fs)
print("corpus written to %s (%d bytes)" % (OUT, total))
