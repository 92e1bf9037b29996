"""A NumPy stand-in for the few torch calls of the PyTorch snippet in docs/TAKING_IT_FURTHER.md.

PyTorch is not installable where the tests run; this module lets the test run the snippet's own
lines and check its layout and arithmetic (nn.Linear: weight is out × in, y = x · Wᵀ). It is not
PyTorch: it checks nothing of PyTorch's API. Only what the snippet uses is here.
"""
import contextlib

import numpy as _np


class Tensor:
    def __init__(self, a):
        self.a = _np.asarray(a)

    def unsqueeze(self, dim):
        return Tensor(_np.expand_dims(self.a, dim))

    def argmax(self, dim=None):
        return Tensor(_np.argmax(self.a, axis=dim))

    def copy_(self, other):
        if other.a.shape != self.a.shape:
            raise RuntimeError(f"copy_: shape {other.a.shape} into {self.a.shape}")
        self.a[...] = other.a
        return self

    def numpy(self):
        return self.a

    def __int__(self):
        return int(self.a.reshape(-1)[0]) if self.a.size == 1 else int(self.a)


def from_numpy(a):
    return Tensor(a)


@contextlib.contextmanager
def no_grad():
    yield


class _Linear:
    def __init__(self, in_features, out_features, bias=True):
        if bias:
            raise NotImplementedError("the stand-in has no bias")
        self.weight = Tensor(_np.zeros((out_features, in_features), dtype=_np.float32))

    def double(self):
        self.weight = Tensor(self.weight.a.astype(_np.float64))
        return self

    def __call__(self, x):
        return Tensor(x.a @ self.weight.a.T)  # nn.Linear: y = x · Wᵀ


class _Sigmoid:
    def double(self):
        return self

    def __call__(self, x):
        return Tensor(1.0 / (1.0 + _np.exp(-x.a)))


class _Sequential:
    def __init__(self, *modules):
        self.modules = list(modules)

    def double(self):
        for m in self.modules:
            m.double()
        return self

    def __getitem__(self, i):
        return self.modules[i]

    def __call__(self, x):
        for m in self.modules:
            x = m(x)
        return x


class _NN:
    Linear = _Linear
    Sigmoid = _Sigmoid
    Sequential = _Sequential


nn = _NN()
