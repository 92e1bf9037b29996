#!/usr/bin/python3
"""Bridges out of the studio, end to end (one case per CTest test, see CMakeLists.txt):

  notebook_*  backprop-cli export --notebook, then the notebook executed by Jupyter
              (jupyter nbconvert --execute): its "test_accuracy = ..." line equals
              backprop-cli eval's, and its extra epoch equals backprop-cli train --resume's
              weights and mean error to 1e-9 (and moved the weights by far more than that).
  onnx_*      backprop-cli export --onnx: onnx.checker passes (full check, shape inference);
              the graph evaluated with NumPy (the small evaluator below, written from the ONNX
              operator definitions of Div, Mul, Add, Gemm, Sigmoid, Tanh, Relu) equals
              backprop-cli query --json to 1e-12 on every row of the test files.
  export_errors  usage and data errors of export.
  studio_*    what the studio's File ▸ Export ▸ Notebook… / ONNX model… wrote
              (tests/ui/test_export_bridges.cpp, which passes --expect: a JSON file of what the
              studio computed): the notebook executed, its accuracy the studio's and its extra
              epoch the studio's next epoch to 1e-9; the model checked and its graph equal to the
              studio's network outputs to 1e-12.

Runs with Debian's python3 (numpy, onnx, nbconvert, ipykernel): /usr/bin/python3.
Usage: bridges_tests.py --cli PATH --data resources/data --work DIR CASE
"""
import json
import os
import re
import shutil
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
import testlib  # noqa: E402  (tests/cli/testlib.py)
from testlib import check, data, fail, work  # noqa: E402

A = testlib.A  # parsed arguments


def run(*args, expect=0):
    return testlib.run(A.cli, *args, expect=expect)


# ---- notebooks ----------------------------------------------------------------------------------

def execute(notebook):
    """Runs every cell with Jupyter; returns the text the cells printed."""
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=work("jupyter-runtime"), IPYTHONDIR=work("ipython"),
               JUPYTER_CONFIG_DIR=work("jupyter-config"), JUPYTER_DATA_DIR=work("jupyter-data"))
    executed = os.path.splitext(os.path.basename(notebook))[0] + ".executed.ipynb"
    p = subprocess.run(["/usr/bin/python3", "-m", "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.timeout=600", "--output", executed, notebook],
                       capture_output=True, text=True, env=env, cwd=A.work)
    if p.returncode != 0:
        fail(f"the notebook did not run: {p.stderr[-3000:]}")
    with open(os.path.join(os.path.dirname(notebook), executed)) as f:
        nb = json.load(f)
    text = ""
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                fail(f"cell raised {out.get('ename')}: {out.get('evalue')}")
            if out.get("name") == "stderr":
                fail(f"a cell wrote to stderr: {''.join(out.get('text', ''))}")
            text += "".join(out.get("text", ""))
    print("notebook printed:\n" + text)
    return text


