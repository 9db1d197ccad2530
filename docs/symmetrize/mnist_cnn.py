"""Trains a small MNIST CNN with PyTorch and exports it for `noether symmetrize` (the README's example).

    python3 docs/symmetrize/mnist_cnn.py ~/.noether/data/mnist /tmp/mnist_cnn.pt

Reads the IDX files that `./noether data fetch mnist` puts there, trains one epoch (about a minute on 2 cores),
and writes the TorchScript file and its sidecar JSON (input shape and normalization).
"""
import gzip
import json
import os
import struct
import sys

import numpy as np
import torch


def idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        magic = struct.unpack(">i", f.read(4))[0]
        dims = struct.unpack(">" + "i" * (magic & 0xFF), f.read(4 * (magic & 0xFF)))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def main(data, out):
    torch.manual_seed(0)
    torch.set_num_threads(2)
    x = torch.tensor(idx(os.path.join(data, "train-images-idx3-ubyte")), dtype=torch.float32)[:, None] / 255
    y = torch.tensor(idx(os.path.join(data, "train-labels-idx1-ubyte")), dtype=torch.long)
    x = (x - 0.1307) / 0.3081
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(32 * 7 * 7, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for i in torch.randperm(len(x)).split(128):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x[i]), y[i]).backward()
        opt.step()
    model.eval()
    torch.jit.trace(model, x[:1]).save(out)  # the two-line export: trace with an example input, save
    with open(os.path.splitext(out)[0] + ".json", "w") as f:
        json.dump({"input": [1, 28, 28], "mean": [0.1307], "std": [0.3081]}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