def export_and_check(test_file, train_file, trained):
    """Exports m.bpm as a notebook, runs it, and holds it to the CLI's figures; its extra epoch
    must train `trained` samples. Returns what the notebook printed and its source."""
    os.makedirs(work("nb"), exist_ok=True)
    _, out, err = run("export", "--model", "m.bpm", "--test", test_file, "--train", train_file,
                      "--notebook", work("nb/run.ipynb"))
    print(out, err)
    check(os.path.exists(work("nb/run.ipynb")), "run.ipynb not written")
    weights = sorted(f for f in os.listdir(work("nb/run_weights")) if f.endswith(".npy"))
    print("weights folder:", weights)
    with open(work("nb/run.ipynb")) as f:
        nb = json.load(f)
    check(nb["nbformat"] == 4 and nb["metadata"]["kernelspec"]["name"] == "python3", "nbformat")
    source = "".join("".join(c["source"]) for c in nb["cells"])
    check("class neuralNetwork" in source and "def train(self, inputs_list, targets_list)" in source
          and "def query(self, inputs_list)" in source, "the book's class is not there")

    printed = execute(work("nb/run.ipynb"))

    # 1. the test accuracy, exactly as eval counts it
    _, out, _ = run("eval", "--model", "m.bpm", "--test", test_file, "--json")
    ev = json.loads(out)
    m = re.search(r"^test_accuracy = (0\.\d{4}|1\.0000) \((\d+) of (\d+) correct\)$", printed, re.M)
    check(m, "no 'test_accuracy = 0.XXXX (k of n correct)' line")
    check(int(m.group(2)) == ev["correct"] and int(m.group(3)) == ev["rows"],
          f"notebook {m.group(0)!r}, backprop-cli eval {ev}")
    check(m.group(1) == f"{ev['test_accuracy']:.4f}", f"{m.group(1)} vs {ev['test_accuracy']}")
    print(f"ok: test accuracy {m.group(1)} ({ev['correct']} of {ev['rows']}) as backprop-cli eval")

    # 2. one more epoch: the CLI goes on from the model; the notebook's weights must agree
    _, out, _ = run("train", "--resume", "m.bpm", "--train", train_file, "--epochs", "1",
                    "--export-npy", "cli_next", "--json", "--quiet")
    epoch = json.loads(out.strip().splitlines()[-1])
    m = re.search(r"trained (\d+) samples, mean_error = ([0-9.e+-]+)", printed)
    check(m, "the training cell did not report its epoch")
    check(int(m.group(1)) == trained, f"notebook trained {m.group(1)} samples, expected {trained}")
    check(abs(float(m.group(2)) - epoch["mean_error"]) <= 1e-9,
          f"mean error {m.group(2)} vs {epoch['mean_error']}")
    worst = 0.0
    for name in weights:
        if name == "order.npy":
            continue
        before = np.load(work("nb/run_weights/" + name))
        nb_after = np.load(work("nb/run_weights/next_epoch/" + name))
        cli_after = np.load(work("cli_next/" + name))
        moved = np.max(np.abs(cli_after - before))
        diff = np.max(np.abs(nb_after - cli_after))
        print(f"{name}: {before.shape}, the epoch moved weights by up to {moved:.3e}, "
              f"|notebook - backprop-cli| <= {diff:.3e}")
        check(moved > 1e-4, f"{name}: the epoch barely moved the weights; the test would be empty")
        check(diff <= 1e-9, f"{name}: notebook and backprop-cli differ by {diff:.3e}")
        worst = max(worst, diff)
    print(f"ok: {trained} samples, mean error and weights agree (worst {worst:.3e})")
    return printed, source


def notebook_book():
    # The book's network, per sample, in file order; a whole next epoch.
    run("train", "--train", data("mnist_train_100.csv"), "--layers", "auto,100,10", "--lr", "0.2",
        "--epochs", "2", "--seed", "3", "--save", "m.bpm", "--quiet")
    _, source = export_and_check(data("mnist_test_1000.csv.gz"), data("mnist_train_100.csv"), 100)
    check("self.wih = numpy.random.normal" in source and "hidden_errors = numpy.dot(self.who.T, "
          "output_errors)" in source, "the book's own lines (wih, who, hidden_errors) missing")
    check("with_bias" not in source and "order.npy" not in source and "train_batch" not in source,
          "the book's network got code it does not need")


def notebook_variants():
    # Everything the book's class does not have: shuffled, bias nodes, tanh, exact gradient,
    # mini-batches, two hidden layers, IDX data, and a run that stopped inside an epoch
    # (--limit 30 of the 100 rows: the export goes on at position 30 of the 100-row epoch).
    run("convert", data("mnist_train_100.csv"), work("train-images-idx3-ubyte"), "--quiet")
    run("convert", data("mnist_test_1000.csv.gz"), work("t1k-images-idx3-ubyte"), "--quiet")
    run("train", "--train", data("mnist_train_100.csv"), "--limit", "30", "--layers",
        "auto,30,20,10", "--activation", "tanh", "--bias", "--rule", "gradient", "--batch", "4",
        "--shuffle", "--lr", "0.3", "--seed", "5", "--save", "m.bpm", "--quiet")
    _, source = export_and_check(work("t1k-images-idx3-ubyte"), work("train-images-idx3-ubyte"),
                                 70)
    check("with_bias(" in source and "train_batch" in source and "order.npy" in source
          and "numpy.tanh" in source and "self.w2" in source, "a variant's code is missing")
    order = np.load(work("nb/run_weights/order.npy"))
    check(order.shape == (70, 1), f"order.npy holds {order.shape}, expected the 70 samples left")
    check(list(order[:, 0].astype(int)) != list(range(30, 100)), "order.npy is not a shuffle")


# ---- ONNX ---------------------------------------------------------------------------------------

def evaluate_onnx(model, x):
    """The graph evaluated node by node with NumPy (opset-13 semantics of the ops used)."""
    import onnx.numpy_helper as nh
    values = {t.name: nh.to_array(t) for t in model.graph.initializer}
    values[model.graph.input[0].name] = x
    for node in model.graph.node:
        ins = [values[i] for i in node.input]
        attrs = {a.name: a for a in node.attribute}
        op = node.op_type
        if op == "Div":
            out = ins[0] / ins[1]
        elif op == "Mul":
            out = ins[0] * ins[1]
        elif op == "Add":
            out = ins[0] + ins[1]
        elif op == "Gemm":  # Y = alpha · A' · B' + beta · C
            a, b = ins[0], ins[1]
            if "transA" in attrs and attrs["transA"].i:
                a = a.T
            if "transB" in attrs and attrs["transB"].i:
                b = b.T
            alpha = attrs["alpha"].f if "alpha" in attrs else 1.0
            beta = attrs["beta"].f if "beta" in attrs else 1.0
            out = alpha * (a @ b)
            if len(ins) > 2:
                out = out + beta * ins[2]
        elif op == "Sigmoid":
            out = 1.0 / (1.0 + np.exp(-ins[0]))
        elif op == "Tanh":
            out = np.tanh(ins[0])
        elif op == "Relu":
            out = np.maximum(ins[0], 0.0)
        else:
            fail(f"the evaluator does not know op {op}")
        values[node.output[0]] = out
    return values[model.graph.output[0].name]


def rows_of(path, count):
    """The raw rows (labels dropped) of a CSV (plain or .gz), the first `count`."""
    import gzip
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        rows = [list(map(float, line.split(",")[1:])) for line in f if line.strip()][:count]
    return np.array(rows, dtype=np.float64)


def onnx_case(train_args, name):
    import onnx
    run("train", "--train", data("mnist_train_100.csv"), *train_args, "--save", "m.bpm", "--quiet")
    _, out, _ = run("export", "--model", "m.bpm", "--onnx", work(name))
    print(out.strip())
    model = onnx.load(work(name))
    onnx.checker.check_model(model, full_check=True)
    check(any(o.domain in ("", "ai.onnx") and o.version >= 13 for o in model.opset_import),
          f"opset {model.opset_import}")
    inp, outp = model.graph.input[0], model.graph.output[0]
    check(inp.name == "input" and outp.name == "output", f"{inp.name} → {outp.name}")
    t = inp.type.tensor_type
    check(t.elem_type == onnx.TensorProto.DOUBLE, "input is not double")
    check([d.dim_param or d.dim_value for d in t.shape.dim] == ["N", 784], f"input shape {t.shape}")
    check([d.dim_param or d.dim_value for d in outp.type.tensor_type.shape.dim] == ["N", 10],
          "output shape")
    print("ok: onnx.checker (full), opset", [o.version for o in model.opset_import])

    worst, n = 0.0, 0
    for path, count in ((data("mnist_test_10.csv"), 10), (data("mnist_test_1000.csv.gz"), 40)):
        x = rows_of(path, count)
        y = evaluate_onnx(model, x)
        check(y.shape == (count, 10), f"graph output {y.shape}")
        for r in range(count):
            _, out, _ = run("query", "--model", "m.bpm", "--input", path, "--row", r, "--json")
            q = json.loads(out)
            diff = np.max(np.abs(np.array(q["outputs"]) - y[r]))
            worst = max(worst, diff)
            check(diff <= 1e-12, f"{os.path.basename(path)} row {r}: |graph - query| = {diff:.3e}")
            check(int(np.argmax(y[r])) == q["predicted"], f"row {r}: label differs")
            n += 1
    print(f"ok: {n} rows, graph outputs = backprop-cli query within {worst:.3e}")
    return model


def onnx_book():
    model = onnx_case(["--layers", "auto,200,10", "--epochs", "1"], "book.onnx")
    ops = [node.op_type for node in model.graph.node]
    check(ops == ["Div", "Mul", "Add", "Gemm", "Sigmoid", "Gemm", "Sigmoid"], f"ops {ops}")
    meta = {p.key: p.value for p in model.metadata_props}
    check(meta.get("layers") == "784,200,10" and "255" in meta.get("input_scaling", ""), meta)


def onnx_variants():
    model = onnx_case(["--layers", "auto,40,20,10", "--activation", "relu", "--bias", "--lr",
                       "0.05", "--epochs", "2"], "deep.onnx")
    ops = [node.op_type for node in model.graph.node]
    check(ops.count("Gemm") == 3 and ops.count("Relu") == 2, f"ops {ops}")
    check(all(len(n.input) == 3 for n in model.graph.node if n.op_type == "Gemm"), "bias missing")


def export_errors():
    run("train", "--train", data("mnist_train_100.csv"), "--shuffle", "--save", "m.bpm", "--quiet")
    _, _, err = run("export", "--model", "m.bpm", expect=2)
    check("--notebook" in err and "--onnx" in err, err)
    _, _, err = run("export", "--model", "m.bpm", "--notebook", work("x.ipynb"), expect=2)
    check("--train" in err and "shuffled" in err, err)  # the order needs the training file
    check(not os.path.exists(work("x.ipynb")), "a notebook was written after an error")
    _, _, err = run("export", "--model", work("missing.bpm"), "--onnx", work("x.onnx"), expect=1)
    check("missing.bpm" in err, err)
    _, _, err = run("export", "--model", "m.bpm", "--onnx", work("no/such/dir/x.onnx"), expect=1)
    check("x.onnx" in err, err)
    with open(work("wide.csv"), "w") as f:
        f.write("1" + ",0" * 30 + "\n")
    _, _, err = run("export", "--model", "m.bpm", "--test", work("wide.csv"), "--train",
                    data("mnist_train_100.csv"), "--notebook", work("y.ipynb"), expect=1)
    check("wide.csv" in err and "30 inputs" in err, err)
    check(not os.path.exists(work("y.ipynb")), "a notebook was written for data that do not fit")
    _, _, err = run("export", "--model", "m.bpm", "--train", data("mnist_train_100.csv"),
                    "--onnx", work("z.onnx"), expect=2)
    check("--train is for --notebook" in err, err)
    print("ok: export's errors")


# ---- the studio's exports ------------------------------------------------------------------------

def expected():
    check(A.expect, "--expect FILE.json is needed for the studio_* cases")
    with open(A.expect) as f:
        return json.load(f)


def studio_notebook():
    # The notebook the studio wrote: Jupyter runs it; its test accuracy is what the studio
    # counted and its extra epoch ends on the weights the studio had after the same epoch.
    e = expected()
    printed = execute(e["notebook"])
    m = re.search(r"^test_accuracy = (0\.\d{4}|1\.0000) \((\d+) of (\d+) correct\)$", printed, re.M)
    check(m, "no 'test_accuracy = 0.XXXX (k of n correct)' line")
    check(int(m.group(2)) == e["correct"] and int(m.group(3)) == e["rows"],
          f"notebook {m.group(0)!r}, studio {e['correct']} of {e['rows']}")
    check(m.group(1) == f"{e['correct'] / e['rows']:.4f}", f"{m.group(1)} vs the studio's")
    print(f"ok: test accuracy {m.group(1)} ({e['correct']} of {e['rows']}) as the studio's")
    m = re.search(r"trained (\d+) samples, mean_error = ([0-9.e+-]+)", printed)
    check(m, "the training cell did not report its epoch")
    check(int(m.group(1)) == e["trained"], f"notebook trained {m.group(1)}, studio {e['trained']}")
    names = sorted(f for f in os.listdir(e["weights"]) if f.endswith(".npy") and f != "order.npy")
    check(names, "no weights beside the notebook")
    worst = 0.0
    for name in names:
        before = np.load(os.path.join(e["weights"], name))
        nb_after = np.load(os.path.join(e["weights"], "next_epoch", name))
        studio_after = np.load(os.path.join(e["next"], name))
        moved = np.max(np.abs(studio_after - before))
        diff = np.max(np.abs(nb_after - studio_after))
        print(f"{name}: {before.shape}, the studio's epoch moved weights by up to {moved:.3e}, "
              f"|notebook - studio| <= {diff:.3e}")
        check(moved > 1e-4, f"{name}: the epoch barely moved the weights; the test would be empty")
        check(diff <= 1e-9, f"{name}: notebook and studio differ by {diff:.3e}")
        worst = max(worst, diff)
    print(f"ok: {e['trained']} samples, the notebook's weights are the studio's (worst {worst:.3e})")


def studio_onnx():
    # The model the studio wrote: onnx.checker passes and its graph, evaluated with NumPy, gives
    # the outputs the studio's network (the one it showed) gives.
    import onnx
    e = expected()
    model = onnx.load(e["onnx"])
    onnx.checker.check_model(model, full_check=True)
    check(any(o.domain in ("", "ai.onnx") and o.version >= 13 for o in model.opset_import),
          f"opset {model.opset_import}")
    inp, outp = model.graph.input[0], model.graph.output[0]
    check(inp.name == "input" and outp.name == "output", f"{inp.name} → {outp.name}")
    check([d.dim_param or d.dim_value for d in inp.type.tensor_type.shape.dim] ==
          ["N", e["inputs"]], "input shape")
    check([d.dim_param or d.dim_value for d in outp.type.tensor_type.shape.dim] ==
          ["N", e["outputs"]], "output shape")
    meta = {p.key: p.value for p in model.metadata_props}
    check(meta.get("samples_seen") == str(e["samples_seen"]), f"metadata {meta}")
    want = np.array(e["values"], dtype=np.float64)
    got = evaluate_onnx(model, rows_of(e["rows_file"], len(want)))
    check(got.shape == want.shape, f"graph output {got.shape}, studio {want.shape}")
    diff = np.max(np.abs(got - want))
    check(diff <= 1e-12, f"|graph - studio| = {diff:.3e}")
    print(f"ok: onnx.checker (full); {len(want)} rows, graph = the studio's network within "
          f"{diff:.3e}")


def pytorch_snippet():
    # The PyTorch snippet of docs/TAKING_IT_FURTHER.md, taken from the page, run with the NumPy
    # stand-in for torch (tests/bridges/torch_standin): its outputs equal backprop-cli query.
    with open(A.docs) as f:
        page = f.read()
    m = re.search(r"<!-- pytorch-snippet -->\s*```python\n(.*?)```\s*<!-- /pytorch-snippet -->", page,
                  re.S)
    check(m, "no PyTorch snippet between the markers in " + A.docs)
    snippet = m.group(1)
    run("train", "--train", data("mnist_train_100.csv"), "--lr", "0.2", "--save", "m.bpm",
        "--quiet")
    run("export", "--model", "m.bpm", "--notebook", work("lesson.ipynb"))
    shutil.copy(data("mnist_test_10.csv"), work("mnist_test_10.csv"))
    standin = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_standin")
    check_code = snippet + """
import json, sys
json.dump({"outputs": outputs.numpy()[0].tolist(), "predicted": int(outputs.argmax(dim=1))},
          open("snippet.json", "w"))
"""
    p = subprocess.run(["/usr/bin/python3", "-c", check_code], capture_output=True, text=True,
                       cwd=A.work, env=dict(os.environ, PYTHONPATH=standin))
    check(p.returncode == 0, f"the snippet failed: {p.stderr}")
    print("snippet printed:", p.stdout.strip())
    with open(work("snippet.json")) as f:
        got = json.load(f)
    _, out, _ = run("query", "--model", "m.bpm", "--input", data("mnist_test_10.csv"), "--json")
    q = json.loads(out)
    diff = np.max(np.abs(np.array(got["outputs"]) - np.array(q["outputs"])))
    check(diff <= 1e-12, f"snippet outputs differ from backprop-cli query by {diff:.3e}")
    check(got["predicted"] == q["predicted"], f"{got['predicted']} vs {q['predicted']}")
    check(f"network says {q['predicted']}" in p.stdout, p.stdout)
    print(f"ok: the snippet's outputs = backprop-cli query within {diff:.3e}")


if __name__ == "__main__":
    testlib.main(globals(), options=[
        ("--docs", {"default": "", "help": "docs/TAKING_IT_FURTHER.md (pytorch_snippet)"}),
        ("--expect", {"default": "", "help": "what the studio computed (studio_* cases)"})])
